"""Every call the benchmark makes into the archive's code (archive/, indexer/), and nothing else.

The engine is moving behind a new interface; when it lands, only this module changes (the
in-process search below is the five lines to rewrite). Three ways in:

- `ingest`: indexer.ingest.ingest, what `flask ingest` runs (reading, extraction, attribution,
  Whoosh indexing, the per-commit arrays);
- `extract`: indexer.extract alone over the same files, timed in CPU seconds, which also yields the
  records FTS5 and tantivy index;
- `OverHttp`: a real `flask run` server's /api/search (what users see), and `InProcess`: the same
  search called in this process (like for like with the other engines).
"""
from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from indexer.discovery import discover
from indexer.extract import extract_path
from indexer.ingest import ingest as archive_ingest
from indexer.loading import UnreadableFile, decode
from indexer.reading import read_bytes
from indexer.records import records

from .mix import Answer, Query
from .spool import Record, from_archive_record, record_key

ROOT = Path(__file__).resolve().parent.parent
__all__ = ["discover", "decode", "read_bytes", "UnreadableFile"]  # the corpus generator reads files the archive's way


@dataclass(frozen=True)
class IngestRun:
    seconds: float
    cpu_seconds: float  # this process and its finished children (Whoosh's sub-writers)
    records: int
    documents: int
    failed: int
    summary: str


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def ingest(paths: list[Path], index_dir: Path) -> IngestRun:
    cpu = _cpu()
    summary = archive_ingest(paths, index_dir)
    return IngestRun(summary.seconds, _cpu() - cpu, summary.passages + summary.quotes, summary.added,
                     summary.failed, summary.line())


@dataclass
class Extraction:
    """Filled in while `extract` is iterated: the cost of extraction alone (files already read)."""
    cpu_seconds: float = 0.0
    records: int = 0
    documents: int = 0


def extract(docs: Path, tally: Extraction) -> Iterator[Record]:
    """The records ingest would index, from indexer.extract run in this process.

    Only the extraction itself is timed: not reading the file, not writing the spool.
    """
    for path, root in discover([docs]):
        data = read_bytes(path)
        started = time.process_time()
        try:
            found = list(records(extract_path(path, root, data)))
        except UnreadableFile:
            continue
        tally.cpu_seconds += time.process_time() - started
        tally.documents += 1
        tally.records += len(found)
        yield from map(from_archive_record, found)


def count(index_dir: Path) -> int:
    """How many records the archive's index holds."""
    from indexer.engine import SearchEngine, SearchRequest
    engine = SearchEngine(index_dir)
    try:
        return engine.search(SearchRequest("", page_size=1)).total
    finally:
        engine.close()


def stored(index_dir: Path) -> Iterator[Record]:
    """Every record the archive's index holds, read back through the engine (no snippets).

    The same records extraction yields (the index stores every field the spool keeps), for a
    run that cannot spend a second extraction's CPU time (a million passages on a shared machine).
    """
    from indexer.engine import SearchEngine, SearchRequest
    engine = SearchEngine(index_dir)
    try:
        with engine.snapshot() as snap:
            for hit in snap.every_hit(SearchRequest("")):
                yield from_archive_record(dict(doc=hit.doc, id=hit.id, kind=hit.kind, text=hit.text,
                                               title=hit.title, speaker=hit.speaker, source=hit.source,
                                               place=hit.place, date=hit.date))
    finally:
        engine.close()


class InProcess:
    """The engine's SearchEngine.search, called directly: the top 20 with snippets and the facets."""

    name = "archive (in process)"

    def __init__(self, index_dir: Path):
        from indexer.engine import Filters, SearchEngine, SearchRequest
        self._archive, self._filters, self._request = SearchEngine(index_dir), Filters, SearchRequest

    def search(self, q: Query) -> Answer:
        filters = self._filters(**{k: (getattr(q, k),) for k in ("speaker", "source", "year") if getattr(q, k)})
        page = self._archive.search(self._request(q.text, filters, page_size=20))
        return Answer(page.total, tuple(record_key(h.doc, h.id, h.kind) for h in page.hits), page.facets)

    def close(self) -> None:
        self._archive.close()


class OverHttp:
    """A `flask run` server over the index, asked through /api/search as the pages ask it."""

    name = "archive (HTTP)"

    def __init__(self, index_dir: Path):
        self.port = free_port()
        self.server, self.first_answer_s = start_server(index_dir, self.port)

    def search(self, q: Query) -> Answer:
        params = [("q", q.text)] + [(k, getattr(q, k)) for k in ("speaker", "source", "year") if getattr(q, k)]
        url = f"http://127.0.0.1:{self.port}/api/search?" + urllib.parse.urlencode(params)
        with urllib.request.urlopen(url, timeout=120) as response:
            body = json.loads(response.read())
        facets = {name: [(f["value"], f["count"]) for f in values] for name, values in body["facets"].items()}
        return Answer(body["total"], tuple(record_key(r["doc"], r["id"], r["kind"]) for r in body["results"]), facets)

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.server.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(index_dir: Path, port: int):
    """(the server process, seconds until its first answer)."""
    env = dict(os.environ, FLASK_INDEX_DIR=str(index_dir), FLASK_BUILD_INDEX_IF_MISSING="false")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "flask", "--app", "app", "run", "--port", str(port),
                             "--with-threads"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/search?q=said"
    while True:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
                return proc, time.perf_counter() - started
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("the server did not start")
            if time.perf_counter() - started > 300:
                proc.kill()
                raise SystemExit("the server gave no answer in 300 s")
            time.sleep(0.05)
