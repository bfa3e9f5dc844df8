"""Opening a searcher while commits land: the commit a stamp names is the commit the searcher reads."""
import os
import time
from pathlib import Path

from indexer import generations
from indexer.engine import SearchEngine, SearchRequest, facet_arrays, opening
from indexer.ingest import ingest


def write_doc(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"note_{n}.txt").write_text(f"Title: Note {n}\n\nThe ferry left the harbour at {n} o'clock.\n",
                                          encoding="utf-8")


class CommitsWhileOpening:
    """A Whoosh index whose every searcher() is followed by another commit, as on a loaded machine."""

    def __init__(self, ix, docs: Path, index_dir: Path):
        self.ix, self.docs, self.index_dir, self.commits = ix, docs, index_dir, 0

    def __getattr__(self, name):
        return getattr(self.ix, name)

    def searcher(self):
        searcher = self.ix.searcher()
        self.commits += 1
        write_doc(self.docs, 100 + self.commits)
        ingest([self.docs], self.index_dir)
        return searcher


def test_a_searcher_is_kept_when_a_commit_lands_after_it_opened(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_doc(docs, 1)
    ingest([docs], index_dir)
    live = generations.live(index_dir)
    racing = CommitsWhileOpening(opening.open_index(live), docs, index_dir)

    searcher, stamp = opening.open_newest(racing, live)

    assert racing.commits == 1  # not given up and reopened after each newer commit
    assert searcher.reader().generation() == facet_arrays.generation_of(stamp)
    assert searcher.doc_count() < racing.ix.searcher().doc_count()  # it reads the older, whole commit
    searcher.close()


def test_generation_of_reads_the_stamp():
    assert facet_arrays.generation_of("g12-1700000000-42") == 12
    assert facet_arrays.generation_of("g0-0-0") == 0


def test_every_array_file_is_loaded_through_the_one_locked_loader():
    # np.load parses headers with ast.literal_eval, which CPython 3.11 cannot run in two threads at
    # once (gh-106905); segment_files.load_array serialises it, so no other engine module may call np.load.
    engine = Path(__file__).resolve().parent.parent / "indexer" / "engine"
    callers = sorted(path.name for path in engine.glob("*.py")
                     if "np.load(" in path.read_text(encoding="utf-8") and path.name != "segment_files.py")
    assert callers == []


def test_load_array_reads_plain_and_memory_mapped(tmp_path):
    import numpy as np
    from indexer.engine import segment_files
    np.save(tmp_path / "a.npy", np.arange(5, dtype=np.int32))
    assert segment_files.load_array(tmp_path / "a.npy").tolist() == [0, 1, 2, 3, 4]
    mapped = segment_files.load_array(tmp_path / "a.npy", mmap=True)
    assert isinstance(mapped, np.memmap) and mapped.tolist() == [0, 1, 2, 3, 4]


def ferries(engine) -> int:
    return engine.search(SearchRequest("ferry")).total


def test_a_commit_in_the_same_timestamp_tick_as_the_last_is_searched(tmp_path):
    # The engine keeps the newest commit's stamp while a stat of the generation folder is unchanged.
    # A second commit within the same clock tick leaves the folder's inode, mtime and size as they
    # were (forced here with utime): it must still be found, since the first mtime was too recent to trust.
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_doc(docs, 1)
    ingest([docs], index_dir)
    engine = SearchEngine(index_dir)
    live = generations.live(index_dir)
    seen = live.stat()
    assert ferries(engine) == 1
    write_doc(docs, 2)
    ingest([docs], index_dir)
    os.utime(live, ns=(seen.st_atime_ns, seen.st_mtime_ns))
    now = live.stat()
    assert (now.st_ino, now.st_mtime_ns, now.st_size) == (seen.st_ino, seen.st_mtime_ns, seen.st_size)
    assert ferries(engine) == 2


def test_a_quiet_archive_is_listed_once_and_its_next_commit_is_searched(tmp_path, monkeypatch):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_doc(docs, 1)
    ingest([docs], index_dir)
    live = generations.live(index_dir)
    hour_ago = time.time_ns() - 3600 * 10**9
    for path in (live, index_dir / generations.POINTER):
        if path.exists():
            os.utime(path, ns=(hour_ago, hour_ago))
    listed = []
    monkeypatch.setattr(facet_arrays, "stamp", lambda *args, real=facet_arrays.stamp: listed.append(1) or real(*args))
    engine = SearchEngine(index_dir)
    assert ferries(engine) == 1  # lists the folder, and opens the pool's first searcher
    listed.clear()
    assert [ferries(engine), ferries(engine)] == [1, 1]
    assert listed == []  # a memo that never keeps lists it per search
    write_doc(docs, 2)
    ingest([docs], index_dir)  # a commit after hours of quiet: the folder's mtime moves on
    assert ferries(engine) == 2
