"""The sizes an AND's parts are ordered by are Whoosh's own estimate_size, read from our arrays:
the same figure for every kind of query Whoosh sizes, so the parts' scores add in the same order."""
import numpy as np
import pytest
from whoosh import query
from whoosh.query.wrappers import ConstantScoreQuery

from indexer.engine import SearchEngine, estimates, numpy_match
from indexer.engine.posting_cache import PostingCache
from indexer.ingest import ingest

DOC = "Source: {source}\nTitle: {title}\nDate: 20{year}-03-0{day}\n\n{body}\n"


@pytest.fixture(scope="module")
def segmented(tmp_path_factory):
    """Three ingests (three segments), then one document replaced: deleted records still count in
    a term's frequency, as Whoosh counts them, and not in the live total."""
    folder = tmp_path_factory.mktemp("estimates")
    docs = folder / "docs"
    docs.mkdir()
    for n in range(9):
        (docs / f"d{n}.txt").write_text(DOC.format(
            source="The Courier" if n % 2 else "Harbour Gazette", title="The tide tables" if n % 3 else "Quay notes",
            year=10 + n % 3, day=1 + n % 5, body=f"The harbour master said the tide turned. Boats {n} waited."),
            encoding="utf-8")
        if n % 3 == 2:
            assert ingest([docs], folder / "ix").failed == 0
    (docs / "d4.txt").write_text(DOC.format(source="The Courier", title="Changed", year=12, day=2,
                                            body="A new text for the quay."), encoding="utf-8")
    ingest([docs], folder / "ix")
    engine = SearchEngine(folder / "ix")
    yield engine
    engine.close()


def lift(*words):
    return query.Or([query.Term("title", w, boost=0.3) for w in words])


QUERIES = [
    query.Term("text", "harbour"),
    query.Term("text", "nosuchword"),
    query.Term("nosuchfield", "harbour"),
    query.Or([query.Term("text", "tide"), query.Term("speaker", "tide", boost=2.0)]),
    query.Or([query.Term("text", "the"), query.Term("title", "the"), query.Term("text", "harbour")]),  # capped
    query.AndMaybe(query.Or([query.Term("text", "tide"), query.Term("speaker", "tide")]), lift("tide")),
    ConstantScoreQuery(query.And([query.Or([query.Term("source", "The Courier")]), query.Or([query.Term("year", "2011")])]), 0.0),
    ConstantScoreQuery(query.Or([query.Term("source", "Harbour Gazette"), query.Term("source", "Nobody")]), 0.0),
    query.And([query.Term("text", "quay"), query.Term("text", "harbour")]),
    query.Phrase("text", ["harbour", "master"]),
    query.AndMaybe(query.Phrase("text", ["tide", "turn"]), lift("tide", "turn")),
    query.TermRange("date", "2010", "2011\uffff"),  # asked of Whoosh
    query.Not(query.Term("text", "tide")),  # asked of Whoosh
    query.Every(),
]


@pytest.mark.parametrize("q", QUERIES, ids=[str(q) for q in QUERIES])
def test_estimates_are_whooshs_own(segmented, q):
    with segmented.lease() as (s, stamp):
        arrays = segmented.arrays(s, stamp)
        assert s.doc_count() < s.doc_count_all()  # the replaced document's records are deleted, not gone
        evaluator = numpy_match.Evaluator(s, arrays.everything, PostingCache(segmented.index_dir), arrays)
        ours = estimates.whoosh_estimate(q, s.schema, evaluator.doc_frequency, s.doc_count, s.reader())
        assert ours == q.estimate_size(s.reader())


def test_terms_are_sized_without_asking_whoosh_per_segment(segmented, monkeypatch):
    q = QUERIES[5]
    with segmented.lease() as (s, stamp):
        arrays = segmented.arrays(s, stamp)
        expected = q.estimate_size(s.reader())
        evaluator = numpy_match.Evaluator(s, arrays.everything, PostingCache(segmented.index_dir), arrays)
        monkeypatch.setattr(type(s.reader()), "doc_frequency", lambda *args: pytest.fail("asked Whoosh"))
        assert estimates.whoosh_estimate(q, s.schema, evaluator.doc_frequency, s.doc_count, s.reader()) == expected
