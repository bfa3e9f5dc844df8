"""Every sort is a total order: walking the pages of a result shows each record exactly once."""
import pytest

from indexer.engine import SearchEngine, SearchRequest

DATES = ("2019-01-01", "2020-05-01", "2020-05-01", None, "2021-12-31")  # ties and undated on purpose


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """Three hundred records in twelve documents, most sharing a date, many sharing a score."""
    engine = SearchEngine(tmp_path_factory.mktemp("ordering") / "ix")
    with engine.writer() as w:
        for n in range(300):
            doc = f"d{n % 12:02d}"
            date = DATES[n % len(DATES)]
            words = "harbour " + "tide " * (n % 3)  # three lengths: equal scores within each
            w.add({"id": f"{doc}-{n}", "doc": doc, "kind": "narrative", "text": words, "start": n * 10,
                   "end": n * 10 + len(words), "paragraph": n, **({"date": date} if date else {})})
    yield engine
    engine.close()


def walk(engine, text: str, sort: str, page_size: int) -> list[str]:
    seen, page = [], 1
    while True:
        result = engine.search(SearchRequest(text, sort=sort, page=page, page_size=page_size))
        seen += [h.id for h in result.hits]
        if page >= result.pages:
            return seen
        page += 1


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
@pytest.mark.parametrize("text", ["harbour", "", "tide"])
@pytest.mark.parametrize("page_size", [7, 20])
@pytest.mark.parametrize("path", ["numpy", "whoosh"])
def test_every_page_walk_shows_each_record_once(crowded, monkeypatch, sort, text, page_size, path):
    if path == "whoosh":  # no facet arrays yet: the engine falls back to Whoosh's collector
        monkeypatch.setattr(crowded, "arrays", lambda s, stamp: None)
    expected = crowded.search(SearchRequest(text, page_size=1)).total
    seen = walk(crowded, text, sort, page_size)
    assert len(seen) == len(set(seen)) == expected > 0
    assert walk(crowded, text, sort, page_size) == seen  # the same pages every time


@pytest.mark.parametrize("sort, first, last", [("newest", "2021-12-31", None), ("oldest", "2019-01-01", None)])
def test_date_sorts_break_ties_by_position_within_a_document(crowded, sort, first, last):
    """Ties go to ingest order, which writes a document's records together in reading order."""
    hits = [h for p in range(1, 4) for h in crowded.search(SearchRequest("", sort=sort, page=p, page_size=100)).hits]
    assert hits[0].date == first and hits[-1].date == last
    assert len({h.id for h in hits}) == 300
    for date in set(DATES):
        for doc in {h.doc for h in hits}:
            starts = [h.start for h in hits if h.date == date and h.doc == doc]
            assert starts == sorted(starts)
