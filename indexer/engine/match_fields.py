"""Which field a hit matched through, when it is not its own text ("matched the speaker")."""
from __future__ import annotations

from whoosh import query

from .fields import MATCH_NOTE_FIELDS as OTHER_FIELDS  # the registry's match_note, in its order


def matched_elsewhere(schema, q, fields: dict, text_marked: bool) -> str | None:
    """The first of OTHER_FIELDS whose stored value has a word the query asks that field for.

    None when the text itself matched (`text_marked`: the snippet highlights a word), or when
    nothing else can be named. The title's lift (query_parsing) asks only for text words, so a
    passage lifted by its title but matched by its text still says nothing.
    """
    if text_marked or q is None:
        return None
    try:
        wanted = {}
        for field, term in _asked_terms(q):
            wanted.setdefault(field, set()).add(term.decode() if isinstance(term, bytes) else term)
    except Exception:  # some query types cannot list terms; then say nothing rather than guess
        return None
    for field in OTHER_FIELDS:
        value = fields.get(field)
        if value and field in wanted and field in schema:
            words = {token.text for token in schema[field].analyzer(value)}
            if words & wanted[field]:
                return field
    return None


def _asked_terms(q):
    """Every (field, term) of q, leaving out the title lift's optional half."""
    if isinstance(q, query.AndMaybe):
        yield from _asked_terms(q.a)
        return
    if hasattr(q, "children") and not isinstance(q, (query.Term, query.Phrase)):
        for child in q.children():
            yield from _asked_terms(child)
        return
    yield from q.iter_all_terms(phrases=True)
