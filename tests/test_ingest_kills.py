"""An ingest SIGKILLed at a named step leaves an archive the next plain ingest repairs exactly
(issue 12, items 2 and 8): nothing doubled, nothing lost, and the run after says "unchanged"."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.ingest import ingest
from indexer.pause_points import PAUSE_ENV, PAUSED_FILE_ENV

from harbour_stories import TEXT, harbour_total, write_docs

ROOT = Path(__file__).resolve().parent.parent


def kill_at(step: str, docs: Path, index_dir: Path, tmp_path: Path, rebuild: bool) -> None:
    paused = tmp_path / f"paused-{step}"
    code = ("from pathlib import Path; from indexer.ingest import ingest; "
            f"ingest([Path({str(docs)!r})], Path({str(index_dir)!r}), rebuild={rebuild})")
    env = {**os.environ, PAUSE_ENV: f"{step}:60", PAUSED_FILE_ENV: str(paused)}
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while not paused.exists():
        assert child.poll() is None and time.monotonic() < deadline, f"the ingest never reached {step}"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()


@pytest.mark.heavy
@pytest.mark.parametrize("step, rebuild", [
    ("rebuild-started", True),      # before the build beside the live index (tests/test_rebuild.py: every step)
    ("after-whoosh-commit", True),  # after the first Whoosh commit, before the catalogue's
    ("after-whoosh-commit", False),
    ("before-speaker-rewrite", False),
])
def test_kill_at_any_step_then_plain_ingest_restores_the_clean_archive(tmp_path, step, rebuild):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 4)
    ingest([docs], index_dir)
    (docs / "story_000.txt").write_text(TEXT.format(n=0) + "\nA changed line about the harbour.\n", encoding="utf-8")
    ingest([docs], tmp_path / "clean")
    clean = harbour_total(tmp_path / "clean")  # what the changed folder gives in a fresh index
    kill_at(step, docs, index_dir, tmp_path, rebuild)
    ingest([docs], index_dir)
    assert harbour_total(index_dir) == clean
    again = ingest([docs], index_dir)
    assert (again.skipped, again.added, again.updated, again.repaired) == (4, 0, 0, 0)
    assert harbour_total(index_dir) == clean
