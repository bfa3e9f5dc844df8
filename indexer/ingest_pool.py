"""Documents parsed in helper processes while the ingest process writes them, in the same order.

A large ingest has three kinds of work: reading and attributing each document (the text rules),
handing its records to Whoosh, and Whoosh's two sub-writers indexing them. The first was done in
the ingest process itself, one document at a time, and it is the biggest: on 2,000 benchmark
documents 20 of the ingest process's 22 CPU seconds, while the sub-writers needed 13 CPU seconds
between commits. So one core parsed and the other idled part of the time. Here the parsing is
spread over a few forked processes; the ingest process receives the results in document order
(so records, document ids and the catalogue come out exactly as before) and only writes.

No threads: each helper has its own pipe, and chunk i goes to helper i mod n, so reading the
helpers in turn gives the chunks back in order. At most AHEAD chunks wait per helper: a helper
that is ahead blocks on its pipe, which also holds parsing back when the sub-writers fall
behind (they get the CPU instead).

The helpers are forked with the ingest's locks, like the sub-writers: they die with the ingest
(parent_death), so a killed ingest leaves no process holding the index's write lock. A helper
that dies on its own (the out-of-memory killer) costs no document: its chunk and all after it are
parsed in the ingest process.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence

from .engine.parent_death import die_with_parent

CHUNK = 8  # documents a message: one pipe round trip costs about what a short document's parse does
AHEAD = 2  # chunks sent to a helper before its first result is read
MAX_HELPERS = 4  # the sub-writers are two: more parsers would only crowd them out
NAME = "ingest-parser"  # the helpers' process name (ps, top, /proc/<pid>/comm)


def helper_count() -> int:
    """How many parsing processes a large ingest starts on this machine."""
    return max(1, min(os.cpu_count() or 1, MAX_HELPERS))


@contextmanager
def parsed(jobs: Sequence, parse: Callable, helpers: int) -> Iterator[Iterator]:
    """parse(job) for every job, in order, from `helpers` forked processes (in this one when 1).

    `parse` must return its errors rather than raise them (ingest._extract_job does). The helpers
    are stopped when the block ends, however it ends.
    """
    if helpers < 2 or len(jobs) <= CHUNK:
        yield map(parse, jobs)
        return
    pool = _Pool(parse, min(helpers, -(-len(jobs) // CHUNK)))
    try:
        yield pool.results([list(jobs[at:at + CHUNK]) for at in range(0, len(jobs), CHUNK)])
    finally:
        pool.stop()


class _Pool:
    def __init__(self, parse: Callable, helpers: int):
        self.parse = parse
        self.conns, self.processes = [], []
        context = multiprocessing.get_context("fork")  # spawn would run the caller's __main__ again
        for _ in range(helpers):
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, parse), daemon=True, name=NAME)
            process.start()
            theirs.close()  # so a dead helper reads as EOF here, and later forks do not hold its end
            self.conns.append(ours)
            self.processes.append(process)

    def results(self, chunks: list[list]) -> Iterator:
        n = len(self.conns)
        sent = 0
        for at, chunk in enumerate(chunks):
            while sent < len(chunks) and sent < at + AHEAD * n:
                if not self._send(sent % n, chunks[sent]):
                    break
                sent += 1
            try:
                done = self.conns[at % n].recv()
            except (EOFError, OSError):  # the helper died: parse the rest here
                self.stop()
                for rest in chunks[at:]:
                    yield from map(self.parse, rest)
                return
            yield from done

    def _send(self, helper: int, chunk: list) -> bool:
        try:
            self.conns[helper].send(chunk)
            return True
        except OSError:  # a dead helper: its receive fails next and the rest is parsed here
            return False

    def stop(self) -> None:
        for conn in self.conns:
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        for process in self.processes:
            process.join(1)
            if process.is_alive():  # still parsing a chunk nobody will read
                process.kill()
                process.join()
        self.conns, self.processes = [], []


def _serve(conn, parse: Callable) -> None:
    die_with_parent(os.getppid())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the ingest's to handle: it stops us
    try:
        with open("/proc/self/comm", "w") as comm:  # Linux: the name ps and top show
            comm.write(NAME)
    except OSError:
        pass
    while True:
        try:
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        conn.send([parse(job) for job in chunk])
