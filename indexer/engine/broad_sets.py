"""Combining scored sets when one of them holds a large share of the archive (a very common word).

numpy_match's general ways cost passes over every document number: an OR counted its ids with two
bincounts over all of them (for "the", 1.13M text postings OR 4 speaker ones: 26 ms unscored, more
scored), and a title lift intersected a third of the archive with a mask and a binary search per
lifted document (633,000 of them for "the"). Here the OR of one large set and a few small ones
adds the few to the large one's arrays, and a lift is read from one array over every document
number. Scores are the same floats: each document's parts are added in the parts' order, starting
from the first part's score, as bincount adds them (0.0 + x is x for every score here), and a
document the lift misses has -0.0 added, which leaves every float as it was (-0.0 included).
"""
from __future__ import annotations

import numpy as np

from .phrases import sorted_members


def union_onto_largest(ids: list[np.ndarray], scores: list[np.ndarray] | None) -> tuple[np.ndarray, np.ndarray | None]:
    """(sorted union of the sorted, unique `ids` parts, each id's scores summed in part order).

    Meant for one large part and a few small ones: a pass over the large one, binary searches for
    the others.
    """
    largest = max(range(len(ids)), key=lambda n: len(ids[n]))
    base = ids[largest]
    others = np.unique(np.concatenate([part for n, part in enumerate(ids) if n != largest]))
    extra = others[~sorted_members(others, base)]
    at = base.searchsorted(extra)
    union = np.insert(base, at, extra) if len(extra) else base
    if scores is None:
        return union, None
    if largest <= 1:
        # The first two parts' scores may be added either way round (x + y is y + x): start from
        # the largest's, 0.0 + x as bincount starts, with 0.0 at the ids it lacks.
        summed = (np.insert(scores[largest], at, 0.0) if len(extra) else scores[largest]) + 0.0
        rest = [n for n in range(len(ids)) if n != largest]
    else:  # a third part or later: the first ones must be added before it
        summed, rest = np.zeros(len(union)), range(len(ids))
    for n in rest:
        summed[union.searchsorted(ids[n])] += scores[n]
    return union, summed


def lift_everywhere(required_ids: np.ndarray, required_scores: np.ndarray, lift_ids: np.ndarray,
                    lift_scores: np.ndarray, size: int) -> np.ndarray:
    """`required_scores` plus the lift's score where a required document has one (AND MAYBE), through
    an array over all `size` document numbers: for a required set that is a large share of them."""
    lift = np.full(size, -0.0)
    lift[lift_ids] = lift_scores
    summed = lift[required_ids]
    summed += required_scores  # lift + score is score + lift, in place of one more array
    return summed
