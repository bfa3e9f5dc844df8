"""Which candidate documents hold a phrase's words at consecutive positions.

numpy_match finds the documents holding every word of a phrase; this module keeps those whose
words follow each other. Two ways:

- `by_positions`: the words' positions in the candidates, from the position arrays
  (indexer.engine.position_arrays) where the segments have them, else decoded from Whoosh's blocks
  (`read_positions`), intersected as sorted keys, rarest word first.
- `by_value`: a field that holds, word for word, the value of a facet (the speaker and source
  fields hold the speaker and source facets' values: schema.to_fields writes both from one
  record value) is checked once per distinct value instead of once per record. A source named
  "The Western Review" fills the source field of every record of that source: asking for
  `source:"western review"` walked the positions of all of them; now it analyses each distinct
  source among the candidates once (a handful) and keeps the records whose source says it.
"""
from __future__ import annotations

from itertools import chain
from pickle import loads

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Positions
from whoosh.system import _INT_SIZE

from . import position_arrays

# Text field -> the facet (facet_arrays name) whose value it holds word for word. A test checks
# that schema.to_fields still writes both from the same record value.
VALUE_FIELDS = {"speaker": "speaker", "source": "source", "place": "place"}


def by_value(field, btexts: list[bytes], codes: np.ndarray, values: list[str]) -> np.ndarray:
    """Which candidates (given by their facet value codes) have a value holding the phrase."""
    distinct, inverse = np.unique(codes, return_inverse=True)
    holds = np.fromiter((_value_holds(field, values[code], btexts) for code in distinct.tolist()),
                        dtype=bool, count=len(distinct))
    return holds[inverse]


def _value_holds(field, value: str, btexts: list[bytes]) -> bool:
    """Whether `value`, indexed as `field` indexes it, has the words at consecutive positions."""
    # field.index gives exactly the postings the index holds for this value (term, positions).
    positions = {btext: field.format.decode_positions(encoded) for btext, _, _, encoded in field.index(value)}
    if not all(btext in positions for btext in btexts):
        return False
    starts = set(positions[btexts[0]])
    for i, btext in enumerate(btexts[1:], 1):
        starts &= {p - i for p in positions[btext]}
    return bool(starts)


def by_positions(cache, terms: list, bounds: np.ndarray, fieldname: str, btexts: list[bytes],
                 candidates: np.ndarray, segment_ids: tuple[str, ...] | None = None) -> np.ndarray:
    """Which of the sorted global `candidates` (each holding every word) have the words in a row.

    `terms[i]` holds word i's postings (whole_terms.WholeTerm), `bounds` each
    segment's first and last-plus-one document numbers, two by two, `segment_ids` each segment's
    id when known (asking a segment reader for it costs more than the rest of a segment's step). The rarest words are checked
    first, and each later word only in the candidates still in the running: "the" in
    "the harbour ledger" is read for the few records with "harbour ledger", not for all of them.
    """
    keep = np.zeros(len(candidates), dtype=bool)
    running = np.arange(len(candidates))  # indices of the candidates still in the running
    starts = None
    kept = {}  # segment number -> its position arrays (or None), asked of the cache once per phrase
    ids_of = segment_ids or ()
    for i in sorted(range(len(btexts)), key=lambda i: terms[i].frequency):
        wanted = candidates[running]
        keys = None
        if terms[i].gathered:  # the word's rows in every segment found at once
            keys = _start_keys_of_rows(cache, kept, terms[i], fieldname, wanted, running, i, ids_of)
        if keys is None:
            keys = _start_keys(cache, kept, terms[i].parts, bounds, fieldname, btexts[i], wanted, running, i, ids_of)
        starts = keys if starts is None else starts[sorted_members(starts, keys)]
        if not len(starts):
            return keep
        running = _distinct(starts >> 32)
    keep[running] = True
    return keep


def _start_keys_of_rows(cache, kept: dict, term, fieldname: str, wanted: np.ndarray, indices: np.ndarray,
                        shift: int, ids_of=()) -> np.ndarray | None:
    """_start_keys for a word whose postings are put together across segments (`term`): each
    wanted document's row in its segment's arrays comes from one binary search in the whole
    term, not one per segment. None when a segment has no position arrays (ask _start_keys)."""
    if not len(wanted):
        return np.empty(0, dtype=np.int64)
    found = term.rows(term.ids.searchsorted(wanted))
    if found is None:
        return None
    part, rows = found
    edges = [0, *(np.flatnonzero(part[1:] != part[:-1]) + 1).tolist(), len(part)]
    stored = [_stored(cache, kept, term.parts[number], fieldname, ids_of) for number in part[edges[:-1]].tolist()]
    if None in stored:
        return None
    at = [rows[first:end] for first, end in zip(edges, edges[1:])]
    counts, gaps = position_arrays.gaps_of_many(stored, at)
    return _keys(np.repeat(indices, counts), position_arrays.decode(counts, gaps), shift)


def _start_keys(cache, kept: dict, postings: list, bounds: np.ndarray, fieldname: str, btext: bytes,
                wanted: np.ndarray, indices: np.ndarray, shift: int, ids_of=()) -> np.ndarray:
    """(candidate index << 32) + position - shift for each position of one word in the `wanted`
    documents (sorted, all holding it; `indices` are their candidate indices), sorted: where the
    phrase would start if this word is its word number `shift`.

    Candidates come in order and each one's positions ascend, so the keys are sorted and unique as
    read: binary searches intersect them (np.unique and intersect1d sorted them again). The
    segments with position arrays are gathered first and decoded in one pass, not per segment:
    each segment gives where its wanted postings' gaps begin and end (two look-ups), and the
    gaps are read with one index computed for all segments at once.
    """
    cuts = wanted.searchsorted(bounds).tolist()
    stored, at, which, decoded = [], [], [], []
    for p in postings:
        lo, hi = cuts[2 * p.leaf_number], cuts[2 * p.leaf_number + 1]
        if lo == hi:
            continue
        local = wanted[lo:hi] - p.offset
        positions = _stored(cache, kept, p, fieldname, ids_of) if p.start is not None else None
        if positions is not None:
            stored.append(positions)
            at.append(p.start + p.ids.searchsorted(local))
            which.append(indices[lo:hi])
        else:  # a segment written without position arrays
            found, read = read_positions(p.leaf, fieldname, btext, local)
            decoded.append(_keys(indices[lo:hi][found], read, shift))
    if stored:
        counts, gaps = position_arrays.gaps_of_many(stored, at)
        positions = position_arrays.decode(counts, gaps)
        decoded.append(_keys(np.repeat(np.concatenate(which), counts), positions, shift))
    if not decoded:
        return np.empty(0, dtype=np.int64)
    return decoded[0] if len(decoded) == 1 else np.sort(np.concatenate(decoded))


def _stored(cache, kept: dict, part, fieldname: str, ids_of) -> position_arrays.StoredPositions | None:
    """The position arrays of the segment of `part` (a TermPostings), asked of the cache once per
    phrase (`kept`, by segment number)."""
    number = part.leaf_number
    if number not in kept:
        kept[number] = cache.stored_positions(part.leaf, fieldname, ids_of[number] if number < len(ids_of) else None)
    return kept[number]


def _keys(which: np.ndarray, positions: np.ndarray, shift: int) -> np.ndarray:
    return ((which.astype(np.int64) << 32) + positions - shift)[positions >= shift]


def _distinct(ordered: np.ndarray) -> np.ndarray:
    """The distinct values of a sorted array."""
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate([[True], ordered[1:] != ordered[:-1]])]


def sorted_members(ids: np.ndarray, within: np.ndarray) -> np.ndarray:
    """Which of `ids` are in the sorted `within`, as a mask, by binary search (any range of values;
    numpy_match uses it for lopsided intersections too)."""
    if not len(within):
        return np.zeros(len(ids), dtype=bool)
    where = within.searchsorted(ids)
    where[where == len(within)] = 0
    return within[where] == ids


def read_positions(leaf, fieldname: str, btext: bytes, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(index into `wanted`, position) for every position of the term in the wanted documents.

    For segments without position arrays. `wanted` is sorted segment-local ids that all hold the
    term. Only the posting blocks that hold a wanted document are read, and only those
    documents' positions are decoded.
    """
    fmt = leaf.schema[fieldname].format
    matcher = leaf._terms.matcher(fieldname, btext, fmt)
    values = []
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        at = 0
        while matcher.is_active() and at < len(wanted):
            if wanted[at] > matcher._maxid:
                matcher._next_block()  # no wanted document here: skip without decoding
                continue
            if matcher._data is None:
                matcher._read_data()
            block_ids, _, block_values = matcher._data
            ids = np.cumsum(np.asarray(block_ids, dtype=np.int64))
            end = int(np.searchsorted(wanted, matcher._maxid, side="right"))
            values += [block_values[j] for j in np.searchsorted(ids, wanted[at:end]).tolist()]
            at = end
            matcher._next_block()
    else:
        wanted_set = set(wanted.tolist())
        while matcher.is_active():
            if matcher.id() in wanted_set:
                values.append(matcher.value())
            matcher.next()
    if isinstance(fmt, Positions) and type(fmt).decode_positions is Positions.decode_positions:
        # Whoosh's encoding: a 4-byte count, then the pickled list of gaps between positions.
        gaps = [loads(v[_INT_SIZE:]) for v in values]
        counts = np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps))
        flat = np.fromiter(chain.from_iterable(gaps), dtype=np.int64, count=int(counts.sum()))
        positions = np.cumsum(flat)
        starts = np.cumsum(counts) - counts  # each document's gaps restart from zero
        positions -= np.repeat(np.concatenate([[0], positions])[starts], counts)
    else:
        decoded = [fmt.decode_positions(v) for v in values]
        counts = np.fromiter(map(len, decoded), dtype=np.int64, count=len(decoded))
        positions = np.fromiter(chain.from_iterable(decoded), dtype=np.int64, count=int(counts.sum()))
    return np.repeat(np.arange(len(values)), counts), positions
