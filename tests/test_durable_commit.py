"""Commits reach the disk in order: what a new TOC names is synced before the TOC appears, the
index folder after it, and both before ingest clears the catalogue's journal.

os.fsync, os.rename and os.replace are recorded in this process and, for fsync, in the sub-writer
processes it forks (a synced file is known by its inode: array folders are synced under a work
name and renamed into place, by the process that wrote them).
"""
import errno
import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from whoosh import index, writing

from indexer import catalog as catalog_module
from indexer.catalog import Catalog
from indexer.engine import facet_arrays, posting_arrays, whoosh_patches
from indexer.engine.writing import Index
from indexer.ingest import PARALLEL_FROM_DOCS, ingest

TOC_NAME = re.compile(r"_MAIN_\d+\.toc$")
TOC_TEMPORARY = re.compile(r"_MAIN_\d+\.toc\.[\d.]+$")  # Whoosh's name until the rename: .toc.<time()>
STORY = 'Title: Story {n}\n\nThe council met on Monday about the budget for year {n}.\n\n"We cannot pay for it all," said Mayor Ana Ruiz.\n'


def write_docs(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"story_{n:03d}.txt").write_text(STORY.format(n=n), encoding="utf-8")


def inode(path) -> tuple[int, int]:
    found = os.stat(path)
    return found.st_dev, found.st_ino


class DiskLog:
    """Every fsync (by inode), rename and replace, and each TOC's named files when it appears.

    A sub-writer's fsyncs are appended to a file (`children`) and read into the log at the next
    event of this process: a sub-writer's segment is synced before it hands the segment back,
    so before the TOC that names it.
    """

    def __init__(self, monkeypatch, children: Path):
        self.events: list[tuple] = []
        self._children = children
        self._children_read = 0
        self._pid = os.getpid()
        fsync, rename, replace = os.fsync, os.rename, os.replace

        def logged_fsync(fd):
            found = os.fstat(fd)
            if os.getpid() != self._pid:
                line = f"{found.st_dev} {found.st_ino}\n".encode("ascii")
                out = os.open(self._children, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    os.write(out, line)  # one write of a short line: whole, whatever the other process appends
                finally:
                    os.close(out)
                return fsync(fd)
            self._read_children()
            self.events.append(("fsync", (found.st_dev, found.st_ino)))
            return fsync(fd)

        def logged(real):
            def move(src, dst, *args, **kwargs):
                real(src, dst, *args, **kwargs)
                self._moved(Path(dst))
            return move

        def logged_clear(catalog):
            self.events.append(("clear-journal",))
            return clear(catalog)

        clear = Catalog.clear_inflight
        monkeypatch.setattr(os, "fsync", logged_fsync)
        monkeypatch.setattr(os, "rename", logged(rename))
        monkeypatch.setattr(os, "replace", logged(replace))
        monkeypatch.setattr(catalog_module.Catalog, "clear_inflight", logged_clear)

    def _read_children(self) -> None:
        if self._children.exists():
            with open(self._children, "rb") as f:
                f.seek(self._children_read)
                written = f.read()
            whole = written[:written.rfind(b"\n") + 1]
            self._children_read += len(whole)
            for line in whole.decode("ascii").splitlines():
                dev, ino = line.split()
                self.events.append(("fsync", (int(dev), int(ino))))

    def _moved(self, dst: Path) -> None:
        self._read_children()
        if TOC_NAME.search(dst.name):
            self.events.append(("toc", inode(dst), named_by_latest_toc(dst.parent), inode(dst.parent)))
        else:
            self.events.append(("moved", dst, inode(dst), inode(dst.parent)))

    def synced_before(self, position: int) -> set:
        return {event[1] for event in self.events[:position] if event[0] == "fsync"}

    def positions(self, kind: str) -> list[int]:
        return [n for n, event in enumerate(self.events) if event[0] == kind]


def named_by_latest_toc(index_dir: Path) -> dict[str, tuple]:
    """Every file and folder the newest TOC names (Whoosh's segment files, our array folders), by inode."""
    whoosh_patches.install()
    segment_ids = [segment.segment_id() for segment in index.open_dir(str(index_dir))._segments()]
    named = {}
    for segment_id in segment_ids:
        for path in index_dir.iterdir():
            if path.name.startswith(f"{segment_id}."):
                named[str(path)] = inode(path)
        for folder in (posting_arrays.FOLDER, facet_arrays.FOLDER):
            root = index_dir / folder / segment_id
            assert root.is_dir(), f"the TOC names {segment_id}, which has no {folder} folder"
            for path in [root, root.parent, *root.rglob("*")]:
                named[str(path)] = inode(path)
    return named


def assert_each_toc_durable(log: DiskLog) -> int:
    """Checks every TOC the log saw; returns how many."""
    tocs = log.positions("toc")
    for position in tocs:
        _, toc, named, folder = log.events[position]
        synced = log.synced_before(position)
        unsynced = sorted(path for path, node in named.items() if node not in synced)
        assert not unsynced, f"the TOC appeared before these were synced: {unsynced}"
        assert toc in synced, "the TOC's bytes were not synced before its rename"
        assert folder in synced, "the index folder (the segment files' entries) was not synced before the TOC"
        later = log.events[position + 1:]
        assert ("fsync", folder) in later, "the index folder was not synced after the TOC's rename"
        after_rename = later.index(("fsync", folder))
        if ("clear-journal",) in later:
            assert after_rename < later.index(("clear-journal",)), "the journal was cleared before the TOC was on disk"
    return len(tocs)


@pytest.mark.parametrize("count, batch_docs", [(5, 2), (PARALLEL_FROM_DOCS, 10_000)], ids=["serial-batches", "multiprocess"])
def test_every_ingest_commit_syncs_what_its_toc_names_first(tmp_path, monkeypatch, count, batch_docs):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, count)
    log = DiskLog(monkeypatch, tmp_path / "child-fsyncs")
    summary = ingest([docs], index_dir, batch_docs=batch_docs)
    assert summary.failed == 0
    expected = 1 + -(-count // batch_docs)  # index.create_in's empty TOC, then one per batch
    assert assert_each_toc_durable(log) >= expected
    assert log.positions("clear-journal")
    first_commit = log.positions("toc")[1]
    assert inode(index_dir / "FORMAT") in log.synced_before(first_commit), "the format stamp was not synced"


def test_final_merge_syncs_the_merged_segment_before_its_toc(tmp_path, monkeypatch):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 6)
    ingest([docs], index_dir, batch_docs=2)
    assert len(index.open_dir(str(index_dir))._segments()) >= 3
    log = DiskLog(monkeypatch, tmp_path / "child-fsyncs")
    Index(index_dir).finish(max_segments=1)
    assert assert_each_toc_durable(log) == 1
    _, _, named, _ = log.events[log.positions("toc")[0]]
    assert len(index.open_dir(str(index_dir))._segments()) == 1
    assert named, "the merge's TOC named no file"


@pytest.mark.parametrize("folder, build", [(posting_arrays.FOLDER, posting_arrays.build),
                                           (facet_arrays.FOLDER, facet_arrays.build)], ids=["postings", "facets"])
def test_filled_array_folders_are_synced_before_and_after_their_rename(tmp_path, monkeypatch, folder, build):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 3)
    ingest([docs], index_dir)
    segment_id = index.open_dir(str(index_dir))._segments()[0].segment_id()
    shutil.rmtree(index_dir / folder / segment_id)  # an old segment without arrays
    log = DiskLog(monkeypatch, tmp_path / "child-fsyncs")
    assert build(index_dir) == 1
    target = index_dir / folder / segment_id
    [position] = [n for n in log.positions("moved") if log.events[n][1] == target]
    _, _, folder_node, parent = log.events[position]
    synced = log.synced_before(position)
    files = sorted(path for path in target.iterdir())
    assert files
    assert all(inode(path) in synced for path in files), "an array file got its name before it was synced"
    assert folder_node in synced
    assert ("fsync", parent) in log.events[position + 1:], "the folder's rename was not synced"


def test_catalogue_commits_sync_the_journal_deletion(tmp_path):
    catalog = Catalog(tmp_path)
    try:
        assert catalog.db.execute("PRAGMA synchronous").fetchone()[0] == 3  # EXTRA
        assert catalog.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        catalog.close()


def test_a_failed_sync_of_the_toc_stops_ingest_and_loses_nothing(tmp_path, monkeypatch):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 2)
    ingest([docs], index_dir)
    write_docs(docs, 4)
    fsync = os.fsync

    def failing_toc_sync(fd):
        if TOC_TEMPORARY.search(os.readlink(f"/proc/self/fd/{fd}")):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_toc_sync)
    with pytest.raises(OSError) as failed:
        ingest([docs], index_dir)
    assert failed.value.errno == errno.EIO and ".toc" in failed.value.filename
    assert not [path.name for path in index_dir.iterdir() if TOC_TEMPORARY.search(path.name)]
    stored = Index(index_dir).stored()
    try:
        assert len(stored.doc_ids()) == 2  # the commit before: the failed one never got its TOC
    finally:
        stored.close()
    monkeypatch.setattr(os, "fsync", fsync)
    assert ingest([docs], index_dir).added == 2
    stored = Index(index_dir).stored()
    try:
        assert len(stored.doc_ids()) == 4
    finally:
        stored.close()


def test_a_failed_rename_of_the_toc_leaves_no_temporary_toc(tmp_path, monkeypatch):
    """A TOC whose rename failed (EIO, a full disk's metadata) was left under its temporary name
    for good: no later commit sweeps a name that is not a whole TOC's."""
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 2)
    ingest([docs], index_dir)
    write_docs(docs, 4)
    rename = os.rename

    def failing_toc_rename(src, dst, *args, **kwargs):
        if TOC_TEMPORARY.search(os.fsdecode(src)):
            raise OSError(errno.EIO, os.strerror(errno.EIO), src)
        return rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", failing_toc_rename)
    with pytest.raises(OSError):
        ingest([docs], index_dir)
    assert not [path.name for path in index_dir.iterdir() if TOC_TEMPORARY.search(path.name)]
    monkeypatch.setattr(os, "rename", rename)
    assert ingest([docs], index_dir).added == 2


def test_a_temporary_toc_left_by_a_kill_is_swept_by_the_next_writer(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 2)
    ingest([docs], index_dir)
    left = [index_dir / "_MAIN_7.toc.1795989589.38687", index_dir / "_MAIN_1.toc.17"]  # a kill before the rename
    kept = [index_dir / "_MAIN_7.toc.notes", index_dir / "_OTHER_7.toc.12"]  # not this index's temporary TOCs
    for path in left + kept:
        path.write_bytes(b"partial")
    write_docs(docs, 3)
    assert ingest([docs], index_dir).added == 1
    assert [path.exists() for path in left + kept] == [False, False, True, True]


def test_a_full_disk_while_writing_arrays_leaves_no_work_folder(tmp_path, monkeypatch):
    """The half-written array files kept the space a person was freeing until a later ingest."""
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 2)
    ingest([docs], index_dir)
    write_docs(docs, 4)
    save, calls = np.save, []

    def full_disk_on_second_array(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return save(*args, **kwargs)

    monkeypatch.setattr(np, "save", full_disk_on_second_array)
    with pytest.raises(OSError):
        ingest([docs], index_dir)
    assert not [str(path) for path in index_dir.rglob(".tmp-*")]
    monkeypatch.setattr(np, "save", save)
    assert ingest([docs], index_dir).added == 2


def test_a_full_disk_at_the_segment_close_gives_its_space_and_the_lock_back(tmp_path, monkeypatch):
    """On a real full disk (a 3 MB tmpfs) Whoosh's commit failed closing the new segment, and so did
    its cancel, which then skipped its _finish: the ingest's cleanup stopped there, the uncommitted
    segment files and the pool's temporary folder kept the disk full, and the writer's lock stayed
    held in that process. Simulated here where Whoosh writes a segment's last bytes."""
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 2)
    ingest([docs], index_dir)
    before = sorted(path.name for path in index_dir.iterdir())
    write_docs(docs, 4)
    close = writing.SegmentWriter._close_segment

    def full_disk(self):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(writing.SegmentWriter, "_close_segment", full_disk)
    with pytest.raises(OSError):
        ingest([docs], index_dir)
    monkeypatch.setattr(writing.SegmentWriter, "_close_segment", close)
    assert sorted(path.name for path in index_dir.iterdir()) == before  # nothing of the failed commit
    assert ingest([docs], index_dir).added == 2  # the lock is free again in this very process
