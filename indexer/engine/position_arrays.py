"""Word positions as NumPy arrays, captured beside the posting arrays when a segment is written.

A phrase is checked on the positions of its words in the documents holding all of them. Whoosh
keeps them inside its posting blocks (a zlib-compressed pickle per block, and a pickled list per
document): at a million passages reading them in Python was 75 % of a phrase request. So the
segment writer's posting capture (posting_arrays.Capture) also keeps, for the phrase fields,
each posting's position gaps as Whoosh encoded them (the first position, then the distances
between the next ones) in one array, and where each posting's gaps begin in a second. Both are
kept in the narrowest type that holds them (gaps in passages fit 16 bits; 20,000 passages'
positions: 19 MB as int32/int64, about 10 MB so), since every posting of a segment has a start.
Postings are in the same order as posting_arrays' ids, so a term's span in that table is also
its span here. A phrase check gathers the candidates' gaps with array indexing and turns them
back into positions with one cumulative sum.

Segments written without capture (older versions, or arrays read back by posting_arrays.build)
have no position files; their phrases are read from Whoosh's blocks as before.
"""
from __future__ import annotations

from array import array
from itertools import accumulate
from pathlib import Path
from pickle import loads

import numpy as np
from numpy.lib.stride_tricks import as_strided
from whoosh.formats import Positions
from whoosh.system import _INT_SIZE

from . import segment_files
from .fields import ARRAY_WORD_FIELDS

# The fields of posting_arrays.FIELDS that keep positions in the schema (TEXT fields).
FIELDS = frozenset(ARRAY_WORD_FIELDS)
GAPS_FILE, STARTS_FILE = "position_gaps.npy", "position_starts.npy"

# Whoosh's bytes for a single position (most postings), looked up instead of unpickled.
_SINGLE = {Positions().encode([position]): position for position in range(4096)}


class PositionCapture:
    """The gaps of every captured posting (none for fields outside FIELDS), in posting order."""

    def __init__(self):
        self.gaps = array("i")
        self.starts = array("q", [0])

    def add(self, fieldname: str, value: bytes | None) -> None:
        """One posting as posting_arrays.Capture keeps it; `value` is Whoosh's encoded positions."""
        if fieldname in FIELDS and value:
            single = _SINGLE.get(value)
            if single is not None:
                self.gaps.append(single)
            else:  # Positions.encode: a 4-byte count, then the pickled list of gaps
                self.gaps.extend(loads(value[_INT_SIZE:]))
        self.starts.append(len(self.gaps))

    def add_term(self, fieldname: str, values: list) -> None:
        """A term's postings at once (term_postings), kept as `add` keeps them one by one."""
        if fieldname not in FIELDS:
            self.starts.extend([len(self.gaps)] * len(values))
            return
        singles = [_SINGLE.get(value) for value in values]
        gaps, starts = self.gaps, self.starts
        if None not in singles:  # each word once in each document: one gap a posting
            first = len(gaps)
            gaps.extend(singles)
            starts.extend(range(first + 1, first + len(singles) + 1))
            return
        for value in values:  # some postings with several positions
            self.add(fieldname, value)

    def save(self, folder: Path) -> None:
        """Into the segment's posting folder, while it is being written."""
        gaps = np.frombuffer(self.gaps, dtype=np.int32) if self.gaps else np.empty(0, dtype=np.int32)
        starts = np.frombuffer(self.starts, dtype=np.int64)
        np.save(folder / GAPS_FILE, _narrowest(gaps, (np.uint8, np.uint16, np.int32)))
        np.save(folder / STARTS_FILE, _narrowest(starts, (np.uint32, np.int64)))


def _narrowest(values: np.ndarray, types) -> np.ndarray:
    """`values` in the first of `types` that holds them all (they are never negative)."""
    top = int(values.max()) if len(values) else 0
    for kind in types:
        if top <= np.iinfo(kind).max:
            return values.astype(kind)
    return values


class StoredPositions:
    """One segment's position gaps, indexed like its posting arrays."""

    def __init__(self, gaps: np.ndarray, starts: np.ndarray):
        self.gaps = gaps
        self.starts = starts
        # starts[i] and starts[i + 1] side by side, row i (a view, no copy): a posting's gaps'
        # beginning and end come from one gather. Narrow starts (uint32, every segment at 1M) are
        # also read as one little-endian uint64 a pair (`packed`): a 1-D gather of those costs a
        # third of the 2-D one, and a phrase gathers in most of 47 segments per word.
        rows = max(len(starts) - 1, 0)
        self.bounds = as_strided(starts, shape=(rows, 2), strides=starts.strides * 2, writeable=False)
        self.packed = np.ndarray(shape=(rows,), dtype="<u8", buffer=starts, strides=starts.strides) \
            if starts.dtype == np.dtype("<u4") and starts.flags.c_contiguous and rows else None

    def positions(self, postings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(index into `postings`, position) of every position of the given postings.

        `postings` are indices into the segment's posting arrays (a term's span start plus the
        indices of the wanted documents in its ids).
        """
        counts, gaps = self.gaps_of(postings)
        return np.repeat(np.arange(len(postings)), counts), decode(counts, gaps)

    def gaps_of(self, postings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(how many positions each posting has, their gaps run together): `decode` makes them
        positions. Runs of several segments may be put together first and decoded at once."""
        begin = self.starts[postings].astype(np.int64)
        counts = self.starts[postings + 1].astype(np.int64) - begin
        total = int(counts.sum())
        if not total:
            return counts, self.gaps[:0]
        return counts, self.gaps[_gap_indices(begin, counts, total)]  # decode widens them


def gaps_of_many(stored: list[StoredPositions], postings: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """StoredPositions.gaps_of for postings of several segments (`postings[i]` indexes
    `stored[i]`), run together in that order: the index arithmetic done once for all of them,
    and two gathers per segment (its postings' bounds, then their gaps; a phrase's words are in
    most of 47 segments at 1M, so the per-segment steps are most of the cost)."""
    if all(kept.packed is not None for kept in stored):
        packed = np.concatenate([kept.packed[at] for kept, at in zip(stored, postings)])
        begin = (packed & 0xFFFFFFFF).astype(np.int64)
        counts = (packed >> 32).astype(np.int64) - begin
    else:
        bounds = np.concatenate([kept.bounds[at] for kept, at in zip(stored, postings)], dtype=np.int64)
        begin = bounds[:, 0]
        counts = bounds[:, 1] - begin
    total = int(counts.sum())
    if not total:
        return counts, np.empty(0, dtype=np.int64)
    ends = list(accumulate(map(len, postings)))  # each segment's last posting, plus one
    if total == len(counts) and counts.min() == 1:  # one position a posting (most): its gap is where it begins
        where, cut = begin, [0, *ends]
    else:
        where = _gap_indices(begin, counts, total)
        cut = np.concatenate([[0], counts.cumsum()])[[0, *ends]].tolist()  # each segment's gaps' end in `where`
    return counts, np.concatenate([kept.gaps[where[cut[i]:cut[i + 1]]] for i, kept in enumerate(stored)])


def _gap_indices(begin: np.ndarray, counts: np.ndarray, total: int) -> np.ndarray:
    """Indices into a segment's gaps of postings whose gaps start at `begin`, `counts` each,
    run together (`total` = counts.sum())."""
    first = counts.cumsum() - counts  # where each posting's gaps begin in the gathered run
    return np.repeat(begin - first, counts) + np.arange(total)


def decode(counts: np.ndarray, gaps: np.ndarray) -> np.ndarray:
    """Positions from postings' gaps run together (`counts` of them each): one cumulative sum."""
    if not len(gaps):
        return np.empty(0, dtype=np.int64)
    if len(gaps) == len(counts) and counts.min() == 1:  # one position a posting: the gap is the position
        return gaps.astype(np.int64)
    positions = gaps.cumsum(dtype=np.int64)
    # Each posting's gaps start again from zero: subtract the sum carried over from before it.
    carried = np.concatenate([[0], positions])[counts.cumsum() - counts]
    positions -= np.repeat(carried, counts)
    return positions


def load(folder: Path) -> StoredPositions | None:
    """The segment's positions, or None when it was written without them."""
    try:
        return StoredPositions(np.asarray(segment_files.load_array(folder / GAPS_FILE, mmap=True)),
                               np.asarray(segment_files.load_array(folder / STARTS_FILE, mmap=True)))
    except (OSError, ValueError):
        return None
