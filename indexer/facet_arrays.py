"""Facet columns as NumPy arrays, written once per commit, memory-mapped by the server.

Counting facets over a whole result set is the expensive part of a broad search (a Python loop
over a million matches per facet). Ingest, after committing, writes for each facet an int32 array
docnum -> value code plus the list of values, and for dates the rank of each document's date, so
the server counts with one bincount and sorts by date with one argpartition. The arrays sit in
``facets/<stamp>/`` beside the index, where <stamp> names the commit they describe; the server
loads them with mmap (nothing scanned at start-up) and falls back to slower counting when the
arrays for the current commit are missing.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
from whoosh import index

from .schema import FACET_FIELDS

FOLDER = "facets"


def stamp(index_dir: Path, ix=None) -> str:
    """Names the current commit: generation and the identity of its TOC file.

    Generations alone repeat after --rebuild, so the TOC file's inode and mtime are part of it.
    """
    generation = (ix or index.open_dir(str(index_dir))).latest_generation()
    try:
        info = (Path(index_dir) / f"_MAIN_{generation}.toc").stat()
        return f"g{generation}-{info.st_mtime_ns}-{info.st_ino}"
    except OSError:
        return f"g{generation}-0-0"


def build(index_dir: Path) -> Path:
    """Write the arrays for the index's current commit; returns their folder."""
    index_dir = Path(index_dir)
    ix = index.open_dir(str(index_dir))
    name = stamp(index_dir)
    target = index_dir / FOLDER / name
    if target.exists():
        return target
    work = index_dir / FOLDER / f".tmp-{name}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        total = reader.doc_count_all()
        live = np.zeros(total, dtype=bool)
        live[np.fromiter(reader.all_doc_ids(), dtype=np.int64, count=reader.doc_count())] = True
        np.save(work / "live.npy", live)
        for facet, field in list(FACET_FIELDS.items()) + [("date", "date")]:
            codes = np.zeros(total, dtype=np.int32)  # a document the column does not reach has no value
            values: dict[str, int] = {"": 0}
            for docnum, value in enumerate(reader.column_reader(field)):
                codes[docnum] = values.setdefault(value or "", len(values))
            ordered = list(values)
            if facet == "date":
                # Rank of each date, undated documents -1: sorts need order, not identity.
                ranks = {v: r for r, v in enumerate(sorted(v for v in ordered if v))}
                lookup = np.array([ranks.get(v, -1) for v in ordered], dtype=np.int32)
                codes = lookup[codes] if len(ordered) else codes
                ordered = sorted(v for v in ordered if v)
            np.save(work / f"{facet}.npy", codes)
            (work / f"{facet}.json").write_text(json.dumps(ordered, ensure_ascii=False), encoding="utf-8")
    os.replace(work, target)
    for old in (index_dir / FOLDER).iterdir():
        if old.name != name and not old.name.startswith(".tmp-"):
            shutil.rmtree(old, ignore_errors=True)
    return target


@dataclass(frozen=True)
class FacetArrays:
    live: np.ndarray
    codes: dict[str, np.ndarray]
    values: dict[str, list[str]]
    # Answers that depend only on this commit (browsing the whole archive), kept until the next one.
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key, compute):
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def everything(self) -> np.ndarray:
        """Every live document number, sorted: what an empty query or a NOT starts from."""
        return np.flatnonzero(self.live)

    def counts(self, docnums: np.ndarray | None, limits: dict[str, int]) -> dict[str, list[tuple[str, int]]]:
        """The most frequent values of each facet in `limits` over `docnums` (None: all live ones)."""
        if docnums is None or len(docnums) == len(self.everything):
            # The whole archive: the same answer until the next commit.
            return {name: self.memo(("top", name, limit), lambda: self._top(name, self._totals(name), limit))
                    for name, limit in limits.items()}
        if len(docnums) * 2 > len(self.everything):
            # Most of the archive ("the", "said"): count the few documents left out and subtract.
            left_out = np.array(self.live, dtype=bool)
            left_out[docnums] = False
            rest = np.flatnonzero(left_out)
            return {name: self._top(name, self._totals(name) - self._bincount(name, rest), limit)
                    for name, limit in limits.items()}
        return {name: self._top(name, self._bincount(name, docnums), limit) for name, limit in limits.items()}

    def count(self, name: str, docnums: np.ndarray | None, limit: int) -> list[tuple[str, int]]:
        return self.counts(docnums, {name: limit})[name]

    def _bincount(self, name: str, docnums: np.ndarray) -> np.ndarray:
        return np.bincount(self.codes[name][docnums], minlength=len(self.values[name]))

    def _totals(self, name: str) -> np.ndarray:
        return self.memo(("totals", name), lambda: self._bincount(name, self.everything))

    def _top(self, name: str, counts: np.ndarray, limit: int) -> list[tuple[str, int]]:
        counts = counts.copy()
        counts[0] = 0  # code 0 is "no value"
        present = np.flatnonzero(counts)
        if len(present) > limit:
            floor = np.partition(counts[present], -limit)[-limit]
            present = present[counts[present] >= floor]
        values = self.values[name]
        # Most frequent first, ties by name: the same order as counting any other way.
        return sorted(((values[i], int(counts[i])) for i in present), key=lambda vc: (-vc[1], vc[0]))[:limit]


def load(index_dir: Path, name: str) -> FacetArrays | None:
    folder = Path(index_dir) / FOLDER / name
    if not folder.is_dir():
        return None
    try:
        codes = {f: np.load(folder / f"{f}.npy", mmap_mode="r") for f in list(FACET_FIELDS) + ["date"]}
        values = {f: json.loads((folder / f"{f}.json").read_text(encoding="utf-8")) for f in codes}
        return FacetArrays(np.load(folder / "live.npy", mmap_mode="r"), codes, values)
    except (OSError, ValueError):
        return None
