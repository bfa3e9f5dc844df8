"""The archive's speakers with how often each is quoted, as `flask speakers` lists them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from indexer.catalog import Catalog, catalog_path
from indexer.speaker_ledger import SpeakerLedger
from indexer.suspect_speakers import why_suspect


@dataclass(frozen=True)
class SpeakerCount:
    name: str  # as the archive shows it, after the correction file
    quotes: int
    turns: int  # transcript turns and other records that are not quotes
    suspect: str | None  # why the name looks like a fragment, if it does


def list_speakers(index_dir: str | Path, suspect_only: bool = False) -> list[SpeakerCount]:
    """Every speaker of the index in `index_dir`, most quoted first; [] when there is no index yet.

    Counts come from the catalogue's ledger of speakers as found, under the rules the index was
    last written with: the same names the speaker facet shows.
    """
    if not catalog_path(index_dir).exists():
        return []
    catalog = Catalog(index_dir, readonly=True)
    try:
        ledger = SpeakerLedger(catalog.db, create=False)
        counts = ledger.quote_counts() if ledger.exists() else []  # an index from before the ledger
    finally:
        catalog.close()
    rows = (SpeakerCount(name, quotes, turns, why_suspect(name)) for name, quotes, turns in counts)
    return [row for row in rows if row.suspect or not suspect_only]
