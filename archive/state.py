"""The archive's per-app objects: one Archive (searchers) per app, one catalogue connection per request.

When the index does not exist yet and BUILD_INDEX_IF_MISSING is set, the bundled samples are
ingested once, before the first page is served, so that a newcomer's first `flask run` works.
"""
from __future__ import annotations

import threading
from pathlib import Path

from flask import current_app, g, request

from indexer.catalog import Catalog
from indexer.ingest import IngestBusy, ingest

from .params import search_args
from indexer.engine import SearchEngine, SearchPage, SearchRequest

_build_lock = threading.Lock()


def archive() -> SearchEngine:
    app = current_app
    found = app.extensions.get("archive")
    if found is None:
        found = SearchEngine(app.config["INDEX_DIR"])
        app.extensions["archive"] = found
    if not found.exists():
        _build_samples(found)
    return found


def _build_samples(found: SearchEngine) -> None:
    config = current_app.config
    if not config.get("BUILD_INDEX_IF_MISSING"):
        return
    with _build_lock:
        if found.exists():
            return
        current_app.logger.info("No index at %s: ingesting the sample documents", found.index_dir)
        try:
            summary = ingest([Path(config["SAMPLE_DIR"])], Path(config["INDEX_DIR"]))
            current_app.logger.info("Sample archive built: %s", summary.line())
        except IngestBusy:
            pass  # another process is building it; pages say the archive is empty until it commits


def search_request() -> SearchPage:
    """The search the request's parameters ask for; raises BadParameter naming a bad one.

    The HTML page and /api/search both call this and differ only in how they render it.
    """
    params = search_args(request.args, current_app.config["PAGE_SIZE"])
    return archive().search(SearchRequest(params.q, params.filters, params.page, params.page_size, params.sort))


def catalog() -> Catalog | None:
    """This request's read-only catalogue, or None before anything was ingested."""
    if "catalog" not in g:
        archive()  # builds the sample archive first when there is none yet
        path = Path(current_app.config["INDEX_DIR"])
        g.catalog = Catalog(path, readonly=True) if (path / "catalog.sqlite").exists() else None
    return g.catalog


def close_catalog(_exc=None) -> None:
    found = g.pop("catalog", None)
    if found is not None:
        found.close()
