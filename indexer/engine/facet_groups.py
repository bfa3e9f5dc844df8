"""Several facets counted in one pass: their values joined into one code per document, per commit.

Counting a facet over a broad result set is a gather of its codes at every match and a bincount
of them; with six facets that was twelve passes over a very common word's 300,000 to 700,000
matches (15 to 28 ms at a million passages, a third of the request). Facets whose numbers of
values multiply to at most GROUP_BINS share one code, value_1 * size_2 * ... + value_n (mixed
radix), so one gather and one bincount count them all; each facet's counts are that bincount
summed over the other facets' axes, the same integers as counting it alone. Which facets share
follows from the commit's numbers of values, not from their names.

Built from the commit's facet arrays the first time a commit counts (int32, 4 bytes a document
per group: ~11 MB and ~20 ms at a million passages with two groups), kept in its FacetArrays and
dropped with them when the next commit is searched.
"""
from __future__ import annotations

from math import prod

import numpy as np

# Fewer matches than this are counted a facet at a time: a group's bins cost ~0.3 ms to zero and
# sum whatever the matches (at 1M, 300 matches: 0.3 ms grouped, 0.01 alone; 10,000: 0.45 and 0.24;
# 30,000: 0.7 and 1.0).
GROUPED_FROM = 20_000
# A group's bincount has this many bins at most (an int64 each: 4 MB, zeroed per count; a speaker
# facet of 3,000 values times a place facet of 60 is 180,000).
GROUP_BINS = 1 << 19


def plan(sizes: dict[str, int], cap: int = GROUP_BINS) -> list[tuple[str, ...]]:
    """Facets (name -> number of values) put in groups whose sizes multiply to at most `cap`:
    the largest first, each into the first group it fits, so there are few groups."""
    groups: list[list[str]] = []
    for name in sorted(sizes, key=lambda n: (-sizes[n], n)):
        for group in groups:
            if prod(sizes[n] for n in group) * max(1, sizes[name]) <= cap:
                group.append(name)
                break
        else:
            groups.append([name])
    return [tuple(group) for group in groups]


class FacetGroup:
    """Facets sharing one code per document."""

    def __init__(self, names: tuple[str, ...], codes: dict[str, np.ndarray], sizes: dict[str, int]):
        self.names = names
        self.shape = tuple(max(1, sizes[name]) for name in names)
        self.codes = {name: codes[name] for name in names}  # the commit's arrays, not copies
        if len(names) == 1:  # a facet on its own is counted by its own codes
            self.keys = np.asarray(codes[names[0]])
            return
        keys = np.zeros(len(codes[names[0]]), dtype=np.int32)
        for name, size in zip(names, self.shape):
            keys *= size
            keys += codes[name]
        self.keys = keys

    def counts(self, docnums: np.ndarray | None) -> dict[str, np.ndarray]:
        """Each facet's count of every value over `docnums` (None: every document)."""
        if len(self.names) > 1 and docnums is not None and len(docnums) < GROUPED_FROM:
            return {name: np.bincount(self.codes[name][docnums], minlength=size)
                    for name, size in zip(self.names, self.shape)}
        keys = self.keys if docnums is None else self.keys[docnums]
        bins = np.bincount(keys, minlength=prod(self.shape)).reshape(self.shape)
        axes = range(len(self.shape))
        return {name: bins.sum(axis=tuple(a for a in axes if a != at)) for at, name in enumerate(self.names)}


class FacetGroups:
    """The facets of one commit, in groups (`plan`)."""

    def __init__(self, codes: dict[str, np.ndarray], sizes: dict[str, int], cap: int = GROUP_BINS):
        self.groups = [FacetGroup(names, codes, sizes) for names in plan(sizes, cap)]

    def counts(self, docnums: np.ndarray | None) -> dict[str, np.ndarray]:
        found = {}
        for group in self.groups:
            found.update(group.counts(docnums))
        return found

    @property
    def nbytes(self) -> int:
        """Memory of the joined codes (a facet on its own shares the commit's array)."""
        return sum(group.keys.nbytes for group in self.groups if len(group.names) > 1)
