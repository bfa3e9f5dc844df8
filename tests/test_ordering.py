"""Every sort is a total order: walking the pages of a result shows each record exactly once."""
import numpy as np
import pytest

from indexer.engine import SearchEngine, SearchRequest, ordering

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


def _naive_first(matched, key, count):
    """The first `count` of the full (key, docnum) order, by sorting everything."""
    return [int(d) for d in matched[np.lexsort((matched, key))][:count]]


def _keys(shape, size, seed=0):
    rng = np.random.default_rng(seed)
    return {
        "spread": lambda: rng.random(size),
        "ascending": lambda: np.sort(rng.random(size)),  # the sample sees the smallest keys first
        "descending": lambda: np.sort(rng.random(size))[::-1].copy(),  # ...or last
        "few values": lambda: rng.integers(0, 4, size).astype(np.float64),  # ties at every cut-off
        "all equal": lambda: np.full(size, 2.5),
        "best between samples": lambda: np.where(np.arange(size) % ordering.SAMPLE_STEP == 7, -1.0, 1.0 + rng.random(size)),
        "best on the sample": lambda: np.where(np.arange(size) % ordering.SAMPLE_STEP == 0, -rng.random(size), 1.0),
        "one best off the sample": lambda: np.where(np.arange(size) == 5, -9.0, rng.random(size)),
        "dates with undated": lambda: ordering.date_key(rng.integers(-1, 40, size), "newest").astype(np.float64),
    }[shape]()


@pytest.mark.parametrize("shape", ["spread", "ascending", "descending", "few values", "all equal",
                                   "best between samples", "best on the sample", "one best off the sample",
                                   "dates with undated"])
@pytest.mark.parametrize("size, count", [(20 * 64 + 1, 20), (5000, 20), (100_000, 40), (100_000, 1000), (3000, 60)])
def test_the_sampled_bound_never_drops_a_record_of_the_page(shape, size, count):
    key = _keys(shape, size, seed=size + count)
    matched = np.sort(np.random.default_rng(count).choice(size * 3, size, replace=False)).astype(np.int64)
    assert ordering.first_in_order(matched, key, count) == _naive_first(matched, key, count)


@pytest.mark.parametrize("shape, at_most", [("spread", 2000), ("all equal", 100_000)])
def test_the_bound_keeps_few_keys_unless_they_tie(shape, at_most):
    key = _keys(shape, 100_000, seed=1)
    kept = ordering._within_bound(key, 20)
    assert 20 <= len(kept) <= at_most
    assert set(np.argsort(key, kind="stable")[:20].tolist()) <= set(kept.tolist())


@pytest.mark.parametrize("shape", ["spread", "ascending", "descending", "few values", "all equal",
                                   "best between samples", "best on the sample", "one best off the sample"])
@pytest.mark.parametrize("size, count", [(20 * 64 + 1, 20), (100_000, 40), (100_000, 1000), (3000, 60), (50, 20)])
def test_best_first_is_the_page_of_a_full_sort_by_score(shape, size, count):
    scores = -_keys(shape, size, seed=size * count)  # the shapes' smallest keys are the best scores
    matched = np.arange(size, dtype=np.int64) * 2
    assert ordering.best_first(matched, scores, count) == _naive_first(matched, -scores, count)
