"""The JSON API: the same searches and records as the pages, from the same functions."""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, jsonify, request, url_for
from flask.json.provider import DefaultJSONProvider

from .document_pages import document_page
from .citation_resolver import as_json, document_json, holder, resolve
from .search_arguments import BadParameter, page_number
from .request_handles import catalog, requested_search_page, search_engine

bp = Blueprint("api", __name__, url_prefix="/api")


class SafeJSONProvider(DefaultJSONProvider):
    """JSON whose <, >, & and ' are \\u escapes: the same data for any JSON parser, and inert if a
    browser or a careless page ever treats the response as HTML."""

    ensure_ascii = False

    def dumps(self, obj, **kwargs) -> str:
        text = super().dumps(obj, **kwargs)
        return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("'", "\\u0027"))


def error(status: int, message: str, **more):
    response = jsonify({"error": message, "status": status, **more})
    response.status_code = status
    return response


@bp.route("/search")
def search():
    try:
        page = requested_search_page()
    except BadParameter as err:
        return error(400, str(err))
    return jsonify({
        "query": page.query, "total": page.total, "page": page.page, "pages": page.pages,
        "page_size": page.page_size, "sort": page.sort, "note": page.note, "suggestion": page.suggestion,
        "results": [dict(as_json(hit), snippet=str(hit.snippet)) for hit in page.hits],
        "facets": {name: [{"value": v, "count": c} for v, c in values] for name, values in page.facets.items()},
    })


@bp.route("/passages/<citation_id>")
def passage(citation_id: str):
    # ?doc= picks the copy in that document when the same words are in several. It used to fall back
    # quietly to another document's copy: a client asking for "this passage in D" got one not in D.
    doc = request.args.get("doc") or None
    cat = catalog()
    if doc is not None and (cat is None or cat.document(doc) is None):
        return error(404, f"no document has the id {doc!r}")
    found = resolve(search_engine(), cat, citation_id, doc)
    if found is None:
        return error(404, f"no passage or quote has the citation id {citation_id!r}")
    shown_from = holder(found)
    if doc is not None and shown_from is not None and shown_from != doc:
        places = [shown_from, *(h.doc for h in found.others)]
        return error(404, f"the document {doc!r} does not hold {citation_id!r}; it is in {shown_from!r}"
                          f"{f' and {len(places) - 1 + found.more_others:,} more' if len(places) > 1 else ''}",
                     document=document_json(found.document) if found.document else None,
                     in_documents=places, in_documents_more=found.more_others)
    body = {"status": found.status, "cited_text": found.cited_text,
            "document": document_json(found.document) if found.document else None}
    if found.hit:
        body.update(as_json(found.hit))
    body["also_in"] = [h.doc for h in found.others]  # the first citation_resolver.OTHERS_SHOWN places
    body["also_in_more"] = found.more_others
    return jsonify(body)


@bp.route("/documents/<doc_id>")
def document(doc_id: str):
    cat = catalog()
    row = cat.document(doc_id) if cat else None
    if row is None:
        return error(404, f"no document has the id {doc_id!r}")
    try:
        asked = page_number(request.args)
    except BadParameter as err:
        return error(400, str(err))
    shown = document_page(search_engine().records(doc_id=doc_id).hits, asked)
    # A page past the last has no records (a client reading "until none are left" stops), not the last again.
    records = [as_json(h) for p in shown.passages for h in [p, *shown.quotes.get(p.id, [])]] if asked <= shown.pages else []
    shown = replace(shown, page=asked)
    links = {name: url_for("api.document", doc_id=doc_id, page=n, _external=False)
             for name, n in (("prev", shown.page - 1), ("next", shown.page + 1)) if 1 <= n <= shown.pages}
    return jsonify(dict(document_json(row), html_url=url_for("views.document", doc_id=doc_id),
                        page=shown.page, pages=shown.pages, records=records, **links))
