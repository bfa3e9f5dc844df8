"""Ctrl-C during `flask ingest`: one line that says what was kept, and the next ingest finishes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.cli import Terminated, sigterm_raises
from indexer.engine.check import check
from indexer.pause_points import PAUSE_ENV, PAUSED_FILE_ENV

from harbour_stories import harbour_total, write_docs

ROOT = Path(__file__).resolve().parent.parent
FLASK = """
import sys
from app import create_app
app = create_app({"INDEX_DIR": sys.argv[1], "BUILD_INDEX_IF_MISSING": False, "SPEAKERS_FILE": None})
result = app.test_cli_runner().invoke(args=["ingest", "--quiet", sys.argv[2]], catch_exceptions=False)
sys.stdout.write(result.stdout)
sys.stderr.write(result.stderr)
sys.exit(result.exit_code)
"""


def flask_ingest(index_dir: Path, docs: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", FLASK, str(index_dir), str(docs)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **env},
                            # as from a terminal: SIGINT raises KeyboardInterrupt (a background job ignores it)
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


@pytest.mark.parametrize("step, signum, status, word", [
    pytest.param("before-first-commit", signal.SIGINT, 130, "Interrupted", marks=pytest.mark.heavy),
    # the batch in the index, its catalogue rows not yet: the journal's case
    ("after-whoosh-commit", signal.SIGINT, 130, "Interrupted"),
    pytest.param("before-speaker-rewrite", signal.SIGINT, 130, "Interrupted", marks=pytest.mark.heavy),
    # `kill PID` (systemd, a container stop, timeout): Python's default was to die without a word
    pytest.param("after-whoosh-commit", signal.SIGTERM, 143, "Terminated", marks=pytest.mark.heavy),
    pytest.param("before-speaker-rewrite", signal.SIGTERM, 143, "Terminated", marks=pytest.mark.heavy),
])
def test_ctrl_c_or_kill_says_what_is_kept_and_the_next_ingest_finishes(tmp_path, step, signum, status, word):
    docs, index_dir, paused = tmp_path / "docs", tmp_path / "ix", tmp_path / "paused"
    write_docs(docs, 4)
    child = flask_ingest(index_dir, docs, {PAUSE_ENV: f"{step}:60", PAUSED_FILE_ENV: str(paused)})
    deadline = time.monotonic() + 60
    while not paused.exists():
        assert child.poll() is None and time.monotonic() < deadline, child.communicate()
        time.sleep(0.05)
    child.send_signal(signum)
    out, err = child.communicate(timeout=60)
    assert child.returncode == status, (out, err)
    assert "Traceback" not in err and "Aborted!" not in err
    assert [line for line in err.splitlines() if line.strip()] == [
        f"{word}: batches committed before are kept in {index_dir}; run ingest again to finish "
        "(unchanged files are skipped)"]
    again = flask_ingest(index_dir, docs, {})
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert harbour_total(index_dir) == 4 and check(index_dir, None).ok


def test_sigterm_raises_terminated_inside_and_the_old_handler_comes_back():
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Terminated):
        with sigterm_raises():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the handler runs between bytecodes: the raise comes long before this ends
    assert signal.getsignal(signal.SIGTERM) is before
