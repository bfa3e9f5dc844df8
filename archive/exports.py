"""The whole result set of a search as CSV, JSON or JSON Lines, streamed row by row.

A generator under stream_with_context writes each row as the engine reads it, inside one index
snapshot, so an export of 100,000 records holds one record at a time, not the result set.
"""
from __future__ import annotations

import csv
import io
import json

from flask import Blueprint, Response, current_app, request, stream_with_context

from indexer.engine import EXPORTED, SearchRequest

from .api import error
from .search_arguments import BadParameter, changed_url, search_args
from .public_links import public_url_for
from .request_handles import search_engine

bp = Blueprint("exports", __name__)

COLUMNS = ("citation", *EXPORTED)  # the field registry's exported fields, in its order
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json",
           "jsonl": "application/x-ndjson; charset=utf-8"}
# A spreadsheet runs a cell beginning with these as a formula (CSV injection); tab and carriage
# return are the other two OWASP lists, since some programs strip them and read what follows.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: a leading formula character gets a quote mark."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@bp.app_template_global()
def export_links(args) -> dict[str, str]:
    """Format -> the export URL of the search `args` (a MultiDict of the page's query string)."""
    return {fmt: changed_url("exports.export", args, fmt=fmt, size=None) for fmt in FORMATS}


@bp.route("/export.<fmt>")
def export(fmt: str):
    if fmt not in FORMATS:
        return error(404, f"export formats are {', '.join(FORMATS)}, not {fmt!r}")
    try:
        params = search_args(request.args, current_app.config["PAGE_SIZE"])
    except BadParameter as err:
        return error(400, str(err))
    search = SearchRequest(params.q, params.filters, sort=params.sort, facets=False)
    body = {"csv": _csv, "json": _json, "jsonl": _json_lines}[fmt](_rows(search))
    return Response(stream_with_context(body), mimetype=FORMATS[fmt].split(";")[0], content_type=FORMATS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="archive-search.{fmt}"'})


def _rows(search: SearchRequest):
    with search_engine().snapshot() as snap:  # one commit for the whole export, however long it takes
        for hit in snap.every_hit(search):
            yield {"citation": public_url_for("views.passage", citation_id=hit.id),
                   **{name: getattr(hit, name) for name in EXPORTED}}


def _csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(row[c]) for c in COLUMNS])
        if buffer.tell() > 64_000:  # a few hundred rows a chunk: fewer, larger writes to the socket
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _json(rows):
    yield "["
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"


def _json_lines(rows):
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"
