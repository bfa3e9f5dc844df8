"""Asking every engine every query in one pass, the engines' order rotating from query to query.

Rotation spreads whatever the machine is doing (it is shared) and the caches each engine warms
for the next over all engines alike. Times are wall-clock milliseconds per request.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass

from .mix import Answer, Query


@dataclass(frozen=True)
class Timed:
    ms: dict[str, list[float]]  # engine name -> one time per query, in the mix's order
    answers: dict[str, list[Answer]]


def ask_all(engines: list, mix: list[Query]) -> Timed:
    ms = {e.name: [0.0] * len(mix) for e in engines}
    answers = {e.name: [None] * len(mix) for e in engines}
    for n, q in enumerate(mix):
        turn = n % len(engines)
        for engine in engines[turn:] + engines[:turn]:
            started = time.perf_counter()
            answer = engine.search(q)
            ms[engine.name][n] = (time.perf_counter() - started) * 1000
            answers[engine.name][n] = answer
    return Timed(ms, answers)


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def load_average() -> str:
    """The machine's 1, 5 and 15 minute load averages (it has os.cpu_count() cores)."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"
