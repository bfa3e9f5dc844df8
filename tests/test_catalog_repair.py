"""A lost or emptied catalogue is found out and repaired, never doubled (issue 12, item 4)."""
import sqlite3
from pathlib import Path

import pytest

from indexer.catalog import CATALOG_NAME, Catalog
from indexer.ingest import ingest

from harbour_stories import harbour_total, write_docs

def lose(index_dir: Path) -> None:
    (index_dir / CATALOG_NAME).unlink()


def empty(index_dir: Path) -> None:
    db = sqlite3.connect(index_dir / CATALOG_NAME)
    db.execute("DELETE FROM documents")
    db.commit()
    db.close()


def keep(index_dir: Path) -> None:
    """The negative case: a catalogue that agrees with the index is left alone."""


@pytest.mark.parametrize("damage, repaired", [(lose, 3), (empty, 3), (keep, 0)])
def test_catalogue_that_disagrees_with_the_index_is_repaired(tmp_path, damage, repaired):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 3)
    ingest([docs], index_dir)
    clean = harbour_total(index_dir)
    damage(index_dir)
    summary = ingest([docs], index_dir)
    assert summary.repaired == repaired
    assert (f"{repaired} documents in the index had no catalogue row" in summary.line()) == bool(repaired)
    assert harbour_total(index_dir) == clean
    catalog = Catalog(index_dir)
    try:
        assert catalog.count_documents() == 3
    finally:
        catalog.close()
    assert ingest([docs], index_dir).skipped == 3
