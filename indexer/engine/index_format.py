"""Which format an index directory was written in, kept in a small file beside it.

Whoosh stores the schema it was written with, but not how words were stemmed or which arrays
sit beside its segments: an index written by an older engine opens without complaint and then
mixes old and new stems. Ingest reads `outdated()` and rebuilds such an index by itself.
"""
from __future__ import annotations

from pathlib import Path

from .. import generations

# 1: Whoosh's Porter stems (no file was written then). 2: Snowball (Porter2) stems. 3: the author field.
CURRENT = 3
CHANGES = {2: "words are now stemmed by Snowball (Porter2)", 3: "records now carry their document's author (a facet)"}
_FILE = "FORMAT"


def read(index_dir: Path) -> int:
    """The format of the index in `index_dir` (its live generation); 1 when it predates this file."""
    try:
        return int((generations.live(Path(index_dir)) / _FILE).read_text(encoding="ascii").strip())
    except FileNotFoundError:
        return 1
    except ValueError:
        return 0  # unreadable: treated as older than anything, so rebuilt


def write(index_dir: Path) -> None:
    """Called when a new, empty index is created in `index_dir`.

    Synced: lost or empty after a power cut, it would read as format 1 or 0 and the next ingest
    would rebuild the whole archive. Its folder entry is synced with the first commit's files.
    """
    path = Path(index_dir) / _FILE
    path.write_text(f"{CURRENT}\n", encoding="ascii")
    generations.sync(path)


def outdated(index_dir: Path) -> str | None:
    """Why the existing index in `index_dir` must be rebuilt, or None when it is current."""
    found = read(index_dir)
    if found == CURRENT:
        return None
    if found > CURRENT:
        return None  # written by a newer engine: not ours to rebuild (opening it will say what is wrong)
    reasons = [CHANGES[version] for version in range(found + 1, CURRENT + 1) if version in CHANGES]
    return f"index format {found} is older than {CURRENT} ({'; '.join(reasons)})"
