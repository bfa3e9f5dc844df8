"""Folders of arrays kept per Whoosh segment beside the index (postings/, facets/).

A segment never changes once written, so its folder is written once, and is removed when a merge
removes the segment.
"""
from __future__ import annotations

import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import numpy as np
from whoosh import index

from .. import generations
from . import checksums


# np.load reads an array's header with ast.literal_eval, and CPython 3.11's AST construction
# keeps one recursion counter per interpreter: two threads parsing at once can fail with
# "SystemError: AST constructor recursion depth mismatch" (cpython gh-106905), a 500 seen once
# in a heavy run of searches during commits. Headers are tiny; loading them one at a time costs nothing.
_LOADING = threading.Lock()


def load_array(path: Path, mmap: bool = False) -> np.ndarray:
    """An array file of a segment folder, memory-mapped read-only when `mmap`."""
    with _LOADING:
        return np.load(path, mmap_mode="r" if mmap else None)


def segment_leaves(reader) -> list:
    """(leaf reader, first document number) of each segment a reader reads.

    An index committed with no segment (an ingest of one empty file, a first ingest killed
    before its first commit) reads through Whoosh's EmptyReader, whose one "leaf" has no
    segment at all: it is left out, so such an index reads as zero segments.
    """
    return [(leaf, offset) for leaf, offset in reader.leaf_readers() if leaf.segment() is not None]


def fill_and_prune(index_dir: Path, folder: str, written: Callable[[str], bool], write: Callable) -> int:
    """Call write(segment reader, segment id) for each segment of the current commit that has no
    folder yet (`written` says whether it has), and remove the folders of all other names.

    Returns how many segments were written.
    """
    root = Path(index_dir) / folder
    root.mkdir(exist_ok=True)
    count = 0
    with index.open_dir(str(index_dir)).searcher() as searcher:
        leaves = [leaf for leaf, _ in segment_leaves(searcher.reader())]
        current = {leaf.segment().segment_id() for leaf in leaves}
        for leaf in leaves:
            segment_id = leaf.segment().segment_id()
            if not written(segment_id):
                write(leaf, segment_id)
                count += 1
    for old in root.iterdir():  # merged-away segments (and any leftovers of older versions)
        if old.name not in current:
            shutil.rmtree(old, ignore_errors=True)
    return count


@contextmanager
def replacing(folder: Path):
    """A fresh work folder to write into; it becomes `folder` at once when the block ends.

    A reader sees the old folder or the whole new one, never half of it; after a power cut too:
    the new folder's files are synced before it gets its name, and its parent after.
    """
    work = folder.parent / f".tmp-{folder.name}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        yield work
        checksums.seal(work)  # any file written here is verified when read (checksums.py)
        generations.sync_tree(work)
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(work, folder)
    except BaseException:
        # a full disk stopped the writing: the half-written files would hold on to the space
        # the person is trying to free until the next ingest that gets this far
        shutil.rmtree(work, ignore_errors=True)
        raise
    generations.sync(folder.parent, os.O_DIRECTORY)
