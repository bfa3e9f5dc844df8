"""The write lock is held from an ingest's first read to its last commit (issue 12, item 1)."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.ingest import IngestBusy, ingest
from indexer.pause_points import PAUSE_ENV, PAUSED_FILE_ENV
from indexer.write_lock import lock_path

from harbour_stories import harbour_total, write_docs

ROOT = Path(__file__).resolve().parent.parent


def start_paused_ingest(docs: Path, index_dir: Path, step: str, paused: Path, *flags: str) -> subprocess.Popen:
    """An ingest in another process that announces (by creating `paused`) and waits at `step`."""
    code = ("import sys; from pathlib import Path; from indexer.ingest import ingest; "
            f"ingest([Path({str(docs)!r})], Path({str(index_dir)!r}), rebuild={'--rebuild' in flags})")
    env = {**os.environ, PAUSE_ENV: f"{step}:4", PAUSED_FILE_ENV: str(paused)}
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)


def wait_for(path: Path, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"the first ingest never reached its pause point ({path})"
        time.sleep(0.05)


@pytest.mark.heavy
@pytest.mark.parametrize("step", ["rebuild-started", "before-first-commit", "rebuild-built", "rebuild-swapped",
                                  "before-speaker-rewrite"])
def test_second_ingest_inside_a_rebuild_is_busy_and_nothing_doubles(tmp_path, step):
    docs, index_dir, paused = tmp_path / "docs", tmp_path / "ix", tmp_path / "paused"
    write_docs(docs, 3)
    ingest([docs], index_dir)
    clean = harbour_total(index_dir)
    first = start_paused_ingest(docs, index_dir, step, paused, "--rebuild")
    try:
        wait_for(paused)
        with pytest.raises(IngestBusy, match="another ingest"):
            ingest([docs], index_dir)
    finally:
        assert first.wait(120) == 0
    assert harbour_total(index_dir) == clean
    assert ingest([docs], index_dir).skipped == 3
    assert harbour_total(index_dir) == clean



def test_locks_left_by_a_process_of_another_boot_do_not_stop_an_ingest(tmp_path):
    """The locks are flocks, which the kernel drops with their process: files left behind, with
    whatever a dead process (or another machine's) wrote in them, are no lock. A pid or host
    written in them and trusted would stop every ingest after a crash until someone deleted them."""
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 2)
    ingest([docs], index_dir)
    lock_path(index_dir).write_text("pid 4242 on another-host, boot 2026-01-01\n", encoding="ascii")
    (index_dir / "MAIN_WRITELOCK").write_text("4242\n", encoding="ascii")  # Whoosh's own, inside the index
    write_docs(docs, 3)
    assert ingest([docs], index_dir).added == 1
    assert harbour_total(index_dir) == 3
