"""Ingest: files in, a committed Whoosh index and catalogue out. The only place that writes.

Incremental by content hash: an unchanged file is skipped, a changed one re-indexed, a moved or
renamed one keeps its document id. One writing command at a time (write_lock, held from the first
read to the last commit); a second ingest stops with IngestBusy instead of waiting forever. Work is committed in batches, so an ingest killed
halfway leaves an index that opens with every batch committed before, and re-running finishes.

Each batch is journalled: its document ids are committed to the catalogue's ``inflight`` table
before Whoosh commits, and their catalogue rows after. An ingest killed between the two leaves
the ids in the journal; the next ingest deletes their records first, so nothing is indexed twice
and nothing is skipped as "unchanged" without being in the index.

--rebuild writes a whole new archive in a new generation folder and swaps it in at the end
(indexer.generations): readers see the old archive until then, and a kill leaves one whole.
"""
from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Callable

from .engine.writing import Index, IndexDamaged, WriterBusy
from .write_lock import WriteLock, WriteLockBusy
from . import generations
from .catalog import Catalog, DocumentRow
from .ingest_summary import Summary
from .rebuild_start import history_rows, start_rebuild
from .index_agreement import missing_from_index, without_catalogue_row
from .discovery import find_documents
from .extract import extract_path
from .ingest_pool import helper_count, parsed
from .ingest_unmatched import as_written, unmatched_keys
from .loading import UnreadableFile, doc_id_for
from .pause_points import pause_point
from .metadata_table import MetadataTables, fingerprint, read_tables
from .reading import read_bytes, stored_name
from .stored_paths import (GONE, UNKNOWN, Whereabouts, another_file, kept_note, names_file, renamed, same_document,
                           stored_path)
from .records import records
from .speaker_corrections import Corrections, correct_records
from .speaker_corrections import load as load_corrections
from .speaker_ledger import SpeakerLedger
from .speaker_rewrite import backfill, documents_to_rewrite, rewrite


# Whoosh's multiprocess writer analyses and writes segments in two processes; with
# multisegment the segments are not merged at each commit (measured on 20,000 generated
# passages: 340 records/s with one process, 857 with procs=2; see bench/). Small ingests use one
# process: starting the sub-writers costs more than it saves.
PARALLEL_FROM_DOCS = 200
# A commit every BATCH_RECORDS records. Each costs about 7 s of draining and restarting the
# sub-writers (100,000 passages: 478 records/s with 5,000-record batches, 1,082 with 40,000), and
# a batch too big for WRITER_MB megabytes of sorting memory spills to disk (one 135,000-record
# batch: 704 records/s with 256 MB, 867 with 1,024 MB). 60,000 records make about 380 MB per
# sub-writer and two segments per batch.
BATCH_RECORDS = 60_000
WRITER_MB = 512
# Every search visits each segment. Past this many, the smallest are merged into one; the big
# ones are never rewritten (a full optimize() of a million passages ran for more than 26
# minutes and wrote 11 GB of temporary files). A million passages make about 46 segments.
MAX_SEGMENTS = 64
# Seconds to wait for the index's write lock: the sub-writers of an ingest that was killed hold it
# until they notice and exit (whoosh_patches), within about a second.
LOCK_WAIT = 3.0


class IngestBusy(Exception):
    """Another ingest holds the index's write lock."""


def ingest(paths: list[Path], index_dir: Path, *, rebuild: bool = False, prune: bool = False,
           batch_docs: int = 100_000, batch_records: int = BATCH_RECORDS, on_file: Callable[[Path, str], None] | None = None,
           corrections: Path | None = None) -> Summary:
    """Index every document under ``paths`` into ``index_dir``; see the module docstring.

    Files are first hashed and compared with the catalogue, so unchanged ones cost a read and a
    hash; the changed ones are parsed here and written by Whoosh's sub-writers.

    ``corrections`` is the speaker correction file (indexer.speaker_corrections): a missing file
    means no corrections; None keeps the rules the index was last written with. A bad file raises
    CorrectionsError before anything is written.
    """
    started = time.perf_counter()
    rules = load_corrections(corrections) if corrections is not None else None
    index_dir = Path(index_dir)
    generations.make_folder(index_dir)  # synced into its parent, before the lock file beside it is made
    try:
        lock = WriteLock(index_dir, LOCK_WAIT).acquire()  # before the first read: see write_lock
    except WriteLockBusy as err:
        raise IngestBusy(str(err)) from None
    try:
        summary = _ingest_locked(paths, index_dir, rebuild, prune, batch_docs, batch_records, on_file, rules)
    except BaseException:
        if rebuild:  # a rebuild that stopped before its swap: its half-built archive goes now, not next time
            with contextlib.suppress(OSError):
                generations.remove_stale(index_dir)
        raise
    finally:
        lock.release()  # after the last commit, the speaker rewrite and the merge
    if summary.unmatched:
        summary.unmatched = as_written(corrections, summary.unmatched)
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest_locked(paths, archive_dir: Path, rebuild: bool, prune: bool, batch_docs: int, batch_records: int,
                   on_file, rules: Corrections | None) -> Summary:
    summary = Summary()
    report = on_file or (lambda path, status: None)

    generations.remove_stale(archive_dir)  # a rebuild killed before its swap, or an old archive not yet deleted
    live = generations.live(archive_dir)
    readable = _readable(live)
    summary.rebuilt = None if rebuild or not readable else Index.outdated(live)
    rebuild = rebuild or summary.rebuilt is not None  # never mix an old format's stems with new ones
    # A rebuild writes a whole new archive beside the live one and swaps it in at the end
    # (generations.py): readers see the old archive until then, and a kill leaves one of the two.
    index_dir = generations.begin(archive_dir) if rebuild else live
    if rebuild:
        start_rebuild(live, index_dir, Index(live) if readable else None,
                      check_unlocked=lambda old: _writer(old, live).cancel())
        pause_point("rebuild-started")
    ix = Index(index_dir, rebuild)
    ix.sweep()  # a commit that failed on a full disk, or was killed, left files that take room
    writer = _writer(ix, index_dir)  # taken first: a second ingest stops before doing any work
    catalog = Catalog(index_dir)
    if rebuild:
        catalog.clear_documents()
        catalog.clear_inflight()  # the old archive's journal describes the old index, not this one
    seen_ids: set[str] = set()
    batch = Batch(ix.stored())
    try:
        applied = _start_speaker_ledger(batch, catalog, rebuild, rules)
        interrupted = catalog.inflight()  # left by an ingest killed mid-commit: index them again
        held = batch.before.doc_ids()  # the index's own document ids: the catalogue must agree
        orphans = without_catalogue_row(held, catalog, interrupted)
        summary.repaired = len(orphans)
        interrupted += orphans  # same repair: their records go, their files (if given) come back
        for doc_id in missing_from_index(held, catalog, interrupted):
            catalog.drop_document(doc_id)  # so its file is no longer "unchanged" and comes back
            batch.ledger.drop(doc_id)
            summary.missing += 1
        for doc_id in interrupted:
            batch.retire(doc_id)
            catalog.drop_document(doc_id)
            batch.ledger.drop(doc_id)
            batch.dropped.append(doc_id)
        todo = []
        found = find_documents([Path(p) for p in paths], archive=archive_dir)
        batch.folders = tuple(stored_path(p) for p in paths if Path(p).is_dir())
        tables = read_tables(found.metadata_tables, [path for path, _ in found.files])
        summary.failures += [*found.problems, *tables.problems]
        summary.ignored += found.ignored
        for path, root in found.files:
            job = _triage(path, root, catalog, summary, seen_ids, tables)
            if isinstance(job, str):
                report(path, job)
            else:
                todo.append(job)
        parallel = len(todo) >= PARALLEL_FROM_DOCS and (os.cpu_count() or 1) > 1
        if parallel:
            writer.cancel()
            writer = _writer(ix, index_dir, parallel=True)
        for doc_id in interrupted:  # on the writer that commits (a cancelled one forgets its deletions)
            writer.delete(doc_id)
        with parsed(todo, _extract_job, helper_count() if parallel else 1) as extracted:
            for path, root, sha, extraction, error in extracted:
                status = _write(path, sha, extraction, error, writer, catalog, summary, seen_ids, batch)
                report(path, status)
                if len(batch.rows) >= batch_docs or batch.records >= batch_records:
                    batch.commit(writer, catalog)
                    writer = _writer(ix, index_dir, parallel)
        if prune:
            where = _whereabouts(catalog, batch)
            for row in catalog.documents():
                verdict = None if row.doc_id in seen_ids else where.of(row.path)
                if verdict == UNKNOWN:  # a relative path from an old archive, not found from here
                    summary.kept.append((row.path, kept_note(row.path)))
                if verdict == GONE:
                    batch.retire(row.doc_id)
                    writer.delete(row.doc_id)
                    batch.dropped.append(row.doc_id)
                    summary.removed += 1
        _apply_new_corrections(batch, writer, applied, summary)
        batch.commit(writer, catalog)
        pause_point("before-speaker-rewrite")
        found_names = batch.ledger.name_counts()
        final = batch.file_rules.with_variants(found_names)
        if rules is not None:
            summary.unmatched = unmatched_keys(rules, found_names)
        if final != batch.rules:  # the new documents spell a known name another way (speaker_variants)
            writer = _writer(ix, index_dir)
            now = ix.stored()
            try:
                summary.corrected += sum(1 for doc_id in documents_to_rewrite(batch.ledger, batch.rules, final)
                                         if rewrite(doc_id, now, writer, batch.ledger, final))
            finally:
                now.close()
            writer.commit()
        batch.ledger.set_applied(final)
        catalog.commit()
        batch.close()  # before merging: it holds the old segments open
        ix.finish(MAX_SEGMENTS)
    except BaseException:
        writer.cancel()
        with contextlib.suppress(Exception):  # the space of what was not committed, given back now
            ix.sweep()
        catalog.commit()  # batches already in the index stay described in the catalogue
        raise
    finally:
        batch.close()
        catalog.close()
    if rebuild:
        pause_point("rebuild-built")
        retired = generations.swap(archive_dir, index_dir)
        pause_point("rebuild-swapped")
        generations.retire(archive_dir, retired)
    return summary


def _triage(path: Path, root: Path, catalog: Catalog, summary: Summary, seen_ids: set[str], tables: MetadataTables):
    """'unchanged' or 'failed', or the (path, root, sha, table row) job of a file to parse."""
    try:
        data = read_bytes(path)
    except UnreadableFile as err:
        summary.failures.append((stored_name(path), str(err)))
        return "failed"
    row = tables.for_file(path)
    sha = fingerprint(data, row)
    known = _indexed_as(path, doc_id_for(path, root), catalog)
    if known and known.sha == sha and same_document(known.path, path):
        if renamed(known.path, path):  # an old relative row, or a moved folder: committed with the next batch
            catalog.set_path(known.doc_id, stored_path(path))
        seen_ids.add(known.doc_id)  # decided before any parsing: an unchanged archive re-ingests in seconds
        summary.skipped += 1
        return "unchanged"
    return path, root, sha, row


def _extract_job(job: tuple[Path, Path, str, dict]):
    """Parse one file; errors come back as text, never as exceptions."""
    path, root, sha, row = job
    try:
        data = read_bytes(path)
        sha = fingerprint(data, row)
        return path, root, sha, extract_path(path, root, data, row), None
    except UnreadableFile as err:
        return path, root, sha, None, str(err)
    except OSError as err:
        return path, root, sha, None, err.strerror or str(err)
    except Exception as err:  # a bug on one document must not lose the other 999
        return path, root, sha, None, f"internal error ({type(err).__name__}: {err})"


class Batch:
    """Catalogue rows waiting for their Whoosh commit, written after it (see the module docstring).

    `before` reads the index as it was when the ingest started: the passages a changed or
    removed document is about to lose are kept in the citation history before Whoosh forgets
    them (current passages need no history: the index has them).
    """

    def __init__(self, before):
        self.before = before
        self.rows: list[DocumentRow] = []
        self.retired: list[tuple] = []
        self.dropped: list[str] = []
        self.records = 0
        self.ledger: SpeakerLedger | None = None
        self.rules = Corrections()  # what records are written with: the file's rules and spelling variants
        self.file_rules = Corrections()
        self.found: dict[str, list[tuple]] = {}  # speakers as found, per document written
        self.done: set[str] = set()  # documents written or dropped by this ingest's earlier batches
        self.folders: tuple[str, ...] = ()  # the folders this ingest walks, absolute (stored_paths.Whereabouts)

    def touches(self, doc_id: str) -> bool:
        return doc_id in self.done or doc_id in self.dropped or any(row.doc_id == doc_id for row in self.rows)

    def close(self) -> None:
        if self.before is not None:
            self.before.close()
            self.before = None

    def retire(self, doc_id: str) -> None:
        self.retired += history_rows(self.before, doc_id)

    def commit(self, writer, catalog: Catalog) -> None:
        pause_point("before-first-commit" if not self.done else "before-commit")
        catalog.set_inflight([row.doc_id for row in self.rows] + self.dropped)
        catalog.remember(self.retired)  # committed with the journal, before the Whoosh commit
        catalog.commit()
        writer.commit()  # merges nothing: segments are merged once, at the end (Index.finish)
        pause_point("after-whoosh-commit")
        for doc_id in self.dropped:
            catalog.drop_document(doc_id)
            self.ledger.drop(doc_id)
        for row in self.rows:
            catalog.put_document(row)
            self.ledger.replace(row.doc_id, self.found.pop(row.doc_id, []))
        self.done.update(self.dropped)
        self.done.update(row.doc_id for row in self.rows)
        catalog.clear_inflight()
        catalog.commit()
        self.rows, self.retired, self.dropped, self.records = [], [], [], 0


def _start_speaker_ledger(batch: Batch, catalog: Catalog, rebuild: bool, rules: Corrections | None) -> Corrections:
    """Open the ledger of speakers as found; the rules the index holds now (returned) and will hold."""
    batch.ledger = SpeakerLedger(catalog.db)
    if rebuild:
        batch.ledger.clear()
    applied = batch.ledger.applied()
    if batch.ledger.is_empty() and applied == Corrections() and catalog.count_documents():
        backfill(batch.before, batch.ledger)  # an index from before the ledger: stored names are as found
    batch.file_rules = applied.from_file() if rules is None else rules
    batch.rules = batch.file_rules.with_variants(batch.ledger.name_counts())
    return Corrections() if rebuild else applied


def _apply_new_corrections(batch: Batch, writer, applied: Corrections, summary: Summary) -> None:
    """Re-write, from their stored fields, the unchanged documents whose speakers the new rules show differently."""
    for doc_id in documents_to_rewrite(batch.ledger, applied, batch.rules):
        if not batch.touches(doc_id) and rewrite(doc_id, batch.before, writer, batch.ledger, batch.rules):
            summary.corrected += 1


def _readable(index_dir: Path) -> bool:
    """An index to keep the history of; a damaged one is what --rebuild is for, so it is skipped."""
    try:
        return Index.exists(index_dir)
    except IndexDamaged:
        return False


def _writer(ix, index_dir: Path, parallel: bool = False):
    try:
        return ix.writer(parallel, lock_wait=LOCK_WAIT, memory_mb=WRITER_MB)
    except WriterBusy as err:
        raise IngestBusy(str(err)) from None


def _write(path: Path, sha: str, extraction, error: str | None, writer, catalog: Catalog, summary: Summary,
           seen_ids: set[str], batch: Batch) -> str:
    if error is not None:
        summary.failures.append((stored_name(path), error))
        return "failed"
    doc = extraction.document
    known = _indexed_as(path, doc.doc_id, catalog)
    doc_id = known.doc_id if known and names_file(known.path, path) else doc.doc_id
    if known and another_file(known.path, path):
        doc_id = _free_id(doc_id, catalog, path, _whereabouts(catalog, batch))  # two files, one name: business/001 and sport/001
        known = catalog.document(doc_id)
    status = "added"
    if known and known.sha == sha:
        seen_ids.add(doc_id)
        summary.skipped += 1
        return "unchanged"
    if known:
        status = "updated"
    else:
        where = _whereabouts(catalog, batch)
        moved = [row for row in catalog.by_sha(sha) if where.of(row.path) == GONE]
        if moved:
            doc_id, status = moved[0].doc_id, "moved"  # same words, new place: the old links stay good
    seen_ids.add(doc_id)

    recs = list(records(extraction))
    for rec in recs:
        rec["doc"] = doc_id
    batch.found[doc_id] = correct_records(recs, batch.rules)
    if known or status == "moved":
        batch.retire(doc_id)
        writer.delete(doc_id)  # only a document already indexed has records to replace
    for rec in recs:
        writer.add(rec)
    batch.records += len(recs)
    batch.rows.append(DocumentRow(
        doc_id=doc_id, path=stored_path(path), sha=sha, title=doc.title, source=doc.source, date=doc.date,
        date_text=doc.date_text, place=doc.place, url=doc.url, author=doc.author, language=doc.language,
        form=doc.form, meta=json.dumps(dict(doc.meta), ensure_ascii=False),
        passages=len(extraction.passages), quotes=extraction.quote_count, ingested_at=time.time()))
    summary.passages += len(extraction.passages)
    summary.quotes += extraction.quote_count
    setattr(summary, status, getattr(summary, status) + 1)
    return status


def _whereabouts(catalog: Catalog, batch: Batch) -> Whereabouts:
    """Present, gone or unknown (stored_paths), counting the rows of this batch not yet committed.
    Asked only about the folders of old relative rows, so the batch is scanned only for those."""
    return Whereabouts(lambda folder: catalog.holds_documents_under(folder)
                       or any(row.path.startswith(folder) for row in batch.rows), batch.folders)


def _indexed_as(path: Path, doc_id: str, catalog: Catalog) -> DocumentRow | None:
    """The catalogue's row of `doc_id`, the id this file would get, or of this very file under the
    id it was given when reached from another folder ('ingest docs', then 'ingest docs/sub': sub-a,
    then a second document a, every quote of it doubled)."""
    known = catalog.document(doc_id)
    if known is None or known.path != stored_path(path):
        return catalog.by_path(stored_path(path)) or known
    return known


def _free_id(doc_id: str, catalog: Catalog, path: Path, where: Whereabouts) -> str:
    for n in range(2, 10_000):
        candidate = f"{doc_id}-{n}"
        row = catalog.document(candidate)
        if row is None or names_file(row.path, path) or where.of(row.path) == GONE:
            return candidate
    raise RuntimeError(f"no free document id for {stored_name(path)}")
