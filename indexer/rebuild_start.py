"""What a rebuild does before it builds: the new generation's catalogue, and the old index's history.

The new generation's catalogue starts as a copy of the live one (its citation history is never
emptied, not even by --rebuild), and every passage of the old index joins that history, so a
link to a passage the rebuilt archive no longer has still shows what was cited.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

from .catalog import CATALOG_NAME, Catalog, catalog_path


def history_rows(stored, doc_id: str | None = None) -> list[tuple]:
    """What the index holds now, for one document or all, as rows of the citation history."""
    return [(f["id"], f["doc"], f.get("kind"), f.get("text", ""), f.get("speaker"), f.get("paragraph"))
            for f in stored.fields(doc_id)]


def start_rebuild(live: Path, target: Path, old_index, check_unlocked: Callable) -> None:
    """Fill `target`'s catalogue from the live archive in `live`; `old_index` is None when the live
    index cannot be read (a damaged one is what --rebuild is for)."""
    old_catalogue = catalog_path(live)
    if old_catalogue.exists():
        source = sqlite3.connect(f"file:{old_catalogue}?mode=ro", uri=True)
        copy = sqlite3.connect(Path(target) / CATALOG_NAME)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
    if old_index is None:
        return
    check_unlocked(old_index)  # Whoosh's own lock too: a writer of an older version may hold it
    catalog = Catalog(target)
    try:
        stored = old_index.stored()
        try:
            catalog.remember(history_rows(stored))
        finally:
            stored.close()
        catalog.commit()
    finally:
        catalog.close()
