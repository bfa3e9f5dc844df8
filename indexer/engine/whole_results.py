"""Every record a search matches, in the page's order, one at a time: for exports, not pages.

The matches are ordered as document numbers in one NumPy array (8 bytes a match); the records
are read from the index only as the caller takes them, so a caller that streams its output
holds one record at a time, not the result set.
"""
from __future__ import annotations

from typing import Iterator

import numpy as np
from whoosh import query, sorting

from . import hits, ordering
from .query_parsing import filter_query
from .types import Hit, SearchRequest, SORTS


def every_hit(engine, s, stamp: str, request: SearchRequest) -> Iterator[Hit]:
    """The hits of `request` on searcher `s` (commit `stamp`), all pages, without snippets."""
    reader = hits.HitReader(s)
    for docnum in _ordered_docnums(engine, s, stamp, request):
        yield reader.hit(int(docnum))


def _ordered_docnums(engine, s, stamp: str, request: SearchRequest) -> np.ndarray:
    sort = request.sort if request.sort in SORTS else "relevance"
    q, _ = engine.parsed(s, stamp, request.text)
    if q is query.NullQuery:
        return np.zeros(0, dtype=np.int64)
    if sort == "relevance" and not request.text.strip():
        sort = "newest"  # as the search page does
    restrict = filter_query(request.filters)
    arrays = engine.arrays(s, stamp)
    matched, scores = engine._matching(s, q, restrict, arrays, scored=sort == "relevance")
    if matched is not None and sort != "relevance":
        key = ordering.date_key(np.asarray(arrays.codes["date"])[matched], sort)
        return matched[np.lexsort((matched, key))]
    if matched is not None and scores is not None:
        return matched[np.lexsort((matched, -scores))]
    # No arrays yet, or a query only Whoosh can score: Whoosh's collector, every match.
    sortedby = {"relevance": None, "newest": sorting.FieldFacet("date", reverse=True),
                "oldest": sorting.FieldFacet("date_asc")}[sort]
    scored = query.And([q, query.ConstantScoreQuery(restrict, 0.0)]) if restrict is not None else q
    return np.fromiter((hit.docnum for hit in s.search(scored, limit=None, sortedby=sortedby, terms=False)),
                       dtype=np.int64)
