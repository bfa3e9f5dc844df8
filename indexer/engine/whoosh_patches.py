"""Speed fixes and posting capture for whoosh-reloaded 2.7.5, applied by one call: install().

Committing a segment asks, for every posting of every field, for the document's field length.
For fields that keep no lengths (ID fields) the reader re-checked that the column file exists
each time, one stat() call per posting: a segment's files never change once written, so a
missing column is remembered like a present one (on 600 BBC articles, commit time in the
profile went from 14 s to under 1 s). For the others each call unpacked one byte from the file
through four layers of calls; the segment's length bytes are now read once per field (11% of
Whoosh's share of ingest time on the benchmark corpus). The posting pool's add() type-checked
and sized every posting through a dozen additions; it now sums the same size in one. All answer
exactly as before.

One robustness fix: the multiprocess writer's sub-writers are forked with the index's write
lock (an flock, shared with the parent) and wait for work forever. When the ingest process is
killed outright (SIGKILL, the out-of-memory killer) they outlived it, holding the lock, and
every later ingest stopped with "another ingest is writing". They now exit when their parent
is gone (parent_death). They run at the ingest's own priority (see _run_while_parent_lives).

One scoring fix: AndMaybeMatcher.skip_to moved the optional matcher to the asked id, not to
where the required one landed, so after a filter's skip the optional half was left behind and
its score dropped ("the" lifted by its title, filtered to a place, lost the lift on some hits).
It now follows the required matcher, as next() already did.

One durability fix: a commit's TOC is written by durable_commit.write_toc, which fsyncs the files
it names before it appears and the index folder after (Whoosh never calls fsync).

Posting capture (posting_arrays.Capture) rides on the segment field writer. Whoosh's seam for
it, ``ix.writer(codec=...)``, was considered and not taken: a segment pickles its codec into the
index's TOC (an index would then name our class and break when it moved) and merges open their
own writers, so every writer would have to remember the codec.

Nothing here happens on import. The engine calls install() before it opens an index; it checks
the Whoosh version these replacements were written against and refuses any other, by name,
rather than let a renamed private attribute make terms silently match nothing.
tests/test_whoosh_private_names.py lists every private Whoosh name the engine relies on.
"""
from __future__ import annotations

import os
import threading

import whoosh
from whoosh import index, multiproc, writing
from whoosh.codec import whoosh3
from whoosh.matching import binary
from whoosh.matching.mcore import ReadTooFar
from whoosh.util.numeric import byte_to_length

from . import document_writer, durable_commit, posting_arrays, term_postings
from .parent_death import die_with_parent
from .field_lengths import length_bytes

WRITTEN_FOR = "2.7.5"  # whoosh-reloaded; requirements.txt pins the same
_MISSING = object()
_install_lock = threading.Lock()
_installed = False


class WhooshVersionError(RuntimeError):
    """The installed Whoosh is not the release the engine's replacements were written for."""


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def doc_field_length(self, docnum, fieldname, default=0):
    if docnum > self._doccount:
        raise IndexError("Asked for docnum %r of %d" % (docnum, self._doccount))
    lengths = length_bytes(self, fieldname)
    if lengths is None:
        return default
    lbyte = lengths[docnum] if docnum < len(lengths) else 0
    if lbyte:
        return byte_to_length(lbyte)
    return None  # as Whoosh: a document without the field has no length


def pool_add(self, item):
    # item = (fieldname, tbytes, docnum, weight, vbytes); the size is PostingPool.add's estimate
    self.fieldnames.add(item[0])
    self.currentsize += document_writer.POSTING_SIZE + len(item[0]) + 2 * len(item[1]) + len(item[4] or "")
    if self.currentsize > self.limit:
        self.save()
    self.current.append(item)


def _run_while_parent_lives(self):
    die_with_parent(os.getppid())  # without its ingest, its segment would never be committed
    # Not niced below the ingest any more: sub-writers ran at +5 while the ingest process itself
    # read and attributed (then the stage the others waited for). Parsing now happens in helpers
    # (indexer/ingest_pool.py) that run ahead of the sub-writers, so the sub-writers are the stage
    # the others wait for; at +5 other work on the machine starved them (2,000 documents at load
    # 4 to 5, three interleaved pairs: 68.2, 51.7, 49.3 s wall at +5, 56.1, 36.9, 38.0 s at 0, the
    # same CPU seconds).
    try:
        _subwriter_run(self)
    except OSError:
        # A full disk or a read-only folder: the ingest (the parent) meets the same error and says
        # so in one line; multiprocessing would print this process's traceback as well.
        os._exit(1)


_subwriter_run = multiproc.SubWriterTask.run


def and_maybe_skip_to(self, id):
    if not self.a.is_active():
        raise ReadTooFar
    ra = self.a.skip_to(id)
    rb = False
    if self.a.is_active() and self.b.is_active():
        rb = self.b.skip_to(self.a.id())  # where a landed: Whoosh skipped b to `id` only
    return ra or rb


def install() -> None:
    """Put the replacements in place, once per process; WhooshVersionError on another Whoosh.

    Sub-writer processes are forked after this, so they run with the same replacements.
    """
    global _installed
    with _install_lock:
        if _installed:
            return
        found = whoosh.versionstring()
        if found != WRITTEN_FOR:
            raise WhooshVersionError(
                f"the search engine was written for whoosh-reloaded {WRITTEN_FOR} and found {found}: "
                f"install the version requirements.txt pins (pip install -r requirements.txt)")
        whoosh3.W3PerDocReader._cached_reader = _cached_reader
        whoosh3.W3PerDocReader.doc_field_length = doc_field_length
        writing.PostingPool.add = pool_add
        multiproc.SubWriterTask.run = _run_while_parent_lives
        binary.AndMaybeMatcher.skip_to = and_maybe_skip_to
        index.TOC.write = durable_commit.write_toc
        posting_arrays.install_capture()
        term_postings.install()  # over the capture's add_postings, which stays its fallback
        document_writer.install()
        _installed = True
