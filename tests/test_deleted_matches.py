"""Deleted records never reach a total, a facet or a page, whichever way they are taken out: looked
up one by one among many matches, or flagged for every match."""
import numpy as np
import pytest

from indexer.engine import SearchEngine, SearchRequest, numpy_match, search


@pytest.mark.parametrize("size, where", [(10, []), (10, [0]), (10, [9]), (10, [0, 1, 2]), (10, [3, 7]), (1, [0])])
def test_without_is_np_delete(size, where):
    values = np.arange(size) * 1.5
    where = np.array(where, dtype=np.int64)
    assert search._without(values, where).tolist() == np.delete(values, where).tolist()


@pytest.fixture(scope="module")
def with_deletions(tmp_path_factory):
    """600 records in 200 documents, all with 'harbour'; three documents (nine records) deleted by a
    later commit: few enough among the matches to be looked up."""
    engine = SearchEngine(tmp_path_factory.mktemp("deleted") / "ix")
    with engine.writer() as w:
        for n in range(600):
            doc = f"d{n % 200:03d}"
            text = "harbour " + "tide " * (n % 4)
            w.add({"id": f"{doc}-{n}", "doc": doc, "kind": "narrative", "text": text, "start": n, "end": n + 9,
                   "source": f"Paper {n % 3}", "paragraph": n})
    with engine.writer() as w:
        for doc in ("d000", "d017", "d199"):
            w.delete(doc)
    yield engine
    engine.close()


@pytest.mark.parametrize("text, expected", [("harbour", 591), ("tide", 444), ("harbour tide", 444)])
def test_deleted_records_are_left_out_by_lookup_or_by_flag(with_deletions, text, expected, monkeypatch):
    cut = []
    real = search._without
    monkeypatch.setattr(search, "_without", lambda values, where: cut.append(len(where)) or real(values, where))
    looked_up = with_deletions.search(SearchRequest(text, page_size=600))
    assert cut and cut[0] == (9 if text == "harbour" else 6)  # the lookup took them out
    monkeypatch.setattr(numpy_match, "SEARCH_COST", 10 ** 9)  # every match's flag read instead
    flagged = with_deletions.search(SearchRequest(text, page_size=600))
    assert looked_up == flagged
    assert not {h.doc for h in looked_up.hits} & {"d000", "d017", "d199"}
    assert looked_up.total == len(looked_up.hits) == expected
    assert sum(count for _, count in looked_up.facets["source"]) == expected
