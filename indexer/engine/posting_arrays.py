"""Whoosh postings as NumPy arrays: every term's document numbers and weights, kept on disk.

Whoosh stores a term's postings in blocks of 128, each a zlib-compressed pickle of document
numbers (delta-encoded), term frequencies and, for phrase fields, positions. Reading a block
costs about 75 µs of unpickling, mostly for the positions, and finding a term costs a hash-table
probe in Python per segment: at a million passages (46 segments) a common word took tens of
milliseconds before any matching was done, and a rare one several.

So each segment's postings are also written as plain arrays, in ``postings/<segment id>/``
beside the index, by the segment writer itself: `Capture` sees every posting as Whoosh writes it
(the postings arrive sorted by field and term), which costs about 0.2 µs a posting in the
sub-writer processes instead of reading the blocks back afterwards. A table of 64-bit hashes of
(field, term) finds a term with one binary search; the term's bytes are kept to confirm it. A
segment never changes once written (deletions are kept apart), so its arrays stay valid until a
merge removes it, and then they are removed too.

The phrase fields' word positions are captured in the same pass and saved in the same folder
(indexer.engine.position_arrays), in the same posting order.

A segment whose writer was not captured (an index written by an older version) gets the arrays
of its frequent terms only, read back from the blocks by `build`; the table says it is
incomplete, so the server reads the other terms from Whoosh.
"""
from __future__ import annotations

import hashlib
import json
from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.codec import whoosh3
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound

from . import checksums, facet_arrays, position_arrays, segment_files
from .fields import ARRAY_FIELDS
from .field_lengths import length_bytes

FOLDER = "postings"
FREQUENT = 1024  # postings in one segment, for segments written without capture
# The words fields matched on arrays, the facet fields filters use, and the date (for facet_arrays):
# the registry's fields marked `arrays`, and its facets.
FIELDS = ARRAY_FIELDS

NO_IDS = np.empty(0, dtype=np.int32)
NO_WEIGHTS = np.empty(0, dtype=np.float32)


def term_key(fieldname: str, btext: bytes) -> bytes:
    return fieldname.encode("utf-8") + b"\0" + btext


def key_hash(key: bytes) -> int:
    """A stable 64-bit hash (Python's hash() differs between processes)."""
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little")


def read_postings(leaf, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
    """(segment-local ids, weights) of a term in one segment, deleted documents included."""
    try:
        # The raw matcher: SegmentReader.postings wraps it to skip deleted documents one by one.
        matcher = leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)
    except TermNotFound:  # also for a field this segment does not have (its number is unknown)
        return NO_IDS, NO_WEIGHTS
    ids, weights = [], []
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            block_ids, block_weights, _ = matcher._data
            # A block's ids are deltas from zero (whoosh.util.numlists.delta_decode): a cumulative sum.
            ids.append(np.cumsum(np.asarray(block_ids, dtype=np.int64)).astype(np.int32))
            count = matcher._blocklength
            if block_weights is None:
                weights.append(np.ones(count, dtype=np.float32))
            elif isinstance(block_weights, float):
                weights.append(np.full(count, block_weights, dtype=np.float32))
            else:
                weights.append(np.asarray(block_weights, dtype=np.float32))
            matcher._next_block()
    else:  # postings short enough to be kept inline in the term table
        while matcher.is_active():
            ids.append(np.array([matcher.id()], dtype=np.int32))
            weights.append(np.array([matcher.weight()], dtype=np.float32))
            matcher.next()
    if not ids:
        return NO_IDS, NO_WEIGHTS
    return np.concatenate(ids), np.concatenate(weights)


def read_lengths(leaf, fieldname: str) -> np.ndarray:
    """Each document's length byte for the field (0 = empty), as one uint8 array per segment."""
    out = np.zeros(leaf.doc_count_all(), dtype=np.uint8)
    lengths = length_bytes(leaf._perdoc, fieldname)
    if lengths:
        stored = min(len(lengths), len(out))
        out[:stored] = np.frombuffer(lengths, dtype=np.uint8, count=stored)
    return out


@dataclass(frozen=True)
class StoredPostings:
    """One segment's postings: (field, term) -> slices of the ids and weights arrays.

    `complete` says every term of `fields` is here, so a term of those not found has no postings
    in the segment; otherwise only frequent terms are, and a missing one must be read from Whoosh.
    """
    ids: np.ndarray
    weights: np.ndarray
    hashes: np.ndarray  # sorted uint64 hashes of term_key
    spans: np.ndarray  # (n, 2) start and end in ids, in hash order
    keys: np.ndarray  # the term keys' bytes, concatenated in hash order, to confirm a hash
    key_ends: np.ndarray
    complete: bool
    fields: frozenset[str]  # the fields kept (FIELDS when the segment was written)

    def find(self, key: bytes, hashed: int) -> tuple[int, int] | None:
        """(start, end) of the term in ids, or None when it is not in the table."""
        at = int(self.hashes.searchsorted(np.uint64(hashed)))  # the method: np.searchsorted's dispatch costs more than the search
        while at < len(self.hashes) and int(self.hashes[at]) == hashed:
            span = self.span_at(at, key)
            if span is not None:
                return span
            at += 1  # another term with the same hash
        return None

    def span_at(self, row: int, key: bytes) -> tuple[int, int] | None:
        """(start, end) in ids of the term at `row` of the table, if its key is `key` (a hash
        found there may be another term's)."""
        begin = int(self.key_ends[row - 1]) if row else 0
        if self.keys[begin:int(self.key_ends[row])].tobytes() != key:
            return None
        return int(self.spans[row, 0]), int(self.spans[row, 1])

    def span(self, fieldname: str, btext: bytes, hashed: int | None = None) -> tuple[int, int] | None:
        """(start, end) of the term in ids (and in the position arrays); (0, 0) when a complete
        table lacks it; None when unknown."""
        key = term_key(fieldname, btext)
        span = self.find(key, key_hash(key) if hashed is None else hashed)
        if span is None:
            return (0, 0) if self.complete and fieldname in self.fields else None
        return span


def load(index_dir: Path, segment_id: str) -> StoredPostings | None:
    folder = Path(index_dir) / FOLDER / segment_id
    if not checksums.trusted(folder):
        return None  # the caller reads this segment's postings from Whoosh
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        # Plain arrays over the maps: slicing a np.memmap costs more than the slice (54,000 a second at 1M).
        arrays = {name: np.asarray(segment_files.load_array(folder / f"{name}.npy", mmap=True))
                  for name in ("ids", "weights", "hashes", "spans", "keys", "key_ends")}
        return StoredPostings(complete=bool(meta.get("complete")), fields=frozenset(meta.get("fields", ())), **arrays)
    except (OSError, ValueError):
        return None


def save(folder: Path, ids, weights, terms: list[bytes], starts: list[int], complete: bool,
         positions: position_arrays.PositionCapture | None = None) -> None:
    """Write one segment's table; `terms` are term keys, `starts` where each begins in ids."""
    ids = np.asarray(ids, dtype=np.int32)
    bounds = np.array(starts + [len(ids)], dtype=np.int64)
    hashes = np.fromiter((key_hash(k) for k in terms), dtype=np.uint64, count=len(terms))
    order = np.argsort(hashes, kind="stable")
    lengths = np.fromiter((len(terms[i]) for i in order), dtype=np.int64, count=len(terms))
    with segment_files.replacing(folder) as work:
        np.save(work / "ids.npy", ids)
        np.save(work / "weights.npy", np.asarray(weights, dtype=np.float32))
        np.save(work / "hashes.npy", hashes[order])
        np.save(work / "spans.npy", np.stack([bounds[:-1][order], bounds[1:][order]], axis=1))
        np.save(work / "keys.npy", np.frombuffer(b"".join(terms[i] for i in order), dtype=np.uint8))
        np.save(work / "key_ends.npy", np.cumsum(lengths))
        if positions is not None:
            positions.save(work)
        (work / "meta.json").write_text(json.dumps({"complete": complete, "fields": FIELDS}), encoding="utf-8")


class Capture:
    """The postings of FIELDS as a segment writer writes them, saved when it closes."""

    def __init__(self):
        self.ids = array("i")
        self.weights = array("f")
        self.terms: list[bytes] = []
        self.starts: list[int] = []
        self.positions = position_arrays.PositionCapture()

    def wrap(self, items):
        """Pass Whoosh's (field, term, docnum, weight, value) postings through, keeping ours."""
        keep = frozenset(FIELDS)
        add_id, add_weight, add_positions = self.ids.append, self.weights.append, self.positions.add
        terms, starts = self.terms, self.starts
        last_field = last_text = None
        for item in items:
            fieldname, btext, docnum, weight, value = item
            if fieldname in keep and docnum >= 0:  # docnum -1: a spelling word, not a posting
                if btext != last_text or fieldname != last_field:
                    terms.append(term_key(fieldname, btext))
                    starts.append(len(self.ids))
                    last_field, last_text = fieldname, btext
                add_id(docnum)
                add_weight(weight)
                add_positions(fieldname, value)
            yield item

    def add_term(self, fieldname: str, btext: bytes, ids: list, weights: list, values: list) -> None:
        """One term's postings, as term_postings gathers them: what wrap keeps, a term at a time."""
        self.terms.append(term_key(fieldname, btext))
        self.starts.append(len(self.ids))
        self.ids.extend(ids)
        self.weights.extend(weights)
        self.positions.add_term(fieldname, values)

    def save(self, index_dir: Path, segment_id: str) -> None:
        ids = np.frombuffer(self.ids, dtype=np.int32) if self.ids else NO_IDS
        save(index_dir / FOLDER / segment_id, ids,
             np.frombuffer(self.weights, dtype=np.float32) if self.weights else NO_WEIGHTS,
             self.terms, self.starts, complete=True, positions=self.positions)
        # The facet fields' postings are their columns too: one value per document.
        wanted = {fieldname.encode("utf-8") + b"\0": fieldname for fieldname in facet_arrays.COLUMNS.values()}
        facets: dict[str, list] = {}
        bounds = self.starts + [len(ids)]
        for n, key in enumerate(self.terms):
            prefix = key[:key.index(b"\0") + 1]
            if prefix in wanted:
                value = key[len(prefix):].decode("utf-8", "surrogateescape")
                facets.setdefault(wanted[prefix], []).append((value, ids[bounds[n]:bounds[n + 1]]))
        facet_arrays.from_postings(index_dir, segment_id, facets)


def capturing_add_postings(self, schema, lengths, items):
    """Whoosh's add_postings with every posting seen by the capture (term_postings' fallback)."""
    if getattr(self._storage, "folder", None) is None:  # an in-memory index: nothing to keep
        return _add_postings(self, schema, lengths, items)
    capture = self.__dict__.setdefault("_capture", Capture())
    return _add_postings(self, schema, lengths, capture.wrap(items))


def _saving_close(self):
    _close(self)
    capture = self.__dict__.pop("_capture", None)
    if capture is not None:
        capture.save(Path(self._storage.folder), self._segment.segment_id())


_add_postings = whoosh3.W3FieldWriter.add_postings
_close = whoosh3.W3FieldWriter.close


def install_capture() -> None:
    """Every segment writer captures its postings from now on; called by whoosh_patches.install()."""
    whoosh3.W3FieldWriter.add_postings = capturing_add_postings
    whoosh3.W3FieldWriter.close = _saving_close


def build(index_dir: Path) -> int:
    """Write the arrays of every segment that has none; remove those of merged-away segments.

    Returns how many segments were written (read back from the blocks: frequent terms only).
    """
    index_dir = Path(index_dir)
    return segment_files.fill_and_prune(
        index_dir, FOLDER, lambda segment_id: load(index_dir, segment_id) is not None,
        lambda leaf, segment_id: _write_frequent(leaf, index_dir / FOLDER / segment_id))


def _write_frequent(leaf, folder: Path) -> None:
    ids, weights, terms, starts, at = [], [], [], [], 0
    for fieldname in FIELDS:
        if fieldname not in leaf.schema:
            continue
        for btext in leaf.lexicon(fieldname):
            if leaf.doc_frequency(fieldname, btext) < FREQUENT:
                continue
            term_ids, term_weights = read_postings(leaf, fieldname, btext)
            terms.append(term_key(fieldname, btext))
            starts.append(at)
            ids.append(term_ids)
            weights.append(term_weights)
            at += len(term_ids)
    save(folder, np.concatenate(ids) if ids else NO_IDS, np.concatenate(weights) if weights else NO_WEIGHTS,
         terms, starts, complete=False)
