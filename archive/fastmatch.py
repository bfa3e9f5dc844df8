"""Which documents match a query, as a sorted NumPy array, read from Whoosh's posting blocks in bulk.

Counting a broad query's matches (for the total and the facets) walked every posting in Python
through Whoosh's matchers: 0.7 s for one very common word at 100,000 passages. Whoosh stores a
term's postings in blocks whose document numbers are one delta-encoded list each, so a block
can become an array at once. Terms, AND, OR, NOT and filters are combined with NumPy set
operations; any other query (phrases, wildcards, ranges) is asked of Whoosh, so the answer is
always the same set Whoosh would give (a test checks this).
"""
from __future__ import annotations

import numpy as np
from whoosh import query
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.query.wrappers import ConstantScoreQuery

EMPTY = np.empty(0, dtype=np.int64)


def docnums(searcher, q, everything: np.ndarray) -> np.ndarray:
    """Sorted, unique document numbers matching q; `everything` is every live document.

    Numbers of deleted documents may remain: the caller keeps only live ones.
    """
    if isinstance(q, query.Every):
        return everything
    if q is query.NullQuery or isinstance(q, query.qcore._NullQuery):
        return EMPTY
    if isinstance(q, ConstantScoreQuery):
        return docnums(searcher, q.child, everything)
    if isinstance(q, query.Term):
        return _term(searcher, q.fieldname, q.text)
    if isinstance(q, query.And):
        positive = [c for c in q.subqueries if not isinstance(c, query.Not)]
        negative = [c.query for c in q.subqueries if isinstance(c, query.Not)]
        result = everything
        for child in sorted(positive, key=lambda c: c.estimate_size(searcher.reader())):
            result = np.intersect1d(result, docnums(searcher, child, everything), assume_unique=True)
            if not len(result):
                return EMPTY
        for child in negative:
            result = np.setdiff1d(result, docnums(searcher, child, everything), assume_unique=True)
        return result
    if isinstance(q, query.Or):
        parts = [docnums(searcher, c, everything) for c in q.subqueries]
        return np.unique(np.concatenate(parts)) if parts else EMPTY
    if isinstance(q, query.AndNot):
        return np.setdiff1d(docnums(searcher, q.a, everything), docnums(searcher, q.b, everything),
                            assume_unique=True)
    if isinstance(q, query.Not):
        return np.setdiff1d(everything, docnums(searcher, q.query, everything), assume_unique=True)
    found = np.fromiter(searcher.docs_for_query(q), dtype=np.int64)
    found.sort()
    return found


def _term(searcher, fieldname: str, text) -> np.ndarray:
    parts = []
    for reader, offset in searcher.reader().leaf_readers():
        try:
            matcher = reader.postings(fieldname, text)
        except Exception:  # TermNotFound, or a field this segment does not have
            continue
        parts.append(_leaf_ids(matcher) + offset)  # deleted documents are masked out by the caller
    if not parts:
        return EMPTY
    return np.concatenate(parts)


def _leaf_ids(matcher) -> np.ndarray:
    if not isinstance(matcher, W3LeafMatcher) or matcher._byteids:
        return np.fromiter(matcher.all_ids(), dtype=np.int64)
    chunks = []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        # A block's ids are deltas from zero (whoosh.util.numlists.delta_decode): a cumulative sum.
        chunks.append(np.cumsum(np.asarray(matcher._data[0], dtype=np.int64)))
        matcher._next_block()
    return np.concatenate(chunks) if chunks else EMPTY
