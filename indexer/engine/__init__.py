"""The search engine: the only code that touches Whoosh (and NumPy). No Flask, no text rules.

Its face is this module: the frozen types of indexer.engine.types and SearchEngine, whose
interface is

    engine = SearchEngine(index_dir)          # or matcher="whoosh": Whoosh's own results (MATCHERS)
    engine.exists() -> bool
    engine.search(SearchRequest(text, filters, page, page_size, sort, facets)) -> SearchPage
    engine.records(citation_id=..., doc_id=..., limit=...) -> Records
    with engine.snapshot() as snap:          # several answers from one commit
        snap.search(...); snap.records(...); snap.stamp; snap.matcher
    with engine.writer() as w:               # the write side (ingest): commits on exit
        w.add(record); w.delete(doc_id)
    engine.close()

FIELDS is the field registry (indexer/engine/fields.py) that the schema, Hit, Filters, the
facets, query field names and the web layer's labels, API fields, export columns and CLI options
derive from. FACETS names the facets in order; FACET_LIST holds them (ColumnFacet, YearFacet:
name, label, field, limit).

Everything else here (posting capture, arrays, BM25F, phrase checks, facet columns, caches,
Whoosh's own searcher as the fallback, the Whoosh replacements) is private to the package.
A second backend (a search cluster) would implement the same interface.
"""
from .accent_folding import fold
from .facets import ColumnFacet, YearFacet
from .fields import API_FIELDS, EXPORTED, FIELDS, QUERY_FIELDS
from .fields import FACET_NAMES as FACETS
from .fields import FACETS as FACET_LIST
from .search import SearchEngine, Snapshot
from .types import MATCHERS, Filters, Hit, Records, SearchPage, SearchRequest, SORTS
from .whoosh_patches import WhooshVersionError
from .writing import IndexWriter, WriterBusy

__all__ = ["API_FIELDS", "ColumnFacet", "EXPORTED", "FACET_LIST", "FACETS", "FIELDS", "Filters", "Hit", "IndexWriter",
           "MATCHERS", "QUERY_FIELDS", "Records", "SearchEngine", "SearchPage", "SearchRequest", "Snapshot", "SORTS",
           "WhooshVersionError", "fold", "WriterBusy", "YearFacet"]
