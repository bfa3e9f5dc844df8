"""Opening an index directory at one whole commit, while ingests commit beside it.

A commit writes its TOC, then deletes the previous TOC and merged-away segment files: a searcher
opened in between read a TOC that vanished (FileNotFoundError, a 500), or a newer commit than
the stamp named (arrays of one commit over the documents of another). Files a searcher already
holds open stay readable after a commit deletes them.
"""
from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path

from whoosh import index
from whoosh.filedb.filestore import FileStorage

from .. import generations
from . import facet_arrays

ATTEMPTS = 20  # back-to-back commits each replace the TOC; 20 tries span ~2 s of them


class IndexUnavailable(RuntimeError):
    """The index cannot be read now; the message says why and what to do (pages answer 503)."""


class IndexBusy(IndexUnavailable):
    """The index could not be opened at one commit: commits followed each other too fast."""


NO_TOC = ("The archive's index cannot be opened (its table of contents is missing); "
          "an administrator can run `flask check`.")
NO_GENERATION = ("The archive's index cannot be opened (its CURRENT file names a generation that is "
                 "missing); an administrator can run `flask check`.")
NO_FOLDER = ("The archive's index cannot be opened (its folder is missing or is not a folder); "
             "an administrator can run `flask check`.")


def open_index(index_dir: Path):
    """The Whoosh index of `index_dir`; IndexUnavailable when its TOC is gone."""
    try:
        # Without mmap: Whoosh copies each memory-mapped segment file it opens into a BytesIO,
        # per searcher. At a million passages (46 segments, a pool of searchers) the server
        # peaked at 4 GB. Plain reads go through the page cache and copy only what is read.
        return FileStorage(str(index_dir), supports_mmap=False).open_index()
    except index.EmptyIndexError:
        raise IndexUnavailable(NO_TOC) from None


def open_newest(ix, index_dir: Path):
    """(searcher, stamp) of the newest commit: opened, then checked that the commit did not
    change meanwhile, else opened again."""
    for attempt in range(ATTEMPTS):
        stamp = facet_arrays.stamp(index_dir, ix)
        try:
            searcher = ix.searcher()
        except index.EmptyIndexError:  # every TOC deleted while the app runs (a commit leaves one)
            raise IndexUnavailable(NO_TOC) from None
        except FileNotFoundError:
            time.sleep(0.01 * (attempt + 1))
            continue
        # The searcher read the commit the stamp names when it reports that generation, even if
        # newer commits landed since: under load a commit can follow before each open finishes.
        if searcher.reader().generation() == facet_arrays.generation_of(stamp) \
                or facet_arrays.stamp(index_dir, ix) == stamp:
            return searcher, stamp
        searcher.close()
    raise IndexBusy("the index kept changing while it was opened; try again in a moment")


def hold_live(held: ExitStack, index_dir: Path) -> Path:
    """The live generation's directory, held in `held` (generations.reading) so that a rebuild's
    swap cannot delete it while a request reads it; read again if a swap retired it meanwhile."""
    for attempt in range(ATTEMPTS):
        try:
            return held.enter_context(generations.reading(index_dir))
        except (generations.GenerationGone, NotADirectoryError):
            # a swap retires a generation, never INDEX_DIR itself: a folder deleted or replaced
            # by a file is no swap to wait for (20 tries took 2 s a request, then blamed a rebuild)
            if not Path(index_dir).is_dir():
                raise IndexUnavailable(NO_FOLDER) from None
            if generations.broken_pointer(index_dir):  # no swap will make its generation appear
                raise IndexUnavailable(NO_GENERATION) from None
            time.sleep(0.01 * (attempt + 1))
    raise IndexBusy("the archive was being swapped for a rebuilt one; try again in a moment")


def stamp(live: Path, commit: str) -> str:
    """A commit's stamp with its generation: Whoosh's generation numbers recur in a rebuilt archive."""
    return f"{live.name}:{commit}"
