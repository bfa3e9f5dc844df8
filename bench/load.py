"""Bounded load test on loopback: concurrent clients mixing searches, facet clicks and citation pages.

    python bench/load.py [--documents 2000] [--clients 20] [--seconds 60]
    python bench/load.py --index COPY --alongside "flask ingest DIR"   # an existing archive, a writer beside

Grows the sample archive to --documents documents with the benchmark's generator, serves it with
`flask run` on 127.0.0.1, and lets --clients threads browse for at most --seconds (and at most
--max-requests in all). Prints throughput, latency percentiles and every error; exits 1 on any.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402
from bench.archive_engine import ingest  # noqa: E402
from bench.run import free_port, percentile, start_server  # noqa: E402

WORDS = "korea abuse report women rights government police officials said market north human".split()


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def client(base: str, rng: random.Random, stop: list, budget: list, results: list, errors: list, lock):
    citations: list[str] = []
    while time.perf_counter() < stop[0]:
        with lock:
            if budget[0] <= 0:
                return
            budget[0] -= 1
        roll = rng.random()
        if roll < 0.5 or not citations:
            url = f"{base}/api/search?" + urllib.parse.urlencode({"q": rng.choice(WORDS)})
            kind = "search"
        elif roll < 0.8:
            url = f"{base}/?" + urllib.parse.urlencode({"q": rng.choice(WORDS), "kind": "quote"})
            kind = "facet click"
        else:
            url = base + rng.choice(citations)
            kind = "citation page"
        started = time.perf_counter()
        status, body = fetch(url)
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            results.append((kind, elapsed))
            if status != 200:
                errors.append((status, url))
        if kind == "search" and status == 200:
            citations = [r["url"] for r in json.loads(body)["results"]][:10] or citations


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--max-requests", type=int, default=50_000)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/archive-load"))
    ap.add_argument("--index", type=Path, help="serve this existing index (a copy: --alongside may write to it)")
    ap.add_argument("--alongside", help="shell command started with the clients (an ingest or a rebuild "
                                        "into --index, with FLASK_INDEX_DIR set); the clients run at least "
                                        "--seconds and until it ends")
    args = ap.parse_args()

    if args.index:
        index_dir = args.index
    else:
        docs, index_dir = args.workdir / "docs", args.workdir / "index"
        generate(ROOT / "samples", docs, args.documents * 10, seed=11, per_doc=10)
        shutil.rmtree(index_dir, ignore_errors=True)
        run = ingest([ROOT / "samples", docs], index_dir)
        print(f"archive: {run.documents} documents, {run.records} records (passages and quotes)")

    port = free_port()
    server, _ = start_server(index_dir, port)
    results, errors, lock = [], [], threading.Lock()
    budget = [args.max_requests]
    stop = [time.perf_counter() + args.seconds]  # moved on while --alongside still runs
    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(f"http://127.0.0.1:{port}", random.Random(n), stop, budget,
                                                     results, errors, lock)) for n in range(args.clients)]
    writer, writer_seconds = None, 0.0
    try:
        if args.alongside:
            writer = subprocess.Popen(args.alongside, shell=True, cwd=ROOT, stdout=subprocess.DEVNULL,
                                      env=dict(os.environ, FLASK_INDEX_DIR=str(index_dir)))
        for thread in threads:
            thread.start()
        while writer is not None and writer.poll() is None:  # the clients keep going until it ends
            stop[0] = max(stop[0], time.perf_counter() + 1.0)
            time.sleep(0.2)
        writer_seconds = time.perf_counter() - started
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    wall = time.perf_counter() - started
    if writer is not None:
        status = writer.poll()
        print(f"alongside: {args.alongside[:90]!r}... exited {status} after {writer_seconds:.1f} s")
    times = [ms for _, ms in results]
    print(f"{len(results)} requests by {args.clients} clients in {wall:.1f} s: {len(results) / wall:.1f} requests/s")
    print(f"latency ms: p50 {statistics.median(times):.0f}, p95 {percentile(times, 95):.0f}, max {max(times):.0f}")
    for kind in ("search", "facet click", "citation page"):
        some = [ms for k, ms in results if k == kind]
        if some:
            print(f"  {kind:14} {len(some):6} requests, p95 {percentile(some, 95):.0f} ms")
    print(f"errors: {len(errors)} ({sum(1 for status, _ in errors if status >= 500)} answers 5xx)")
    for status, url in errors[:20]:
        print(f"  {status} {url}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
