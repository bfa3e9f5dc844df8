"""tantivy (the Rust engine, Python package `tantivy`) over the same records; optional.

Schema: the four searched fields (text, speaker, title, source) tokenized by tantivy's `en_stem`
(lower case, Snowball English stemmer) with positions for phrases; the facets (speaker, source,
kind, year, place) and the date as `raw` text fields that are indexed (filters are term queries)
and fast (column storage: facet counts and sorting by date read them).

Per request: the query parser over text and speaker with the archive's boosts and AND between
words, and the title as an optional clause (the archive's title lift); `Searcher.search` for the total and the top 20 by BM25; `SnippetGenerator` for their
highlighted snippets; one `Searcher.aggregate` call with a terms aggregation per facet. Terms
aggregations count per segment and keep each segment's top `segment_size` values (tantivy's
default: 10 x size), so a facet's lower counts may be slightly short on a many-segment index;
totals are exact.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Iterable

from .fts5_engine import FACET_LIMITS, Build
from .mix import PAGE, Answer, Query
from .spool import FACETS, Record

try:
    import tantivy
except ImportError:  # a benchmark-only dependency (requirements-bench.txt)
    tantivy = None

# As the archive searches (indexer/engine/query_parsing.py): text and speaker match, the title only lifts.
SEARCHED = {"text": 1.0, "speaker_words": 2.0}
TITLE_LIFT = 0.3
INDEXED = ("text", "speaker_words", "title", "source_words")  # all four kept word by word, as the archive does
HEAP_BYTES = 512_000_000


def available() -> bool:
    return tantivy is not None


def _schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    for name in INDEXED:
        builder.add_text_field(name, stored=name == "text", tokenizer_name="en_stem", index_option="position")
    for name in (*FACETS, "date"):
        builder.add_text_field(name, fast=True, tokenizer_name="raw")
    return builder.build()


def build(index_dir: Path, batches: Iterable[list[Record]]) -> Build:
    shutil.rmtree(index_dir, ignore_errors=True)
    index_dir.mkdir(parents=True)
    started, cpu = time.perf_counter(), time.process_time()
    index = tantivy.Index(_schema(), path=str(index_dir))
    writer = index.writer(heap_size=HEAP_BYTES)
    count = 0
    for batch in batches:
        for rec in batch:
            fields = {"key": rec.key, "text": rec.text, "speaker_words": rec.speaker, "title": rec.title,
                      "source_words": rec.source, "date": rec.date,
                      **{name: getattr(rec, name) for name in FACETS}}
            writer.add_document(tantivy.Document(**{k: v for k, v in fields.items() if v}))
            count += 1
    writer.commit()
    writer.wait_merging_threads()
    mb = sum(f.stat().st_size for f in index_dir.rglob("*") if f.is_file()) / 1e6
    return Build(time.perf_counter() - started, time.process_time() - cpu, count, mb)


class Tantivy:
    name = "tantivy"

    def __init__(self, index_dir: Path):
        self.index = tantivy.Index.open(str(index_dir))
        self.index.reload()
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        self.aggregations = {name: {"terms": {"field": name, "size": limit}} for name, limit in FACET_LIMITS.items()}

    def _query(self, q: Query):
        if q.words:
            words = self.index.parse_query(q.text, list(SEARCHED), field_boosts=SEARCHED, conjunction_by_default=True)
            # The archive's title lift: a title holding the words ranks a record higher, never adds one.
            lift = self.index.parse_query(" ".join(q.words), ["title"], field_boosts={"title": TITLE_LIFT})
            words = tantivy.Query.boolean_query([(tantivy.Occur.Must, words), (tantivy.Occur.Should, lift)])
        else:
            words = tantivy.Query.all_query()
        filters = [(tantivy.Occur.Must, tantivy.Query.term_query(self.schema, name, getattr(q, name)))
                   for name in ("speaker", "source", "year") if getattr(q, name)]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, words), *filters]) if filters else words

    def search(self, q: Query) -> Answer:
        query = self._query(q)
        if q.words:
            found = self.searcher.search(query, limit=PAGE, count=True)
        else:
            found = self.searcher.search(query, limit=PAGE, count=True, order_by_field="date",
                                         order=tantivy.Order.Desc)
        snippets = tantivy.SnippetGenerator.create(self.searcher, query, self.schema, "text") if q.words else None
        top = []
        for _, address in found.hits:
            doc = self.searcher.doc(address)
            if snippets is not None:
                snippets.snippet_from_doc(doc).to_html()
            top.append(doc["key"][0])
        counted = self.searcher.aggregate(query, self.aggregations)
        facets = {name: [(b["key"], int(b["doc_count"])) for b in counted[name]["buckets"]] for name in FACETS}
        return Answer(found.count, tuple(top), facets)

    def close(self) -> None:
        pass
