"""Whole facet lists: every value of a facet for the current search, and the speaker directory.

The search page lists each facet's top values; its "more" link leads here. Paged, ordered by
count or by name, and filterable by a part of the name; HTML and JSON from the same listing.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, current_app, jsonify, render_template, request

from indexer.engine import FACET_LIST, SearchRequest, fold

from .api import error
from .labels import FACET_LABELS, facet_value_label
from .search_arguments import BadParameter, page_number, search_args
from .request_handles import search_engine

bp = Blueprint("facet_pages", __name__)

PER_PAGE = 100
ORDERS = ("count", "name")
FACET_NAMES = tuple(facet.name for facet in FACET_LIST)
MAX_NAME_FILTER = 200


@dataclass(frozen=True)
class FacetValuesPage:
    facet: str
    values: list[tuple[str, int]]  # this page's
    total: int  # values after the name filter
    page: int
    pages: int
    order: str
    contains: str


def listing(name: str, browse_everything: bool = False) -> FacetValuesPage:
    """The request's listing of facet `name`; BadParameter names a bad parameter."""
    params = search_args(request.args, current_app.config["PAGE_SIZE"])
    text, filters = ("", type(params.filters)()) if browse_everything else (params.q, params.filters)
    order = request.args.get("order") or "count"
    if order not in ORDERS:
        raise BadParameter(f"order must be one of {', '.join(ORDERS)}")
    contains = (request.args.get("contains") or "").strip()[:MAX_NAME_FILTER]
    with search_engine().snapshot() as snap:
        values = snap.facet_values(SearchRequest(text, filters, facets=False), name)
    if contains:
        # Case and accents aside: "muller" lists Klaus Müller, as a search for it finds him.
        wanted = fold(contains.casefold())
        values = [(v, c) for v, c in values if wanted in fold(v.casefold())]
    if order == "name":
        values = sorted(values, key=lambda vc: (vc[0].casefold(), vc[0]))
    pages = max(1, -(-len(values) // PER_PAGE))
    # Past the last page there are no values: the API's client stops; the page shows the way back.
    page = page_number(request.args)
    return FacetValuesPage(name, values[(page - 1) * PER_PAGE:page * PER_PAGE], len(values), page, pages, order, contains)


def _as_json(found: FacetValuesPage):
    return jsonify({"facet": found.facet, "total": found.total, "page": found.page, "pages": found.pages,
                    "order": found.order, "contains": found.contains or None,
                    "values": [{"value": v, "count": c} for v, c in found.values]})


@bp.app_template_global()
def facet_limits() -> dict[str, int]:
    """How many values the search page lists of each facet: a full list means there may be more."""
    return {facet.name: facet.limit for facet in FACET_LIST}


@bp.route("/facets/<name>")
def facet_page(name: str):
    if name not in FACET_NAMES:
        abort(404, description=f"There is no facet “{name}”; the facets are {', '.join(FACET_NAMES)}.")
    try:
        found = listing(name)
    except BadParameter as err:
        abort(400, description=str(err))
    return render_template("facet_values.html", found=found, label=FACET_LABELS.get(name, name), args=request.args,
                           endpoint="facet_pages.facet_page", endpoint_args={"name": name}, directory=False,
                           facet_names_all=FACET_NAMES,
                           value_label=facet_value_label)


@bp.route("/api/facets/<name>")
def facet_json(name: str):
    if name not in FACET_NAMES:
        return error(404, f"no facet is called {name!r}; the facets are {', '.join(FACET_NAMES)}")
    try:
        return _as_json(listing(name))
    except BadParameter as err:
        return error(400, str(err))


@bp.route("/speakers")
def speaker_directory():
    try:
        found = listing("speaker", browse_everything=True)
    except BadParameter as err:
        abort(400, description=str(err))
    return render_template("facet_values.html", found=found, label="Speakers", args=request.args,
                           endpoint="facet_pages.speaker_directory", endpoint_args={}, directory=True,
                           value_label=facet_value_label)


@bp.route("/api/speakers")
def speaker_directory_json():
    try:
        return _as_json(listing("speaker", browse_everything=True))
    except BadParameter as err:
        return error(400, str(err))
