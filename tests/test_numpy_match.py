"""The evaluator's segment layout (leaves, segment ids, bounds) is worked out once per searcher,
is another searcher's after a commit, and goes with the searcher."""
import gc
import weakref

import numpy as np
import pytest

from indexer.engine import SearchEngine, SearchRequest, numpy_match
from indexer.engine.posting_cache import PostingCache
from indexer.ingest import ingest


def write(docs, n):
    (docs / f"d{n}.txt").write_text(f"Title: Note {n}\n\nThe tide turned at {n} and the quay was wet.\n", encoding="utf-8")


@pytest.fixture
def engine(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, 0)
    ingest([docs], tmp_path / "ix")
    engine = SearchEngine(tmp_path / "ix")
    yield engine, docs, tmp_path / "ix"
    engine.close()


def evaluator(engine, s, stamp):
    arrays = engine.arrays(s, stamp)
    return numpy_match.Evaluator(s, arrays.everything, PostingCache(engine.index_dir), arrays)


def expected_layout(s):
    leaves = [(leaf, offset) for leaf, offset in s.reader().leaf_readers()]
    return ([leaf.segment().segment_id() for leaf, _ in leaves],
            [n for leaf, offset in leaves for n in (offset, offset + leaf.doc_count_all())])


def test_the_layout_is_the_searchers_and_changes_with_the_commit(engine):
    engine, docs, _ = engine
    with engine.lease() as (s, stamp):
        first = evaluator(engine, s, stamp)
        assert evaluator(engine, s, stamp).bounds is first.bounds  # worked out once for the searcher
        assert (list(first.segment_ids), first.bounds.tolist()) == expected_layout(s)
    for n in (1, 2):
        write(docs, n)
        ingest([docs], engine.index_dir)
    with engine.lease() as (s, stamp):
        later = evaluator(engine, s, stamp)
        assert (list(later.segment_ids), later.bounds.tolist()) == expected_layout(s)
        assert later.segment_ids != first.segment_ids
        assert len(later.bounds) > len(first.bounds)
        assert engine.search(SearchRequest("tide")).total == 3


def test_the_layout_goes_with_its_searcher(engine):
    engine, _, index_dir = engine
    from whoosh import index
    searcher = index.open_dir(str(index_dir)).searcher()
    numpy_match._layout(searcher)
    assert searcher in numpy_match._LAYOUTS
    gone = weakref.ref(searcher)
    searcher.close()
    del searcher
    gc.collect()
    # the layout keeps no searcher alive (counting entries failed when the collection also freed
    # another test's searcher)
    assert gone() is None


def test_shared_bounds_cannot_be_changed_by_one_request(engine):
    engine, _, _ = engine
    with engine.lease() as (s, stamp):
        bounds = evaluator(engine, s, stamp).bounds
        with pytest.raises(ValueError):
            bounds[0] = 1
        assert isinstance(bounds, np.ndarray)
