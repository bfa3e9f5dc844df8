"""Parsed queries are kept per commit: asked again, the same words skip Whoosh's parser; a new commit parses afresh."""
import pytest

from indexer.engine import SearchEngine, SearchRequest, query_parsing
from indexer.engine.query_parsing import ParseCache
from indexer.engine.schema import make_schema


@pytest.fixture()
def parses(monkeypatch):
    """The texts query_parsing.parse was asked to parse, in order."""
    asked = []
    parse = query_parsing.parse
    monkeypatch.setattr(query_parsing, "parse", lambda text, schema: asked.append(text) or parse(text, schema))
    return asked


def test_a_commit_parses_each_text_once(parses):
    cache, schema = ParseCache(), make_schema()
    first = cache.parse("g1", '"harbour master" said', schema)
    assert cache.parse("g1", '"harbour master" said', schema) is first
    cache.parse("g1", "council", schema)
    assert parses == ['"harbour master" said', "council"]
    assert first == query_parsing.parse('"harbour master" said', schema)


def test_a_new_commit_parses_again(parses):
    cache, schema = ParseCache(), make_schema()
    cache.parse("g1", "harbour", schema)
    cache.parse("g2", "harbour", schema)
    cache.parse("g2", "harbour", schema)
    assert parses == ["harbour", "harbour"]


def test_only_the_latest_texts_are_kept(parses, monkeypatch):
    monkeypatch.setattr(ParseCache, "SIZE", 2)
    cache, schema = ParseCache(), make_schema()
    for text in ("harbour", "council", "ledger", "harbour"):
        cache.parse("g1", text, schema)
    assert parses == ["harbour", "council", "ledger", "harbour"]


def record(doc: str, n: int, text: str) -> dict:
    return dict(id=f"{doc}-{n}", doc=doc, kind="narrative", text=text, start=n, end=n + 1)


def test_a_search_after_a_commit_sees_its_records(tmp_path, parses):
    engine = SearchEngine(tmp_path / "ix")
    try:
        with engine.writer() as w:
            w.add(record("a", 1, "The harbour flooded at dawn."))
        assert engine.search(SearchRequest("harbour flooded")).total == 1
        assert engine.search(SearchRequest("harbour flooded", page=2)).total == 1
        assert parses == ["harbour flooded"]
        with engine.writer() as w:
            w.add(record("b", 1, "The harbour flooded again."))
        assert engine.search(SearchRequest("harbour flooded")).total == 2
        assert parses == ["harbour flooded", "harbour flooded"]
    finally:
        engine.close()
