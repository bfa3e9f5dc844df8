"""A value kept while one stat of its path is unchanged, and read again on any change (indexer/stat_memo.py)."""
import os
import time

import pytest

from indexer.stat_memo import SETTLED_NS, StatMemo

HOUR_NS = 3600 * 10**9


class Reads:
    """read() for StatMemo.get: the file's text (None when absent), counting how often it is called."""

    def __init__(self, path):
        self.path, self.count = path, 0

    def __call__(self):
        self.count += 1
        return self.path.read_text(encoding="ascii") if self.path.exists() else None


def set_mtime(path, mtime_ns: int) -> None:
    os.utime(path, ns=(mtime_ns, mtime_ns))


def settled(path) -> None:
    set_mtime(path, time.time_ns() - HOUR_NS)


def rewrite_keeping_mtime(path, text):
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="ascii")
    set_mtime(path, before)


def replace_keeping_mtime(path, text):
    before = path.stat().st_mtime_ns
    work = path.with_name("work")
    work.write_text(text, encoding="ascii")  # a new inode: the old one is still in use here
    set_mtime(work, before)
    os.replace(work, path)


@pytest.mark.parametrize("change, expected, reads", [
    (lambda p: None, "gen-1", 1),                                         # untouched: one read in all
    (lambda p: p.write_text("gen-2", encoding="ascii"), "gen-2", 3),      # rewritten now: read until settled
    (lambda p: rewrite_keeping_mtime(p, "gen-12"), "gen-12", 2),          # grown, mtime put back
    (lambda p: replace_keeping_mtime(p, "gen-2"), "gen-2", 2),            # renamed over: a new inode
    (lambda p: p.unlink(), None, 2),                                      # removed
])
def test_a_settled_path_is_read_once_until_its_stat_changes(tmp_path, change, expected, reads):
    path = tmp_path / "CURRENT"
    path.write_text("gen-1", encoding="ascii")
    settled(path)
    memo, read = StatMemo(), Reads(path)
    assert memo.get(path, read) == "gen-1"
    change(path)
    assert [memo.get(path, read), memo.get(path, read)] == [expected, expected]
    assert read.count == reads


def test_a_path_that_appears_is_read_again(tmp_path):
    path = tmp_path / "CURRENT"
    memo, read = StatMemo(), Reads(path)
    assert memo.get(path, read) is None
    path.write_text("gen-1", encoding="ascii")
    assert memo.get(path, read) == "gen-1"


def test_a_second_change_within_the_same_timestamp_tick_is_seen(tmp_path):
    # Two writes in one clock tick (or one second on a coarse filesystem) leave the same inode,
    # mtime and size: a memo that trusted the first stat would keep the first text for good.
    path = tmp_path / "CURRENT"
    path.write_text("gen-1", encoding="ascii")
    memo, read = StatMemo(), Reads(path)
    assert memo.get(path, read) == "gen-1"
    rewrite_keeping_mtime(path, "gen-2")
    assert memo.get(path, read) == "gen-2"


@pytest.mark.parametrize("age_ns, kept", [
    (SETTLED_NS + 10**9, True),
    (SETTLED_NS - 10**9, False),   # negative case: too recent, a same-tick change could follow unseen
    (0, False),
])
def test_only_an_mtime_older_than_settled_is_trusted(tmp_path, age_ns, kept):
    path = tmp_path / "CURRENT"
    path.write_text("gen-1", encoding="ascii")
    set_mtime(path, time.time_ns() - age_ns)
    memo, read = StatMemo(), Reads(path)
    memo.get(path, read)
    memo.get(path, read)
    assert read.count == (1 if kept else 2)
