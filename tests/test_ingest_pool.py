"""ingest_pool: documents parsed in helper processes come back in order, whatever happens to a helper."""
import os
import signal
from pathlib import Path

import pytest

from indexer import ingest_pool
from indexer.ingest_pool import CHUNK, parsed


def square_with_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def dies_on(n: int) -> tuple[int, int]:
    """A helper that meets job 2 * CHUNK + 1 is killed as by the out-of-memory killer."""
    if n == 2 * CHUNK + 1 and os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n, os.getpid()


PARENT = os.getpid()


@pytest.mark.parametrize("jobs, helpers", [
    (0, 2), (1, 2), (CHUNK, 2), (CHUNK + 1, 2), (5 * CHUNK + 3, 2), (40 * CHUNK, 3), (7, 1), (100, 1),
])
def test_results_in_job_order(jobs, helpers):
    with parsed(list(range(jobs)), square_with_pid, helpers) as results:
        got = list(results)
    assert [value for value, _ in got] == [n * n for n in range(jobs)]


@pytest.mark.parametrize("jobs, helpers, in_helpers", [
    (5 * CHUNK, 2, True),  # enough for a pool: parsed elsewhere
    (CHUNK, 2, False),  # one chunk: a pool costs more than it saves
    (5 * CHUNK, 1, False),  # one helper asked: parsed here
])
def test_where_jobs_are_parsed(jobs, helpers, in_helpers):
    with parsed(list(range(jobs)), square_with_pid, helpers) as results:
        pids = {pid for _, pid in results}
    assert (os.getpid() not in pids) is in_helpers
    assert len(pids) == (min(helpers, 2) if in_helpers else 1)


def test_a_dead_helper_costs_no_job():
    jobs = list(range(6 * CHUNK))
    with parsed(jobs, dies_on, 2) as results:
        got = list(results)
    assert [value for value, _ in got] == [n * n for n in jobs]
    assert os.getpid() in {pid for _, pid in got[2 * CHUNK:]}  # the dead helper's chunk was parsed here


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return status != "Z"


def test_helpers_stop_when_the_block_ends_early():
    with pytest.raises(RuntimeError):
        with parsed(list(range(20 * CHUNK)), square_with_pid, 2) as results:
            pids = {pid for _, pid in (next(results) for _ in range(3))}
            raise RuntimeError("a commit failed")
    assert pids and os.getpid() not in pids
    assert not any(_alive(pid) for pid in pids)


def test_helper_count_is_bounded(monkeypatch):
    for cores, expected in [(None, 1), (1, 1), (2, 2), (64, ingest_pool.MAX_HELPERS)]:
        monkeypatch.setattr(os, "cpu_count", lambda: cores)
        assert ingest_pool.helper_count() == expected
