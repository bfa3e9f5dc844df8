"""numpy_match's set operations give np.intersect1d's answers whichever way they take (dense, sparse, lopsided)."""
import numpy as np
import pytest

from indexer.engine.numpy_match import _indices_of, _intersect

SIZE = 10_000
rng = np.random.default_rng(15)
SETS = {
    "empty": np.empty(0, dtype=np.int64),
    "one": np.array([4_321]),
    "few": np.sort(rng.choice(SIZE, 40, replace=False)),
    "some": np.sort(rng.choice(SIZE, 500, replace=False)),
    "most": np.sort(rng.choice(SIZE, 8_000, replace=False)),
    "last": np.array([SIZE - 1]),
}
PAIRS = [(a, b) for a in SETS for b in SETS]


@pytest.mark.parametrize("a, b", PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_intersect_equals_intersect1d(a, b):
    ours = _intersect(SETS[a], SETS[b], SIZE)
    theirs = np.intersect1d(SETS[a], SETS[b], assume_unique=True, return_indices=True)
    for mine, expected in zip(ours, theirs):
        assert mine.tolist() == expected.tolist()


@pytest.mark.parametrize("a, b", PAIRS, ids=[f"{a}-{b}" for a, b in PAIRS])
def test_indices_of_finds_the_wanted_ids(a, b):
    ids, wanted = SETS[a].astype(np.int32), SETS[b]
    assert _indices_of(ids, wanted, SIZE).tolist() == np.flatnonzero(np.isin(ids, wanted)).tolist()
