"""Benchmark: ingest, index size, search latency, first answer and memory, against SQLite FTS5.

    python bench/run.py --passages 100000 [--corpus DIR] [--json out.json]

Everything goes through the functions the app uses: documents are written to files and indexed by
indexer.ingest.ingest (what `flask ingest` calls); searches go to a real `flask run` server's
/api/search (what the pages call), each returning the top 20 with highlighted snippets and facet
counts over the whole result set. The same passages are then loaded into SQLite FTS5 (porter
tokenizer) and asked the same queries: snippet() for highlights, GROUP BY over the matching rows
for facets. The ratios are the figures that count; absolute times depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402
from indexer.ingest import ingest  # noqa: E402

FACET_COLUMNS = {"speaker": "speaker", "source": "source", "kind": "kind", "year": "year", "place": "place"}


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vocabulary(docs: Path, rng: random.Random, sample: int = 3000):
    files = sorted(docs.rglob("*.txt"))
    words, bigrams = Counter(), []
    for path in rng.sample(files, min(sample, len(files))):
        text = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        tokens = re.findall(r"[a-z]{3,}", text.lower())
        words.update(tokens)
        bigrams += [f"{a} {b}" for a, b in zip(tokens, tokens[1:]) if len(a) > 4 and len(b) > 4]
    ranked = [w for w, _ in words.most_common()]
    return ranked, bigrams


def query_mix(docs: Path, speakers: list[str], sources: list[str], seed: int, per_kind: int = 30) -> list[dict]:
    """At least 200 queries: 8 kinds x per_kind, fixed for a given corpus and seed."""
    rng = random.Random(seed)
    ranked, bigrams = vocabulary(docs, rng)
    very_common = ranked[:10]
    common = ranked[100:600]
    rare = [w for w in ranked[-3000:] if len(w) > 5] or ranked[-50:]
    mix = []
    for _ in range(per_kind):
        mix.append({"kind": "very common word", "q": rng.choice(very_common)})
        mix.append({"kind": "common word", "q": rng.choice(common)})
        mix.append({"kind": "rare word", "q": rng.choice(rare)})
        mix.append({"kind": "two-word AND", "q": f"{rng.choice(common)} {rng.choice(common)}"})
        mix.append({"kind": "phrase", "q": f'"{rng.choice(bigrams)}"'})
        mix.append({"kind": "speaker filter", "q": rng.choice(common), "speaker": rng.choice(speakers[:50])})
        mix.append({"kind": "source+year filter", "q": rng.choice(very_common), "source": rng.choice(sources[:30]),
                    "year": str(rng.randint(2005, 2024))})
        mix.append({"kind": "facets only (empty query)", "q": ""})
    return mix


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def start_server(index_dir: Path, port: int):
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


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_archive(port: int, mix: list[dict]) -> list[float]:
    times = []
    for item in mix:
        params = [("q", item["q"])] + [(k, item[k]) for k in ("speaker", "source", "year") if k in item]
        url = f"http://127.0.0.1:{port}/api/search?" + urllib.parse.urlencode(params)
        started = time.perf_counter()
        with urllib.request.urlopen(url, timeout=120) as response:
            body = json.loads(response.read())
        times.append((time.perf_counter() - started) * 1000)
        assert "facets" in body and "results" in body
    return times


def load_fts5(index_dir: Path, db_path: Path) -> int:
    """The same passages and quotes as the Whoosh index, read from its stored fields."""
    from whoosh import index as whoosh_index

    db_path.unlink(missing_ok=True)
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE p USING fts5(text, speaker UNINDEXED, source UNINDEXED, kind UNINDEXED, "
               "year UNINDEXED, place UNINDEXED, tokenize='porter unicode61')")
    ix = whoosh_index.open_dir(str(index_dir))
    rows = 0
    with ix.searcher() as s:
        batch = []
        for _, fields in s.reader().iter_docs():
            batch.append((fields.get("text", ""), fields.get("speaker"), fields.get("source"), fields.get("kind"),
                          fields.get("year"), fields.get("place")))
            if len(batch) >= 10000:
                db.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?, ?)", batch)
                rows += len(batch)
                batch = []
        db.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?, ?)", batch)
        rows += len(batch)
    db.commit()
    db.close()
    return rows


def fts5_query(item: dict) -> tuple[str, list]:
    where, args = [], []
    if item["q"]:
        words = item["q"].strip('"')
        where.append("p MATCH ?")
        args.append(f'"{words}"' if item["q"].startswith('"') else " AND ".join(f'"{w}"' for w in words.split()))
    for key in ("speaker", "source", "year"):
        if key in item:
            where.append(f"{key} = ?")
            args.append(item[key])
    return (" WHERE " + " AND ".join(where)) if where else "", args


def run_fts5(db_path: Path, mix: list[dict]) -> list[float]:
    db = sqlite3.connect(db_path)
    times = []
    for item in mix:
        where, args = fts5_query(item)
        started = time.perf_counter()
        order = " ORDER BY rank" if item["q"] else ""
        db.execute(f"SELECT rowid, snippet(p, 0, '<mark>', '</mark>', ' … ', 24) FROM p{where}{order} LIMIT 20",
                   args).fetchall()
        db.execute(f"SELECT count(*) FROM p{where}", args).fetchone()
        for column in FACET_COLUMNS.values():
            db.execute(f"SELECT {column}, count(*) AS n FROM p{where} GROUP BY {column} ORDER BY n DESC LIMIT 12",
                       args).fetchall()
        times.append((time.perf_counter() - started) * 1000)
    db.close()
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-news-2005")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/archive-bench"))
    ap.add_argument("--per-kind", type=int, default=30, help="queries per kind (8 kinds)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--keep-index", action="store_true", help="reuse an index built by an earlier run")
    ap.add_argument("--ingest-only", action="store_true", help="stop after the ingest figures")
    args = ap.parse_args()

    docs = args.workdir / f"docs-{args.passages}-{args.seed}"
    index_dir = args.workdir / f"index-{args.passages}-{args.seed}"
    print(f"corpus: {args.passages:,} passages from {args.corpus} into {docs}", flush=True)
    generate(args.corpus, docs, args.passages, args.seed)

    figures = {"passages": args.passages}
    # The ingest figures are kept beside the index, so --keep-index runs still report them.
    ingest_figures = args.workdir / f"ingest-{args.passages}-{args.seed}.json"
    if not (args.keep_index and index_dir.exists()):
        shutil.rmtree(index_dir, ignore_errors=True)
        summary = ingest([docs], index_dir)
        records = summary.passages + summary.quotes
        figures.update(records=records, documents=summary.added, ingest_s=round(summary.seconds, 1),
                       ingest_records_per_s=round(records / summary.seconds), failed=summary.failed)
        print(f"ingest: {summary.line()}", flush=True)
        again = ingest([docs], index_dir)
        figures["reingest_unchanged_s"] = round(again.seconds, 1)
        ingest_figures.write_text(json.dumps(figures) + "\n")
    else:
        # An unchanged re-ingest also writes whatever per-commit arrays this version of the code reads.
        ingest([docs], index_dir)
        if ingest_figures.exists():
            figures.update(json.loads(ingest_figures.read_text()))
    figures["index_mb"] = round(folder_mb(index_dir), 1)
    if args.ingest_only:
        print(json.dumps(figures, indent=2))
        return

    from indexer.engine import SearchEngine, SearchRequest
    top = SearchEngine(index_dir).search(SearchRequest("", page_size=1))
    speakers = [v for v, _ in top.facets["speaker"]]
    sources = [v for v, _ in top.facets["source"]]
    mix = query_mix(docs, speakers, sources, args.seed, args.per_kind)

    port = free_port()
    server, first_answer = start_server(index_dir, port)
    try:
        times = run_archive(port, mix)
        figures["peak_rss_mb"] = round(peak_rss_mb(server.pid))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    figures["first_answer_s"] = round(first_answer, 2)

    db_path = args.workdir / f"fts5-{args.passages}-{args.seed}.sqlite"
    fts_rows = load_fts5(index_dir, db_path)
    fts_times = run_fts5(db_path, mix)

    figures.update(
        queries=len(mix), fts5_rows=fts_rows,
        search_p50_ms=round(statistics.median(times), 1), search_p95_ms=round(percentile(times, 95), 1),
        search_max_ms=round(max(times), 1),
        fts5_search_p50_ms=round(statistics.median(fts_times), 1),
        fts5_search_p95_ms=round(percentile(fts_times, 95), 1), fts5_search_max_ms=round(max(fts_times), 1),
    )
    figures["p95_ratio_to_fts5"] = round(figures["search_p95_ms"] / figures["fts5_search_p95_ms"], 2)
    figures["p50_ratio_to_fts5"] = round(figures["search_p50_ms"] / figures["fts5_search_p50_ms"], 2)
    by_kind = {}
    for item, ms, fts_ms in zip(mix, times, fts_times):
        by_kind.setdefault(item["kind"], ([], []))
        by_kind[item["kind"]][0].append(ms)
        by_kind[item["kind"]][1].append(fts_ms)
    figures["by_kind_p95_ms"] = {k: [round(percentile(a, 95), 1), round(percentile(b, 95), 1)]
                                 for k, (a, b) in by_kind.items()}

    print(f"\n{'figure':28} {'value':>12}")
    for key, value in figures.items():
        if key != "by_kind_p95_ms":
            print(f"{key:28} {value:>12}")
    print(f"\n{'query kind (p95 ms)':28} {'archive':>10} {'fts5':>10}")
    for kind, (ours, theirs) in figures["by_kind_p95_ms"].items():
        print(f"{kind:28} {ours:>10} {theirs:>10}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
