"""Does the catalogue describe exactly the documents the index holds? What ingest repairs if not.

The index's own document ids are the truth for what readers see; the catalogue is what makes
ingest incremental. A lost or emptied catalogue (documents held, not catalogued) would make
every file look new and double the archive; a wipe that was never refilled (catalogued, not
held) would make every file look unchanged and leave the archive empty for good.
"""
from __future__ import annotations

from .catalog import Catalog


def without_catalogue_row(held: set[str], catalog: Catalog, known_to_journal: list[str]) -> list[str]:
    """Documents the index holds that the catalogue does not: a lost or emptied catalogue.

    Left alone, ingest would add each of them again beside its old records (the archive
    doubled, silently); the caller drops their records instead and lets their files re-add them.
    """
    catalogued = {row.doc_id for row in catalog.documents()}
    return sorted(held - catalogued - set(known_to_journal))


def missing_from_index(held: set[str], catalog: Catalog, known_to_journal: list[str]) -> list[str]:
    """Catalogued documents with records that the index does not hold (a wipe without its rebuild)."""
    return [row.doc_id for row in catalog.documents()
            if row.passages + row.quotes > 0 and row.doc_id not in held and row.doc_id not in known_to_journal]
