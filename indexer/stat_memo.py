"""A value read from a file or folder, read again only when one os.stat says the path changed.

Every search asks which generation is live (the CURRENT pointer) and which commit is newest (the
TOC names in the generation's folder): reading the pointer and listing the folder per request cost
~90 us of a 2.5 ms search at a million passages. Both change only by a change to a path that one
stat sees: a swap replaces CURRENT (a new inode, mtime, size), a commit adds and renames files in
the folder (its mtime). So the value is kept under the path's (device, inode, mtime, size) and
reused while a stat returns the same four.

What a stat cannot see is a second change within the same timestamp tick: the kernel stamps files
from a clock that moves in jiffies (1-10 ms), and some filesystems keep whole or even-numbered
seconds, so two commits in one tick leave a folder with the same mtime and size. The cure is git's
for its "racily clean" index: a key is trusted only when its mtime was already SETTLED old at the
moment of the stat. Any change after that stat gets an mtime from a later clock reading, at least
(stat time - one tick - the filesystem's granularity) > the settled mtime, so it cannot repeat it.
Until a path has been quiet that long every read is a full one, as before this memo. This holds for
a local filesystem whose clock is the reader's (not across a network share's clock, nor a wall
clock stepped back by more than SETTLED while the archive runs).
"""
from __future__ import annotations

import os
import threading
import time

# > one clock tick + a filesystem's timestamp granularity (2 s on FAT): how old an mtime must be
# before a key with it is trusted. It only costs full reads in the seconds after a change.
SETTLED_NS = 3_000_000_000
_KEPT = 16  # paths remembered per memo (one per archive or generation folder a process reads)
_ABSENT = ("absent",)


class StatMemo:
    """`get(path, read)`: read()'s value, kept while the path's stat does not change.

    Thread-safe: a stale entry is only ever replaced whole, and a read that raced a change is
    stored under the key taken before it, so the next stat sees the change and reads again.
    """

    def __init__(self) -> None:
        self._kept: dict[str, tuple] = {}
        self._lock = threading.Lock()

    def get(self, path, read):
        path = os.fspath(path)
        key, settled = stat_key(path, time.time_ns())
        kept = self._kept.get(path)
        if kept is not None and kept[0] == key:
            return kept[1]
        value = read()
        with self._lock:
            if settled:
                if path not in self._kept and len(self._kept) >= _KEPT:
                    self._kept.pop(next(iter(self._kept)))
                self._kept[path] = (key, value)
            else:
                self._kept.pop(path, None)  # changed within SETTLED: read in full until it is quiet
        return value


def stat_key(path, now_ns: int) -> tuple[tuple, bool]:
    """(key, settled): what one stat of `path` says of it, and whether a value kept under that key
    can be trusted (its mtime older than SETTLED_NS at `now_ns`, a time.time_ns() taken BEFORE this
    call: a change after the stat gets a later mtime than `now - tick`). For a value read from
    several paths: keep it only while every path's key is the same and was settled."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return _ABSENT, True  # a path that appears later stats differently: absence is always settled
    return (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size), info.st_mtime_ns < now_ns - SETTLED_NS
