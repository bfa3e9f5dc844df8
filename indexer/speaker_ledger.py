"""Speakers as the indexer found them, kept in the catalogue beside the index.

The index stores the name a person chose in the correction file; this ledger keeps the name the
text gave, for every record that has a speaker, and the rules last applied. With both, a changed
correction file tells which documents it touches, and their records are re-written with the new
names without reading their files again (indexer.speaker_rewrite). `flask speakers` counts from
here, so it lists the whole archive without a search.
"""
from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from .speaker_corrections import Corrections

_SCHEMA = """
CREATE TABLE IF NOT EXISTS found_speakers (
    doc_id TEXT NOT NULL, id TEXT NOT NULL, start INTEGER NOT NULL, kind TEXT,
    name TEXT NOT NULL, speaker_kind TEXT, role TEXT
);
CREATE INDEX IF NOT EXISTS found_speakers_doc ON found_speakers(doc_id);
CREATE INDEX IF NOT EXISTS found_speakers_name ON found_speakers(name);
CREATE TABLE IF NOT EXISTS speaker_rules (one INTEGER PRIMARY KEY CHECK (one = 1), rules TEXT NOT NULL);
"""


@dataclass(frozen=True)
class FoundSpeaker:
    """One record's speaker as the text gave it."""

    id: str
    start: int
    kind: str | None
    name: str
    speaker_kind: str | None
    role: str | None


class SpeakerLedger:
    """The ``found_speakers`` and ``speaker_rules`` tables, on the catalogue's connection.

    Writes are committed with the catalogue (Catalog.commit), so the ledger never disagrees with
    the document rows it belongs to.
    """

    def __init__(self, db: sqlite3.Connection, create: bool = True):
        self.db = db
        if create:  # readers open the catalogue read-only, beside an ingest that may be writing it
            self.db.executescript(_SCHEMA)

    def exists(self) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'found_speakers'").fetchone() is not None

    def replace(self, doc_id: str, found: list[tuple]) -> None:
        self.drop(doc_id)
        self.db.executemany("INSERT INTO found_speakers VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [(doc_id, *row) for row in found])

    def drop(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM found_speakers WHERE doc_id = ?", (doc_id,))

    def clear(self) -> None:
        self.db.execute("DELETE FROM found_speakers")

    def name_counts(self) -> dict[str, int]:
        """name as found -> how many records it speaks in."""
        return dict(self.db.execute("SELECT name, count(*) FROM found_speakers GROUP BY name"))

    def names(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT name FROM found_speakers")]

    def documents_naming(self, names: set[str]) -> list[str]:
        """Documents where any of `names` was found (chunked: SQLite limits bound parameters)."""
        names, found = sorted(names), set()
        for i in range(0, len(names), 500):
            chunk = names[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            found.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT doc_id FROM found_speakers WHERE name IN ({marks})", chunk))
        return sorted(found)

    def _grouped(self, columns: str, names: set[str]) -> list[tuple]:
        """`columns` of the records `names` speak in, grouped by them (chunked: SQLite limits bound parameters)."""
        names, rows = sorted(names), []
        for i in range(0, len(names), 500):
            chunk = names[i:i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows.extend(self.db.execute(
                f"SELECT {columns}, count(*) FROM found_speakers WHERE name IN ({marks}) GROUP BY {columns}", chunk))
        return rows

    def role_counts(self, names: set[str]) -> list[tuple[str, bool, str | None, int]]:
        """(name, is a quote, role, records) for `names`: how often each was quoted, and as what."""
        return [(name, bool(quote), role, n) for name, quote, role, n in self._grouped("name, kind = 'quote', role", names)]

    def documents_of(self, names: set[str]) -> list[tuple[str, str]]:
        """(name, doc_id) for every document where one of `names` speaks."""
        return [(name, doc_id) for name, doc_id, _ in self._grouped("name, doc_id", names)]

    def found_in(self, doc_id: str) -> dict[tuple[str, int], FoundSpeaker]:
        rows = self.db.execute("SELECT id, start, kind, name, speaker_kind, role FROM found_speakers "
                               "WHERE doc_id = ?", (doc_id,))
        return {(r[0], r[1]): FoundSpeaker(*r) for r in rows}

    def is_empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM found_speakers LIMIT 1").fetchone() is None

    def applied(self) -> Corrections:
        """The rules the index was last written with (none before any correction file)."""
        row = self.db.execute("SELECT rules FROM speaker_rules").fetchone()
        return Corrections.from_json(row[0] if row else None)

    def set_applied(self, rules: Corrections) -> None:
        self.db.execute("INSERT OR REPLACE INTO speaker_rules VALUES (1, ?)", (rules.to_json(),))

    def quote_counts(self, rules: Corrections | None = None) -> list[tuple[str, int, int]]:
        """(shown name, quotes, turns and other records) for every speaker, most quoted first."""
        rules = rules or self.applied()
        quotes, others = Counter(), Counter()
        for name, kind, n in self.db.execute(
                "SELECT name, kind = 'quote', count(*) FROM found_speakers GROUP BY name, kind = 'quote'"):
            shown = rules.canonical(name)
            if shown is not None:
                (quotes if kind else others)[shown] += n
        every = set(quotes) | set(others)
        return sorted(((n, quotes[n], others[n]) for n in every), key=lambda t: (-t[1], -t[2], t[0].casefold()))
