"""Every Whoosh commit reaches the disk in an order a power cut cannot turn into a damaged index.

Whoosh writes a commit's segment files, then its table of contents (``_MAIN_<n>.toc``) under a
temporary name renamed into place, and never calls fsync. The kernel may write those to disk in
any order: after a power cut the new TOC can be there while the segment files (or our arrays of
the segment, ``postings/<id>/``, ``facets/<id>/``) it names are missing or zero-filled, and the
index no longer opens. So the TOC is written by `write_toc`, installed over ``TOC.write`` by
whoosh_patches.install(), which

1. fsyncs every Whoosh file of every segment the new TOC names, then the index folder (the
   entries that make them findable). The segments' arrays are on disk already: they are written
   only through segment_files.replacing, which syncs a folder's files before it gets its name and
   its parent after, in the writer that made them, before any TOC can name them;
2. fsyncs the TOC under its temporary name, renames it into place, fsyncs the index folder.

The seam is the TOC itself, not IndexWriter.commit: every way a TOC is written goes through it
(an ingest's commits, the multiprocess writer's, the merge in Index.finish, index.create_in), and
it is the one place that knows the exact segment list about to be named. When it returns, the
commit is on disk, so ingest clears the catalogue's journal only after that (ingest.Batch.commit).

A segment never changes once written, so each is synced once per process (`_synced`): an ingest
of 30 commits would otherwise sync every old segment's files again at each one, and an fsync of
a clean file still flushes the disk's cache on ext4.
"""
from __future__ import annotations

import os
import re
import threading
from contextlib import suppress
from pathlib import Path

from whoosh import index

from .. import generations

_synced: set[tuple[str, str]] = set()  # (index folder, segment id) already on disk
_synced_lock = threading.Lock()
_toc_write = index.TOC.write


def write_toc(toc, storage, indexname) -> None:
    """TOC.write, with the commit's files on disk first and the TOC's rename on disk after."""
    folder = getattr(storage, "folder", None)
    if folder is None:  # an in-memory index: nothing to sync
        return _toc_write(toc, storage, indexname)
    sync_segments(Path(folder), [segment.segment_id() for segment in toc.segments])
    _toc_write(toc, _SyncedRenames(storage, Path(folder)), indexname)


def sync_segments(index_dir: Path, segment_ids: list[str]) -> None:
    """fsync the Whoosh files of these segments (those not synced before), then `index_dir`.

    Their array folders were synced when written (see the module docstring): syncing them here
    as well cost each array file and folder a second fsync (tests/test_power_cut.py checks the
    protocol with one).
    """
    key = str(index_dir.resolve())
    with _synced_lock:
        new = [segment_id for segment_id in segment_ids if (key, segment_id) not in _synced]
    prefixes = tuple(f"{segment_id}." for segment_id in new)
    if prefixes:
        for name in sorted(os.listdir(index_dir)):
            if name.startswith(prefixes):
                generations.sync(index_dir / name)
    generations.sync(index_dir, os.O_DIRECTORY)  # the segment files' entries and the array roots'
    with _synced_lock:
        _synced.update((key, segment_id) for segment_id in new)


class _SyncedRenames:
    """The index's storage as TOC.write uses it, whose rename (the TOC into place) is durable:
    the file's bytes are synced before it gets its name, and the name after."""

    def __init__(self, storage, folder: Path):
        self._storage = storage
        self._folder = folder

    def __getattr__(self, name):
        return getattr(self._storage, name)

    def rename_file(self, frm, to, safe=False):
        try:
            generations.sync(self._folder / frm)
            self._storage.rename_file(frm, to, safe=safe)
        except OSError:
            with suppress(OSError):  # never named, and no later commit would sweep a temporary name
                self._storage.delete_file(frm)
            raise
        generations.sync(self._folder, os.O_DIRECTORY)


# Whoosh's name for a TOC until its rename: _MAIN_<generation>.toc.<time.time()>
_UNNAMED_TOC = re.compile(r"_MAIN_\d+\.toc\.[\d.]+")


def remove_unnamed_tocs(index_dir: Path) -> None:
    """Delete the TOCs a killed or powered-off writer left under their temporary names: nothing
    reads them, and Whoosh's sweep of old commits knows only whole names. Call it only while
    holding Whoosh's writer lock of the index, so that no other writer is about to rename one."""
    with suppress(OSError):
        for name in os.listdir(index_dir):
            if _UNNAMED_TOC.fullmatch(name):
                with suppress(OSError):
                    os.unlink(os.path.join(index_dir, name))
