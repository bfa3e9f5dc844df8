"""A sub-writer ends with the ingest that forked it, even while it holds the GIL in a long C call."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PARENT = """
import multiprocessing, os, re, sys, time
sys.path.insert(0, {root!r})
from indexer.engine import parent_death
if {no_prctl}:
    parent_death._ask_kernel = lambda: False

def child():
    parent_death.die_with_parent(os.getppid())
    if {hold_gil}:
        re.match(r"(a|aa)+$", "a" * 80 + "b")  # backtracks for ages without releasing the GIL
    while True:
        time.sleep(1)

process = multiprocessing.get_context("fork").Process(target=child)
process.start()
print(process.pid, flush=True)
time.sleep(600)
"""


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")  # a zombie holds no files; whoever adopted it reaps it


def child_outlives_parent_by(seconds: float, *, hold_gil: bool, no_prctl: bool) -> bool:
    script = PARENT.format(root=str(ROOT), hold_gil=hold_gil, no_prctl=no_prctl)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    time.sleep(0.3)  # the child is running its loop
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if gone(child):
            return False
        time.sleep(0.05)
    os.kill(child, signal.SIGKILL)
    return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_the_kernel_ends_a_child_busy_in_c_code_when_its_parent_is_killed():
    assert not child_outlives_parent_by(5, hold_gil=True, no_prctl=False)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_without_prctl_a_thread_ends_an_idle_child():
    assert not child_outlives_parent_by(5, hold_gil=False, no_prctl=True)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_the_check_sees_a_child_that_stays():
    # The thread alone cannot end a child that never releases the GIL: what the kernel is for.
    assert child_outlives_parent_by(1.5, hold_gil=True, no_prctl=True)
