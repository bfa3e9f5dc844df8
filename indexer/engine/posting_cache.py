"""The server's postings, field lengths and word positions per segment, as arrays, shared by all requests.

Postings come memory-mapped from the arrays ingest wrote (indexer.posting_arrays); terms those
lack (segments written by older versions keep only frequent terms, and fields outside
posting_arrays.FIELDS) are decoded from Whoosh's blocks and kept, bounded by bytes, least
recently used first out. A segment never changes once written, so nothing here goes stale
until a merge removes the segment (`keep_only`). numpy_match matches and ranks with them.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
from whoosh.util.numeric import byte_to_length

from . import position_arrays, posting_arrays
from .term_directory import TermDirectory

B, K1 = 0.75, 1.2  # whoosh.scoring.BM25F's defaults, which the index is searched with
# Field lengths are stored as one byte each; Whoosh scores with the length the byte stands for.
LENGTH_OF_BYTE = np.array([byte_to_length(b) or 1 for b in range(256)], dtype=np.float64)


class PostingCache:
    """Postings per (segment, field, term) and field lengths per (segment, field), as arrays.

    Shared by all threads of one archive.
    """

    def __init__(self, index_dir: Path | None = None, budget_mb: int = 256):
        self.index_dir = index_dir
        self.budget = budget_mb * 1_000_000
        self.used = 0
        self._items: OrderedDict = OrderedDict()
        self._stored: dict[str, posting_arrays.StoredPostings] = {}
        self._positions: dict[str, position_arrays.StoredPositions | None] = {}
        self._segments: frozenset[str] = frozenset()
        self._directory: tuple[tuple[str, ...], TermDirectory] | None = None
        self._lock = threading.Lock()

    def keep_only(self, segment_ids: frozenset[str]) -> None:
        """Forget segments a merge removed (their memory maps and decoded postings)."""
        with self._lock:
            if segment_ids == self._segments:
                return
            self._segments = segment_ids
            if self._directory is not None and frozenset(self._directory[0]) != segment_ids:
                self._directory = None
            self._stored = {k: v for k, v in self._stored.items() if k in segment_ids}
            self._positions = {k: v for k, v in self._positions.items() if k in segment_ids}
            for key in [k for k in self._items if not _kept(k[1], segment_ids)]:
                self.used -= _nbytes(self._items.pop(key))

    def postings(self, leaf, fieldname: str, btext: bytes, hashed: int | None = None,
                 segment_id: str | None = None) -> tuple[np.ndarray, np.ndarray, int | None]:
        """(segment-local ids, weights, start) of a term in one segment; `hashed` is its key_hash
        and `segment_id` the leaf's segment id if known (a query asks both for every segment).

        `start` is where the term's postings begin in the segment's posting arrays (and so in its
        position arrays); None when they were decoded from Whoosh's blocks.
        """
        segment_id = segment_id or leaf.segment().segment_id()
        stored = self._stored_for(segment_id)
        span = stored.span(fieldname, btext, hashed) if stored is not None else None
        if span is not None:
            start, end = span
            return stored.ids[start:end], stored.weights[start:end], start
        ids, weights = self._get(("p", segment_id, fieldname, btext),
                                 lambda: posting_arrays.read_postings(leaf, fieldname, btext))
        return ids, weights, None

    def directory(self, segment_ids: tuple[str, ...]) -> TermDirectory | None:
        """The term directory of the commit whose segments are `segment_ids` (in document order),
        built when first asked for; None while a segment's posting arrays are not written."""
        with self._lock:
            if self._directory is not None and self._directory[0] == segment_ids:
                return self._directory[1]
        stored = [self._stored_for(segment_id) for segment_id in segment_ids]
        if any(table is None for table in stored):
            return None
        built = TermDirectory(stored)
        with self._lock:
            self._directory = (segment_ids, built)
        return built

    def stored_positions(self, leaf, fieldname: str, segment_id: str | None = None) -> position_arrays.StoredPositions | None:
        """The segment's position arrays for a phrase field; None when it was written without them.
        `segment_id`: the leaf's, when the caller knows it (a phrase asks for most segments)."""
        segment_id = segment_id or leaf.segment().segment_id()
        if fieldname not in position_arrays.FIELDS:
            return None
        kept = self._positions.get(segment_id)  # one dict read (atomic): kept only from a complete folder
        if kept is not None:
            return kept
        stored = self._stored_for(segment_id)
        if stored is None or not stored.complete:
            return None
        with self._lock:
            known = segment_id in self._positions
            kept = self._positions.get(segment_id)
        if not known:  # the posting folder is complete: positions missing now stay missing
            kept = position_arrays.load(self.index_dir / posting_arrays.FOLDER / segment_id)
            with self._lock:
                self._positions[segment_id] = kept
        return kept

    def lengths(self, leaf, fieldname: str) -> np.ndarray:
        return self._get(("l", leaf.segment().segment_id(), fieldname),
                         lambda: posting_arrays.read_lengths(leaf, fieldname))

    def whole_norms(self, leaves: list, segment_ids: tuple[str, ...], fieldname: str, avgfl: float) -> np.ndarray:
        """BM25's length part, K1 * ((1 - B) + B * fl / avgfl), for every document number of a
        searcher whose segments are `leaves` ((leaf, first document number), `segment_ids` theirs).

        It depends on the commit only (its segments and avgfl), not on the term: computed once
        per commit and field instead of for every posting of every query (a very common word
        has a posting in a third of all records), in one array, so a term's postings in every
        segment find theirs in one step. The same operations in the same order: the same floats.
        Kept under the segment ids in order, which fix every document's number: a commit that
        adds, merges or removes a segment is another key, and keep_only drops the old one.
        """
        def compute() -> np.ndarray:
            size = leaves[-1][1] + leaves[-1][0].doc_count_all() if leaves else 0
            lengths = np.zeros(size, dtype=np.uint8)
            for leaf, offset in leaves:
                lengths[offset:offset + leaf.doc_count_all()] = self.lengths(leaf, fieldname)
            return K1 * ((1 - B) + B * LENGTH_OF_BYTE[lengths] / avgfl)
        return self._get(("n", segment_ids, fieldname, avgfl), compute)

    def stored(self, segment_id: str) -> posting_arrays.StoredPostings | None:
        """The segment's posting arrays, or None while they are not written."""
        return self._stored_for(segment_id)

    def _stored_for(self, segment_id: str) -> posting_arrays.StoredPostings | None:
        with self._lock:
            stored = self._stored.get(segment_id)
        if stored is None and self.index_dir is not None:
            # Not remembered when missing: ingest writes them just after its commit.
            stored = posting_arrays.load(self.index_dir, segment_id)
            if stored is not None:
                with self._lock:
                    self._stored[segment_id] = stored
        return stored

    def _get(self, key, load):
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        value = load()
        size = _nbytes(value)
        with self._lock:
            if key not in self._items:
                self._items[key] = value
                self.used += size
                while self.used > self.budget and len(self._items) > 1:
                    _, old = self._items.popitem(last=False)
                    self.used -= _nbytes(old)
        return value


def _kept(segments: str | tuple[str, ...], segment_ids: frozenset[str]) -> bool:
    """Whether an item kept under one segment id, or a commit's ids in order, is still current:
    a segment never changes, but a commit's whole-index arrays are for that commit alone."""
    return segments in segment_ids if isinstance(segments, str) else frozenset(segments) == segment_ids


def _nbytes(value) -> int:
    return sum(a.nbytes for a in value) if isinstance(value, tuple) else value.nbytes
