"""HTML pages. Each view parses its arguments, calls one function, renders."""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request

from indexer.engine import FACETS, QUERY_FIELDS, Filters, SearchRequest

from . import citations, labels, markdown_view
from .help_examples import field_examples
from .document_pages import document_page
from .citation_resolver import cited, holder, resolve
from .query_notes import any_of_the_words
from .search_arguments import BadParameter, changed_url, page_number
from .speaker_merges import same_person_hints
from .typed_values import archive_values, spelt_as_archived, values_holding
from .public_links import public_url_for
from .request_handles import catalog, past_the_end, past_the_last_note, requested_search_page, search_engine

bp = Blueprint("views", __name__)
bp.add_app_template_global(public_url_for)
bp.add_app_template_global(changed_url)
bp.add_app_template_global(any_of_the_words)
bp.add_app_template_global(labels.kind_label)
bp.add_app_template_global(labels.facet_value_label)
bp.add_app_template_global(labels.shown_facet_values)
bp.add_app_template_global(labels.FACET_LABELS, "facet_labels")


@bp.app_template_global()
def facet_toggle(args: dict, name: str, value: str, on: bool) -> str:
    values = list(args.get(name, []))
    values = [v for v in values if v != value] if on else values + [value]
    return changed_url("views.search", args, **{name: values or None})


@bp.app_template_global()
def segments(passage, quotes) -> list[tuple[str, object]]:
    """A passage's text cut into plain pieces and quoted pieces, so quotes can be marked in place."""
    pieces, pos = [], passage.start
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.start < pos or quote.end > passage.end:
            continue
        pieces.append((passage.text[pos - passage.start:quote.start - passage.start], None))
        pieces.append((passage.text[quote.start - passage.start:quote.end - passage.start], quote))
        pos = quote.end
    pieces.append((passage.text[pos - passage.start:], None))
    return [(text, quote) for text, quote in pieces if text]


@bp.app_template_global()
def json_ld(hit, doc) -> dict:
    """schema.org Quotation (or the passage as a CreativeWork) inside its article, for the page head."""
    article = {"@type": "NewsArticle" if hit.kind != "quote" or hit.passage else "CreativeWork",
               "name": (doc.title if doc else None) or hit.title or hit.doc,
               "url": public_url_for("views.document", doc_id=hit.doc)}
    if hit.date:
        article["datePublished"] = hit.date
    if hit.source:
        article["publisher"] = {"@type": "Organization", "name": hit.source}
    data = {"@context": "https://schema.org", "@type": "Quotation" if hit.kind == "quote" else "CreativeWork",
            "text": hit.text, "isPartOf": article,
            "url": public_url_for("views.passage", citation_id=hit.id)}
    if hit.speaker and hit.speaker_kind != "anonymous":  # "Question", "Another trader": nobody's name
        data["creator"] = {
            "@type": "Person" if hit.speaker_kind == "person" else "Organization", "name": hit.speaker}
    return data


@bp.route("/")
def search():
    try:
        result = requested_search_page()
    except BadParameter as err:
        # The rest of the search still stands: offer it without the parameter that could not be used.
        retry = changed_url("views.search", request.args, **dict.fromkeys(err.names)) if err.names else None
        return render_template("error.html", title="Bad request", message=str(err), retry=retry), 400
    args = request.args.to_dict(flat=False)
    cat = catalog() if result.filters.doc else None
    row = cat.document(result.filters.doc) if cat else None  # the chip names a document by its title
    return render_template("search.html", page=result, args=args, facet_names=FACETS,
                           field_labels=labels.FIELD_LABELS, doc_title=row.title if row else None)


@bp.route("/help")
def help_page():
    # The empty query's facets are kept per commit by the engine, so this costs a look-up.
    everything = search_engine().search(SearchRequest("", Filters(), page_size=1))
    return render_template("help.html", query_fields=QUERY_FIELDS, examples=field_examples(everything.facets))


# Documents listed per page on /browse and /sources/<name>, records per page on /speakers/<name>:
# at a million passages a speaker page of everything was 59 MB and took 11 s.
DOCUMENTS_PER_PAGE = 200
RECORDS_PER_PAGE = 50


def _pages(total: int, per_page: int) -> tuple[int, int]:
    """(page, pages) for the request's page number. A page past the last is shown empty with a note
    and a link back (as the search page does), not as the last page under a URL saying page 99."""
    return page_number(request.args), max(1, -(-total // per_page))


@bp.route("/browse")
def browse():
    cat = catalog()
    total = cat.count_documents() if cat else 0
    page, pages = _pages(total, DOCUMENTS_PER_PAGE)
    rows = cat.documents_page((page - 1) * DOCUMENTS_PER_PAGE, DOCUMENTS_PER_PAGE) if cat else []
    by_source: OrderedDict[str, list] = OrderedDict()
    for row in rows:
        by_source.setdefault(row.source or "Unknown source", []).append(row)
    sources = cat.sources() if cat else []
    return render_template("browse.html", by_source=by_source, total=total, sources=sources, page=page, pages=pages,
                           note=past_the_last_note(page, pages, total, "the documents"))


@bp.route("/sources/<path:name>")
def source(name: str):
    cat = catalog()
    total = cat.count_documents(name) if cat else 0
    if not total:
        abort(404, description=f"No documents from the source “{name}”.")
    page, pages = _pages(total, DOCUMENTS_PER_PAGE)
    rows = cat.documents_page((page - 1) * DOCUMENTS_PER_PAGE, DOCUMENTS_PER_PAGE, source=name)
    speakers = search_engine().search(SearchRequest("", Filters(source=(name,)), page_size=10)).facets.get("speaker", [])
    return render_template("source.html", name=name, rows=rows, total=total, speakers=speakers, page=page,
                           pages=pages, note=past_the_last_note(page, pages, total, "the documents from this source"))


@bp.route("/speakers/<path:name>")
def speaker(name: str):
    """What one speaker said, newest first, a page of records at a time, grouped by document."""
    asked = page_number(request.args)
    found = search_engine().search(SearchRequest("", Filters(speaker=(name,)), page=asked,
                                           page_size=RECORDS_PER_PAGE, sort="newest"))
    if not found.total:
        speakers = archive_values(search_engine(), "speaker")
        spelt = spelt_as_archived(speakers, name)
        if spelt is not None:  # /speakers/tony blair: the name as the archive writes it
            return redirect(changed_url("views.speaker", request.args, name=spelt, page=request.args.get("page")))
        return render_template("speaker_missing.html", name=name, alike=values_holding(speakers, name)), 404
    kind, roles = found.hits[0].speaker_kind, described_as(h.speaker_role for h in found.hits)
    found, note = past_the_end(found, asked)  # before: page 99 showed the last page again
    cat = catalog()
    groups: OrderedDict[str, dict] = OrderedDict()
    for hit in found.hits:
        group = groups.setdefault(hit.doc, {"doc": cat.document(hit.doc) if cat else None, "hits": []})
        group["hits"].append(hit)
    for group in groups.values():
        group["hits"].sort(key=lambda h: h.start)
    quotes = dict(found.facets.get("kind", [])).get("quote", 0)
    same_person = same_person_hints(current_app.extensions, search_engine(), current_app.config["INDEX_DIR"],
                                    current_app.config.get("SPEAKERS_FILE"), name)
    return render_template("speaker.html", name=name, groups=groups, total=found.total, quotes=quotes, roles=roles,
                           kind=kind, page=found.page, pages=found.pages, same_person=same_person, note=note)


def described_as(roles) -> list[str]:
    """The roles a speaker page lists, each once whatever its case ("Ms; ms" was shown), capitalised
    where any record wrote it so, in alphabetical order."""
    chosen: dict[str, str] = {}
    for role in roles:
        if role and (role.casefold() not in chosen or role < chosen[role.casefold()]):
            chosen[role.casefold()] = role  # upper case sorts first: "Ms" wins over "ms"
    return sorted(chosen.values(), key=str.casefold)


@bp.route("/d/<doc_id>")
def document(doc_id: str):
    cat = catalog()
    row = cat.document(doc_id) if cat else None
    records = search_engine().records(doc_id=doc_id).hits
    if row is None and not records:
        abort(404, description=f"There is no document “{doc_id}” in this archive.")
    highlight = request.args.get("hl")
    asked = page_number(request.args) if request.args.get("page") else None
    shown = document_page(records, asked, highlight)
    passages, quotes_by_passage = shown.passages, shown.quotes
    note = past_the_last_note(asked or 1, shown.pages, len(records), "this document")
    if note:  # as the search page and /api/documents: empty, not the last page again
        passages, quotes_by_passage, shown = [], {}, replace(shown, page=asked)
    rendered = _as_markdown(passages, quotes_by_passage, highlight) if row and row.form == "markdown" else {}
    return render_template("document.html", doc=row, doc_id=doc_id, passages=passages,
                           quotes=quotes_by_passage, highlight=highlight, rendered=rendered,
                           page=shown.page, pages=shown.pages, field_labels=labels.FIELD_LABELS, note=note)


def _as_markdown(passages, quotes_by_passage: dict, highlight: str | None) -> dict:
    """Each passage of a Markdown document rendered and sanitised: id -> (html, ids of quotes marked)."""
    rendered = {}
    for p in passages:
        if p.kind in ("title", "heading"):
            rendered[p.id] = (markdown_view.render_inline(p.text), frozenset())
            continue
        spans = [markdown_view.QuoteSpan(q.start - p.start, q.end - p.start, q.id, q.id == highlight)
                 for q in quotes_by_passage.get(p.id, [])]
        rendered[p.id] = markdown_view.render(p.text, spans)
    return rendered


def _as_written(citation_id: str) -> str:
    """A citation id as the archive writes it, from one copied out of a printed citation: MLA and
    Chicago end the URL with a full stop, a PDF or mail client takes it along, and print may
    capitalise ('.../p/afbr56hijr.' or 'AFBR56HIJR')."""
    return citation_id.strip().rstrip(".,;:!?)]}>»”’\"'").lower()


@bp.route("/p/<citation_id>/")
def passage_slash(citation_id: str):
    return redirect(changed_url("views.passage", request.args, citation_id=_as_written(citation_id)))


@bp.route("/p/<citation_id>")
def passage(citation_id: str):
    found = resolve(search_engine(), catalog(), citation_id, request.args.get("doc"))
    if found is None:
        cleaned = _as_written(citation_id)
        if cleaned and cleaned != citation_id and resolve(search_engine(), catalog(), cleaned) is not None:
            return redirect(changed_url("views.passage", request.args, citation_id=cleaned), code=301)
        abort(404, description=f"No passage or quote has the citation id “{citation_id}”.")
    asked = request.args.get("doc") or None
    doc_note = None  # a reader following an old or edited link still gets the words, told whence
    if asked is not None and holder(found) not in (None, asked):
        cat = catalog()
        why = "does not hold these words" if cat and cat.document(asked) else "is not in this archive"
        doc_note = f"The document “{asked}” {why}: they are shown from the document below."
    cites = _cited(found) if found.hit else None
    styles = citations.styles(cites) if cites else []
    fragment = None
    if found.hit and found.document and found.document.url and found.document.url.lower().startswith(("http://", "https://")):
        fragment = citations.text_fragment(found.document.url, found.hit.text)
    context_html = None
    if found.context and found.document and found.document.form == "markdown":
        ctx, hit = found.context, found.hit
        context_html, _ = markdown_view.render(ctx.text, [markdown_view.QuoteSpan(
            hit.start - ctx.start, hit.end - ctx.start, hit.id, highlighted=True)])
    return render_template("passage.html", found=found, hit=found.hit, doc=found.document, styles=styles,
                           fragment=fragment, citation_id=citation_id, context_html=context_html, coins=citations.coins(cites) if cites else None,
                           author=citations.credited_author(cites) if cites else None,
                           cited_title=cites.doc_title if cites else None,
                           field_labels=labels.FIELD_LABELS, doc_note=doc_note)


def _cited(found) -> citations.Cited:
    """What a citation of this record needs, its permalink at the archive's public address."""
    return replace(cited(found.hit, found.document),
                   permalink=public_url_for("views.passage", citation_id=found.hit.id))


_DOWNLOADS = {
    "bib": (citations.bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (citations.ris, "application/x-research-info-systems; charset=utf-8"),
    "json": (citations.csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8"),
}


@bp.route("/p/<citation_id>/cite.<ext>")
def cite_download(citation_id: str, ext: str):
    if ext not in _DOWNLOADS:
        abort(404, description=f"No citation format “{ext}”: use cite.bib, cite.ris or cite.json.")
    found = resolve(search_engine(), catalog(), citation_id, request.args.get("doc"))
    if found is None or found.hit is None:
        abort(404, description=f"No current passage or quote has the citation id “{citation_id}”.")
    render, mimetype = _DOWNLOADS[ext]
    body = render(_cited(found))
    # content_type, not mimetype: Werkzeug adds a charset only to text/* mimetypes, and these are not.
    return Response(body, content_type=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{found.hit.id}.{ext}"'})
