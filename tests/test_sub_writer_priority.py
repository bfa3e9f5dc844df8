"""A parallel ingest's sub-writers and its parsers (ingest_pool) run at the ingest's own priority:
the sub-writers are the stage the others wait for, and niced they were starved by other work."""
import os
import threading
import time
from pathlib import Path

import pytest

from indexer.ingest import PARALLEL_FROM_DOCS, ingest
from indexer.ingest_pool import NAME

CHILDREN = Path("/proc/self/task")


def child_pids() -> set[int]:
    pids = set()
    for listing in CHILDREN.glob("*/children"):
        try:
            pids.update(int(pid) for pid in listing.read_text().split())
        except OSError:
            pass  # a thread that ended while we looked
    return pids


@pytest.mark.skipif(not any(CHILDREN.glob("*/children")), reason="needs /proc/<pid>/task/<tid>/children")
def test_sub_writers_and_parsers_run_at_the_ingests_priority(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(PARALLEL_FROM_DOCS + 20):  # enough for the two-process writer
        (docs / f"d{n:04d}.txt").write_text(
            f"Title: Report {n}\n\nThe council met in ward {n}.\n\n\"We agreed,\" said Ana Ruiz.\n", encoding="utf-8")
    seen: dict[int, tuple[str, int]] = {}  # pid: (process name, niceness)
    done = threading.Event()

    def watch():
        while not done.is_set():
            for pid in child_pids():
                try:
                    name = Path(f"/proc/{pid}/comm").read_text().strip()
                    seen[pid] = name, os.getpriority(os.PRIO_PROCESS, pid)
                except OSError:
                    pass  # it ended between the listing and the question
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        ingest([docs], tmp_path / "ix")
    finally:
        done.set()
        watcher.join()
    own = os.getpriority(os.PRIO_PROCESS, 0)
    parsers = {nice for name, nice in seen.values() if name == NAME}
    writers = {nice for name, nice in seen.values() if name != NAME}
    assert writers, "no sub-writer was seen"
    assert parsers, "no parser was seen"
    assert writers == {own}
    assert parsers == {own}
