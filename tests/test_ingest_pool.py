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


def ingest_with_helpers(tmp_path, monkeypatch, helpers: int, name: str):
    """A large ingest (past PARALLEL_FROM_DOCS) of varied files, one of them unreadable, with `helpers` parsers."""
    from indexer import ingest as ingest_module
    from indexer.catalog import Catalog
    from whoosh import index

    from indexer.engine import whoosh_patches

    docs = tmp_path / "docs"
    if not docs.exists():
        docs.mkdir()
        for n in range(ingest_module.PARALLEL_FROM_DOCS + 30):
            quote = f'"Ward {n} needs {n % 7} new schools," said Councillor Ana Ruiz.' if n % 3 else "No quote here."
            (docs / f"d{n:04d}.txt").write_text(
                f"Title: Report {n}\n\nThe council met in ward {n}.\n\n{quote}\n" + "More words. " * (n % 11),
                encoding="utf-8")
        (docs / "d9999.txt").write_bytes(b"\xff\xfe\x00broken")
    monkeypatch.setattr(ingest_module, "helper_count", lambda: helpers)
    summary = ingest_module.ingest([docs], tmp_path / name)
    whoosh_patches.install()
    with index.open_dir(str(tmp_path / name)).searcher() as searcher:
        stored = sorted(sorted(fields.items()) for _, fields in searcher.reader().iter_docs())
    catalog = Catalog(tmp_path / name)
    try:
        rows = sorted((row.doc_id, row.path, row.sha, row.passages, row.quotes) for row in catalog.documents())
    finally:
        catalog.close()
    return summary, stored, rows


def test_an_ingest_parsed_in_helpers_writes_what_one_parsed_here_writes(tmp_path, monkeypatch):
    alone, stored_alone, rows_alone = ingest_with_helpers(tmp_path, monkeypatch, 1, "ix-alone")
    helped, stored_helped, rows_helped = ingest_with_helpers(tmp_path, monkeypatch, 2, "ix-helped")
    counts = lambda s: (s.added, s.failed, s.passages, s.quotes, s.failures)
    assert counts(helped) == counts(alone)
    assert alone.added > 200 and alone.quotes > 100
    assert rows_helped == rows_alone
    assert stored_helped == stored_alone
