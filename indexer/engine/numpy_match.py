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

import weakref
from dataclasses import dataclass
from math import log
import numpy as np
from whoosh import query
from whoosh.query.wrappers import ConstantScoreQuery

from . import broad_sets, estimates, limits, phrases, posting_arrays, segment_files
from .whole_terms import TermPostings, WholeTerm
from .posting_cache import K1, PostingCache
# A set holding more than 1/DENSE_SHARE of all document numbers is combined through a mask or a
# count over all of them, in linear time, instead of by sorting (np.unique of a very common
# word's 1.6 million postings across fields: 150 ms; counting: 14 ms).
DENSE_SHARE = 16
# Intersecting a set with one LOPSIDED times larger looks the smaller one's ids up by binary
# search, without a pass over the larger set or a mask of every document number.
LOPSIDED = 16
# Two sets holding more than 1/MASK_SHARE of all document numbers between them are intersected
# through a mask of every document number (zeroing 1 MB at a million passages costs ~25 µs):
# intersect1d sorts both again (a phrase's two words, 20,000 and 50,000 ids: 0.66 vs 0.17 ms).
MASK_SHARE = 128
SEARCH_COST = 32  # a binary search for one id costs about as much as 32 ids set in or read from a mask
EMPTY_IDS = np.empty(0, dtype=np.int64)
_new_tuple = tuple.__new__
EMPTY_SCORES = np.empty(0, dtype=np.float64)


class Unsupported(Exception):
    """A query this module cannot score; Whoosh ranks it instead."""


@dataclass(frozen=True)
class Matches:
    ids: np.ndarray  # sorted, unique global document numbers (deleted ones may remain)
    scores: np.ndarray | None  # one per id, or None when only the set was asked for


class Evaluator:
    """One query's evaluation against one searcher."""

    def __init__(self, searcher, everything: np.ndarray, cache: PostingCache, arrays=None):
        self.s = searcher
        self.arrays = arrays  # the commit's facet_arrays.FacetArrays, if known: phrases in facet-valued fields
        self.everything = everything
        self.cache = cache
        self.leaves, self.segment_ids, self.bounds, segments = _layout(searcher)
        self._fetched: dict = {}
        self._directory = False  # the commit's term_directory.TermDirectory (None: none), asked for when first needed
        self._averages: dict[str, float] = {}
        self._live: int | None = None  # the searcher's doc_count(), asked once
        self.size = searcher.doc_count_all()  # document numbers run from 0 to size - 1
        cache.keep_only(segments)

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
            if not scored:  # the optional half only adds to scores
                return kept
            if len(kept.ids) * DENSE_SHARE > self.size:  # a broad set: its lift read from one array
                lift = self.match(q.b, True)
                return self._boosted(Matches(kept.ids, broad_sets.lift_everywhere(
                    kept.ids, kept.scores, lift.ids, lift.scores, self.size)), q.boost)
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
        largest = max(len(p.ids) for p in parts)
        if (sum(len(p.ids) for p in parts) - largest) * LOPSIDED < largest:  # "the" OR a few speakers
            ids, scores = broad_sets.union_onto_largest([p.ids for p in parts], [p.scores for p in parts] if scored else None)
            return Matches(ids, scores)
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
            found = candidates[phrases.by_positions(self.cache, [self._postings(fieldname, b) for b in btexts],
                                                    self.bounds, fieldname, btexts, candidates, self.segment_ids)]
        if not scored:
            return Matches(found, None)
        # The same sums in the same order as scoring every candidate, for the matches alone.
        return self._and(terms, True, found)

    # terms
    def _postings(self, fieldname: str, btext: bytes) -> WholeTerm:
        """The term's postings in each segment that has it; looked up once per query, in the
        commit's term directory where every segment has its arrays, else segment by segment."""
        found = self._fetched.get((fieldname, btext))
        if found is None:
            key = posting_arrays.term_key(fieldname, btext)
            hashed = posting_arrays.key_hash(key)
            if self._directory is False:
                self._directory = self.cache.directory(self.segment_ids)
            directory = self._directory
            if directory is not None and not directory.incomplete(fieldname):
                # Every segment's table is complete: the directory's entries are all there is.
                numbers, starts, ends = directory.found(key, hashed)
                leaves, stored = self.leaves, directory.stored
                # tuple.__new__: TermPostings(...) has a Python-level __new__ (a part per segment).
                parts = [_new_tuple(TermPostings, (number, *leaves[number], stored[number].ids[start:end],
                                                   stored[number].weights[start:end], start))
                         for number, start, end in zip(numbers, starts, ends) if end > start]
                found = self._fetched[(fieldname, btext)] = WholeTerm(parts, sum(ends) - sum(starts))
                return found
            spans, numbers = {}, range(len(self.leaves))
            if directory is not None:
                spans = directory.spans(key, hashed)
                numbers = sorted({*spans, *directory.incomplete(fieldname)})
            parts = []
            for number in numbers:
                leaf, offset = self.leaves[number]
                if number in spans:
                    start, end = spans[number]
                    table = self._directory.stored[number]
                    ids, weights = table.ids[start:end], table.weights[start:end]
                else:
                    ids, weights, start = self.cache.postings(leaf, fieldname, btext, hashed, self.segment_ids[number])
                if len(ids):
                    parts.append(TermPostings(number, leaf, offset, ids, weights, start))
            found = self._fetched[(fieldname, btext)] = WholeTerm(parts)
        return found

    def _average_length(self, fieldname: str) -> float:
        """The field's average length (Whoosh's, as BM25F scores with it), once per commit when its
        arrays are known, else once per query: Whoosh sums it over every segment each time (47 at a
        million passages, ~0.1 ms a field), for every term scored."""
        found = self._averages.get(fieldname)
        if found is None:
            def average() -> float:
                return self.s.avg_field_length(fieldname) or 1
            found = average() if self.arrays is None else self.arrays.memo(("average length", fieldname), average)
            self._averages[fieldname] = found
        return found

    def doc_frequency(self, fieldname: str, text) -> int:
        """Documents holding the term, deleted ones included: Whoosh's doc_frequency, from our arrays."""
        if fieldname not in self.s.schema:
            return 0
        btext = self.s.schema[fieldname].to_bytes(text) if not isinstance(text, bytes) else text
        return self._postings(fieldname, btext).frequency

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
        # Whoosh's own figure, so the AND's order (and the order its scores are added in) stays Whoosh's
        return estimates.whoosh_estimate(q, self.s.schema, self.doc_frequency, self._live_count, self.s.reader())

    def _live_count(self) -> int:
        if self._live is None:
            self._live = self.s.doc_count()
        return self._live

    def _term(self, fieldname: str, text, scored: bool, within: np.ndarray | None = None) -> Matches:
        schema = self.s.schema
        if fieldname not in schema:
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        field = schema[fieldname]
        btext = field.to_bytes(text) if not isinstance(text, bytes) else text
        term = self._postings(fieldname, btext)
        if not term.parts:
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        cuts = within.searchsorted(self.bounds).tolist() if within is not None else None
        visited = [p for p in term.parts if cuts is None or cuts[2 * p.leaf_number] < cuts[2 * p.leaf_number + 1]]
        if within is None or term.worth_gathering(len(visited)):
            ids, weights = term.ids, term.weights if scored else None
            if within is not None:
                keep = _indices_of(ids, within, self.size)
                ids, weights = ids[keep], weights[keep] if scored else None
        else:  # a very common word asked about a few documents: only where they are
            kept = []
            for number, leaf, offset, leaf_ids, leaf_weights, _ in visited:
                lo, hi = cuts[2 * number], cuts[2 * number + 1]
                keep = _indices_of(leaf_ids, within[lo:hi] - offset, leaf.doc_count_all())
                kept.append((leaf_ids[keep].astype(np.int64) + offset, leaf_weights[keep]))
            if not kept:  # none of its segments holds a document that matters
                return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
            ids = np.concatenate([k[0] for k in kept])
            weights = np.concatenate([k[1] for k in kept]) if scored else None
        if not scored:
            return Matches(ids, None)
        tf = weights.astype(np.float64)
        if not field.scorable:
            return Matches(ids, tf)  # Whoosh's WeightScorer: the posting's weight
        norms = self.cache.whole_norms(self.leaves, self.segment_ids, fieldname, self._average_length(fieldname))
        # whoosh.scoring.WeightingModel.idf, over all segments' postings (deleted ones count there too)
        idf = log(self.s.doc_count_all() / (term.frequency + 1)) + 1
        # idf * ((tf * (K1 + 1)) / (tf + norms[ids])) in place: the same operations on the same
        # floats (a sum or product is the same either way round), without four temporary arrays
        # the size of a very common word's postings.
        below = norms[ids]
        below += tf
        tf *= K1 + 1
        tf /= below
        tf *= idf
        return Matches(ids, tf)


# searcher -> its segments' layout, worked out once: a pooled searcher answers many requests of
# its commit with one reader (~35 µs a request at a million passages). Nothing in the layout
# refers to the searcher, so the entry goes when the pool drops it at a new commit.
_LAYOUTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _layout(searcher) -> tuple[list, tuple[str, ...], np.ndarray, frozenset[str]]:
    """(leaves, their segment ids, bounds, the ids as a set) of a searcher, worked out once."""
    found = _LAYOUTS.get(searcher)
    if found is None:
        leaves = segment_files.segment_leaves(searcher.reader())
        segment_ids = tuple(leaf.segment().segment_id() for leaf, _ in leaves)
        # Each segment's first and last-plus-one document numbers, two by two: one binary search
        # of a sorted set of ids against them splits it by segment.
        bounds = np.array([n for leaf, offset in leaves for n in (offset, offset + leaf.doc_count_all())],
                          dtype=np.int64)
        bounds.flags.writeable = False  # shared by every request the reader answers
        found = _LAYOUTS[searcher] = (leaves, segment_ids, bounds, frozenset(segment_ids))
    return found


def _members(ids: np.ndarray, within: np.ndarray, size: int) -> np.ndarray:
    """Which of the sorted `ids` are in the sorted `within`, as a mask (ids below `size`)."""
    if not len(within):
        return np.zeros(len(ids), dtype=bool)
    # A binary search per id (~50 ns at a million) against a mask of every document number (zeroed
    # at ~25 µs per million, then ~1.5 ns per id set or read): the mask from a few thousand ids on
    # (12,000 ids in 40,000: 0.46 ms searching, 0.10 ms by mask).
    if len(ids) * SEARCH_COST > len(within) + size // 64:
        inside = np.zeros(size, dtype=bool)
        inside[within] = True
        return inside[ids]
    where = within.searchsorted(ids)  # the method: np.searchsorted's dispatch costs more than a small search
    where[where == len(within)] = 0
    return within[where] == ids


def _indices_of(ids: np.ndarray, wanted: np.ndarray, size: int) -> np.ndarray:
    """Indices of the sorted `ids` that are in the sorted `wanted` (both below `size`)."""
    if len(wanted) * 8 < len(ids):  # a few wanted among many: look each one up
        where = ids.searchsorted(wanted)
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
        return ids, a.searchsorted(ids), right
    if len(a) * LOPSIDED < len(b):
        left = np.flatnonzero(phrases.sorted_members(a, b))
        ids = a[left]
        return ids, left, b.searchsorted(ids)
    if (len(a) + len(b)) * MASK_SHARE <= size:
        return np.intersect1d(a, b, assume_unique=True, return_indices=True)
    inside = np.zeros(size, dtype=bool)
    inside[a] = True
    right = np.flatnonzero(inside[b])
    ids = b[right]
    return ids, a.searchsorted(ids), right
