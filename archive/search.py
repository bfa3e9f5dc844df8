"""Searching the archive: the only module that touches Whoosh's searcher, parser and highlighter.

Every view (HTML, JSON, CLI) calls ``Archive.search`` and gets plain objects back; no Whoosh
object outlives the call. Queries are treated as hostile: anything the parser cannot read is
searched as plain words, with a note saying so.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape
from whoosh import highlight, index, query, sorting
from whoosh.qparser import FieldAliasPlugin, GtLtPlugin, MultifieldParser, OrGroup, AndGroup

from indexer.schema import FACETS

SEARCH_FIELDS = ["text", "speaker", "title", "source"]
FIELD_BOOSTS = {"text": 1.0, "speaker": 2.0, "title": 1.5, "source": 0.5}
SORTS = {"relevance", "newest", "oldest"}
MAX_PAGE = 10_000


@dataclass(frozen=True)
class Hit:
    id: str
    doc: str
    kind: str
    text: str
    snippet: Markup
    speaker: str | None
    speaker_kind: str | None
    speaker_role: str | None
    source: str | None
    date: str | None
    title: str | None
    place: str | None
    paragraph: int
    passage: str | None
    start: int
    end: int

    @property
    def is_quote(self) -> bool:
        return self.kind == "quote"


@dataclass(frozen=True)
class Filters:
    speaker: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    doc: str | None = None

    def active(self) -> list[tuple[str, str]]:
        return [(name, value) for name in FACETS for value in getattr(self, name)]


@dataclass(frozen=True)
class SearchPage:
    query: str
    total: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    filters: Filters
    sort: str = "relevance"
    note: str | None = None
    suggestion: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


class SafeFormatter(highlight.Formatter):
    """<mark> around matched words; everything else escaped, so a snippet is safe to mark safe."""

    between = " … "

    def _text(self, text):
        return str(escape(text))

    def format_token(self, text, token, replace=False):
        return f'<mark>{escape(highlight.get_text(text, token, replace))}</mark>'


class Archive:
    """A read-only view of an index directory, with one refreshed searcher per thread."""

    def __init__(self, index_dir: str | Path):
        self.index_dir = Path(index_dir)
        self._ix = None
        self._local = threading.local()
        self._columns: dict[str, tuple[int, list]] = {}
        self._lock = threading.Lock()

    def exists(self) -> bool:
        return index.exists_in(str(self.index_dir))

    @property
    def ix(self):
        if self._ix is None:
            self._ix = index.open_dir(str(self.index_dir))
        return self._ix

    def _stamp(self) -> tuple:
        """Which commit is current: generation plus the TOC file's identity.

        Whoosh's own up_to_date() compares generations only, and a --rebuild starts them again
        from 1, so a long-lived searcher would keep serving the old index.
        """
        generation = self.ix.latest_generation()
        try:
            info = (self.index_dir / f"_MAIN_{generation}.toc").stat()
            return generation, info.st_mtime_ns, info.st_ino
        except OSError:
            return generation, 0, 0

    def searcher(self):
        """This thread's searcher, reopened when an ingest has committed since it was opened.

        Reopened, not refresh()ed: refresh() reuses the readers of segments it already had, and
        misses documents an ingest deleted from them (a re-indexed file would show old passages).
        """
        stamp = self._stamp()
        current = getattr(self._local, "searcher", None)
        if current is None or self._local.stamp != stamp:
            if current is not None:
                current.close()
            current = self.ix.searcher()
            self._local.searcher, self._local.stamp = current, stamp
        return current

    # queries
    def parse(self, text: str):
        """(query, note): the user's query, or its plain words when it cannot be parsed."""
        parser = MultifieldParser(SEARCH_FIELDS, self.ix.schema, fieldboosts=FIELD_BOOSTS, group=AndGroup)
        parser.add_plugin(FieldAliasPlugin({"speaker": ["who", "by"], "kind": ["type"], "title": ["headline"]}))
        parser.remove_plugin_class(GtLtPlugin)
        text = text.strip()
        if not text:
            return query.Every(), None
        problem = _query_problem(text)
        if problem is None:
            try:
                parsed = parser.parse(_lower_field_values(text))
                if not _has_errors(parsed):
                    return parsed, None
                problem = "part of it could not be read as search syntax"
            except Exception:  # Whoosh raises many kinds on odd input; all mean "not syntax"
                problem = "it could not be read as search syntax"
        words = re.findall(r"\w+", text)
        if not words:
            return query.NullQuery, f"Nothing to search for in “{text}”."
        plain = MultifieldParser(SEARCH_FIELDS, self.ix.schema, fieldboosts=FIELD_BOOSTS, group=OrGroup)
        return plain.parse(" ".join(words)), f"Searched for the words {' '.join(words)}: {problem}."

    def search(self, text: str = "", filters: Filters = Filters(), page: int = 1, page_size: int = 20,
               sort: str = "relevance", with_facets: bool = True) -> SearchPage:
        page = min(max(1, page), MAX_PAGE)
        sort = sort if sort in SORTS else "relevance"
        q, note = self.parse(text)
        restrict = _filter_query(filters)
        s = self.searcher()
        if q is query.NullQuery:
            return SearchPage(text, 0, page, page_size, [], {}, filters, sort, note)
        if sort == "relevance" and not text.strip():
            sort = "newest"  # no words to rank by: newest first is what a browsing reader expects
        sortedby = {"relevance": None, "newest": sorting.FieldFacet("date", reverse=True),
                    "oldest": sorting.FieldFacet("date_asc")}[sort]
        results = s.search_page(q, page, pagelen=page_size, filter=restrict, sortedby=sortedby)
        results.results.fragmenter = highlight.ContextFragmenter(maxchars=300, surround=80)
        results.results.formatter = SafeFormatter()
        hits = [self._hit(r, bool(text.strip())) for r in results]
        total = results.total
        facets = self.facet_counts(q, restrict) if with_facets else {}
        suggestion = None
        if total == 0 and text.strip() and note is None:
            suggestion = self._suggest(s, q, text)
        return SearchPage(text, total, min(page, max(1, results.pagecount)), page_size, hits, facets, filters,
                          sort, note, suggestion)

    def _hit(self, result, highlighted: bool) -> Hit:
        fields = result.fields()
        text = fields.get("text", "")
        snippet = Markup(result.highlights("text")) if highlighted else Markup("")
        if not snippet:
            snippet = escape(text if len(text) <= 400 else text[:400].rsplit(" ", 1)[0] + " …")
        return Hit(
            id=fields["id"], doc=fields["doc"], kind=fields.get("kind", ""), text=text, snippet=snippet,
            speaker=fields.get("speaker"), speaker_kind=fields.get("speaker_kind"),
            speaker_role=fields.get("speaker_role"), source=fields.get("source"), date=fields.get("date"),
            title=fields.get("title"), place=fields.get("place"), paragraph=fields.get("paragraph", 0),
            passage=fields.get("passage"), start=fields.get("start", 0), end=fields.get("end", 0))

    # facets
    def _column(self, name: str) -> list:
        """docnum -> facet value for the current reader, read once per index generation."""
        s = self.searcher()
        reader = s.reader()
        generation = self._local.stamp
        key = f"{name}_facet"
        with self._lock:
            cached = self._columns.get(key)
            if cached and cached[0] == generation:
                return cached[1]
        column = list(reader.column_reader(key)) if reader.has_column(key) else []
        with self._lock:
            self._columns[key] = (generation, column)
        return column

    def facet_counts(self, q, restrict=None, limit: int = 12) -> dict[str, list[tuple[str, int]]]:
        s = self.searcher()
        combined = query.And([q, restrict]) if restrict is not None else q
        docnums = list(s.docs_for_query(combined))
        counts = {}
        for name in FACETS:
            column = self._column(name)
            counter = Counter(column[d] for d in docnums if d < len(column))
            counter.pop("", None)
            counter.pop(None, None)
            values = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
            if name == "year":
                values = sorted(counter.items(), key=lambda kv: kv[0], reverse=True)
            counts[name] = [(str(v), c) for v, c in values[:limit if name != "year" else 50]]
        return counts

    def _suggest(self, s, q, text: str) -> str | None:
        """'Did you mean': each word the archive does not hold replaced by the closest one it does."""
        corrector = s.corrector("text")
        changed, out = False, []
        pieces = re.findall(r"\w+|\W+", text)
        for n, piece in enumerate(pieces):
            is_field = n + 1 < len(pieces) and pieces[n + 1].startswith(":")
            if not piece.isalpha() or len(piece) < 3 or is_field or piece in ("AND", "OR", "NOT"):
                out.append(piece)
                continue
            # Whoosh ranks by frequency among close words; the fewest edits is what the reader meant.
            suggestions = sorted(corrector.suggest(piece.lower(), limit=8, maxdist=2),
                                 key=lambda word: _edits(word, piece.lower()))
            if suggestions and suggestions[0] != piece.lower():
                out.append(suggestions[0])
                changed = True
            else:
                out.append(piece)
        return "".join(out) if changed else None

    # single records
    def records(self, field_name: str, value: str, limit: int | None = None) -> list[Hit]:
        s = self.searcher()
        results = s.search(query.Term(field_name, value), limit=limit, sortedby=[sorting.FieldFacet("doc"), sorting.FieldFacet("paragraph")])
        return [self._hit(r, False) for r in results]

    def by_id(self, citation_id: str) -> list[Hit]:
        return sorted(self.records("id", citation_id), key=lambda h: (h.date or "", h.doc))

    def document_records(self, doc_id: str) -> list[Hit]:
        return sorted(self.records("doc", doc_id), key=lambda h: (h.start, h.kind == "quote"))

    def speaker_records(self, speaker: str) -> list[Hit]:
        return self.records("speaker_facet", speaker)

    def close(self) -> None:
        current = getattr(self._local, "searcher", None)
        if current is not None:
            current.close()
            self._local.searcher = None


def _edits(a: str, b: str) -> int:
    """Levenshtein distance, for ordering a handful of spelling suggestions."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _filter_query(filters: Filters):
    parts = []
    for name in FACETS:
        values = getattr(filters, name)
        if values:
            parts.append(query.Or([query.Term(f"{name}_facet", v) for v in values]))
    if filters.date_from or filters.date_to:
        parts.append(query.TermRange("date", filters.date_from or None, filters.date_to and filters.date_to + "\uffff"))
    if filters.doc:
        parts.append(query.Term("doc", filters.doc))
    return query.And(parts) if parts else None


_FIELD_NAMES = {"speaker", "who", "by", "source", "kind", "type", "title", "headline", "place", "year", "text", "doc"}


def _query_problem(text: str) -> str | None:
    """Why a query would be misread, checked before Whoosh gets to guess."""
    if text.count('"') % 2:
        return "a quotation mark is not closed"
    if text.count("(") != text.count(")"):
        return "a bracket is not closed"
    tokens = text.split()
    if tokens and all(t in ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE") for t in tokens):
        return "it has only operators"
    if tokens and (tokens[0] in ("AND", "OR", "ANDNOT", "ANDMAYBE") or tokens[-1] in ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")):
        return "an operator has nothing on one side"
    for match in re.finditer(r"(\w+):(\S*)", text):
        name, value = match.group(1).lower(), match.group(2)
        if name in _FIELD_NAMES and not value.strip('"'):
            return f"“{match.group(1)}:” has no value"
    return None


def _lower_field_values(text: str) -> str:
    """kind:Quote and year:2018 match the stored IDs, which are lower case and exact."""
    return re.sub(r"\b(kind|type):(\w+)", lambda m: f"{m.group(1)}:{m.group(2).lower()}", text)


def _has_errors(q) -> bool:
    if isinstance(q, query.qcore._NullQuery):
        return False
    if type(q).__name__ == "ErrorQuery":
        return True
    return any(_has_errors(child) for child in q.children()) if hasattr(q, "children") else False
