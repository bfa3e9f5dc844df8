"""Matching and BM25F ranking in NumPy, over posting arrays instead of Whoosh's matchers.

Whoosh walks postings one at a time in Python: counting a very common word's matches took 0.7 s
at 100,000 passages, and its top-N scoring loop was 80% of a search page's time. Each segment's
postings are kept as arrays by the segment writer (indexer.posting_arrays), which the server
memory-maps; a term in a segment written without them is decoded from Whoosh's blocks, a block
at a time, and kept (`PostingCache`). A segment never changes once written, so neither goes
stale until a merge removes the segment.

`Evaluator.match` answers terms, phrases, AND, OR, NOT, AND NOT, AND MAYBE, constant-score
filters and "everything" with NumPy set operations, and scores them with the formula Whoosh uses
(BM25F, the same idf, average length and quantised field lengths), so the ranking is Whoosh's
ranking (a test checks both). A phrase is checked only on the documents that hold all its
words (indexer.engine.phrases). Any other query (wildcards, ranges, sloppy phrases) raises `Unsupported` when
scores are needed; when only the matching set is needed it is asked of Whoosh, so the set is
always the one Whoosh would give.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from math import log
from pathlib import Path

import numpy as np
from whoosh import query
from whoosh.query.wrappers import ConstantScoreQuery
from whoosh.util.numeric import byte_to_length

from . import limits, phrases, position_arrays, posting_arrays, segment_files

B, K1 = 0.75, 1.2  # whoosh.scoring.BM25F's defaults, which the index is searched with
# A set holding more than 1/DENSE_SHARE of all document numbers is combined through a mask or a
# count over all of them, in linear time, instead of by sorting (np.unique of a very common
# word's 1.6 million postings across fields: 150 ms; counting: 14 ms).
DENSE_SHARE = 16
# Intersecting a set with one LOPSIDED times larger looks the smaller one's ids up by binary
# search, without a pass over the larger set or a mask of every document number.
LOPSIDED = 16
EMPTY_IDS = np.empty(0, dtype=np.int64)
EMPTY_SCORES = np.empty(0, dtype=np.float64)
# Field lengths are stored as one byte each; Whoosh scores with the length the byte stands for.
LENGTH_OF_BYTE = np.array([byte_to_length(b) or 1 for b in range(256)], dtype=np.float64)


class Unsupported(Exception):
    """A query this module cannot score; Whoosh ranks it instead."""


@dataclass(frozen=True)
class Matches:
    ids: np.ndarray  # sorted, unique global document numbers (deleted ones may remain)
    scores: np.ndarray | None  # one per id, or None when only the set was asked for


class PostingCache:
    """Postings per (segment, field, term) and field lengths per (segment, field), as arrays.

    Postings come memory-mapped from the arrays ingest wrote (indexer.posting_arrays); terms
    those lack (segments written by older versions keep only frequent terms, and fields outside
    posting_arrays.FIELDS) are decoded from Whoosh's blocks and kept, bounded by bytes, least
    recently used first out. Shared by all threads of one archive.
    """

    def __init__(self, index_dir: Path | None = None, budget_mb: int = 256):
        self.index_dir = index_dir
        self.budget = budget_mb * 1_000_000
        self.used = 0
        self._items: OrderedDict = OrderedDict()
        self._stored: dict[str, posting_arrays.StoredPostings] = {}
        self._positions: dict[str, position_arrays.StoredPositions | None] = {}
        self._segments: frozenset[str] = frozenset()
        self._lock = threading.Lock()

    def keep_only(self, segment_ids: frozenset[str]) -> None:
        """Forget segments a merge removed (their memory maps and decoded postings)."""
        with self._lock:
            if segment_ids == self._segments:
                return
            self._segments = segment_ids
            self._stored = {k: v for k, v in self._stored.items() if k in segment_ids}
            self._positions = {k: v for k, v in self._positions.items() if k in segment_ids}
            for key in [k for k in self._items if k[1] not in segment_ids]:
                self.used -= _nbytes(self._items.pop(key))

    def postings(self, leaf, fieldname: str, btext: bytes, hashed: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(segment-local ids, weights) of a term in one segment; `hashed` is its key_hash if known."""
        segment_id = leaf.segment().segment_id()
        stored = self._stored_for(segment_id)
        found = stored.get(fieldname, btext, hashed) if stored is not None else None
        if found is not None:
            return found
        return self._get(("p", segment_id, fieldname, btext),
                         lambda: posting_arrays.read_postings(leaf, fieldname, btext))

    def positions(self, leaf, fieldname: str, btext: bytes, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """(index into `wanted`, position) of the term in the wanted documents (sorted segment-local
        ids that all hold it), from the position arrays; None when the segment has none."""
        segment_id = leaf.segment().segment_id()
        stored = self._stored_for(segment_id)
        if stored is None or not stored.complete or fieldname not in position_arrays.FIELDS:
            return None
        with self._lock:
            known = segment_id in self._positions
            kept = self._positions.get(segment_id)
        if not known:  # the posting folder is complete: positions missing now stay missing
            kept = position_arrays.load(self.index_dir / posting_arrays.FOLDER / segment_id)
            with self._lock:
                self._positions[segment_id] = kept
        key = posting_arrays.term_key(fieldname, btext)
        span = stored.find(key, posting_arrays.key_hash(key)) if kept is not None else None
        if span is None:
            return None
        start, end = span
        return kept.positions(start + np.searchsorted(stored.ids[start:end], wanted))

    def lengths(self, leaf, fieldname: str) -> np.ndarray:
        return self._get(("l", leaf.segment().segment_id(), fieldname),
                         lambda: posting_arrays.read_lengths(leaf, fieldname))

    def length_norms(self, leaf, fieldname: str, avgfl: float) -> np.ndarray:
        """BM25's length part, K1 * ((1 - B) + B * fl / avgfl), for every document of the segment.

        It depends on the commit only (avgfl), not on the term: computed once per segment and
        commit instead of for every posting of every query (a very common word has a posting in
        a third of all records). The same operations in the same order: the same floats.
        """
        return self._get(("n", leaf.segment().segment_id(), fieldname, avgfl),
                         lambda: K1 * ((1 - B) + B * LENGTH_OF_BYTE[self.lengths(leaf, fieldname)] / avgfl))

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


def _nbytes(value) -> int:
    return sum(a.nbytes for a in value) if isinstance(value, tuple) else value.nbytes


class Evaluator:
    """One query's evaluation against one searcher."""

    def __init__(self, searcher, everything: np.ndarray, cache: PostingCache, arrays=None):
        self.s = searcher
        self.arrays = arrays  # the commit's facet_arrays.FacetArrays, if known: phrases in facet-valued fields
        self.everything = everything
        self.cache = cache
        self.leaves = segment_files.segment_leaves(searcher.reader())
        self._fetched: dict = {}
        self.size = searcher.doc_count_all()  # document numbers run from 0 to size - 1
        cache.keep_only(frozenset(leaf.segment().segment_id() for leaf, _ in self.leaves))

    def match(self, q, scored: bool = True, within: np.ndarray | None = None) -> Matches:
        """The documents matching q, with scores when `scored`.

        `within` (sorted ids) says only those documents matter: terms drop the others before
        scoring, so a filtered search scores its few matches, not every posting of a common
        word. The answer may still hold documents outside `within`; the caller intersects.
        """
        if isinstance(q, query.Every):
            return Matches(self.everything, np.zeros(len(self.everything)) if scored else None)
        if q is query.NullQuery or isinstance(q, query.qcore._NullQuery):
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        if isinstance(q, ConstantScoreQuery):
            found = self.match(q.child, scored=False, within=within)
            # Whoosh's ListMatcher reads a constant weight of 0.0 as "none given" and scores 1.0.
            constant = float(q.score) or 1.0
            return Matches(found.ids, np.full(len(found.ids), constant) if scored else None)
        kind = type(q)
        if kind is query.Term:
            return self._boosted(self._term(q.fieldname, q.text, scored, within), q.boost)
        if kind is query.And:
            return self._boosted(self._and(q.subqueries, scored, within), q.boost)
        if kind is query.Or and not q.minmatch and q.scale is None:
            return self._boosted(self._or([self.match(c, scored, within) for c in q.subqueries], scored), q.boost)
        if kind is query.AndNot:
            kept = self.match(q.a, scored, within)
            return self._boosted(self._without(kept, self.match(q.b, False, kept.ids)), q.boost)
        if kind is query.Phrase and q.slop == 1:
            return self._boosted(self._phrase(q.fieldname, q.words, scored, within), q.boost)
        if kind is query.AndMaybe:
            kept = self.match(q.a, scored, within)
            return self._boosted(self._maybe(kept, self.match(q.b, scored, kept.ids)), q.boost)
        if kind is query.Not:
            rest = self._without(Matches(self.everything, None), self.match(q.query, False))
            return Matches(rest.ids, np.full(len(rest.ids), float(q.boost)) if scored else None)
        if scored:
            raise Unsupported(type(q).__name__)
        found = np.fromiter(limits.ticking(self.s.docs_for_query(q)), dtype=np.int64)  # Whoosh's loop, bounded
        found.sort()
        return Matches(found, None)

    # combinations
    @staticmethod
    def _boosted(m: Matches, boost: float) -> Matches:
        return m if boost == 1.0 or m.scores is None else Matches(m.ids, m.scores * boost)

    def _and(self, children, scored: bool, within: np.ndarray | None = None) -> Matches:
        positive = [c for c in children if not isinstance(c, query.Not)]
        negative = [c for c in children if isinstance(c, query.Not)]
        result = None
        # Smallest first, so the intersections shrink as early as possible.
        for child in sorted(positive, key=self._estimate):
            part = self.match(child, scored, within if result is None else result.ids)
            if result is None:
                result = part
            else:
                ids, left, right = _intersect(result.ids, part.ids, self.size)
                scores = result.scores[left] + part.scores[right] if scored else None
                result = Matches(ids, scores)
            if not len(result.ids):
                return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        if result is None:
            result = Matches(self.everything, np.zeros(len(self.everything)) if scored else None)
        for child in negative:
            result = self._without(result, self.match(child.query, False, result.ids))
            if scored:  # Whoosh scores a NOT clause as its boost on every document it lets through
                result = Matches(result.ids, result.scores + child.boost)
        return result

    def _or(self, parts: list[Matches], scored: bool) -> Matches:
        parts = [p for p in parts if len(p.ids)]
        if not parts:
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        if len(parts) == 1:
            return parts[0]
        every = np.concatenate([p.ids for p in parts])
        # Scores are summed in the parts' order either way (bincount adds in array order).
        weights = np.concatenate([p.scores for p in parts]) if scored else None
        if len(every) * DENSE_SHARE > self.size:  # counting over all document numbers beats sorting
            ids = np.flatnonzero(np.bincount(every, minlength=self.size))
            scores = np.bincount(every, weights=weights, minlength=self.size)[ids] if scored else None
        else:
            ids, where = np.unique(every, return_inverse=True)
            scores = np.bincount(where, weights=weights, minlength=len(ids)) if scored else None
        return Matches(ids, scores)

    def _without(self, m: Matches, excluded: Matches) -> Matches:
        keep = ~_members(m.ids, excluded.ids, self.size)
        return Matches(m.ids[keep], m.scores[keep] if m.scores is not None else None)

    def _maybe(self, required: Matches, optional: Matches) -> Matches:
        if required.scores is None:
            return required
        scores = required.scores.copy()
        _, left, right = _intersect(required.ids, optional.ids, self.size)
        scores[left] += optional.scores[right]
        return Matches(required.ids, scores)

    # phrases
    def _phrase(self, fieldname: str, words, scored: bool, within: np.ndarray | None = None) -> Matches:
        """Documents with the words at consecutive positions, scored as Whoosh scores a phrase:
        the sum of its words' scores (SpanNear2 over an intersection of the word matchers).

        The candidates holding every word are found unscored; only those that pass the check
        are scored, so a phrase of common words scores its few matches, not every posting.
        """
        schema = self.s.schema
        if fieldname not in schema or not schema[fieldname].format.supports("positions"):
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        field = schema[fieldname]
        btexts = [field.to_bytes(word) for word in words]
        if not btexts or not all(self.doc_frequency(fieldname, b) for b in btexts):
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        terms = [query.Term(fieldname, b) for b in btexts]
        if len(btexts) == 1:
            return self._and(terms, scored, within)
        candidates = self._and(terms, False, within).ids
        if not len(candidates):
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        facet = phrases.VALUE_FIELDS.get(fieldname)
        if facet is not None and self.arrays is not None and facet in self.arrays.codes:
            found = candidates[phrases.by_value(field, btexts, np.asarray(self.arrays.codes[facet])[candidates],
                                                self.arrays.values[facet])]
        else:
            found = candidates[phrases.by_positions(self.cache, self.leaves, fieldname, btexts, candidates)]
        if not scored:
            return Matches(found, None)
        # The same sums in the same order as scoring every candidate, for the matches alone.
        return self._and(terms, True, found)

    # terms
    def _postings(self, fieldname: str, btext: bytes) -> list[tuple[object, int, np.ndarray, np.ndarray]]:
        """(segment reader, offset, local ids, weights) of a term in each segment that has it; once per query."""
        found = self._fetched.get((fieldname, btext))
        if found is None:
            hashed = posting_arrays.key_hash(posting_arrays.term_key(fieldname, btext))
            found = []
            for leaf, offset in self.leaves:
                ids, weights = self.cache.postings(leaf, fieldname, btext, hashed)
                if len(ids):
                    found.append((leaf, offset, ids, weights))
            self._fetched[(fieldname, btext)] = found
        return found

    def doc_frequency(self, fieldname: str, text) -> int:
        """Documents holding the term, deleted ones included: Whoosh's doc_frequency, from our arrays."""
        if fieldname not in self.s.schema:
            return 0
        btext = self.s.schema[fieldname].to_bytes(text) if not isinstance(text, bytes) else text
        return sum(len(ids) for _, _, ids, _ in self._postings(fieldname, btext))

    def _estimate(self, q) -> int:
        """How many documents q may match, to intersect the smallest first."""
        kind = type(q)
        if kind is query.Term:
            return self.doc_frequency(q.fieldname, q.text)
        if kind is query.Phrase and q.fieldname in self.s.schema:
            return min((self.doc_frequency(q.fieldname, w) for w in q.words), default=0)
        if kind is query.Or:
            return sum(self._estimate(c) for c in q.subqueries)
        if kind is query.And:
            return min((self._estimate(c) for c in q.subqueries), default=0)
        return q.estimate_size(self.s.reader())

    def _term(self, fieldname: str, text, scored: bool, within: np.ndarray | None = None) -> Matches:
        schema = self.s.schema
        if fieldname not in schema:
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        field = schema[fieldname]
        btext = field.to_bytes(text) if not isinstance(text, bytes) else text
        postings = self._postings(fieldname, btext)
        doc_frequency = sum(len(leaf_ids) for _, _, leaf_ids, _ in postings)
        avgfl = (self.s.avg_field_length(fieldname) or 1) if scored and field.scorable else None
        ids, weights, norms = [], [], []
        for leaf, offset, leaf_ids, leaf_weights in postings:
            if within is not None:
                lo, hi = np.searchsorted(within, [offset, offset + leaf.doc_count_all()])
                keep = _indices_of(leaf_ids, within[lo:hi] - offset, leaf.doc_count_all())
                leaf_ids, leaf_weights = leaf_ids[keep], leaf_weights[keep]
            ids.append(leaf_ids.astype(np.int64) + offset)
            if scored:
                weights.append(leaf_weights)
                if field.scorable:
                    norms.append(self.cache.length_norms(leaf, fieldname, avgfl)[leaf_ids])
        if not ids:
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        all_ids = np.concatenate(ids)
        if not scored:
            return Matches(all_ids, None)
        tf = np.concatenate(weights).astype(np.float64)
        if not field.scorable:
            return Matches(all_ids, tf)  # Whoosh's WeightScorer: the posting's weight
        # whoosh.scoring.WeightingModel.idf, over all segments' postings (deleted ones count there too)
        idf = log(self.s.doc_count_all() / (doc_frequency + 1)) + 1
        return Matches(all_ids, idf * ((tf * (K1 + 1)) / (tf + np.concatenate(norms))))


def _members(ids: np.ndarray, within: np.ndarray, size: int) -> np.ndarray:
    """Which of the sorted `ids` are in the sorted `within`, as a mask (ids below `size`)."""
    if not len(within):
        return np.zeros(len(ids), dtype=bool)
    if len(ids) * DENSE_SHARE > size:  # many ids: one pass over a mask of every document number
        inside = np.zeros(size, dtype=bool)
        inside[within] = True
        return inside[ids]
    where = np.searchsorted(within, ids)
    where[where == len(within)] = 0
    return within[where] == ids


def _indices_of(ids: np.ndarray, wanted: np.ndarray, size: int) -> np.ndarray:
    """Indices of the sorted `ids` that are in the sorted `wanted` (both below `size`)."""
    if len(wanted) * 8 < len(ids):  # a few wanted among many: look each one up
        where = np.searchsorted(ids, wanted)
        inside = where < len(ids)
        where, wanted = where[inside], wanted[inside]
        return where[ids[where] == wanted]
    if len(ids) * 8 < len(wanted):  # a few ids among many wanted (a title word within a common word's matches)
        return np.flatnonzero(phrases.sorted_members(ids, wanted))
    return np.flatnonzero(_members(ids, wanted, size))


def _intersect(a: np.ndarray, b: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ids in both, their indices in a, their indices in b), as np.intersect1d(return_indices=True)."""
    if len(b) * LOPSIDED < len(a):  # few in b: look each one up in a (no pass over a or all ids)
        right = np.flatnonzero(phrases.sorted_members(b, a))
        ids = b[right]
        return ids, np.searchsorted(a, ids), right
    if len(a) * LOPSIDED < len(b):
        left = np.flatnonzero(phrases.sorted_members(a, b))
        ids = a[left]
        return ids, left, np.searchsorted(b, ids)
    if max(len(a), len(b)) * DENSE_SHARE <= size:
        return np.intersect1d(a, b, assume_unique=True, return_indices=True)
    right = np.flatnonzero(_members(b, a, size))
    ids = b[right]
    return ids, np.searchsorted(a, ids), right
