"""The records every engine indexes, as the archive's extraction produced them, spooled to disk once.

FTS5 and tantivy are loaded from this file rather than from the archive's index, so they see
exactly the passages and quotes the archive indexed (same text, speaker, source, year), and the
benchmark does not depend on how the archive stores them. A million passages do not fit in
memory as Python objects, hence a file read in batches.
"""
from __future__ import annotations

import json
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import Iterable, Iterator

FACETS = ("speaker", "source", "kind", "year", "place")


@dataclass(frozen=True)
class Record:
    key: str  # document, citation id and kind: names one record the same way in every engine
    text: str
    title: str
    speaker: str
    source: str
    kind: str
    year: str
    place: str
    date: str


def record_key(doc: str, citation_id: str, kind: str) -> str:
    return f"{doc}|{citation_id}|{kind}"


def from_archive_record(rec: dict) -> Record:
    """A record as indexer.records yields it (missing values become "")."""
    date = rec.get("date") or ""
    year = date[:4] if date[:4].isdigit() else ""
    return Record(record_key(rec["doc"], rec["id"], rec["kind"]), rec.get("text") or "", rec.get("title") or "",
                  rec.get("speaker") or "", rec.get("source") or "", rec.get("kind") or "", year,
                  rec.get("place") or "", date)


def write(path: Path, records: Iterable[Record]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(astuple(rec), ensure_ascii=False) + "\n")
            count += 1
    return count


def read(path: Path, batch: int = 10_000) -> Iterator[list[Record]]:
    width = len(fields(Record))
    chunk = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            values = json.loads(line)
            if len(values) != width:
                raise SystemExit(f"{path} was written by another version of the benchmark; delete it")
            chunk.append(Record(*values))
            if len(chunk) >= batch:
                yield chunk
                chunk = []
    if chunk:
        yield chunk
