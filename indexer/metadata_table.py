"""Metadata from a spreadsheet beside the documents: ``metadata.csv`` or ``metadata.jsonl``.

Many collections have no ``Key: value`` header in their files but keep a spreadsheet with one
row per file. Its columns are ``file, title, source, date, url, author, place, kind`` (any other
column is kept as metadata too); ``file`` is the file's name relative to the table's folder
(``sub/a.txt`` reaches into a subfolder). A value in the document's own header wins over the
table's, and the table's over a dateline. A row that names no file, or a file that is not
among the documents found, is reported so a typo does not go unnoticed. A table in a deeper
folder wins over one above it for the files both name.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .loading import decode
from .reading import UnreadableFile, read_bytes, stored_name

COLUMNS = ("file", "title", "source", "date", "url", "author", "place", "kind")


@dataclass(frozen=True)
class MetadataTables:
    """Every table's rows by the document file they describe, and what could not be used."""

    rows: dict[str, dict[str, str]]
    problems: tuple[tuple[str, str], ...] = ()

    def for_file(self, path: Path) -> dict[str, str]:
        return self.rows.get(os.path.normpath(str(path)), {})


def read_tables(tables: list[Path] | tuple[Path, ...], documents: list[Path]) -> MetadataTables:
    """Read each table (shallowest first) and match its rows to the ``documents`` found."""
    known = {os.path.normpath(str(path)) for path in documents}
    rows: dict[str, dict[str, str]] = {}
    problems: list[tuple[str, str]] = []
    for table in sorted(tables, key=lambda path: len(path.parts)):
        try:
            entries = list(table_rows(table))
        except (UnreadableFile, ValueError) as err:
            problems.append((stored_name(table), f"metadata table not read: {err}"))
            continue
        for line, entry in entries:
            name = entry.pop("file", "")
            where = f"{stored_name(table)}, row {line}"
            if not name:
                problems.append((where, "names no file (the 'file' column is empty)"))
                continue
            key = os.path.normpath(os.path.join(table.parent, name))
            if key not in known:
                problems.append((where, f"names {name!r}, which is not a document file in {stored_name(table.parent)}"))
                continue
            rows[key] = {column: value for column, value in entry.items() if value}
    return MetadataTables(rows, tuple(problems))


def table_rows(table: Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, {column: value}) for each row, column names lower-cased and trimmed."""
    text = decode(read_bytes(table))
    if table.suffix.lower() == ".jsonl":
        return list(_jsonl_rows(text))
    return list(_csv_rows(text))


def fingerprint(data: bytes, row: dict[str, str]) -> str:
    """The content hash ingest keeps: the file's bytes, and its table row when it has one.

    An edited row therefore re-indexes its document; a file without a row hashes as before.
    """
    digest = hashlib.blake2b(data, digest_size=16)
    if row:
        digest.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def _csv_rows(text: str):
    first_line = text.split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(first_line, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [column.strip().lower() for column in next(reader, [])]
    if "file" not in header:
        raise ValueError(f"its first line must name the columns, one of them 'file' (found {first_line[:80]!r})")
    rows, start, last_start = [], reader.line_num + 1, 0
    for values in reader:
        last_start, start = start, reader.line_num + 1
        if not any(value.strip() for value in values):
            continue
        rows.append((reader.line_num, {column: value.strip() for column, value in zip(header, values) if column}))
    # A quote never closed runs to the end of the file: the csv module reads every row after it
    # as one value of the last row, and the documents those rows describe silently lose their
    # metadata. Quotes inside a quoted value are doubled, so a table holds an odd number of them
    # only then (or with a lone inch mark, 5" floppy, whose row spans one line).
    spans_lines = reader.line_num > last_start > 0
    if spans_lines and dialect.quotechar and text.count(dialect.quotechar) % 2:
        raise ValueError(f"a quote ({dialect.quotechar}) opened in the row at line {last_start} is never closed, "
                         "so every line after it would be read as one value; close it")
    return rows


def _jsonl_rows(text: str):
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"line {number} is not JSON ({err.msg})") from None
        if not isinstance(entry, dict):
            raise ValueError(f"line {number} is not a JSON object")
        yield number, {str(key).strip().lower(): _text(value) for key, value in entry.items()}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_text(item) for item in value)  # as front matter joins list items
    return str(value).strip()
