"""How many documents a query may match, as Whoosh estimates it, with term frequencies from our arrays.

numpy_match intersects an AND's parts smallest first, by Whoosh's estimate_size for the parts it
does not size itself (a title lift, a filter), and adds their scores in that order: the figure
must be Whoosh's own, or the floats could differ in their last bit. Whoosh asks every segment for
every term (MultiReader.doc_frequency): a filtered search cost ~235 look-ups at a million
passages, 47 segments each, about half of its time. Here each type Whoosh sizes is sized the same
way; any other type is asked of Whoosh.
"""
from __future__ import annotations

from typing import Callable

from whoosh import query
from whoosh.query.wrappers import ConstantScoreQuery


def whoosh_estimate(q, schema, frequency: Callable[[str, object], int], live_count: Callable[[], int], reader) -> int:
    """q.estimate_size(reader); `frequency(field, text)` is the term's doc_frequency (deleted
    records included, as Whoosh counts them), `live_count()` the reader's doc_count()."""
    def size(q) -> int:
        kind = type(q)
        if kind is query.Term:  # terms.Term.estimate_size
            if q.fieldname not in schema:
                return 0
            try:
                return frequency(q.fieldname, q.text)
            except ValueError:  # a text the field cannot encode
                return 0
        if kind is ConstantScoreQuery:  # WrappingQuery: its child's
            return size(q.child)
        if kind in (query.Or, query.AndMaybe):  # CompoundQuery: the sum, at most every live record
            return min(sum(size(c) for c in q.subqueries), live_count())
        if kind is query.And and q.subqueries:
            return min(size(c) for c in q.subqueries)
        if kind is query.Phrase and q.words:  # an And of its words' terms
            return size(query.And([query.Term(q.fieldname, word) for word in q.words]))
        return q.estimate_size(reader)
    return size(q)
