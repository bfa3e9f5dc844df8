"""A page's hits: one record's stored fields as a frozen Hit, with its snippet and the field it matched through.

Only the hits on the page are built (20 of however many matched), so everything here is paid per
shown record, never per match.
"""
from __future__ import annotations

from markupsafe import escape
from whoosh import query

from . import fields, match_fields
from .snippets import highlight_snippet
from .types import Hit


def hit_from(s, docnum: int, q, marked: frozenset[str] | None = None) -> Hit:
    """The record `docnum` of searcher `s`; with a query `q`, its snippet marks q's text words.

    `marked`: q's text words (text_terms), when the caller already has them (once per page).
    """
    stored = s.stored_fields(docnum)
    text = stored.get("text", "")
    if q is not None and marked is None:
        marked = text_terms(s, q)
    snippet = highlight_snippet(text, marked) if q is not None else None
    matched = match_fields.matched_elsewhere(s.schema, q, stored, text_marked="<mark" in (snippet or ""))
    if not snippet:
        snippet = escape(text if len(text) <= 400 else text[:400].rsplit(" ", 1)[0] + " …")
    return Hit(**{field.name: stored.get(field.name, field.empty) for field in fields.HIT_FIELDS},
               snippet=snippet, matched=matched)


def text_terms(s, q) -> frozenset[str]:
    """The words of the text field the query looks for, to mark in snippets."""
    try:
        if any(isinstance(leaf, query.MultiTerm) for leaf in q.leaves()):
            # Wildcards and ranges stand for the words the index has: ask it.
            terms = q.existing_terms(s.reader(), expand=True)
        else:
            terms = q.iter_all_terms(phrases=True)
        return frozenset(t.decode() if isinstance(t, bytes) else t for f, t in terms if f == "text")
    except Exception:  # some query types cannot list terms; the snippet is then plain text
        return frozenset()
