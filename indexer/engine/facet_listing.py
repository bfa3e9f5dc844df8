"""Every value of one facet with its count over a search's whole result set: the "more" lists.

The search page shows each facet's top few (fields.FACETS limits); this counts them all, from
the commit's facet arrays, or from Whoosh's columns before the arrays are written.
"""
from __future__ import annotations

from collections import Counter

from whoosh import query

from .fields import BY_NAME
from .query_parsing import filter_query
from .types import SearchRequest

EVERY = 1 << 40  # a limit no facet reaches


def all_values(engine, s, stamp: str, request: SearchRequest, name: str) -> list[tuple[str, int]]:
    """(value, count) of facet `name` over every match of `request`, most frequent first, ties by name."""
    if name not in BY_NAME:
        raise KeyError(name)
    q, _ = engine.parsed(s, stamp, request.text)
    if q is query.NullQuery:
        return []
    restrict = filter_query(request.filters)
    arrays = engine.arrays(s, stamp)
    matched, _ = engine._matching(s, q, restrict, arrays, scored=False)
    if arrays is not None and matched is not None:
        return _by_count(arrays.counts(matched, {name: EVERY})[name])
    combined = query.And([q, restrict]) if restrict is not None else q
    column = engine._column(s, stamp, name)
    counter = Counter(column[d] for d in s.docs_for_query(combined) if d < len(column))
    missing = counter.pop("", 0) + counter.pop(None, 0)
    found = [(str(v), c) for v, c in counter.items()]
    return _by_count(BY_NAME[name].with_missing(found, missing))


def _by_count(values: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Most frequent first, ties by name, the facet's value for "none" (undated) among them."""
    return sorted(values, key=lambda vc: (-vc[1], vc[0]))
