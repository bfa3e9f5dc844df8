"""Which segments hold a term, answered once for a whole commit instead of once per segment.

Each segment's posting arrays (posting_arrays.StoredPostings) have their own table of term hashes.
Looking a term up meant a binary search and a key check in every segment: 47 at a million
passages, ~5 µs each, for every word of a query in every field it searches (about 240 look-ups,
a fifth of a phrase request). The directory puts every segment's hashes in one sorted array,
once per commit (~50 ms at a million passages: 1.03M hashes, 16 MB), so a term is one binary search
that lands on exactly the segments holding it; only those are checked. Terms of fields a segment
kept no complete table for are still looked up there one by one (`incomplete`).
"""
from __future__ import annotations

import numpy as np

from . import posting_arrays


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
        self._incomplete: dict[str, list[int]] = {}

    def incomplete(self, fieldname: str) -> list[int]:
        """Segments whose table may lack a term of this field that they hold (ask Whoosh there)."""
        found = self._incomplete.get(fieldname)
        if found is None:
            found = self._incomplete[fieldname] = [n for n, table in enumerate(self.stored)
                                                   if not (table.complete and fieldname in table.fields)]
        return found

    def spans(self, key: bytes, hashed: int) -> dict[int, tuple[int, int]]:
        """Segment number -> (start, end) of the term in its posting arrays, for every segment
        whose table has it (`key` is posting_arrays.term_key, `hashed` its key_hash)."""
        target = np.uint64(hashed)
        lo = int(self.hashes.searchsorted(target))
        hi = int(self.hashes.searchsorted(target, side="right"))
        found = {}
        for number, row in zip(self.segment[lo:hi].tolist(), self.row[lo:hi].tolist()):
            span = self.stored[number].span_at(row, key)
            if span is not None:
                found[number] = span
        return found


def size_of(directory: TermDirectory) -> int:
    return directory.hashes.nbytes + directory.segment.nbytes + directory.row.nbytes
