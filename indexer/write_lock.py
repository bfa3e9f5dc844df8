"""One writing command at a time per index, from its first read to its last commit.

Whoosh's own lock covers one writer object only; ingest opens several in a row (batches, the
speaker rewrite, the final merge) and --rebuild read and wiped the index between them, so a
second ingest could slip into a gap and double the archive. This lock is an flock on a file
beside the index folder (not inside it, so a rebuild that replaces the folder keeps it); the
kernel releases it when the process dies, even by SIGKILL, so a killed ingest never leaves it stale.
"""
from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path


def flock_within(fd: int, seconds: float, pause: float) -> bool:
    """Take an exclusive flock on `fd`, trying every `pause` s for `seconds`; False if it stayed held."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(pause)


class WriteLockBusy(Exception):
    """Another writing command holds the index's lock."""


def lock_path(index_dir: Path) -> Path:
    index_dir = Path(index_dir).resolve()
    return index_dir.parent / f"{index_dir.name}.write-lock"


class WriteLock:
    """Held between acquire() and release(); WriteLockBusy if not free within `wait` seconds."""

    def __init__(self, index_dir: Path, wait: float):
        self.index_dir = Path(index_dir)
        self.wait = wait
        self._fd: int | None = None

    def acquire(self) -> "WriteLock":
        path = lock_path(self.index_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if not flock_within(fd, self.wait, pause=0.1):
            os.close(fd)
            raise WriteLockBusy(f"another ingest is writing to {self.index_dir}; "
                                "wait for it to finish and run again")
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    def __enter__(self) -> "WriteLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
