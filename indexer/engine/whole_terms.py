"""One term's postings across every segment of a searcher, as whole-index (global) arrays.

A term is kept per segment (posting_arrays, PostingCache): 47 segments at a million passages.
Intersecting and scoring segment by segment cost a Python step per segment for every use of
the term (the unscored candidates, the scored matches, the title lift: some 230 steps for one
phrase). `WholeTerm` puts the segments' postings together once per query, as global document
numbers in one sorted array, so each later use is one array operation. Putting them together
costs a pass over the postings, so a very common word asked about a few documents is still
looked at segment by segment (`worth_gathering`).
"""
from __future__ import annotations

from functools import cached_property
from typing import NamedTuple

import numpy as np

# Gathering this many postings into the whole-index arrays costs about what one per-segment
# step of an intersection does (a few NumPy calls on small arrays, ~10 µs): a term with fewer
# postings than this many per segment it would visit is cheaper gathered.
POSTINGS_PER_STEP = 4000
# Segment offsets are added a slice at a time (a Python step each, ~1 µs) when a segment has this
# many postings on average; below, in one step over an array of offsets (~2 ns a posting).
SLICED_FROM = 1000


class TermPostings(NamedTuple):
    """A term's postings in one segment of the searcher."""
    leaf_number: int  # the segment's place in Evaluator.leaves (and its pair in Evaluator.bounds)
    leaf: object
    offset: int  # the segment's first global document number
    ids: np.ndarray  # segment-local, sorted
    weights: np.ndarray
    start: int | None  # where ids begin in the segment's posting (and position) arrays; None: from Whoosh


class WholeTerm:
    """A term's postings in every segment that has it (`parts`, in document order), and the same
    postings as whole-index arrays, put together when first asked for."""

    def __init__(self, parts: list[TermPostings], frequency: int | None = None):
        self.parts = parts
        # Whoosh's doc_frequency (deleted ones count): given when the caller has the spans' sizes.
        self.frequency = sum(len(p.ids) for p in parts) if frequency is None else frequency

    @cached_property
    def ids(self) -> np.ndarray:
        """Global document numbers, sorted (segments come in document order, each one's ids sorted)."""
        if not self.parts:
            return np.empty(0, dtype=np.int64)
        ids = np.concatenate([p.ids for p in self.parts], dtype=np.int64)
        if self.frequency < SLICED_FROM * len(self.parts):  # few postings a segment: one step for all
            ids += np.repeat(np.array([p.offset for p in self.parts], dtype=np.int64),
                             [len(p.ids) for p in self.parts])
            return ids
        for part, start, end in zip(self.parts, self.firsts[:-1].tolist(), self.firsts[1:].tolist()):
            if part.offset:  # a slice at a time: no array of offsets as long as the postings
                ids[start:end] += part.offset
        return ids

    @cached_property
    def weights(self) -> np.ndarray:
        """Each posting's weight, in the order of `ids`."""
        if not self.parts:
            return np.empty(0, dtype=np.float32)
        return np.concatenate([p.weights for p in self.parts])

    @cached_property
    def firsts(self) -> np.ndarray:
        """Where each part's postings begin in `ids`."""
        return np.concatenate([[0], np.cumsum([len(p.ids) for p in self.parts])]).astype(np.int64)

    def rows(self, at: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """(part number, row in that segment's posting and position arrays) of the postings at
        indices `at` of `ids`; None when a part was decoded from Whoosh (it has no rows)."""
        if any(p.start is None for p in self.parts):
            return None
        part = self.firsts.searchsorted(at, side="right") - 1
        starts = np.array([p.start for p in self.parts], dtype=np.int64)
        return part, at - self.firsts[part] + starts[part]

    @property
    def gathered(self) -> bool:
        return "ids" in self.__dict__

    def worth_gathering(self, segments_visited: int) -> bool:
        """Whether the whole-index arrays are cheaper than `segments_visited` per-segment steps."""
        return self.gathered or self.frequency <= POSTINGS_PER_STEP * max(1, segments_visited)
