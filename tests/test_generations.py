"""Which folder holds the live archive, and when a retired one may be deleted (indexer/generations.py)."""
import os
import threading
import time

import pytest

from indexer import generations
from indexer.ingest import ingest

from harbour_stories import harbour_total, write_docs


@pytest.mark.parametrize("pointer, expected", [
    (None, "."),              # never rebuilt: the archive is INDEX_DIR itself
    ("gen-3\n", "gen-3"),
    ("gen-12", "gen-12"),
    ("../elsewhere", "."),    # negative cases: a pointer that leaves INDEX_DIR or names no generation
    ("gen-1/../..", "."),
    ("", "."),
])
def test_live_follows_the_pointer_and_nothing_outside(tmp_path, pointer, expected):
    if pointer is not None:
        (tmp_path / generations.POINTER).write_text(pointer, encoding="ascii")
    assert generations.live(tmp_path) == (tmp_path / expected if expected != "." else tmp_path)


def test_swap_then_retire_waits_for_the_reader_inside(tmp_path):
    old = generations.begin(tmp_path)
    generations.swap(tmp_path, old)
    new = generations.begin(tmp_path)
    retired = []
    with generations.reading(tmp_path) as held:
        assert held == old
        assert generations.swap(tmp_path, new) == old
        remover = threading.Thread(target=lambda: retired.append(generations.retire(tmp_path, old)))
        remover.start()
        time.sleep(0.3)
        assert old.exists() and not retired  # a request still reads it
    remover.join(10)
    assert retired and not old.exists() and generations.live(tmp_path) == new


def test_a_reader_of_a_retired_generation_is_told_to_look_again(tmp_path):
    old = generations.begin(tmp_path)
    generations.swap(tmp_path, old)
    new = generations.begin(tmp_path)
    generations.swap(tmp_path, new)
    generations.retire(tmp_path, old)
    with generations.reading(tmp_path) as held:
        assert held == new


def test_begin_removes_half_built_generations_but_never_the_live_one(tmp_path):
    live = generations.begin(tmp_path)
    generations.swap(tmp_path, live)
    (live / "catalog.sqlite").write_bytes(b"live")
    half = generations.begin(tmp_path)  # a rebuild killed before its swap
    (half / "MAIN_half.seg").write_bytes(b"half")
    fresh = generations.begin(tmp_path)
    assert fresh.is_dir() and not (half / "MAIN_half.seg").exists() and fresh.name > live.name
    assert (live / "catalog.sqlite").read_bytes() == b"live"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([generations.POINTER, live.name, fresh.name])


def test_the_old_root_layout_goes_only_once_a_generation_is_live(tmp_path):
    for name in ("_MAIN_4.toc", "MAIN_abc.seg", "FORMAT", "catalog.sqlite", "notes.txt"):
        (tmp_path / name).write_text("x")
    generations.remove_stale(tmp_path)  # no pointer: the root is the live archive
    assert (tmp_path / "_MAIN_4.toc").exists()
    generations.swap(tmp_path, generations.begin(tmp_path))
    generations.remove_stale(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [generations.POINTER, "notes.txt"]


@pytest.mark.parametrize("existing, wanted, synced", [
    ("", "ix", [""]),                          # a first ingest's folder: its entry in the folder above
    ("", "instance/ix", ["", "instance"]),     # and the instance folder made on the way
    ("instance", "instance/ix", ["instance"]),
    ("instance/ix", "instance/ix", []),        # an archive already there: nothing made, nothing synced
])
def test_make_folder_syncs_each_folder_it_makes_into_its_parent(tmp_path, monkeypatch, existing, wanted, synced):
    if existing:
        (tmp_path / existing).mkdir(parents=True)
    seen = []
    monkeypatch.setattr(generations, "sync", lambda path, flags=0: seen.append((path, flags)))
    generations.make_folder(tmp_path / wanted)
    assert (tmp_path / wanted).is_dir()
    assert seen == [(tmp_path / name, os.O_DIRECTORY) for name in synced]


def test_a_reader_follows_a_swap_after_hours_of_the_same_pointer(tmp_path):
    # Readers keep the pointer's generation while a stat of CURRENT is unchanged (and long settled).
    first = generations.begin(tmp_path)
    generations.swap(tmp_path, first)
    hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(tmp_path / generations.POINTER, ns=(hour_ago, hour_ago))
    for _ in range(2):
        with generations.reading(tmp_path) as held:
            assert held == first
    second = generations.begin(tmp_path)
    generations.swap(tmp_path, second)
    with generations.reading(tmp_path) as held:
        assert held == second


def test_a_rebuild_whose_pointer_could_not_be_replaced_leaves_nothing_behind(tmp_path, monkeypatch):
    """A full disk at the swap's rename left .CURRENT.tmp in INDEX_DIR for good; the old archive
    stays live, as before, and the next ingest finds nothing of the stopped rebuild."""
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 2)
    ingest([docs], index_dir)
    replace = os.replace

    def full_disk_at_the_pointer(src, dst, *args, **kwargs):
        if os.path.basename(dst) == generations.POINTER:
            raise OSError(28, os.strerror(28), src)
        return replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", full_disk_at_the_pointer)
    with pytest.raises(OSError):
        ingest([docs], index_dir, rebuild=True)
    monkeypatch.setattr(os, "replace", replace)
    assert sorted(path.name for path in index_dir.iterdir() if path.name.startswith((".", "gen-"))) == []
    assert harbour_total(index_dir) == 2
