"""An ingest run in a child process and SIGKILLed once it reaches a named pause point.

indexer/pause_points.py lets an ingest stop at a step when PAUSE_ENV names it; the kill and
rebuild tests use this to crash an ingest exactly there.
"""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from indexer.pause_points import PAUSE_ENV, PAUSED_FILE_ENV

ROOT = Path(__file__).resolve().parent.parent


def kill_ingest_at(step: str, docs: Path, index_dir: Path, tmp_path: Path,
                   rebuild: bool = False, batch_docs: int | None = None) -> None:
    paused = tmp_path / f"paused-{step}"
    batches = f", batch_docs={batch_docs}" if batch_docs else ""
    code = ("from pathlib import Path; from indexer.ingest import ingest; "
            f"ingest([Path({str(docs)!r})], Path({str(index_dir)!r}), rebuild={rebuild}{batches})")
    env = {**os.environ, PAUSE_ENV: f"{step}:60", PAUSED_FILE_ENV: str(paused)}
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while not paused.exists():
        assert child.poll() is None and time.monotonic() < deadline, f"the ingest never reached {step}"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
