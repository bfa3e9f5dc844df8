"""The power-cut model itself (tests/power_cut_log.py, tests/power_cut_states.py) on small
sequences of file-system calls whose possible outcomes are known: what fsync does and does not
promise for a file's bytes and for a folder's entries."""
from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from indexer.catalog import CATALOG_NAME, Catalog

from power_cut_log import DiskRecorder
from power_cut_states import TORN_CUTS, crash_states, materialise, ordering_points, state_at, torn_bytes


def write(path: Path, data: bytes, synced: bool) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        if synced:
            os.fsync(f.fileno())


def sync_folder(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def new_file_unsynced(root):
    write(root / "a", b"new", synced=False)


def new_file_synced_folder_not(root):
    write(root / "a", b"new", synced=True)


def new_file_and_folder_synced(root):
    write(root / "a", b"new", synced=True)
    sync_folder(root)


def replaced_without_folder_sync(root):  # the old file is on disk before the recording starts
    write(root / "a.tmp", b"new", synced=True)
    os.replace(root / "a.tmp", root / "a")


def replaced_with_unsynced_bytes(root):  # the zero-length file after a rename
    write(root / "a.tmp", b"new", synced=False)
    os.replace(root / "a.tmp", root / "a")
    sync_folder(root)


def replaced_durably(root):
    write(root / "a.tmp", b"new", synced=True)
    os.replace(root / "a.tmp", root / "a")
    sync_folder(root)


def unlinked_without_folder_sync(root):
    os.unlink(root / "a")


def folder_renamed_into_place(root):
    (root / "work").mkdir()
    write(root / "work" / "x", b"new", synced=True)
    sync_folder(root / "work")
    os.rename(root / "work", root / "d")
    sync_folder(root)


def folder_renamed_without_its_own_sync(root):
    (root / "work").mkdir()
    write(root / "work" / "x", b"new", synced=True)
    os.rename(root / "work", root / "d")
    sync_folder(root)


OLD = {"a": b"old"}
CASES = [
    # (calls, a file there before?, unsynced lost, renames kept but data lost, as written)
    (new_file_unsynced, False, {}, {"a": b""}, {"a": b"new"}),
    (new_file_synced_folder_not, False, {}, {"a": b"new"}, {"a": b"new"}),
    (new_file_and_folder_synced, False, {"a": b"new"}, {"a": b"new"}, {"a": b"new"}),
    (replaced_without_folder_sync, True, OLD, {"a": b"new"}, {"a": b"new"}),
    (replaced_with_unsynced_bytes, True, {"a": b""}, {"a": b""}, {"a": b"new"}),
    (replaced_durably, True, {"a": b"new"}, {"a": b"new"}, {"a": b"new"}),
    (unlinked_without_folder_sync, True, OLD, {}, {}),
    (folder_renamed_into_place, False, {"d": None, "d/x": b"new"}, {"d": None, "d/x": b"new"}, {"d": None, "d/x": b"new"}),
    (folder_renamed_without_its_own_sync, False, {"d": None}, {"d": None, "d/x": b"new"}, {"d": None, "d/x": b"new"}),
]


@pytest.mark.parametrize("calls, old, lost, renames_kept, as_written", CASES, ids=[case[0].__name__ for case in CASES])
def test_what_survives_the_end_of_a_sequence(tmp_path, calls, old, lost, renames_kept, as_written):
    if old:
        write(tmp_path / "a", b"old", synced=True)
    with DiskRecorder(tmp_path) as log:
        calls(tmp_path)
    end = log.points[-1]
    assert dict(state_at(end, "unsynced lost").files) == lost
    assert dict(state_at(end, "renames kept, data lost").files) == renames_kept
    assert dict(state_at(end, "as written").files) == as_written


def test_every_moment_of_a_durable_replace_has_the_old_or_the_new_bytes(tmp_path):
    write(tmp_path / "a", b"old", synced=True)
    with DiskRecorder(tmp_path) as log:
        replaced_durably(tmp_path)
    seen = {dict(state.files).get("a") for state in crash_states(log.points, thorough=True)}
    assert seen == {b"old", b"new"}


def test_a_moment_between_a_rename_and_its_folder_sync_can_undo_it(tmp_path):
    with DiskRecorder(tmp_path) as log:
        write(tmp_path / "a.tmp", b"new", synced=True)
        sync_folder(tmp_path)
        os.rename(tmp_path / "a.tmp", tmp_path / "a")
        sync_folder(tmp_path)
    outcomes = {tuple(sorted(dict(state.files))) for state in crash_states(ordering_points(log.points))}
    assert ("a.tmp",) in outcomes and ("a",) in outcomes


def test_the_catalogue_is_its_last_commit(tmp_path):
    catalog = Catalog(tmp_path)
    try:
        with DiskRecorder(tmp_path) as log:
            catalog.set_inflight(["committed"])
            catalog.commit()
            catalog.set_inflight(["not yet"])
            os.mkdir(tmp_path / "later")  # a moment while the second transaction is open
            (tmp_path / "later").rmdir()
        assert all(dict(state.catalogues).keys() == {CATALOG_NAME} for state in crash_states(log.points))
        at_mkdir = next(point for point in log.points if point.step == "mkdir" and point.after)
        materialise(state_at(at_mkdir, "as written"), tmp_path / "cut")
        assert [row[0] for row in sqlite3.connect(tmp_path / "cut" / CATALOG_NAME).execute("SELECT * FROM inflight")] == ["committed"]
    finally:
        catalog.close()


def test_a_file_outside_the_folder_is_not_recorded(tmp_path):
    (tmp_path / "inside").mkdir()
    with DiskRecorder(tmp_path / "inside") as log:
        write(tmp_path / "outside", b"x", synced=True)
    assert {point.step for point in log.points} == {"start", "end"}


@pytest.mark.parametrize("calls, lost", [(new_file_and_folder_synced, {"a": b"new"}),
                                         (new_file_synced_folder_not, {})])
def test_a_sub_process_reports_its_fsyncs(tmp_path, calls, lost):
    """As the multiprocess writer's sub-writers do: forked, they sync what they wrote."""
    with DiskRecorder(tmp_path) as log:
        child = multiprocessing.get_context("fork").Process(target=calls, args=(tmp_path,))
        child.start()
        child.join()
    assert child.exitcode == 0
    assert dict(state_at(log.points[-1], "unsynced lost").files) == lost


def rewritten_in_place_unsynced(root):  # the old bytes are on disk before the recording starts
    with open(root / "a", "r+b") as f:
        f.write(b"NEW")
        f.flush()


def written_unsynced(root):
    write(root / "a", b"news", synced=False)


TORN_CASES = [
    # (calls, a file there before?, every version of "a" a cut may leave; None: no file)
    (written_unsynced, False, {None, b"", b"n", b"ne", b"new", b"news"}),
    # in place over b"old": the old, the new, a prefix of the new alone or over the old's tail
    (rewritten_in_place_unsynced, True, {b"old", b"NEW", b"", b"N", b"Nld", b"NE", b"NEd"}),
    (new_file_and_folder_synced, False, {b"new"}),  # synced: nothing torn
]


@pytest.mark.parametrize("calls, old, versions", TORN_CASES, ids=[case[0].__name__ for case in TORN_CASES])
def test_an_unsynced_file_may_survive_cut_short(tmp_path, calls, old, versions):
    if old:
        write(tmp_path / "a", b"old", synced=True)
        os.utime(tmp_path / "a", (1, 1))  # the recorder knows a rewrite of the same size by its mtime
    with DiskRecorder(tmp_path) as log:
        calls(tmp_path)
    states = crash_states(log.points[-1:], thorough=True, torn=tuple(TORN_CUTS))
    assert {dict(state.files).get("a") for state in states} == versions


@pytest.mark.parametrize("old, new, cut, over_old, expected", [
    (b"", b"abcd", 0, False, b""),
    (b"", b"abcd", 2, False, b"ab"),
    (b"", b"abcd", 9, False, b"abcd"),       # a cut past the end: all of it
    (b"wxyz!", b"abcd", 2, True, b"abyz!"),  # rewritten in place: the old tail is still there
    (b"wxyz!", b"abcd", 2, False, b"ab"),    # truncated first: no old tail
    (b"wx", b"abcd", 3, True, b"abc"),       # the old version was shorter than the cut
])
def test_torn_bytes(old, new, cut, over_old, expected):
    assert torn_bytes(old, new, cut, over_old) == expected
