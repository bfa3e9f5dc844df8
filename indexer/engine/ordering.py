"""Total orders over matches, so that page n+1 starts exactly where page n ended.

Every sort key (score, date) has ties; a page taken from a partial sort (argpartition) picks
among tied records at random at its cut-off, and the next page, cut elsewhere, picks again:
records then repeat and vanish while paging. Here ties always go to the lower document number,
which is ingest order: a document's records are written together, in reading order, so a tie
falls back to document, then position in it. The same query on the same commit gives the same
pages every time.
"""
import numpy as np


# A page of `count` among more than SAMPLED_FROM * count matches is chosen among the matches whose
# key is at most a bound read from every SAMPLE_STEP-th one (`_within_bound`).
SAMPLED_FROM = 64
SAMPLE_STEP = 16


def first_in_order(matched: np.ndarray, key: np.ndarray, count: int) -> list[int]:
    """The `count` documents of `matched` with the smallest `key`, ties by document number.

    Exactly the first `count` of the full (key, docnum) order, found without sorting it all.
    """
    count = min(count, len(key))
    if count == 0:
        return []
    if len(key) > SAMPLED_FROM * count:
        kept = _within_bound(key, count)
        matched, key = matched[kept], key[kept]
    if count < len(key):
        kth = np.partition(key, count - 1)[count - 1]
        below = np.flatnonzero(key < kth)
        tied = np.flatnonzero(key == kth)
        tied = tied[np.argsort(matched[tied], kind="stable")][:count - len(below)]
        chosen = np.concatenate([below, tied])
    else:
        chosen = np.arange(len(key))
    chosen = chosen[np.lexsort((matched[chosen], key[chosen]))]
    return [int(d) for d in matched[chosen]]


def best_first(matched: np.ndarray, scores: np.ndarray, count: int) -> list[int]:
    """The `count` best-scoring documents of `matched`, best first; equal scores in document order
    (first_in_order of -scores), without negating every score of a very common word."""
    count = min(count, len(scores))
    if count and len(scores) > SAMPLED_FROM * count:
        kept = _within_bound(scores, count, largest=True)
        matched, scores = matched[kept], scores[kept]
    return first_in_order(matched, -scores, count)


def _within_bound(key: np.ndarray, count: int, largest: bool = False) -> np.ndarray:
    """Indices of every `key` at most the count-th smallest of a sample of them: a superset of the
    first `count` in (key, docnum) order, whatever the sample.

    The count-th smallest of some of the keys is at least the count-th smallest of all of them, so
    every key that belongs on the page (at most that one) passes, ties at the cut-off included.
    A partition of a very common word's 1.1 million scores took 5 ms; the sample is a sixteenth,
    and few keys pass (about SAMPLE_STEP * count when keys are spread evenly).
    """
    sample = key[::SAMPLE_STEP]
    if largest:  # the same, mirrored: every key at least the sample's count-th largest
        bound = np.partition(sample, len(sample) - count)[len(sample) - count]
        return np.flatnonzero(key >= bound)
    bound = np.partition(sample, count - 1)[count - 1]
    return np.flatnonzero(key <= bound)


def date_key(ranks: np.ndarray, sort: str) -> np.ndarray:
    """The sort key of each date rank (-1: undated) for `newest` or `oldest`; undated last either way."""
    ranks = ranks.astype(np.int64)
    return np.where(ranks < 0, np.iinfo(np.int64).max, -ranks if sort == "newest" else ranks)
