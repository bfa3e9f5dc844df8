"""The catalogue beside the Whoosh index: one row per document, and every citation id ever issued.

Documents carry what ingest needs to be incremental (path, content hash) and what document pages
show. The ``cited`` table keeps the words of every passage and quote that left the index (its
document was edited, removed or rebuilt): it is how a link to a passage that was later edited or
removed still shows what was cited. It is never emptied, not even by ``--rebuild``. Passages
still in the index are not copied here (at a million passages that copy was 675 MB).
"""
from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from . import generations

CATALOG_NAME = "catalog.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, sha TEXT NOT NULL,
    title TEXT, source TEXT, date TEXT, date_text TEXT, place TEXT, url TEXT, author TEXT,
    language TEXT, form TEXT, meta TEXT, passages INTEGER, quotes INTEGER, ingested_at REAL
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE INDEX IF NOT EXISTS documents_source_date ON documents(source, date);
CREATE TABLE IF NOT EXISTS inflight (doc_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS cited (
    id TEXT NOT NULL, doc_id TEXT NOT NULL, kind TEXT, text TEXT NOT NULL, speaker TEXT,
    paragraph INTEGER, first_seen REAL, last_seen REAL, PRIMARY KEY (id, doc_id)
);
"""


@dataclass(frozen=True)
class DocumentRow:
    doc_id: str
    path: str
    sha: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    date_text: str | None = None
    place: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    form: str | None = None
    meta: str = "{}"
    passages: int = 0
    quotes: int = 0
    ingested_at: float = 0.0

    @property
    def metadata(self) -> dict:
        return json.loads(self.meta or "{}")


def catalog_path(index_dir: str | Path) -> Path:
    """The live archive's catalogue: it is swapped in with the index it describes (generations.py)."""
    return generations.live(Path(index_dir)) / CATALOG_NAME


class Catalog:
    def __init__(self, index_dir: str | Path, readonly: bool = False):
        path = catalog_path(index_dir)
        if readonly:
            self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, check_same_thread=False)
            # Rollback-journal mode (SQLite's default, kept) commits by deleting the journal; FULL
            # (the default) syncs the database but not that deletion, so a power cut just after a
            # commit can roll it back. EXTRA syncs the folder too: the journal of in-flight
            # documents is on disk before the Whoosh commit starts (ingest.Batch.commit).
            self.db.execute("PRAGMA synchronous = EXTRA")
            self.db.executescript(_SCHEMA)
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    # documents
    def document(self, doc_id: str) -> DocumentRow | None:
        row = self.db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return DocumentRow(**dict(row)) if row else None

    def documents(self) -> list[DocumentRow]:
        rows = self.db.execute("SELECT * FROM documents ORDER BY source, date DESC, title")
        return [DocumentRow(**dict(r)) for r in rows]

    def count_documents(self, source: str | None = None) -> int:
        """All documents, or those of one source."""
        if source is None:
            return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        return self.db.execute("SELECT count(*) FROM documents WHERE source = ?", (source,)).fetchone()[0]

    def documents_page(self, offset: int, limit: int, source: str | None = None) -> list[DocumentRow]:
        """One page of documents: all of them by source then newest first, or one source's newest first."""
        if source is None:
            rows = self.db.execute("SELECT * FROM documents ORDER BY source IS NULL, lower(source), source, "
                                   "date IS NULL, date DESC, title LIMIT ? OFFSET ?", (limit, offset))
        else:
            rows = self.db.execute("SELECT * FROM documents WHERE source = ? ORDER BY date IS NULL, date DESC, "
                                   "title LIMIT ? OFFSET ?", (source, limit, offset))
        return [DocumentRow(**dict(r)) for r in rows]

    def sources(self) -> list[tuple[str | None, int]]:
        """(source, number of documents), by name; None for documents that name none."""
        rows = self.db.execute("SELECT source, count(*) FROM documents GROUP BY source "
                               "ORDER BY source IS NULL, lower(source), source")
        return [(r[0], r[1]) for r in rows]

    def by_path(self, path: str) -> DocumentRow | None:
        """The document of a file (its stored_name), whatever folder it was reached from."""
        row = self.db.execute("SELECT * FROM documents WHERE path = ? ORDER BY doc_id LIMIT 1", (path,)).fetchone()
        return DocumentRow(**dict(row)) if row else None

    def by_sha(self, sha: str) -> list[DocumentRow]:
        return [DocumentRow(**dict(r)) for r in self.db.execute("SELECT * FROM documents WHERE sha = ?", (sha,))]

    def put_document(self, row: DocumentRow) -> None:
        values = asdict(row)
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        self.db.execute(f"INSERT OR REPLACE INTO documents ({names}) VALUES ({marks})", tuple(values.values()))

    def set_path(self, doc_id: str, path: str) -> None:
        """A legacy row's new absolute name (stored_paths): committed with the batch, nothing re-parsed."""
        self.db.execute("UPDATE documents SET path = ? WHERE doc_id = ?", (path, doc_id))

    def holds_documents_under(self, folder: str) -> bool:
        """True when some row's path begins with ``folder`` (ending in a separator)."""
        return self.db.execute("SELECT 1 FROM documents WHERE substr(path, 1, ?) = ? LIMIT 1",
                               (len(folder), folder)).fetchone() is not None

    def drop_document(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def clear_documents(self) -> None:
        self.db.execute("DELETE FROM documents")

    # the journal: documents written to Whoosh whose catalogue rows are not committed yet
    def inflight(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT doc_id FROM inflight")]

    def set_inflight(self, doc_ids: list[str]) -> None:
        self.db.execute("DELETE FROM inflight")
        self.db.executemany("INSERT OR IGNORE INTO inflight VALUES (?)", [(d,) for d in doc_ids])

    def clear_inflight(self) -> None:
        self.db.execute("DELETE FROM inflight")

    # citation history
    def remember(self, rows: list[tuple]) -> None:
        """(id, doc_id, kind, text, speaker, paragraph) of passages and quotes leaving the index."""
        now = time.time()
        self.db.executemany(
            "INSERT INTO cited (id, doc_id, kind, text, speaker, paragraph, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id, doc_id) DO UPDATE SET last_seen = excluded.last_seen",
            [(*row, now, now) for row in rows])

    def cited(self, citation_id: str) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM cited WHERE id = ? ORDER BY first_seen", (citation_id,)).fetchall()

    def commit(self) -> None:
        self.db.commit()
