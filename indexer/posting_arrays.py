"""Whoosh postings as NumPy arrays: read from the posting blocks, and kept on disk for frequent terms.

Whoosh stores a term's postings in blocks of 128, each a zlib-compressed pickle of document
numbers (delta-encoded), term frequencies and, for phrase fields, positions. Reading a block
costs about 75 µs of unpickling, mostly for the positions: a word in most passages of a
million-passage archive is 10,000 blocks, about a second, every time a server meets it first.

So after each commit, ingest writes the document numbers and frequencies of every frequent term
(FREQUENT or more postings in a segment) of each new segment as plain arrays, in
``postings/<segment id>/`` beside the index. A segment never changes once written (deletions are
kept apart), so its arrays stay valid until a merge removes it, and then they are removed too.
The server memory-maps them; rarer terms are read from the blocks, which is fast for them.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh import index
from whoosh.codec.whoosh3 import W3LeafMatcher

from .whoosh_patches import length_bytes

FOLDER = "postings"
FREQUENT = 1024  # postings in one segment; eight blocks and more
# The fields searched by default and the facet fields filters use.
FIELDS = ("text", "speaker", "title", "source", "speaker_facet", "source_facet", "kind", "year", "place_facet")

NO_IDS = np.empty(0, dtype=np.int32)
NO_WEIGHTS = np.empty(0, dtype=np.float32)


def read_postings(leaf, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray]:
    """(segment-local ids, weights) of a term in one segment, deleted documents included."""
    try:
        # The raw matcher: SegmentReader.postings wraps it to skip deleted documents one by one.
        matcher = leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)
    except Exception:  # TermNotFound, or a field this segment does not have
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
    """One segment's frequent terms: (field, term) -> slice of the ids and weights arrays."""
    ids: np.ndarray
    weights: np.ndarray
    where: dict[str, dict[str, tuple[int, int]]]

    def get(self, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        span = self.where.get(fieldname, {}).get(btext.decode("utf-8", "surrogateescape"))
        if span is None:
            return None
        return self.ids[span[0]:span[1]], self.weights[span[0]:span[1]]


def load(index_dir: Path, segment_id: str) -> StoredPostings | None:
    folder = Path(index_dir) / FOLDER / segment_id
    try:
        where = json.loads((folder / "terms.json").read_text(encoding="utf-8"))
        return StoredPostings(np.load(folder / "ids.npy", mmap_mode="r"),
                              np.load(folder / "weights.npy", mmap_mode="r"), where)
    except (OSError, ValueError):
        return None


def build(index_dir: Path) -> int:
    """Write the arrays of every segment that has none; remove those of merged-away segments.

    Returns how many segments were written.
    """
    index_dir = Path(index_dir)
    root = index_dir / FOLDER
    root.mkdir(exist_ok=True)
    written = 0
    with index.open_dir(str(index_dir)).searcher() as searcher:
        leaves = [leaf for leaf, _ in searcher.reader().leaf_readers()]
        current = {leaf.segment().segment_id() for leaf in leaves}
        for leaf in leaves:
            segment_id = leaf.segment().segment_id()
            if not (root / segment_id).is_dir():
                _write_segment(leaf, root, segment_id)
                written += 1
    for old in root.iterdir():
        if old.name not in current:
            shutil.rmtree(old, ignore_errors=True)
    return written


def _write_segment(leaf, root: Path, segment_id: str) -> None:
    work = root / f".tmp-{segment_id}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    ids, weights, where, at = [], [], {}, 0
    for fieldname in FIELDS:
        if fieldname not in leaf.schema:
            continue
        for btext in leaf.lexicon(fieldname):
            if leaf.doc_frequency(fieldname, btext) < FREQUENT:
                continue
            term_ids, term_weights = read_postings(leaf, fieldname, btext)
            where.setdefault(fieldname, {})[btext.decode("utf-8", "surrogateescape")] = (at, at + len(term_ids))
            ids.append(term_ids)
            weights.append(term_weights)
            at += len(term_ids)
    np.save(work / "ids.npy", np.concatenate(ids) if ids else NO_IDS)
    np.save(work / "weights.npy", np.concatenate(weights) if weights else NO_WEIGHTS)
    (work / "terms.json").write_text(json.dumps(where), encoding="utf-8")
    os.replace(work, root / segment_id)
