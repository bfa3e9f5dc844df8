"""Facets counted together (facet_groups): the same counts as counting each facet alone, whatever
the grouping, and the joined codes built per commit, never reused for the next one."""
import numpy as np
import pytest

from indexer.engine import SearchEngine, SearchRequest, facet_groups
from indexer.engine.facet_groups import FacetGroup, FacetGroups, plan
from indexer.ingest import ingest


@pytest.mark.parametrize("sizes, cap, expected", [
    ({"a": 10, "b": 10, "c": 10}, 1000, [("a", "b", "c")]),
    ({"a": 10, "b": 10, "c": 11}, 1000, [("c", "a"), ("b",)]),  # 10 * 10 * 11 > 1000
    ({"big": 5000, "small": 3}, 1000, [("big",), ("small",)]),  # too many values to share with anything
    ({"speaker": 3122, "source": 281, "kind": 6, "year": 21, "place": 60, "author": 1}, 1 << 19,
     [("speaker", "place", "author"), ("source", "year", "kind")]),
    ({"one": 1}, 1 << 19, [("one",)]),
    ({}, 1 << 19, []),
])
def test_facets_are_grouped_while_their_sizes_multiply_to_at_most_the_cap(sizes, cap, expected):
    groups = plan(sizes, cap)
    assert groups == expected
    assert sorted(name for group in groups for name in group) == sorted(sizes)


def _codes(sizes, documents, seed):
    rng = np.random.default_rng(seed)
    return {name: rng.integers(0, size, documents).astype(np.int32) for name, size in sizes.items()}


@pytest.mark.parametrize("sizes, cap", [
    ({"speaker": 40, "source": 7, "kind": 3, "year": 5, "author": 1}, 1 << 19),  # all in one group
    ({"speaker": 40, "source": 7, "kind": 3, "year": 5, "author": 1}, 50),  # several groups
    ({"speaker": 40, "source": 7}, 1),  # each facet alone
])
@pytest.mark.parametrize("chosen", ["none", "one", "some", "all"])
@pytest.mark.parametrize("grouped_from", [0, 10 ** 9], ids=["grouped", "few matches: a facet at a time"])
def test_grouped_counts_are_each_facets_own_counts(sizes, cap, chosen, grouped_from, monkeypatch):
    monkeypatch.setattr(facet_groups, "GROUPED_FROM", grouped_from)
    codes = _codes(sizes, 500, seed=len(sizes) + cap)
    docnums = {"none": np.empty(0, dtype=np.int64), "one": np.array([7]),
               "some": np.flatnonzero(np.arange(500) % 3 == 1), "all": np.arange(500)}[chosen]
    counted = FacetGroups(codes, sizes, cap).counts(docnums)
    assert sorted(counted) == sorted(sizes)
    for name, size in sizes.items():
        expected = np.bincount(codes[name][docnums], minlength=size)
        assert counted[name].tolist() == expected.tolist(), name
        assert counted[name].dtype == expected.dtype


def test_a_facet_alone_counts_from_its_own_codes_without_a_copy():
    codes = _codes({"speaker": 9}, 20, seed=3)
    group = FacetGroup(("speaker",), codes, {"speaker": 9})
    assert group.keys is codes["speaker"]
    assert FacetGroups(codes, {"speaker": 9}).nbytes == 0


def test_two_facets_in_one_group_keep_their_own_axes():
    """The table above would fail on a grouping that mixed two facets' axes."""
    sizes = {"a": 3, "b": 4}
    codes = {"a": np.array([0, 1, 2, 2], dtype=np.int32), "b": np.array([3, 3, 0, 1], dtype=np.int32)}
    counted = FacetGroups(codes, sizes).counts(None)  # every document: always grouped
    assert counted["a"].tolist() == [1, 1, 2]
    assert counted["b"].tolist() == [1, 1, 0, 2]


DOC = "Source: {source}\nTitle: Notes {n}\n\n{body}\n"


def test_a_new_commit_counts_with_its_own_groups(tmp_path):
    """The groups are the commit's: records a later ingest adds (a new source) are counted at once."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(DOC.format(source="Evening Courier", n=1, body="The tide came in early."),
                                encoding="utf-8")
    ingest([docs], tmp_path / "ix")
    engine = SearchEngine(tmp_path / "ix")
    try:
        first = engine.search(SearchRequest("tide")).facets["source"]
        with engine.lease() as (s, stamp):
            arrays = engine.arrays(s, stamp)
            built = [value for key, value in arrays._memo.items() if key[0] == "groups"]
            assert built and isinstance(built[0], facet_groups.FacetGroups)
        (docs / "b.txt").write_text(DOC.format(source="Harbour Gazette", n=2, body="The tide went out."),
                                    encoding="utf-8")
        ingest([docs], tmp_path / "ix")
        after = engine.search(SearchRequest("tide")).facets["source"]
        with engine.lease() as (s, stamp):
            assert engine.arrays(s, stamp) is not arrays
        assert first == [("Evening Courier", 1)]
        assert sorted(after) == [("Evening Courier", 1), ("Harbour Gazette", 1)]
    finally:
        engine.close()


@pytest.mark.parametrize("share", [0.0, 0.1, 0.6, 0.7, 0.95, 1.0])
@pytest.mark.parametrize("deleted", [0, 5])
def test_facet_counts_are_the_same_counted_directly_or_by_what_is_left_out(share, deleted):
    """A share past two thirds is counted from the records left out; either way, the counts of
    a plain tally, most frequent first, ties by name, deleted records never counted."""
    from collections import Counter
    from indexer.engine.facet_arrays import FacetArrays

    rng = np.random.default_rng(int(share * 100) + deleted)
    size = 3000
    values = {"speaker": ["", *(f"Speaker {n}" for n in range(30))], "source": ["", "Courier", "Gazette", "Post"]}
    codes = {name: rng.integers(0, len(v), size).astype(np.int32) for name, v in values.items()}
    live = np.ones(size, dtype=bool)
    live[rng.choice(size, deleted, replace=False)] = False
    arrays = FacetArrays(live, codes, values)
    everything = arrays.everything
    docnums = np.sort(rng.choice(everything, int(len(everything) * share), replace=False))
    found = arrays.counts(docnums, {"speaker": 12, "source": 3})
    for name, limit in (("speaker", 12), ("source", 3)):
        tally = Counter(values[name][c] for c in codes[name][docnums])
        tally.pop("", None)
        assert found[name] == sorted(tally.items(), key=lambda vc: (-vc[1], vc[0]))[:limit]
