"""Which segments hold a term, answered once for a whole commit instead of once per segment.

Each segment's posting arrays (posting_arrays.StoredPostings) have their own table of term hashes.
Looking a term up meant a binary search and a key check in every segment: 47 at a million
passages, ~5 µs each, for every word of a query in every field it searches (about 240 look-ups,
a fifth of a phrase request). The directory puts every segment's hashes in one sorted array,
once per commit (~50 ms at a million passages: 1.03M hashes, 16 MB), so a term is one binary search
that lands on exactly the segments holding it; only those are checked. Terms of fields a segment
kept no complete table for are still looked up there one by one (`incomplete`).

A word of a big archive is in nearly every segment, and checking its key there one segment at a
time still cost ~1.3 µs a segment (60 µs a term at a million passages, four fields a word). So
the directory also keeps every entry's key bytes and span in hash order (`_Keys`, put together
when a term first lands on VECTOR_FROM entries or more), and checks all the entries of a hash at
once with array operations; a term in a few segments is still checked entry by entry.
"""
from __future__ import annotations

from functools import cached_property

import numpy as np

from . import posting_arrays

# A term on this many directory entries is checked with array operations (~12 µs whatever the
# count) rather than entry by entry (~1.3 µs each).
VECTOR_FROM = 8


class _Keys:
    """Every entry's key bytes and (start, end) span, in the directory's hash order."""

    def __init__(self, stored: list[posting_arrays.StoredPostings], order: np.ndarray):
        self.bytes = np.concatenate([table.keys for table in stored]) if stored else np.empty(0, dtype=np.uint8)
        ends = [np.asarray(table.key_ends, dtype=np.int64) for table in stored]
        bases = np.cumsum([0] + [len(table.keys) for table in stored])
        lengths = np.concatenate([np.diff(e, prepend=0) for e in ends]) if stored else np.empty(0, dtype=np.int64)
        begins = np.concatenate([e - np.diff(e, prepend=0) + base for e, base in zip(ends, bases)]) \
            if stored else np.empty(0, dtype=np.int64)
        self.begin = _narrow(begins[order])
        self.length = lengths[order].astype(np.uint16 if not len(lengths) or lengths.max() <= 0xFFFF else np.int64)
        spans = np.concatenate([np.asarray(table.spans).reshape(-1, 2) for table in stored]) \
            if stored else np.empty((0, 2), dtype=np.int64)
        self.start = _narrow(spans[order, 0])
        self.end = _narrow(spans[order, 1])

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.bytes, self.begin, self.length, self.start, self.end))

    def matching(self, lo: int, hi: int, key: bytes) -> np.ndarray:
        """Which of the entries lo:hi have exactly `key`, as a mask."""
        same = self.length[lo:hi] == len(key)
        if not same.any():
            return same
        at = np.flatnonzero(same)
        gathered = self.bytes[self.begin[lo:hi][at].astype(np.int64)[:, None] + np.arange(len(key))]
        same[at] = (gathered == np.frombuffer(key, dtype=np.uint8)).all(axis=1)
        return same


def _narrow(values: np.ndarray) -> np.ndarray:
    """`values` (never negative) as uint32 when they fit: half the memory at a million passages."""
    return values.astype(np.uint32) if not len(values) or int(values.max()) <= np.iinfo(np.uint32).max \
        else values.astype(np.int64)


class TermDirectory:
    """Every segment's term table of one commit, in one hash order."""

    def __init__(self, stored: list[posting_arrays.StoredPostings]):
        self.stored = stored
        sizes = [len(table.hashes) for table in stored]
        hashes = np.concatenate([table.hashes for table in stored]) if stored else np.empty(0, dtype=np.uint64)
        # Stable: equal hashes (one term in several segments) stay in segment order.
        order = np.argsort(hashes, kind="stable")
        self.hashes = hashes[order]
        firsts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        segment = np.repeat(np.arange(len(stored), dtype=np.int32), sizes)[order]
        self.segment = segment
        self.row = (order - firsts[segment]).astype(np.int32)  # the entry's row in its segment's table
        self._order = order.astype(np.int32) if len(order) <= np.iinfo(np.int32).max else order  # for `keys`
        self._incomplete: dict[str, list[int]] = {}

    @cached_property
    def keys(self) -> _Keys:
        """Every entry's key and span, put together the first time a term is in many segments."""
        return _Keys(self.stored, self._order)

    def incomplete(self, fieldname: str) -> list[int]:
        """Segments whose table may lack a term of this field that they hold (ask Whoosh there)."""
        found = self._incomplete.get(fieldname)
        if found is None:
            found = self._incomplete[fieldname] = [n for n, table in enumerate(self.stored)
                                                   if not (table.complete and fieldname in table.fields)]
        return found

    def found(self, key: bytes, hashed: int) -> tuple[list[int], list[int], list[int]]:
        """(segment numbers, starts, ends) of the term in the posting arrays of every segment
        whose table has it, in segment order (`key` is posting_arrays.term_key, `hashed` its key_hash)."""
        target = np.uint64(hashed)
        lo = int(self.hashes.searchsorted(target))
        hi = int(self.hashes.searchsorted(target, side="right"))
        if hi - lo >= VECTOR_FROM:
            keys = self.keys
            same = keys.matching(lo, hi, key)
            return (self.segment[lo:hi][same].tolist(), keys.start[lo:hi][same].tolist(),
                    keys.end[lo:hi][same].tolist())
        numbers, starts, ends = [], [], []
        for number, row in zip(self.segment[lo:hi].tolist(), self.row[lo:hi].tolist()):
            span = self.stored[number].span_at(row, key)
            if span is not None:
                numbers.append(number)
                starts.append(span[0])
                ends.append(span[1])
        return numbers, starts, ends

    def spans(self, key: bytes, hashed: int) -> dict[int, tuple[int, int]]:
        """Segment number -> (start, end) of the term in its posting arrays, for every segment
        whose table has it."""
        numbers, starts, ends = self.found(key, hashed)
        return dict(zip(numbers, zip(starts, ends)))


def size_of(directory: TermDirectory) -> int:
    keys = directory.__dict__.get("keys")
    return directory.hashes.nbytes + directory.segment.nbytes + directory.row.nbytes + (keys.nbytes if keys else 0)
