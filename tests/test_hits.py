"""Hits read records straight from each segment: the same fields Whoosh's reader gives, whichever segment holds them."""
import pytest

from indexer.engine import SearchEngine, SearchRequest, fields, hits
from indexer.engine.hits import HitReader
from indexer.engine.query_parsing import parse
from indexer.ingest import ingest

DOC = "Source: Harbour Ledger\nTitle: Port report {n}\n\n{body}\n"
BODIES = ["The harbour closed at noon, said the harbour master.",
          "\"We will reopen on Monday,\" Ana Ruiz said. The council met.",
          "Ships waited outside the harbour for two days."]


@pytest.fixture(scope="module")
def segmented(tmp_path_factory):
    """An archive of three segments (three ingests, no merge)."""
    folder = tmp_path_factory.mktemp("hits")
    docs = folder / "docs"
    docs.mkdir()
    for n in range(9):
        (docs / f"port_{n}.txt").write_text(DOC.format(n=n, body=BODIES[n % 3]), encoding="utf-8")
        if n % 3 == 2:
            ingest([docs], folder / "ix")
    engine = SearchEngine(folder / "ix")
    yield engine
    engine.close()


def test_records_read_from_each_segment_equal_whooshs(segmented):
    with segmented.lease() as (s, _):
        assert len(list(s.reader().leaf_readers())) == 3
        reader = HitReader(s)
        for docnum in range(s.doc_count_all()):
            assert reader.stored_fields(docnum) == s.stored_fields(docnum), docnum


def test_hits_carry_every_registry_field(segmented):
    page = segmented.search(SearchRequest("harbour", page_size=100))
    assert page.total >= 6
    with segmented.lease() as (s, _):
        by_id = {(f["doc"], f["id"], f["kind"]): f for f in (s.stored_fields(d) for d in range(s.doc_count_all()))}
    for hit in page.hits:
        stored = by_id[(hit.doc, hit.id, hit.kind)]
        assert {f.name: getattr(hit, f.name) for f in fields.HIT_FIELDS} == \
            {f.name: stored.get(f.name, f.empty) for f in fields.HIT_FIELDS}
        assert "<mark>harbour</mark>" in str(hit.snippet)


def test_a_passage_repeated_on_a_page_is_marked_once(segmented, monkeypatch):
    marked = []
    highlight = hits.highlight_snippet
    monkeypatch.setattr(hits, "highlight_snippet",
                        lambda text, terms, **phrases: marked.append(text) or highlight(text, terms, **phrases))
    page = segmented.search(SearchRequest("harbour", page_size=100))
    texts = [hit.text for hit in page.hits]
    assert len(set(texts)) < len(texts)  # three bodies in nine documents
    assert sorted(marked) == sorted(set(texts))
    for hit in page.hits:
        assert hit.snippet == highlight(hit.text, frozenset(["harbour"]))


@pytest.mark.parametrize("text, words, phrases", [
    ('"harbour master" closed', {"close"}, {("harbour", "master")}),
    ('harbour master', {"harbour", "master"}, set()),
    # what a query leaves out marks nothing; a sloppy phrase's words mark anywhere
    ('NOT "harbour master" closed', {"close"}, set()),
    ('closed AND NOT harbour', {"close"}, set()),
    ('"harbour master"~3', {"harbour", "master"}, set()),
    ('harbo*', {"harbour"}, set()),
    ('speaker:"ana ruiz"', set(), set()),
])
def test_a_query_marks_its_words_and_phrases(segmented, text, words, phrases):
    with segmented.lease() as (s, _):
        marks = hits.text_terms(s, parse(text, s.schema)[0])
    assert (set(marks.words), set(marks.phrases)) == (words, phrases)


def test_a_phrase_search_marks_the_phrase_not_its_words_elsewhere(segmented):
    page = segmented.search(SearchRequest('"harbour master"', page_size=100))
    assert page.total == 3
    for hit in page.hits:
        assert str(hit.snippet) == "The harbour closed at noon, said the <mark>harbour</mark> <mark>master</mark>."
