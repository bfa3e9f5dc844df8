"""Which files of a folder are documents: the walk, the ignore rules, folders that cannot be read.

A folder handed to ingest is often a project folder: its README, LICENSE and CHANGELOG describe
the collection and are not part of it, and hidden files and folders (.git, .DS_Store) are tools'
files. They are left out by default and named in the summary. More can be left out, and the
defaults taken back, with an ``.archiveignore`` file in gitignore syntax (read with ``pathspec``,
which implements git's rules, negation and folder patterns included): one in any folder applies
to that folder and below, and a deeper one wins, as in git. A file named on the command line is
always read.

Only the names are decided here; ``reading.read_bytes`` refuses what is not a regular file.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pathspec import GitIgnoreSpec

from .loading import TEXT_SUFFIXES
from .reading import UnreadableFile, read_bytes, stored_name

IGNORE_FILE = ".archiveignore"
METADATA_TABLES = ("metadata.csv", "metadata.jsonl")  # read by metadata_table, never as documents

# Files about a collection rather than in it, in any case, with any extension or suffix:
# README.md, readme.txt, LICENSE, Licence-2.txt, CHANGELOG.md, CONTRIBUTING, COPYING.
_ABOUT_THE_COLLECTION = re.compile(
    r"(?:README|LICEN[CS]E|COPYING|CHANGELOG|CONTRIBUTING|CODE_OF_CONDUCT)(?:[._\-].*)?", re.I)


@dataclass(frozen=True)
class Found:
    """What a walk found: documents as (file, folder it was found under), and what it left out."""

    files: tuple[tuple[Path, Path], ...]
    ignored: tuple[str, ...] = ()  # names left out by the rules; folders end with '/'
    problems: tuple[tuple[str, str], ...] = ()  # (name, reason): folders or ignore files not read
    metadata_tables: tuple[Path, ...] = ()


def ignored_by_default(name: str) -> bool:
    return name.startswith(".") or bool(_ABOUT_THE_COLLECTION.fullmatch(name))


def find_documents(paths: list[Path], archive: Path | None = None) -> Found:
    """Every document file under ``paths`` in a stable order, each once, with what was left out and why.

    Symbolic links to folders are not followed, so a link loop cannot trap the walk. The
    ``archive`` folder (INDEX_DIR) is left out wherever it lies: an instance folder kept inside
    the documents' folder had its FORMAT file indexed as a document and its empty lock files
    reported as failures at every ingest.
    """
    archive_at = _identity(archive) if archive is not None else None
    files: list[tuple[Path, Path]] = []
    ignored: list[str] = []
    problems: list[tuple[str, str]] = []
    tables: list[Path] = []
    for top in map(Path, paths):
        if not top.is_dir():
            files.append((top, top.parent))
            continue
        rules: dict[str, list[tuple[str, GitIgnoreSpec]]] = {str(top): []}

        def unreadable(err: OSError) -> None:
            problems.append((stored_name(err.filename or top), f"folder cannot be read: {err.strerror or err}"))

        for folder, dirs, names in os.walk(top, onerror=unreadable, followlinks=False):
            here = rules.pop(folder, [])
            if IGNORE_FILE in names:
                here = here + _ignore_rules(Path(folder), problems)
            kept = []
            for name in sorted(dirs):
                full = os.path.join(folder, name)
                if os.path.islink(full) or _is_ignored(full, name, here, is_dir=True) \
                        or (archive_at is not None and _identity(full) == archive_at):
                    ignored.append(stored_name(full) + "/")
                else:
                    kept.append(name)
                    rules[full] = here
            dirs[:] = kept
            for name in sorted(names):
                full = os.path.join(folder, name)
                if name in METADATA_TABLES:
                    tables.append(Path(full))
                elif name != IGNORE_FILE and os.path.splitext(name)[1].lower() in TEXT_SUFFIXES:
                    if _is_ignored(full, name, here, is_dir=False):
                        ignored.append(stored_name(full))
                    else:
                        files.append((Path(full), top))
    return Found(_once_each(files), tuple(ignored), tuple(problems), tuple(tables))


def _once_each(files: list[tuple[Path, Path]]) -> tuple[tuple[Path, Path], ...]:
    """Each file once, under the first path given that reaches it: `ingest docs docs/sub` found
    docs/sub's files under both, and indexed each twice, as sub-a and as a (every quote doubled)."""
    seen: set[str] = set()
    kept = []
    for path, root in files:
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            kept.append((path, root))
    return tuple(kept)


def discover(paths: list[Path], archive: Path | None = None) -> Iterator[tuple[Path, Path]]:
    """(file, the folder it was found under) for every document file, in a stable order."""
    yield from find_documents(paths, archive).files


def _identity(path) -> tuple[int, int] | None:
    """(device, inode) of a folder: the same folder however it is named (a relative path, a link)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _ignore_rules(folder: Path, problems: list[tuple[str, str]]) -> list[tuple[str, GitIgnoreSpec]]:
    path = folder / IGNORE_FILE
    try:
        lines = read_bytes(path).decode("utf-8", "replace").splitlines()
    except UnreadableFile as err:
        problems.append((stored_name(path), f"ignore file not read ({err}); its rules were not applied"))
        return []
    return [(str(folder), GitIgnoreSpec.from_lines(lines))]


def _is_ignored(full: str, name: str, rules: list[tuple[str, GitIgnoreSpec]], is_dir: bool) -> bool:
    """The defaults, then each .archiveignore from the outermost in: the last rule that matches wins."""
    ignored = ignored_by_default(name)
    for base, spec in rules:
        relative = os.path.relpath(full, base).replace(os.sep, "/") + ("/" if is_dir else "")
        verdict = spec.check_file(relative).include
        if verdict is not None:
            ignored = verdict
    return ignored
