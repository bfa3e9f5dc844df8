"""The archive's per-app objects: one SearchEngine (searchers) per app, one catalogue connection per request.

Nothing here writes: a missing index is built at start-up (app.py), never in a request.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flask import current_app, g, request

from indexer.catalog import Catalog, catalog_path
from indexer.engine import SearchEngine, SearchPage, SearchRequest

from .query_notes import field_value_note, phrase_wildcard_note
from .search_arguments import search_args
from .typed_values import unknown_filters_note, unknown_kind_note


def search_engine() -> SearchEngine:
    """The app's one SearchEngine (its pool of searchers), made on first use."""
    app = current_app
    found = app.extensions.get("search_engine")
    if found is None:
        found = SearchEngine(app.config["INDEX_DIR"])
        app.extensions["search_engine"] = found
    return found


def requested_search_page() -> SearchPage:
    """The search the request's parameters ask for; raises BadParameter naming a bad one.

    The HTML page and /api/search both call this and differ only in how they render it.
    """
    params = search_args(request.args, current_app.config["PAGE_SIZE"])
    page = search_engine().search(SearchRequest(params.q, params.filters, params.page, params.page_size, params.sort))
    page, past = past_the_end(page, params.page)
    # What the reader should know about how the words were read, the engine's note among them.
    notes = [past, params.note, page.note, phrase_wildcard_note(params.q), field_value_note(params.q), unknown_kind_note(params.q),
             unknown_filters_note(search_engine(), params.filters) if not page.total and params.filters.active() else None,
             unknown_document_note(params.filters.doc) if not page.total else None]
    note = " ".join(n for n in notes if n) or None
    return replace(page, note=note) if note != page.note else page


def unknown_document_note(doc: str | None) -> str | None:
    """doc=nope found nothing and said nothing, where an unknown speaker or year says so."""
    if not doc:
        return None
    cat = catalog()
    return None if cat and cat.document(doc) else f"No document has the id “{doc}” in this archive."


def past_the_end(page: SearchPage, asked: int) -> tuple[SearchPage, str | None]:
    """(the page as asked, what to say) when `asked` is a page the engine does not show.

    The engine answers a page past the last with the last one: a client paging "until no results"
    got page 39 again for 40, 41, ... forever, and a reader's URL said page 99999 over page 39.
    Past the end there are no results, the page is the one asked for, and a note says where the
    results end (or that pages past the engine's deepest are not shown)."""
    if asked <= page.page:
        return page, None
    if page.page < page.pages:  # the engine's deepest page (search.MAX_PAGE) is before the end
        note = (f"Page {asked:,} is not shown: results can be paged to page {page.page:,}; narrow the search, "
                "or sort it the other way to reach its end.")
    else:
        note = past_the_last_note(asked, page.pages, page.total)
    return replace(page, hits=[], page=asked), note


def past_the_last_note(asked: int, pages: int, total: int, of: str = "these results") -> str | None:
    """What a page past the last says (the search page, browse, a source, a speaker, a document)."""
    if asked <= pages or not total:  # nothing there at all: the page number is not the news
        return None
    return f"Page {asked:,} is past the last page of {of} ({pages:,})."


def catalog() -> Catalog | None:
    """This request's read-only catalogue, or None before anything was ingested."""
    if "catalog" not in g:
        path = Path(current_app.config["INDEX_DIR"])
        g.catalog = Catalog(path, readonly=True) if catalog_path(path).exists() else None
    return g.catalog


def close_catalog(_exc=None) -> None:
    found = g.pop("catalog", None)
    if found is not None:
        found.close()
