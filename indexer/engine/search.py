"""The engine's reading half: searches and records from one index directory.

Every caller (HTML, JSON, CLI) calls ``SearchEngine.search`` or ``.records`` and gets the frozen
values of indexer.engine.types back; no Whoosh object outlives the call. A ``snapshot()``
answers several calls from one commit. Matching and ranking go through numpy_match when the
commit's arrays are written, and through Whoosh's own searcher otherwise.
"""
from __future__ import annotations

import threading
from contextlib import ExitStack, contextmanager
from collections import Counter
from pathlib import Path

import numpy as np
from whoosh import index, query, sorting

from .. import generations
from ..stat_memo import StatMemo
from . import (facet_arrays, facet_listing, fields, hits, limits, numpy_match, opening, ordering, suggestions,
               whole_results, whoosh_patches)
from .accent_folding import AccentVariants, widened
from .posting_cache import PostingCache
from .query_parsing import ParseCache, filter_query
from .schema import FACET_FIELDS
from .types import MATCHERS, Records, SearchPage, SearchRequest, SORTS
from .writing import Index

MAX_PAGE = 10_000


class SearchEngine:
    """A read-only view of an index directory, with a pool of searchers shared by all threads.

    A threaded server starts a thread per request, so searchers are leased from a pool rather
    than kept per thread (which reopened one per request). A leased searcher is used by one
    thread at a time; searchers of an older commit are closed as soon as they are idle.

    `matcher` (one of MATCHERS) chooses how searches are answered: "numpy", the default, or
    "whoosh", Whoosh's own results (slower; the same totals, pages, order and facet counts).
    """

    POOL = 8

    def __init__(self, index_dir: str | Path, matcher: str = "numpy"):
        if matcher not in MATCHERS:
            raise ValueError(f"matcher must be one of {', '.join(MATCHERS)}, not {matcher!r}")
        whoosh_patches.install()  # reading uses the faster field lengths too
        self.index_dir = Path(index_dir)  # INDEX_DIR; the live archive is a generation in it (generations.py)
        self.matcher = matcher
        self._indexes: dict[Path, object] = {}  # Whoosh index per generation directory (two around a swap)
        self._dirs: dict[str, Path] = {}  # stamp -> generation directory, for the arrays of a leased commit
        self._pool: list[tuple[str, object]] = []
        self._columns: dict[str, tuple[str, list]] = {}
        self._arrays: dict = {}
        self._postings = PostingCache(generations.live(self.index_dir))
        # The newest commit's stamp per generation folder, listed again only when a stat of the
        # folder changes (a commit adds its files and renames its TOC there).
        self._commits = StatMemo()
        self._parsed = ParseCache()
        self._accents = AccentVariants(self._postings)
        self._lock = threading.Lock()

    def exists(self) -> bool:
        return index.exists_in(str(generations.live(self.index_dir)))

    @property
    def ix(self):
        return self._index_of(generations.live(self.index_dir))

    def _index_of(self, live: Path):
        """The Whoosh index of one generation; a new generation (a rebuild swapped in) replaces the others."""
        with self._lock:
            found = self._indexes.get(live)
        if found is None:
            found = opening.open_index(live)
            with self._lock:
                if live not in self._indexes:
                    self._indexes = {**{d: ix for d, ix in self._indexes.items() if d.exists()}, live: found}
                    self._postings.index_dir = live  # a request straddling the swap reads postings from Whoosh
                found = self._indexes[live]
        return found

    @contextmanager
    def lease(self):
        """(searcher, stamp) for the current commit; reopened, not refresh()ed, after a commit.

        refresh() reuses the readers of segments it already had and misses documents an ingest
        deleted from them (a re-indexed file would show its old passages). The generation is held
        (generations.reading) until the lease ends, so a rebuild's swap cannot delete it meanwhile.
        """
        with ExitStack() as held:
            live = opening.hold_live(held, self.index_dir)
            ix = self._index_of(live)
            stamp = self._commits.get(live, lambda: opening.stamp(live, facet_arrays.stamp(live, ix)))
            with self._lock:
                stale = [searcher for st, searcher in self._pool if st != stamp]
                self._pool = [(st, searcher) for st, searcher in self._pool if st == stamp]
                leased = self._pool.pop()[1] if self._pool else None
            for searcher in stale:
                searcher.close()
            if leased is None:
                leased, inner = opening.open_newest(ix, live)
                stamp = opening.stamp(live, inner)
            with self._lock:
                if stamp not in self._dirs:
                    self._dirs = {**{st: d for st, d in list(self._dirs.items())[-8:]}, stamp: live}
            try:
                yield leased, stamp
            finally:
                with self._lock:
                    keep = len(self._pool) < self.POOL
                    if keep:
                        self._pool.append((stamp, leased))
                if not keep:
                    leased.close()

    def arrays(self, s, stamp: str) -> facet_arrays.FacetArrays | None:
        """The facet arrays of commit `stamp` (which searcher `s` reads), put together once.

        None (answer with Whoosh) while a segment's arrays are not written, or when the matcher is "whoosh".
        """
        if self.matcher == "whoosh":
            return None
        with self._lock:
            cached = self._arrays.get(stamp, False)
            folder = self._dirs.get(stamp, self.index_dir)
        if cached is False:
            cached = facet_arrays.assemble(folder, s.reader())
            if cached is not None:  # else a segment's arrays are not written yet: ask again next time
                with self._lock:
                    self._arrays = {stamp: cached}
        return cached

    @contextmanager
    def snapshot(self):
        """A Snapshot: searches and records answered from one commit, however many are asked."""
        with self.lease() as (s, stamp):
            yield Snapshot(self, s, stamp)

    @contextmanager
    def writer(self):
        """An IndexWriter (add records, delete documents), committed when the block ends.

        Cancelled if the block raises; WriterBusy when another writer holds the index. Searches
        see the commit at once. Ingest, which commits in batches, uses writing.Index itself.
        """
        ix = Index(generations.live(self.index_dir))
        writer = ix.writer()
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        ix.finish()

    def parsed(self, s, stamp: str, text: str):
        """(query, note) for `text` on commit `stamp` (searcher `s`), its words widened to their
        spellings with and without accents (accent_folding); kept per commit."""
        # The leased commit's schema, not the TOC read again.
        return self._parsed.parse(stamp, text, s.schema, lambda q: widened(q, self._accents.of(s.reader())))

    def search(self, request: SearchRequest) -> SearchPage:
        with self.snapshot() as snap:
            return snap.search(request)

    def records(self, *, citation_id: str | None = None, doc_id: str | None = None,
                limit: int | None = None) -> Records:
        """Records by citation id, by document, or both; see Snapshot.records."""
        with self.snapshot() as snap:
            return snap.records(citation_id=citation_id, doc_id=doc_id, limit=limit)

    def _answer(self, s, stamp, request: SearchRequest) -> SearchPage:
        text, filters, page_size = request.text, request.filters, request.page_size
        page = min(max(1, request.page), MAX_PAGE)
        sort = request.sort if request.sort in SORTS else "relevance"
        q, note = self.parsed(s, stamp, text)
        try:
            limits.check_breadth(q, s.reader())
        except limits.TooBroad as too_broad:
            q, note = query.NullQuery, f"Not searched: {too_broad}"
        if q is query.NullQuery:
            return SearchPage(text, 0, page, page_size, [], {}, filters, sort, note)
        if sort == "relevance" and not text.strip():
            sort = "newest"  # no words to rank by: newest first is what a browsing reader expects
        restrict = filter_query(filters)
        try:
            with limits.time_limit():
                return self._search(s, stamp, text, q, note, restrict, filters, page, page_size, sort, request.facets)
        except limits.TooSlow as too_slow:
            return SearchPage(text, 0, page, page_size, [], {}, filters, sort, f"Not searched: {too_slow}")

    def _search(self, s, stamp, text, q, note, restrict, filters, page, page_size, sort, with_facets) -> SearchPage:
        arrays = self.arrays(s, stamp)
        # One evaluator for the page: the words it looked up answer "did you mean" too.
        evaluator = numpy_match.Evaluator(s, arrays.everything, self._postings, arrays) if arrays is not None else None
        matched, scores = self._matching(s, q, restrict, arrays, scored=sort == "relevance", evaluator=evaluator)
        total = len(matched) if matched is not None else None
        if total is not None:
            page = min(page, max(1, -(-total // page_size)))
        if sort != "relevance" and matched is not None:
            count = page * page_size
            if len(matched) == len(arrays.everything):  # all of the archive: the same for every browse
                ordered = arrays.memo(("by date", sort, count), lambda: self._by_date(arrays, matched, sort, count))
            else:
                ordered = self._by_date(arrays, matched, sort, count)
            docnums = ordered[(page - 1) * page_size:]
        elif scores is not None:
            docnums = _top_scored(matched, scores, page * page_size)[(page - 1) * page_size:]
        else:
            sortedby = {"relevance": None, "newest": sorting.FieldFacet("date", reverse=True),
                        "oldest": sorting.FieldFacet("date_asc")}[sort]
            # Filters join the query as a constant-score clause: the matcher can then skip to the
            # filtered documents instead of scoring every match and filtering afterwards.
            scored = query.And([q, query.ConstantScoreQuery(restrict, 0.0)]) if restrict is not None else q
            # With a limit Whoosh skips blocks it judges unable to reach the top, and sometimes
            # drops real top documents: the "whoosh" matcher scores every match, as the arrays do.
            limit = None if self.matcher == "whoosh" else page * page_size
            results = limits.search(s, scored, limit=limit, sortedby=sortedby, terms=False)
            if total is None:
                total = len(results)
                page = min(page, max(1, -(-total // page_size)))
            docnums = [r.docnum for r in results[(page - 1) * page_size:page * page_size]]
        marked = hits.text_terms(s, q) if text.strip() else None  # once per page, not per hit
        reader = hits.HitReader(s)
        shown = [reader.hit(docnum, q if text.strip() else None, marked) for docnum in docnums]
        counts = self._facet_counts(s, stamp, q, restrict, matched) if with_facets else {}
        suggestion = None
        if total == 0 and text.strip() and note is None:
            suggestion = suggestions.suggest(s, text, evaluator.doc_frequency if evaluator is not None else None)
        return SearchPage(text, total, page, page_size, shown, counts, filters, sort, note, suggestion)

    def _matching(self, s, q, restrict, arrays, scored: bool,
                  evaluator: numpy_match.Evaluator | None = None) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(every matching live document number, their scores), for the count, facets and ranking.

        (None, None) when the commit's facet arrays are not written yet; scores are None when
        not asked for or when only Whoosh can score the query (wildcards, ranges, sloppy phrases).
        """
        if arrays is None:
            return None, None
        combined = query.And([q, query.ConstantScoreQuery(restrict, 0.0)]) if restrict is not None else q
        evaluator = evaluator or numpy_match.Evaluator(s, arrays.everything, self._postings, arrays)
        try:
            found = evaluator.match(combined, scored=scored)
        except numpy_match.Unsupported:
            found = evaluator.match(combined, scored=False)
        if len(arrays.everything) == len(arrays.live):  # nothing deleted: every match is live
            return found.ids, found.scores
        deleted = arrays.deleted
        if len(deleted) * numpy_match.SEARCH_COST < len(found.ids):
            # A few deleted records among many matches (11 in a million): look each one up rather
            # than read a flag for every match.
            where = found.ids.searchsorted(deleted)
            inside = where < len(found.ids)
            where, gone = where[inside], deleted[inside]
            where = where[found.ids[where] == gone]
            return _without(found.ids, where), (_without(found.scores, where) if found.scores is not None else None)
        live = np.asarray(arrays.live)[found.ids] if len(found.ids) else np.zeros(0, dtype=bool)
        return found.ids[live], (found.scores[live] if found.scores is not None else None)

    @staticmethod
    def _by_date(arrays, matched: np.ndarray, sort: str, count: int) -> list[int]:
        """The first `count` matches by date, undated last either way; ties in document order."""
        return ordering.first_in_order(matched, ordering.date_key(np.asarray(arrays.codes["date"])[matched], sort), count)

    # facets
    def _column(self, s, stamp: str, name: str) -> list:
        """docnum -> facet value for the current reader, read once per commit."""
        reader = s.reader()
        generation = stamp
        key = FACET_FIELDS[name]
        with self._lock:
            cached = self._columns.get(key)
            if cached and cached[0] == generation:
                return cached[1]
        column = []
        for leaf, _ in reader.leaf_readers():  # per segment: a multi-reader asks only its first
            column += list(leaf.column_reader(key)) if leaf.has_column(key) else [None] * leaf.doc_count_all()
        with self._lock:
            self._columns[key] = (generation, column)
        return column

    def _facet_counts(self, s, stamp, q, restrict=None,
                      matched: np.ndarray | None = None) -> dict[str, list[tuple[str, int]]]:
        arrays = self.arrays(s, stamp)
        if arrays is not None and matched is not None:
            counts = arrays.counts(matched, {facet.name: facet.limit for facet in fields.FACETS})
        else:
            counts = self._facet_counts_slow(s, stamp, q, restrict)
        return {facet.name: facet.listed(counts.get(facet.name, [])) for facet in fields.FACETS}

    def _facet_counts_slow(self, s, stamp, q, restrict) -> dict[str, list[tuple[str, int]]]:
        """Counting from Whoosh columns, for a commit whose arrays are not written yet."""
        combined = query.And([q, restrict]) if restrict is not None else q
        docnums = list(limits.ticking(s.docs_for_query(combined)))
        counts = {}
        for facet in fields.FACETS:
            name = facet.name
            column = self._column(s, stamp, name)
            counter = Counter(column[d] for d in docnums if d < len(column))
            missing = counter.pop("", 0) + counter.pop(None, 0)
            values = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
            counts[name] = facet.with_missing([(str(v), c) for v, c in values[:facet.limit]], missing)
        return counts

    # single records
    def _records(self, s, stamp, citation_id: str | None, doc_id: str | None, limit: int | None) -> Records:
        if citation_id is None and doc_id is None:
            raise ValueError("records() needs a citation_id, a doc_id or both")
        reader = hits.HitReader(s)
        if citation_id is None:
            docnums = list(s.docs_for_query(query.Term("doc", doc_id)))
            records = [reader.hit(docnum) for docnum in docnums]
            ordered = sorted(records, key=lambda h: (h.start, h.kind == "quote"))
            return Records(tuple(ordered[:limit]), len(ordered))
        if doc_id is not None:
            found = sorted(s.docs_for_query(query.And([query.Term("id", citation_id), query.Term("doc", doc_id)])))
            return Records(tuple(reader.hit(docnum) for docnum in found[:limit]), len(found))
        # Identical words in many documents share an id (a boilerplate line in thousands of
        # articles): only the `limit` earliest are read, chosen by the commit's date array.
        docnums = list(s.docs_for_query(query.Term("id", citation_id)))
        total = len(docnums)
        arrays = self.arrays(s, stamp)
        if limit is not None and total > limit and arrays is not None:
            ranks = np.asarray(arrays.codes["date"])[docnums].astype(np.int64)
            undated_first = np.where(ranks < 0, -1, ranks)  # as (date or ""): undated sorts first
            docnums = [docnums[i] for i in np.lexsort((docnums, undated_first))[:limit]]
        records = [reader.hit(docnum) for docnum in docnums]
        return Records(tuple(sorted(records, key=lambda h: (h.date or "", h.doc))[:limit]), total)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, []
        for _, searcher in pool:
            searcher.close()


class Snapshot:
    """One commit of the index, held while several questions are asked of it.

    Records and searches asked of one snapshot agree with each other even when an ingest
    commits meanwhile. Leave the `with` block promptly: it holds a searcher of that commit.
    """

    def __init__(self, engine: SearchEngine, searcher, stamp: str):
        self._engine, self._searcher = engine, searcher
        self.stamp = stamp  # names the commit: equal stamps, equal answers

    @property
    def matcher(self) -> str:
        """Which of MATCHERS answers this commit: "whoosh" until its arrays are written, or when chosen."""
        return "whoosh" if self._engine.arrays(self._searcher, self.stamp) is None else "numpy"

    def search(self, request: SearchRequest) -> SearchPage:
        return self._engine._answer(self._searcher, self.stamp, request)

    def records(self, *, citation_id: str | None = None, doc_id: str | None = None,
                limit: int | None = None) -> Records:
        """By citation id: earliest first (then by document), at most `limit`, with how many in all.
        By document: in reading order, quotes after the passage they start in. By both: the
        record(s) with that id in that document, in the order written.
        """
        return self._engine._records(self._searcher, self.stamp, citation_id, doc_id, limit)

    def facet_values(self, request: SearchRequest, name: str) -> list[tuple[str, int]]:
        """Every value of facet `name` over all of `request`'s matches, most frequent first."""
        return facet_listing.all_values(self._engine, self._searcher, self.stamp, request, name)

    def every_hit(self, request: SearchRequest):
        """Every record `request` matches, in its pages' order, read one at a time (no snippets)."""
        return whole_results.every_hit(self._engine, self._searcher, self.stamp, request)


def _without(values: np.ndarray, where: np.ndarray) -> np.ndarray:
    """`values` less the few sorted positions `where`: np.delete, copying the runs between them
    (np.delete builds and applies a mask as long as `values`, twice the time at a million)."""
    if not len(where):
        return values
    starts, ends = [0, *(where + 1).tolist()], [*where.tolist(), len(values)]
    return np.concatenate([values[start:end] for start, end in zip(starts, ends)])


def _top_scored(matched: np.ndarray, scores: np.ndarray, count: int) -> list[int]:
    """The `count` best-scoring document numbers, best first; equal scores in document order.

    The same order as Whoosh's collector, which prefers the lower document number on a tie.
    """
    return ordering.best_first(matched, scores, count)

