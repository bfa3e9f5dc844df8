"""The benchmark's tables: ingest, latency per query kind, ratios, and whether the engines agree."""
from __future__ import annotations

import statistics

from .mix import KINDS, RANKED_KINDS, Query
from .timing import Timed, percentile

ARCHIVE = "archive (in process)"
FACETS_CACHED = ("archive: whole-archive facets and the newest 20 come from a per-commit memo "
                 "(FacetArrays.memo in indexer/engine/facet_arrays.py, used by indexer/engine/search.py), so after the first "
                 "request this row times a cache; FTS5 and tantivy count every time")


def stats(values: list[float]) -> dict:
    return {"p50": round(statistics.median(values), 1), "p95": round(percentile(values, 95), 1),
            "max": round(max(values), 1)}


def latency(mix: list[Query], timed: Timed) -> dict:
    """engine -> kind (and 'overall') -> p50/p95/max in ms."""
    out = {}
    for engine, times in timed.ms.items():
        out[engine] = {kind: stats([t for q, t in zip(mix, times) if q.kind == kind]) for kind in KINDS
                       if any(q.kind == kind for q in mix)}
        out[engine]["overall"] = stats(times)
    return out


def ratios(table: dict, numerator: str, denominator: str) -> dict:
    return {kind: {p: round(table[numerator][kind][p] / max(table[denominator][kind][p], 1e-9), 2)
                   for p in ("p50", "p95")} for kind in table[numerator]}


def agreement(mix: list[Query], timed: Timed) -> dict:
    """Per pair of engines: queries with equal totals, and the mean top-20 overlap on ranked queries."""
    names = [n for n in timed.answers if n != "archive (HTTP)"]
    out = {}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            equal = [x.total == y.total for x, y in zip(timed.answers[a], timed.answers[b])]
            overlaps = [len(set(x.top) & set(y.top)) / max(len(x.top), len(y.top))
                        for q, x, y in zip(mix, timed.answers[a], timed.answers[b])
                        if q.kind in RANKED_KINDS and (x.top or y.top)]
            differ = [(q.text or "(empty)", x.total, y.total)
                      for q, x, y, same in zip(mix, timed.answers[a], timed.answers[b], equal) if not same]
            out[f"{a} vs {b}"] = {"equal_totals": sum(equal), "queries": len(equal),
                                  "top20_overlap": round(statistics.mean(overlaps), 3) if overlaps else None,
                                  "ranked_queries": len(overlaps), "first_differences": differ[:8]}
    return out


def print_ingest(figures: dict) -> None:
    print(f"\nmachine load (1/5/15 min): at the start {figures['load_before']}; before the queries "
          f"{figures.get('load_before_queries', '-')}; at the end {figures.get('load_after', '-')}")
    documents = f"{figures['documents']:,}" if figures["documents"] is not None else "uncounted"
    print(f"corpus: {figures['passages']:,} passages, {figures['records']:,} records "
          f"({documents} documents)" + (f"; {figures['queries']} queries" if "queries" in figures else ""))

    print("\n| ingest | includes | wall s | CPU s | records/s | records/CPU-s | size MB |\n|---|---|---|---|---|---|---|")
    for row in figures["ingest"]:
        rate, per_cpu = (f"{row[k]:,}" if row[k] is not None else "-" for k in ("records_per_s", "records_per_cpu_s"))
        print(f"| {row['engine']} | {row['includes']} | {row['seconds'] or '-'} | {row['cpu_seconds'] or '-'} | "
              f"{rate} | {per_cpu} | {row.get('mb', '')} |")


def print_tables(figures: dict) -> None:
    print_ingest(figures)

    table = figures["latency_ms"]
    engines = list(table)
    print("\n| ms: p50 / p95 / max | " + " | ".join(engines) + " |\n|---|" + "---|" * len(engines))
    for kind in [*KINDS, "overall"]:
        if kind in table[engines[0]]:
            label = kind + (" *" if kind == KINDS[-1] else "")
            print(f"| {label} | " + " | ".join("{p50} / {p95} / {max}".format(**table[e][kind]) for e in engines) + " |")
    print(f"\n\\* {FACETS_CACHED}.")

    pairs = figures["ratios"]
    print("\n| ratio, p50 / p95 | " + " | ".join(pairs) + " |\n|---|" + "---|" * len(pairs))
    for kind in [*KINDS, "overall"]:
        if kind in next(iter(pairs.values())):
            print(f"| {kind} | " + " | ".join("{p50} / {p95}".format(**r[kind]) for r in pairs.values()) + " |")

    print("\n| agreement | equal totals | top-20 overlap (ranked queries) |\n|---|---|---|")
    for pair, row in figures["agreement"].items():
        overlap = "n/a" if row["top20_overlap"] is None else f"{row['top20_overlap']} over {row['ranked_queries']}"
        print(f"| {pair} | {row['equal_totals']} of {row['queries']} | {overlap} |")
    for pair, row in figures["agreement"].items():
        if row["first_differences"]:
            print(f"  {pair}, first differing totals: " +
                  "; ".join(f"{q!r} {x} vs {y}" for q, x, y in row["first_differences"]))
    print("\n" + "  ".join(f"{k} {figures[k]}" for k in ("first_answer_s", "peak_rss_mb", "index_mb",
                                                          "reingest_unchanged_s") if k in figures))
