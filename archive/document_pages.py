"""A document's passages a page at a time: a document with 500,000 quotes made a 102 MB page and
a 165 MB API answer. Pages hold PASSAGES_PER_PAGE passages with their quotes."""
from __future__ import annotations

from dataclasses import dataclass

PASSAGES_PER_PAGE = 500


@dataclass(frozen=True)
class DocumentPage:
    passages: list            # this page's passages, in document order
    quotes: dict              # passage id -> its quotes, for this page's passages only
    page: int
    pages: int


def document_page(records, page: int | None, highlight: str | None = None,
                  per_page: int = PASSAGES_PER_PAGE) -> DocumentPage:
    """Page `page` of a document's records; with no page asked, the page holding `highlight`
    (a permalink's ?hl= must land where the passage or quote is), else the first."""
    passages = [h for h in records if not (h.kind == "quote" and h.passage)]
    quotes_of: dict[str, list] = {}
    for hit in records:
        if hit.kind == "quote" and hit.passage:
            quotes_of.setdefault(hit.passage, []).append(hit)
    pages = max(1, -(-len(passages) // per_page))
    if page is None:
        page = 1
        if highlight:
            owner = next((h.passage for h in records if h.id == highlight and h.kind == "quote" and h.passage),
                         highlight)
            at = next((i for i, p in enumerate(passages) if p.id == owner), 0)
            page = at // per_page + 1
    page = min(page, pages)
    shown = passages[(page - 1) * per_page:page * per_page]
    return DocumentPage(shown, {p.id: quotes_of[p.id] for p in shown if p.id in quotes_of}, page, pages)
