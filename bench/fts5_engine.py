"""SQLite FTS5 built the way an expert would for faceted search.

- `rec`: a regular table, one row per record, whose facets are small integer ids into lookup
  tables (`speaker_values`, ...) with B-tree indexes, beside the text that `fts` indexes;
- `fts`: an external-content FTS5 table over rec's text, speaker, title and source (porter
  tokenizer; a match looks in text and speaker only, as the archive does), merged with 'optimize' after loading.

Per request, ONE statement returns every match's rowid; totals and facet counts are NumPy over
facet-id arrays indexed by rowid, loaded once when the database is opened (np.bincount over the
matching rowids); a second statement asks FTS5 for the top 20 by bm25 with snippet() (FTS5 sorts
inside, so only 20 rows reach Python). A filtered query (speaker, source+year) instead fetches
every match's rowid with its bm25 score in its one statement, filters them through the facet
arrays, picks the top 20 in NumPy and asks snippet() for those 20 only: FTS5 cannot restrict a
MATCH to a set of rowids cheaply (`rowid IN (SELECT ... FROM rec WHERE ...)` scored every match
and ran 10 to 30 times slower). The empty query counts over all rows every time (no cache) and
lists the newest 20 through the index on date.
"""
from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from .mix import PAGE, Answer, Query
from .spool import FACETS, Record

# The archive's field boosts (text 1, speaker 2, title 1.5, source 0.5), in fts's column order.
BM25 = "bm25(fts, 1.0, 2.0, 1.5, 0.5)"
FACET_LIMITS = {name: 50 if name == "year" else 12 for name in FACETS}


@dataclass(frozen=True)
class Build:
    seconds: float
    cpu_seconds: float
    records: int
    mb: float


def build(db_path: Path, batches: Iterable[list[Record]]) -> Build:
    """A new database from the spooled records; timed from the empty file to the last index."""
    db_path.unlink(missing_ok=True)
    started, cpu = time.perf_counter(), time.process_time()
    db = sqlite3.connect(db_path)
    db.executescript("""
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;
        CREATE TABLE rec (rowid INTEGER PRIMARY KEY, key TEXT, text TEXT, speaker TEXT, title TEXT,
                          source TEXT, date TEXT, speaker_id INT, source_id INT, kind_id INT, year_id INT,
                          place_id INT);
        CREATE VIRTUAL TABLE fts USING fts5(text, speaker, title, source, content='rec', content_rowid='rowid',
                                            tokenize='porter unicode61');
    """)
    ids: dict[str, dict[str, int]] = {name: {"": 0} for name in FACETS}  # id 0: no value
    count = 0
    for batch in batches:
        rows = []
        for rec in batch:
            count += 1
            codes = [ids[name].setdefault(getattr(rec, name), len(ids[name])) for name in FACETS]
            rows.append((count, rec.key, rec.text, rec.speaker, rec.title, rec.source, rec.date, *codes))
        db.executemany("INSERT INTO rec VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        db.executemany("INSERT INTO fts (rowid, text, speaker, title, source) VALUES (?,?,?,?,?)",
                       [(r[0], r[2], r[3], r[4], r[5]) for r in rows])
    for name in FACETS:
        db.execute(f"CREATE TABLE {name}_values (id INTEGER PRIMARY KEY, value TEXT UNIQUE)")
        db.executemany(f"INSERT INTO {name}_values VALUES (?, ?)", [(i, v) for v, i in ids[name].items()])
    db.executescript("""
        CREATE INDEX rec_speaker ON rec (speaker_id); CREATE INDEX rec_source_year ON rec (source_id, year_id);
        CREATE INDEX rec_date ON rec (date);
        INSERT INTO fts (fts) VALUES ('optimize');
    """)
    db.commit()
    db.close()
    return Build(time.perf_counter() - started, time.process_time() - cpu, count, db_path.stat().st_size / 1e6)


def match_expression(q: Query) -> str:
    """FTS5 query syntax for the words (the mix's words are plain letters; quoting keeps them literal).

    Only the text and speaker columns, as the archive matches a record on its own words and its
    speaker (indexer/engine/query_parsing.SEARCH_FIELDS); searching title and source too found
    a document's title words in every passage of it, and totals agreed in 104 of 240 queries.
    """
    if q.phrase:
        words = '"' + " ".join(q.words) + '"'
    else:
        words = " AND ".join(f'"{w}"' for w in q.words)
    return f"{{text speaker}} : ({words})"


class Fts5:
    name = "FTS5"

    def __init__(self, db_path: Path):
        self.db = sqlite3.connect(db_path, check_same_thread=False)
        self.db.execute("PRAGMA mmap_size = 4000000000")
        columns = ", ".join(f"{name}_id" for name in FACETS)
        rows = self.db.execute(f"SELECT rowid, {columns} FROM rec ORDER BY rowid").fetchall()
        table = np.array(rows, dtype=np.int64).reshape(-1, len(FACETS) + 1)
        size = int(table[:, 0].max()) + 1 if len(table) else 1
        self.codes = {}
        for n, name in enumerate(FACETS, 1):
            column = np.zeros(size, dtype=np.int32)  # indexed by rowid; row 0 unused ("no value")
            column[table[:, 0]] = table[:, n]
            self.codes[name] = column
        self.values = {name: [v for _, v in self.db.execute(f"SELECT id, value FROM {name}_values ORDER BY id")]
                       for name in FACETS}
        self.value_ids = {name: {v: i for i, v in enumerate(values)} for name, values in self.values.items()}
        self.everything = table[:, 0].copy()

    def search(self, q: Query) -> Answer:
        filtered = any(getattr(q, name) for name in ("speaker", "source", "year"))
        if not q.words:
            rowids, top = self.everything, None
        elif not filtered:
            found = self.db.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (match_expression(q),))
            rowids = np.fromiter((rowid for rowid, in found), dtype=np.int64)
            top = self._ranked_page(q)
        else:
            found = self.db.execute(f"SELECT rowid, {BM25} FROM fts WHERE fts MATCH ?", (match_expression(q),))
            pairs = np.array(found.fetchall(), dtype=np.float64).reshape(-1, 2)
            rowids, scores = pairs[:, 0].astype(np.int64), pairs[:, 1]
            keep = self._filter_mask(q, rowids)
            rowids, scores = rowids[keep], scores[keep]
            top = self._filtered_page(q, rowids, scores)
        if top is None:
            if filtered:
                raise NotImplementedError("the mix has no filtered empty query")
            # No words: the newest, through the index on date.
            top = tuple(key for key, in self.db.execute("SELECT key FROM rec ORDER BY date DESC LIMIT ?", (PAGE,)))
        facets = {name: self._top(name, np.bincount(self.codes[name][rowids], minlength=len(self.values[name])),
                                  limit) for name, limit in FACET_LIMITS.items()}
        return Answer(len(rowids), top, facets)

    def _ranked_page(self, q: Query) -> tuple[str, ...]:
        rows = self.db.execute(
            f"SELECT rec.key, snippet(fts, 0, '<mark>', '</mark>', ' … ', 24) FROM fts "
            f"JOIN rec ON rec.rowid = fts.rowid WHERE fts MATCH ? ORDER BY {BM25} LIMIT ?",
            (match_expression(q), PAGE)).fetchall()
        return tuple(key for key, _ in rows)

    def _filter_mask(self, q: Query, rowids: np.ndarray) -> np.ndarray:
        mask = np.ones(len(rowids), dtype=bool)
        for name in ("speaker", "source", "year"):
            value = getattr(q, name)
            if value:
                code = self.value_ids[name].get(value, -1)
                mask &= self.codes[name][rowids] == code
        return mask

    def _filtered_page(self, q: Query, rowids: np.ndarray, scores: np.ndarray) -> tuple[str, ...]:
        count = min(PAGE, len(scores))
        if count == 0:
            return ()
        # bm25() is negative, best lowest; ties go to the lower rowid, as the archive's do.
        best = np.argpartition(scores, count - 1)[:count] if count < len(scores) else np.arange(len(scores))
        best = best[np.lexsort((rowids[best], scores[best]))]
        chosen = [int(r) for r in rowids[best]]
        marks = ",".join("?" * len(chosen))
        rows = self.db.execute(
            f"SELECT fts.rowid, rec.key, snippet(fts, 0, '<mark>', '</mark>', ' … ', 24) FROM fts "
            f"JOIN rec ON rec.rowid = fts.rowid WHERE fts MATCH ? AND fts.rowid IN ({marks})",
            (match_expression(q), *chosen)).fetchall()
        by_rowid = {rowid: key for rowid, key, _ in rows}
        return tuple(by_rowid[r] for r in chosen if r in by_rowid)

    def _top(self, name: str, counts: np.ndarray, limit: int) -> list[tuple[str, int]]:
        """The `limit` most frequent values, ties by name: the archive's order, written again here
        because the benchmark's engines must not run the archive's code."""
        counts[0] = 0
        present = np.flatnonzero(counts)
        if len(present) > limit:
            floor = np.partition(counts[present], -limit)[-limit]
            present = present[counts[present] >= floor]
        values = self.values[name]
        return sorted(((values[i], int(counts[i])) for i in present), key=lambda vc: (-vc[1], vc[0]))[:limit]

    def close(self) -> None:
        self.db.close()
