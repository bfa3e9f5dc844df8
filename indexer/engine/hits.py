"""A page's hits: one record's stored fields as a frozen Hit, with its snippet and the field it matched through.

Only the hits on the page are built (20 of however many matched), so everything here is paid per
shown record, never per match.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from markupsafe import escape
from whoosh import query

from . import fields, match_fields, segment_files
from .snippets import highlight_snippet
from .types import Hit


# (name, value when the record has none) of each Hit field, read from the registry once.
_HIT_DEFAULTS = tuple((field.name, field.empty) for field in fields.HIT_FIELDS)


class HitReader:
    """Hits by global document number, from one searcher.

    Whoosh's SegmentReader.stored_fields copies each record's dict, keeping only the keys its
    schema still has: a generator over every stored field, 40 % of reading a record (and half
    of an empty query's page). Hits read the registry's fields only, all of them in the schema,
    so records are read from each segment's per-document reader without that copy.
    """

    def __init__(self, s):
        self.s = s
        self.leaves = segment_files.segment_leaves(s.reader())
        self.offsets = [offset for _, offset in self.leaves]
        # A passage repeated in many documents (a boilerplate paragraph, wire copy) often fills
        # a page: its snippet is marked once. Marking a long text is most of a page's cost.
        self._snippets: dict[tuple[str, Marks], object] = {}

    def stored_fields(self, docnum: int) -> dict:
        leaf, offset = self.leaves[bisect_right(self.offsets, docnum) - 1]
        return leaf._perdoc.stored_fields(docnum - offset)

    def hit(self, docnum: int, q=None, marked: "Marks | None" = None) -> Hit:
        """The record `docnum`; with a query `q`, its snippet marks q's text words.

        `marked`: q's text words (text_terms), when the caller already has them (once per page).
        """
        stored = self.stored_fields(docnum)
        text = stored.get("text", "")
        if q is not None and marked is None:
            marked = text_terms(self.s, q)
        snippet = self._snippet(text, marked) if q is not None else None
        matched = match_fields.matched_elsewhere(self.s.schema, q, stored, text_marked="<mark" in (snippet or ""))
        if not snippet:
            snippet = escape(text if len(text) <= 400 else text[:400].rsplit(" ", 1)[0] + " …")
        return Hit(**{name: stored.get(name, empty) for name, empty in _HIT_DEFAULTS},
                   snippet=snippet, matched=matched)

    def _snippet(self, text: str, marked: "Marks"):
        key = (text, marked)
        if key not in self._snippets:
            self._snippets[key] = highlight_snippet(text, marked.words, phrases=marked.phrases)
        return self._snippets[key]


@dataclass(frozen=True)
class Marks:
    """What a snippet marks: `words` (stems) wherever they stand, `phrases` (stems in order) only
    where the whole phrase stands, as the phrase search matched it."""
    words: frozenset[str] = frozenset()
    phrases: frozenset[tuple[str, ...]] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)


def text_terms(s, q) -> Marks:
    """The words and phrases of the text field the query looks for, to mark in snippets.

    A phrase marks its words only where they stand together ("maternity pay" leaves a lone
    "pay" unmarked), a sloppy phrase ('"a b"~3') its words anywhere, and what the query leaves
    out (NOT ...) nothing: the reader sees why the record matched."""
    words: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    try:
        for leaf in _wanted_leaves(q):
            if getattr(leaf, "fieldname", None) != "text":
                continue
            if isinstance(leaf, query.Phrase) and leaf.slop <= 1 and len(leaf.words) > 1:
                phrases.add(tuple(leaf.words))
            elif isinstance(leaf, query.MultiTerm):
                # Wildcards and ranges stand for the words the index has: ask it.
                words.update(t for _, t in leaf.existing_terms(s.reader(), expand=True))
            else:
                words.update(t for _, t in leaf.iter_all_terms(phrases=True))
    except Exception:  # some query types cannot list terms; the snippet is then plain text
        return Marks()
    return Marks(frozenset(t.decode() if isinstance(t, bytes) else t for t in words), frozenset(phrases))


def _wanted_leaves(q):
    """The query's leaves, but for those under a NOT (or an AND NOT's second half)."""
    if isinstance(q, query.Not):
        return
    if isinstance(q, query.AndNot):
        yield from _wanted_leaves(q.a)
        return
    if q.is_leaf():
        yield q
        return
    for child in q.children():
        yield from _wanted_leaves(child)
