"""Matching and BM25F ranking in NumPy, read from Whoosh's posting blocks in bulk.

Whoosh walks postings one at a time in Python: counting a very common word's matches took 0.7 s
at 100,000 passages, and its top-N scoring loop was 80% of a search page's time. Whoosh stores
a term's postings in blocks of delta-encoded document numbers and term frequencies, so a block
can become an array at once; a segment never changes once written, so a term's arrays can be
kept (`PostingCache`) and a repeated word costs no decoding at all.

`Evaluator.match` answers terms, AND, OR, NOT, AND NOT, AND MAYBE, constant-score filters and
"everything" with NumPy set operations, and scores them with the formula Whoosh uses (BM25F,
the same idf, average length and quantised field lengths), so the ranking is Whoosh's ranking (a
test checks both). Any other query (phrases, wildcards, ranges) raises `Unsupported` when scores
are needed; when only the matching set is needed it is asked of Whoosh, so the set is always the
one Whoosh would give.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from whoosh import query
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.query.wrappers import ConstantScoreQuery
from whoosh.util.numeric import byte_to_length

B, K1 = 0.75, 1.2  # whoosh.scoring.BM25F's defaults, which the index is searched with
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
    """Decoded postings per (segment, field, term) and field lengths per (segment, field).

    Bounded by bytes, least recently used first out; shared by all threads of one archive.
    """

    def __init__(self, budget_mb: int = 256):
        self.budget = budget_mb * 1_000_000
        self.used = 0
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, load):
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        value = load()
        size = sum(a.nbytes for a in value) if isinstance(value, tuple) else value.nbytes
        with self._lock:
            if key not in self._items:
                self._items[key] = value
                self.used += size
                while self.used > self.budget and len(self._items) > 1:
                    _, old = self._items.popitem(last=False)
                    self.used -= sum(a.nbytes for a in old) if isinstance(old, tuple) else old.nbytes
        return value


class Evaluator:
    """One query's evaluation against one searcher."""

    def __init__(self, searcher, everything: np.ndarray, cache: PostingCache):
        self.s = searcher
        self.everything = everything
        self.cache = cache
        self.leaves = list(searcher.reader().leaf_readers())

    def match(self, q, scored: bool = True) -> Matches:
        if isinstance(q, query.Every):
            return Matches(self.everything, np.zeros(len(self.everything)) if scored else None)
        if q is query.NullQuery or isinstance(q, query.qcore._NullQuery):
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        if isinstance(q, ConstantScoreQuery):
            found = self.match(q.child, scored=False)
            # Whoosh's ListMatcher reads a constant weight of 0.0 as "none given" and scores 1.0.
            constant = float(q.score) or 1.0
            return Matches(found.ids, np.full(len(found.ids), constant) if scored else None)
        kind = type(q)
        if kind is query.Term:
            return self._boosted(self._term(q.fieldname, q.text, scored), q.boost)
        if kind is query.And:
            return self._boosted(self._and(q.subqueries, scored), q.boost)
        if kind is query.Or and not q.minmatch and q.scale is None:
            return self._boosted(self._or([self.match(c, scored) for c in q.subqueries], scored), q.boost)
        if kind is query.AndNot:
            return self._boosted(self._without(self.match(q.a, scored), self.match(q.b, False)), q.boost)
        if kind is query.AndMaybe:
            return self._boosted(self._maybe(self.match(q.a, scored), self.match(q.b, scored)), q.boost)
        if kind is query.Not:
            rest = self._without(Matches(self.everything, None), self.match(q.query, False))
            return Matches(rest.ids, np.full(len(rest.ids), float(q.boost)) if scored else None)
        if scored:
            raise Unsupported(type(q).__name__)
        found = np.fromiter(self.s.docs_for_query(q), dtype=np.int64)
        found.sort()
        return Matches(found, None)

    # combinations
    @staticmethod
    def _boosted(m: Matches, boost: float) -> Matches:
        return m if boost == 1.0 or m.scores is None else Matches(m.ids, m.scores * boost)

    def _and(self, children, scored: bool) -> Matches:
        positive = [c for c in children if not isinstance(c, query.Not)]
        negative = [c for c in children if isinstance(c, query.Not)]
        reader = self.s.reader()
        result = None
        # Smallest first, so the intersections shrink as early as possible.
        for child in sorted(positive, key=lambda c: c.estimate_size(reader)):
            part = self.match(child, scored)
            if result is None:
                result = part
            else:
                ids, left, right = np.intersect1d(result.ids, part.ids, assume_unique=True, return_indices=True)
                scores = result.scores[left] + part.scores[right] if scored else None
                result = Matches(ids, scores)
            if not len(result.ids):
                return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        if result is None:
            result = Matches(self.everything, np.zeros(len(self.everything)) if scored else None)
        for child in negative:
            result = self._without(result, self.match(child.query, False))
            if scored:  # Whoosh scores a NOT clause as its boost on every document it lets through
                result = Matches(result.ids, result.scores + child.boost)
        return result

    @staticmethod
    def _or(parts: list[Matches], scored: bool) -> Matches:
        parts = [p for p in parts if len(p.ids)]
        if not parts:
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        if len(parts) == 1:
            return parts[0]
        ids, where = np.unique(np.concatenate([p.ids for p in parts]), return_inverse=True)
        if not scored:
            return Matches(ids, None)
        return Matches(ids, np.bincount(where, weights=np.concatenate([p.scores for p in parts]),
                                        minlength=len(ids)))

    @staticmethod
    def _without(m: Matches, excluded: Matches) -> Matches:
        keep = ~np.isin(m.ids, excluded.ids, assume_unique=True)
        return Matches(m.ids[keep], m.scores[keep] if m.scores is not None else None)

    @staticmethod
    def _maybe(required: Matches, optional: Matches) -> Matches:
        if required.scores is None:
            return required
        scores = required.scores.copy()
        _, left, right = np.intersect1d(required.ids, optional.ids, assume_unique=True, return_indices=True)
        scores[left] += optional.scores[right]
        return Matches(required.ids, scores)

    # terms
    def _term(self, fieldname: str, text, scored: bool) -> Matches:
        schema = self.s.schema
        if fieldname not in schema:
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        field = schema[fieldname]
        btext = field.to_bytes(text) if not isinstance(text, bytes) else text
        ids, weights, lengths = [], [], []
        for leaf, offset in self.leaves:
            leaf_ids, leaf_weights = self._postings(leaf, fieldname, btext)
            if not len(leaf_ids):
                continue
            ids.append(leaf_ids.astype(np.int64) + offset)
            if scored:
                weights.append(leaf_weights)
                if field.scorable:
                    lengths.append(self._lengths(leaf, fieldname)[leaf_ids])
        if not ids:
            return Matches(EMPTY_IDS, EMPTY_SCORES if scored else None)
        all_ids = np.concatenate(ids)
        if not scored:
            return Matches(all_ids, None)
        tf = np.concatenate(weights).astype(np.float64)
        if not field.scorable:
            return Matches(all_ids, tf)  # Whoosh's WeightScorer: the posting's weight
        idf = self.s.idf(fieldname, btext)
        avgfl = self.s.avg_field_length(fieldname) or 1
        fl = LENGTH_OF_BYTE[np.concatenate(lengths)]
        return Matches(all_ids, idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl))))

    def _postings(self, leaf, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
        key = ("p", leaf.segment().segment_id(), fieldname, btext)
        return self.cache.get(key, lambda: _read_postings(leaf, fieldname, btext))

    def _lengths(self, leaf, fieldname: str) -> np.ndarray:
        key = ("l", leaf.segment().segment_id(), fieldname)
        return self.cache.get(key, lambda: _read_lengths(leaf, fieldname))


def _read_postings(leaf, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
    """(segment-local ids, weights) of a term, deleted documents included."""
    try:
        # The raw matcher: SegmentReader.postings wraps it to skip deleted documents one by one.
        matcher = leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)
    except Exception:  # TermNotFound, or a field this segment does not have
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
    ids, weights = [], []
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            block_ids, block_weights, _ = matcher._data
            # A block's ids are deltas from zero (whoosh.util.numlists.delta_decode): a cumulative sum.
            ids.append(np.cumsum(np.asarray(block_ids, dtype=np.int64)).astype(np.int32))
            count = matcher._blocklength
            if block_weights is None:
                weights.append(np.ones(count, dtype=np.float32))
            elif isinstance(block_weights, float):
                weights.append(np.full(count, block_weights, dtype=np.float32))
            else:
                weights.append(np.asarray(block_weights, dtype=np.float32))
            matcher._next_block()
    else:  # postings short enough to be kept inline in the term table
        while matcher.is_active():
            ids.append(np.array([matcher.id()], dtype=np.int32))
            weights.append(np.array([matcher.weight()], dtype=np.float32))
            matcher.next()
    if not ids:
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
    return np.concatenate(ids), np.concatenate(weights)


def _read_lengths(leaf, fieldname: str) -> np.ndarray:
    """Each document's length byte for the field (0 = empty), as one uint8 array per segment."""
    count = leaf.doc_count_all()
    perdoc = leaf._perdoc
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    out = np.zeros(count, dtype=np.uint8)
    if column is None:
        return out
    stored = min(column._count, count)  # documents after the last stored one have length 0
    out[:stored] = np.frombuffer(column._dbfile.get(column._basepos, stored), dtype=np.uint8)
    return out
