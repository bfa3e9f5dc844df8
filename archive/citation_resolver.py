"""Finding what a citation link points to, now or as it was when it was cited.

A link never silently shows other words than were cited: when the passage's text was edited, the
link resolves to the revised passage with the change shown; when it is gone, to the words as they
were cited and the document's current place.
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass

from flask import url_for

from indexer.catalog import Catalog, DocumentRow

from .citations import UNTITLED, Cited
from .public_links import public_url_for
from indexer.engine import API_FIELDS, Hit, SearchEngine, Snapshot


@dataclass(frozen=True)
class ResolvedCitation:
    status: str  # current, revised, gone
    hit: Hit | None  # the passage or quote shown
    document: DocumentRow | None
    cited_text: str | None = None  # the words as cited, when they differ from hit.text
    changes: list[tuple[str, str]] | None = None  # (op, words) with op in equal/insert/delete
    context: Hit | None = None  # the passage a quote stands in
    others: tuple[Hit, ...] = ()  # the same words elsewhere, at most OTHERS_SHOWN
    more_others: int = 0  # and how many more places there are

# Places listed on a citation page for words that appear in several (a line repeated in
# thousands of articles would otherwise make a page of thousands of links).
OTHERS_SHOWN = 20


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def diff_words(old: str, new: str) -> list[tuple[str, str]]:
    a, b = _words(old), _words(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("equal", " ".join(a[i1:i2])))
        else:
            if i2 > i1:
                out.append(("delete", " ".join(a[i1:i2])))
            if j2 > j1:
                out.append(("insert", " ".join(b[j1:j2])))
    return out


def resolve(engine: SearchEngine, catalog: Catalog | None, citation_id: str,
            doc_hint: str | None = None) -> ResolvedCitation | None:
    with engine.snapshot() as snap:  # every record of the page from one commit
        return _resolve(snap, catalog, citation_id, doc_hint)


def _resolve(snap: Snapshot, catalog: Catalog | None, citation_id: str,
             doc_hint: str | None) -> ResolvedCitation | None:
    found = snap.records(citation_id=citation_id, limit=OTHERS_SHOWN + 1)
    hits, total = found.hits, found.total
    if hits:
        chosen = next((h for h in hits if h.doc == doc_hint), None)
        if chosen is None and doc_hint:
            chosen = _first(snap.records(citation_id=citation_id, doc_id=doc_hint).hits)
        chosen = chosen or hits[0]
        others = tuple(h for h in hits if h != chosen)[:OTHERS_SHOWN]
        more = total - 1 - len(others)
        return ResolvedCitation("current", chosen, _document(catalog, chosen.doc), context=_context(snap, chosen),
                                others=others, more_others=max(0, more))
    history = catalog.cited(citation_id) if catalog else []
    if not history:
        return None
    row = next((r for r in history if r["doc_id"] == doc_hint), history[0])
    document = _document(catalog, row["doc_id"])
    candidates = [h for h in snap.records(doc_id=row["doc_id"]).hits if (h.kind == "quote") == (row["kind"] == "quote")]
    best, best_ratio = None, 0.0
    for hit in candidates:
        ratio = difflib.SequenceMatcher(a=_words(row["text"]), b=_words(hit.text), autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = hit, ratio
    if best is not None and best_ratio >= 0.6:
        return ResolvedCitation("revised", best, document, cited_text=row["text"],
                                changes=diff_words(row["text"], best.text),
                                context=_context(snap, best))
    return ResolvedCitation("gone", None, document, cited_text=row["text"])


def holder(found: ResolvedCitation) -> str | None:
    """The id of the document the resolved words are shown from (a `?doc=` that does not hold them
    is answered from another: the API and the citation page say so)."""
    return found.hit.doc if found.hit else (found.document.doc_id if found.document else None)


def _document(catalog: Catalog | None, doc_id: str) -> DocumentRow | None:
    return catalog.document(doc_id) if catalog else None


def _context(snap: Snapshot, hit: Hit) -> Hit | None:
    if hit.kind != "quote" or not hit.passage:
        return None
    return _first(snap.records(citation_id=hit.passage, doc_id=hit.doc).hits)


def _first(hits: tuple[Hit, ...]) -> Hit | None:
    return hits[0] if hits else None


def cited(hit: Hit, document: DocumentRow | None) -> Cited:
    meta = document.metadata if document else {}
    form = "interview" if (hit.kind == "quote" and hit.passage is None) or meta.get("kind") in ("interview", "testimony") \
        else "article"
    return Cited(
        id=hit.id, kind=hit.kind, text=hit.text, speaker=hit.speaker, speaker_kind=hit.speaker_kind,
        paragraph=hit.paragraph, doc_title=(document.title if document and document.title else hit.title)
        or UNTITLED, source=document.source if document else hit.source,
        date=document.date if document else hit.date, author=document.author if document else None,
        original_url=_safe_url(document.url if document else None),
        permalink=url_for("views.passage", citation_id=hit.id, _external=True), form=form,
        interviewer=meta.get("interviewer"))


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the archive: a 'javascript:' URL in a header is shown as text."""
    return url if url and re.match(r"https?://", url, re.I) else None


def as_json(hit: Hit) -> dict:
    """A hit's fields the API shows (the field registry's API_FIELDS), with its links."""
    return {
        **{name: getattr(hit, name) for name in API_FIELDS}, "url": url_for("views.passage", citation_id=hit.id),
        # The link to cite, at the archive's public address (a client cannot join "url" to a host it
        # does not know): what the citation page and the exports give.
        "permalink": public_url_for("views.passage", citation_id=hit.id),
        "document_url": url_for("views.document", doc_id=hit.doc, _anchor=f"p-{hit.passage or hit.id}"),
        "matched": hit.matched,  # the field (registry MATCH_NOTE_FIELDS) it matched through, not its text
    }


def document_json(row: DocumentRow) -> dict:
    return {"id": row.doc_id, "title": row.title, "source": row.source, "date": row.date, "date_text": row.date_text,
            "place": row.place, "url": _safe_url(row.url), "author": row.author, "language": row.language,
            "passages": row.passages, "quotes": row.quotes, "metadata": json.loads(row.meta or "{}")}
