"""Benchmark: the archive against SQLite FTS5 (built well) and tantivy, on the same records and queries.

    python bench/run.py --passages 100000 [--corpus DIR] [--json out.json]

A deterministic corpus is generated, ingested by the archive (indexer.ingest.ingest, what `flask
ingest` runs), and extracted once more in process (indexer.extract alone, timed in CPU seconds)
into a spool of records that FTS5 and tantivy index, so all engines hold the same passages and
quotes. Then every query of the mix is asked of the archive over HTTP (a real `flask run`
server: what users see), the archive in process (like for like), FTS5 and tantivy (when the
package is installed: requirements-bench.txt), in the same run, the engines' order rotating per
query. Modules: archive_engine (the only code that calls the archive), fts5_engine,
tantivy_engine, mix (queries), timing, report.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import archive_engine, fts5_engine, report, spool, tantivy_engine  # noqa: E402
from bench.archive_engine import free_port, start_server  # noqa: E402,F401  (bench/load.py imports them here)
from bench.corpus import generate  # noqa: E402
from bench.mix import Query, query_mix  # noqa: E402
from bench.timing import ask_all, load_average, percentile  # noqa: E402,F401

WARM_UP = Query("warm-up", ("said",))


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def ingest_row(engine: str, includes: str, seconds: float, cpu_seconds: float, records: int, **extra) -> dict:
    return dict(engine=engine, includes=includes, seconds=round(seconds, 1), cpu_seconds=round(cpu_seconds, 1),
                records_per_s=round(records / max(seconds, 1e-9)),
                records_per_cpu_s=round(records / max(cpu_seconds, 1e-9)), records=records, **extra)


def archive_ingest(docs: Path, index_dir: Path, saved: Path, keep: bool) -> dict:
    """The archive's ingest figures: measured now, or saved by the run that built a kept index."""
    if keep and index_dir.exists() and saved.exists():
        archive_engine.ingest([docs], index_dir)  # writes whatever per-commit arrays this code reads
        figures = json.loads(saved.read_text())
        figures["row"]["engine"] += " (saved by the run that built the index)"
        # What the index holds now, not the count saved with the timings: an index built before
        # `held` below was counted saved its records written, re-written documents twice.
        figures["row"]["records"] = archive_engine.count(index_dir)
        return figures
    shutil.rmtree(index_dir, ignore_errors=True)
    run = archive_engine.ingest([docs], index_dir)
    print(f"archive ingest: {run.summary}", flush=True)
    again = archive_engine.ingest([docs], index_dir)
    # The records the index holds, not the ingest's count of records written: a document re-written
    # for speaker corrections is written twice, and the other engines index each record once.
    held = archive_engine.count(index_dir)
    figures = {"row": ingest_row("archive ingest (indexer.ingest)",
                                 "reading and hashing files, extraction with quote attribution, Whoosh indexing "
                                 "(2 processes), facet and posting arrays, commits", run.seconds, run.cpu_seconds,
                                 held, mb=round(folder_mb(index_dir), 1)),
               "documents": run.documents, "failed": run.failed, "reingest_unchanged_s": round(again.seconds, 1)}
    saved.write_text(json.dumps(figures) + "\n")
    return figures


def index_as_is(index_dir: Path) -> dict:
    """Figures for an index used as it stands: an ingest stopped before the end (at a commit)."""
    records = archive_engine.count(index_dir)
    print(f"archive index used as it is: {records:,} records committed", flush=True)
    row = dict(engine="archive ingest: stopped before the end, index used as it is (--index-as-is)",
               includes="the records committed when it was stopped; no ingest timed in this run", seconds=None,
               cpu_seconds=None, records_per_s=None, records_per_cpu_s=None, records=records,
               mb=round(folder_mb(index_dir), 1))
    return {"row": row, "documents": None, "failed": None, "reingest_unchanged_s": None}


def extraction(docs: Path, spool_path: Path, saved: Path, keep: bool, index_dir: Path, from_index: bool) -> dict:
    if keep and spool_path.exists() and saved.exists():
        row = json.loads(saved.read_text())
        return dict(row, engine=row["engine"] + " (saved by the run that wrote the records)")
    if from_index:
        count = spool.write(spool_path, archive_engine.stored(index_dir))
        print(f"records: {count:,} read back from the archive's index (extraction alone not timed)", flush=True)
        return dict(engine="extraction alone: not timed in this run (--records-from-index)",
                    includes="the records were read back from the archive's index", seconds=None,
                    cpu_seconds=None, records_per_s=None, records_per_cpu_s=None, records=count)
    tally = archive_engine.Extraction()
    spool.write(spool_path, archive_engine.extract(docs, tally))
    print(f"extraction: {tally.records:,} records in {tally.cpu_seconds:.1f} CPU s", flush=True)
    row = ingest_row("extraction alone (indexer.extract)", "loading, passages, quotes and attribution, in "
                     "process on one core; files already read; no indexing", tally.cpu_seconds,
                     tally.cpu_seconds, tally.records)
    saved.write_text(json.dumps(row) + "\n")
    return row


def facet_leaders(spool_path: Path) -> tuple[list[str], list[str]]:
    """Speakers and sources, most frequent first: the filtered queries pick among the leaders."""
    speakers, sources = Counter(), Counter()
    for batch in spool.read(spool_path):
        speakers.update(r.speaker for r in batch if r.speaker)
        sources.update(r.source for r in batch if r.source)
    return [v for v, _ in speakers.most_common()], [v for v, _ in sources.most_common()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-news-2005")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/archive-bench"))
    ap.add_argument("--per-kind", type=int, default=30, help="queries per kind (8 kinds)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--keep-index", action="store_true",
                    help="reuse the archive index and extracted records of an earlier run (and their figures)")
    ap.add_argument("--ingest-only", action="store_true", help="stop after the ingest figures")
    ap.add_argument("--index-as-is", action="store_true",
                    help="use the archive's index as it stands, without ingesting (an ingest stopped at a commit "
                         "before the end); use with --records-from-index so every engine holds the same records")
    ap.add_argument("--records-from-index", action="store_true",
                    help="give FTS5 and tantivy the records read back from the archive's index instead of "
                         "extracting them again (saves extraction's CPU time; extraction alone is then not timed)")
    ap.add_argument("--no-tantivy", action="store_true", help="leave tantivy out even when it is installed")
    args = ap.parse_args()

    figures = {"passages": args.passages, "load_before": load_average()}
    name = f"{args.passages}-{args.seed}"
    docs, index_dir = args.workdir / f"docs-{name}", args.workdir / f"index-{name}"
    print(f"corpus: {args.passages:,} passages from {args.corpus} into {docs}", flush=True)
    generate(args.corpus, docs, args.passages, args.seed)

    if args.index_as_is:
        archived = index_as_is(index_dir)
    else:
        archived = archive_ingest(docs, index_dir, args.workdir / f"ingest-{name}.json", args.keep_index)
    spool_path = args.workdir / f"records-{name}.jsonl"
    rows = [extraction(docs, spool_path, args.workdir / f"extract-{name}.json", args.keep_index, index_dir,
                       args.records_from_index), archived["row"]]
    if rows[0]["records"] != archived["row"]["records"]:
        print(f"warning: extraction found {rows[0]['records']:,} records, the archive indexed "
              f"{archived['row']['records']:,}; the engines do not hold the same records", flush=True)
    figures.update(records=archived["row"]["records"], documents=archived["documents"], failed=archived["failed"],
                   reingest_unchanged_s=archived["reingest_unchanged_s"], index_mb=archived["row"]["mb"])

    built = fts5_engine.build(args.workdir / f"fts5-{name}.sqlite", spool.read(spool_path))
    rows.append(ingest_row("FTS5 build", "inserting the extracted records, FTS index, 'optimize', B-tree indexes; "
                           "no reading, no extraction", built.seconds, built.cpu_seconds, built.records,
                           mb=round(built.mb, 1)))
    use_tantivy = tantivy_engine.available() and not args.no_tantivy
    if use_tantivy:
        built = tantivy_engine.build(args.workdir / f"tantivy-{name}", spool.read(spool_path))
        rows.append(ingest_row("tantivy build", "adding the extracted records, commit and merges (its own "
                               "threads); no reading, no extraction", built.seconds, built.cpu_seconds,
                               built.records, mb=round(built.mb, 1)))
    else:
        print("tantivy: not installed (pip install -r requirements-bench.txt) or left out", flush=True)
    figures["ingest"] = rows
    if args.ingest_only:
        report.print_ingest(figures)
        return

    mix = query_mix(docs, *facet_leaders(spool_path), args.seed, args.per_kind)
    engines = []
    try:  # opened one by one inside the try, so the server stops even if a later engine fails to open
        engines.append(archive_engine.OverHttp(index_dir))
        engines.append(archive_engine.InProcess(index_dir))
        engines.append(fts5_engine.Fts5(args.workdir / f"fts5-{name}.sqlite"))
        if use_tantivy:
            engines.append(tantivy_engine.Tantivy(args.workdir / f"tantivy-{name}"))
        for engine in engines:
            engine.search(WARM_UP)  # first-request costs (opening files, assembling arrays) stay out of the figures
        figures["load_before_queries"] = load_average()
        timed = ask_all(engines, mix)
        figures["peak_rss_mb"] = round(engines[0].peak_rss_mb())
        figures["first_answer_s"] = round(engines[0].first_answer_s, 2)
    finally:
        for engine in engines:
            engine.close()
    figures["load_after"] = load_average()
    figures["queries"] = len(mix)
    figures["latency_ms"] = report.latency(mix, timed)
    archive = report.ARCHIVE
    figures["ratios"] = {"archive/FTS5": report.ratios(figures["latency_ms"], archive, "FTS5")}
    if use_tantivy:
        figures["ratios"]["archive/tantivy"] = report.ratios(figures["latency_ms"], archive, "tantivy")
    figures["ratios"]["archive HTTP/FTS5"] = report.ratios(figures["latency_ms"], "archive (HTTP)", "FTS5")
    figures["agreement"] = report.agreement(mix, timed)
    figures["facets_only_note"] = report.FACETS_CACHED
    report.print_tables(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
