"""What one ingest did: documents counted by what happened to them, failures, and the one line
`flask ingest` prints."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Summary:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    moved: int = 0
    removed: int = 0
    corrected: int = 0  # unchanged documents re-written because the speaker correction file changed
    repaired: int = 0  # documents the index held and the catalogue did not (a lost catalogue): indexed afresh
    missing: int = 0  # catalogue rows with no records in the index (a rebuild killed after its wipe): indexed afresh
    passages: int = 0
    quotes: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # left out by discovery's rules (README, .git/, ...)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (path, why): rows --prune could not place (stored_paths)
    seconds: float = 0.0
    rebuilt: str | None = None  # why an index in an old format was rebuilt by this ingest
    unmatched: list[str] | set[str] = field(default_factory=list)  # correction-file names no speaker has (ingest_unmatched)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.moved} moved, {self.skipped} unchanged, "
                f"{self.removed} removed, {self.failed} failed, {_ignored_line(self.ignored)}; {self.passages} passages and "
                f"{self.quotes} quotes written in {self.seconds:.1f}s"
                + (f"; {len(self.kept)} kept that --prune could not find from here" if self.kept else "")
                + (f"; {self.corrected} re-written for speaker corrections" if self.corrected else "")
                + (f"; {self.repaired} documents in the index had no catalogue row (catalogue lost or emptied):"
                   " their records were removed and their files indexed again" if self.repaired else "")
                + (f"; {self.missing} catalogued documents were missing from the index (an interrupted rebuild?):"
                   " their files were indexed again" if self.missing else "")
                + (f"; index rebuilt from these files: {self.rebuilt}" if self.rebuilt else ""))


def _ignored_line(names: list[str], shown: int = 5) -> str:
    """'2 ignored (README.md, .git/)': what the ignore rules left out, named (see discovery)."""
    if not names:
        return "0 ignored"
    listed = ", ".join(Path(name).name + ("/" if name.endswith("/") else "") for name in names[:shown])
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return f"{len(names)} ignored ({listed}{more})"
