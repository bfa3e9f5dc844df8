"""The engine's writing half: one index directory opened for writing, and its writers.

Ingest (indexer.ingest) is the only caller: it decides what to write and when to commit; this
module is how, in Whoosh. Every writer's segments carry their posting and facet arrays
(whoosh_patches.install), and finish() fills in the arrays of any segment written otherwise.
"""
from __future__ import annotations

import contextlib
import errno
import pickle
import shutil
import struct
from pathlib import Path

from whoosh import index
from whoosh.index import LockError
from whoosh.reading import SegmentReader

from . import durable_commit, facet_arrays, index_format, posting_arrays, whoosh_patches
from .schema import make_schema, to_fields


class WriterBusy(Exception):
    """Another process holds the index's write lock."""


class IndexDamaged(Exception):
    """The index's table of contents cannot be read (truncated or garbled)."""


# What Whoosh raises on a TOC file cut short or overwritten: it unpickles and unpacks it as is.
_DAMAGED_TOC = (EOFError, struct.error, pickle.UnpicklingError, index.IndexError)


def _damaged(index_dir: Path, err: Exception) -> IndexDamaged:
    return IndexDamaged(f"the index in {index_dir} cannot be read ({type(err).__name__}: {err}); "
                        "run `flask ingest --rebuild` on the archive's folders to build it again")


class IndexWriter:
    """Records added and documents deleted, all visible at once when commit() returns."""

    def __init__(self, whoosh_writer):
        self._writer = whoosh_writer

    def add(self, record: dict) -> None:
        """One record of indexer.records (a passage or a quote)."""
        self._writer.add_document(**to_fields(record))

    def delete(self, doc_id: str) -> None:
        """Every record of one document."""
        self._writer.delete_by_term("doc", doc_id)

    def commit(self) -> None:
        # No merging here: Whoosh's default policy (MERGE_SMALL) compares the running total of
        # segment sizes with a Fibonacci number, and past ~26 segments of 30,000 records it
        # decided to merge 800,000 records in the main process (a million-passage ingest sat
        # there for 14+ minutes). Segments are merged once, at the end, by Index.finish.
        self._writer.commit(merge=False)
        # Whoosh's multiprocess writer commits without the segment of a sub-writer that died (a
        # full disk): say so, so that ingest keeps the batch in its journal and redoes it next time.
        if any(task.exitcode not in (0, None) for task in getattr(self._writer, "tasks", ())):
            raise OSError(errno.EIO, "a writer process stopped with an error (a full disk or a read-only folder?)")

    def cancel(self) -> None:
        """Never raises for a full disk: it is what an ingest stopped by one calls."""
        try:
            if not self.closed:
                try:
                    self._writer.cancel()
                except OSError:
                    # On a full disk Whoosh's cancel writes the segment's last bytes too, fails,
                    # and skips its _finish: the writer's lock stayed held (a long-lived process
                    # could write no more) and so did the pool's temporary folder.
                    with contextlib.suppress(OSError):
                        self._writer._finish()
                _remove_segment_files(self._writer)
        finally:
            # Whoosh's multiprocess writer cancels its sub-writers by setting a flag in this
            # process only: they wait for work forever and Python joins them at exit, so an
            # ingest stopped by an error (a full disk) hung instead of exiting.
            for task in getattr(self._writer, "tasks", ()):
                if task.is_alive():
                    task.terminate()
                task.join(5)

    @property
    def closed(self) -> bool:
        return bool(getattr(self._writer, "is_closed", False))


def _remove_segment_files(writer) -> None:
    """A cancelled Whoosh writer leaves the files of the segment it had begun (columns, postings);
    nothing names them, and only a later commit of this index would sweep them away."""
    segment = getattr(writer, "newsegment", None)
    if segment is None:
        return
    prefix = f"{segment.segment_id()}."
    for name in list(writer.storage):
        if name.startswith(prefix):
            try:
                writer.storage.delete_file(name)
            except OSError:
                pass  # still open elsewhere or a read-only folder: the next commit sweeps it


class StoredRecords:
    """The records an index holds at one commit, as stored (for the citation history)."""

    def __init__(self, searcher):
        self._searcher = searcher

    def fields(self, doc_id: str | None = None) -> list[dict]:
        """Every record's stored fields, or one document's."""
        if doc_id is None:
            return [fields for _, fields in self._searcher.reader().iter_docs()]
        return list(self._searcher.documents(doc=doc_id))

    def doc_ids(self) -> set[str]:
        """The document ids the index has records of (live ones only)."""
        candidates = set(self._searcher.reader().field_terms("doc"))
        # a deleted document's id stays in the term list until its segment is merged
        return {doc_id for doc_id in candidates if self._searcher.document_number(doc=doc_id) is not None}

    def close(self) -> None:
        self._searcher.close()


class Index:
    """An index directory opened for writing: created when missing or when `rebuild` is asked."""

    def __init__(self, index_dir: Path, rebuild: bool = False):
        whoosh_patches.install()  # before any writer: the segment writers capture the posting arrays
        self.index_dir = Path(index_dir)
        self.index_dir.mkdir(parents=True, exist_ok=True)
        if rebuild or not Index.exists(self.index_dir):
            self._ix = index.create_in(str(self.index_dir), make_schema())
            index_format.write(self.index_dir)
        else:
            try:
                self._ix = index.open_dir(str(self.index_dir))
            except _DAMAGED_TOC as err:
                raise _damaged(self.index_dir, err) from None

    @staticmethod
    def exists(index_dir: Path) -> bool:
        """IndexDamaged when there is a table of contents that cannot be read."""
        try:
            return index.exists_in(str(index_dir))
        except _DAMAGED_TOC as err:
            raise _damaged(Path(index_dir), err) from None

    @staticmethod
    def outdated(index_dir: Path) -> str | None:
        """Why the index in `index_dir` was written in a format this engine must rebuild, or None."""
        return index_format.outdated(index_dir) if index.exists_in(str(index_dir)) else None

    def writer(self, parallel: bool = False, lock_wait: float = 3.0, memory_mb: int = 512) -> IndexWriter:
        """WriterBusy when another writer holds the lock for `lock_wait` seconds.

        `parallel`: Whoosh's multiprocess writer, two sub-writer processes, one segment each.
        """
        options = {"procs": 2, "multisegment": True} if parallel else {}
        try:
            writer = IndexWriter(self._ix.writer(timeout=lock_wait, limitmb=memory_mb, **options))
        except LockError:
            raise WriterBusy(f"another ingest is writing to {self.index_dir}; wait for it to finish and run again") from None
        durable_commit.remove_unnamed_tocs(self.index_dir)  # only a holder of Whoosh's lock writes a TOC
        return writer

    def sweep(self) -> None:
        """Remove what writers stopped mid-commit left: segment files no TOC names, the pool's
        temporary folder, array folders of those segments. Whoosh sweeps only at its next commit,
        so on a full disk the files of the commit that failed kept the space the next one needed.
        Under Whoosh's writer lock, and not at all while a writer holds it: a running writer's
        files are named by no TOC yet."""
        if not index.exists_in(str(self.index_dir)):
            return
        lock = self._ix.lock("WRITELOCK")
        if not lock.acquire(blocking=False):
            return
        try:
            segments = self._ix._segments()
            index.clean_files(self._ix.storage, self._ix.indexname, self._ix.latest_generation(), segments)
            shutil.rmtree(self.index_dir / f"{self._ix.indexname}.tmp", ignore_errors=True)
            named = {segment.segment_id() for segment in segments}
            for folder in (posting_arrays.FOLDER, facet_arrays.FOLDER):
                for left in (self.index_dir / folder).glob("*") if (self.index_dir / folder).is_dir() else ():
                    if left.name not in named:
                        shutil.rmtree(left, ignore_errors=True)
        finally:
            lock.release()

    def stored(self) -> StoredRecords:
        """The records of the current commit; close() it when done (it holds the segments open)."""
        return StoredRecords(self._ix.searcher())

    def finish(self, max_segments: int | None = None) -> None:
        """After the last commit: merge down to `max_segments` (if given), rewrite segments that are
        mostly deleted records, and write any missing arrays.

        Whoosh keeps a deleted record's bytes until its segment is merged. After a crash, the next
        ingest deletes the interrupted batch again, so its segments hold nothing live: a
        business-folder ingest killed after a commit and recovered took 17.3 MB against 14.4 MB clean.
        """
        segments = self._ix._segments()
        too_many = max_segments is not None and len(segments) > max_segments
        if too_many or any(_mostly_deleted(segment) for segment in segments):
            self._ix.writer().commit(mergetype=lambda writer, segments: _merge(writer, segments, max_segments))
        facet_arrays.build(self.index_dir)
        posting_arrays.build(self.index_dir)


def _mostly_deleted(segment) -> bool:
    return segment.deleted_count() * 2 >= segment.doc_count_all() > 0


def _merge(writer, segments, max_segments: int | None):
    """Whoosh merge policy: mostly deleted segments and, past `max_segments`, the smallest, become one."""
    by_size = sorted(segments, key=lambda segment: segment.doc_count_all())
    merged = len(segments) - max_segments + 1 if max_segments is not None and len(segments) > max_segments else 0
    chosen = by_size[:merged] + [segment for segment in by_size[merged:] if _mostly_deleted(segment)]
    for segment in chosen:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in chosen]
