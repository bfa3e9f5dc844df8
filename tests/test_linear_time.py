"""Hostile documents: every stage takes time in proportion to the document's length.

A document of many short paragraphs was quadratic in passages.split (2 MB took 55 s), and one
naming thousands of people was quadratic in the name memory. Each shape is timed at N and 2N:
twice the text must take about twice the time (a generous bound for a shared machine), and the
larger one must finish in seconds.
"""
import string
import time
from pathlib import Path

import pytest

from indexer.extract import extract
from indexer.loading import parse
from indexer.passages import split


def _name(i: int) -> str:
    """A distinct invented capitalised word for every i ('Wd', 'Xd', ...)."""
    letters, i = "", i + 100
    while i:
        letters += string.ascii_lowercase[i % 26]
        i //= 26
    return letters.capitalize()


def _short_paragraphs(n: int) -> str:
    return "\n\n".join(f"Line {i} here" for i in range(n))


def _repeated_headlines(n: int) -> str:
    return "\n\n".join("The same short line" for _ in range(n))


def _many_people(n: int) -> str:
    return "\n\n".join(f'{_name(i)} {_name(i + 7)} met officials. "We agree," {_name(i + 7)} said.'
                       for i in range(n))


def _many_senators(n: int) -> str:
    """Every 'the Florida senator' is matched against the senators introduced before it."""
    return "\n\n".join(f'Sen. {_name(i)} {_name(i + 7)} (R-Fla.) spoke. "We agree on the plan," the Florida senator said.'
                       for i in range(n))


def _one_paragraph_of_quotes(n: int) -> str:
    return " ".join(f'"Point {i} stands," {_name(i)} {_name(i + 3)} said.' for i in range(n))


def _split(text: str) -> None:
    list(split(parse(text, Path("hostile.txt"))))


def _extract(text: str) -> None:
    extract(parse(text, Path("hostile.txt")))


def _pairs_of_cpu_times(stage, small: str, large: str, pairs: int = 3) -> list[tuple[float, float]]:
    """CPU seconds of each text, run back to back, `pairs` times: wall time on a shared machine
    measures the neighbours, and even CPU time swells in bursts when they are busy (1.5-2x for a
    second or so), so each ratio is taken between two runs that met the same conditions."""
    times = []
    for _ in range(pairs):
        pair = []
        for text in (small, large):
            started = time.process_time()
            stage(text)
            pair.append(time.process_time() - started)
        times.append((pair[0], pair[1]))
    return times


@pytest.mark.parametrize("make, stage, n", [
    (_short_paragraphs, _split, 12_000),
    (_repeated_headlines, _split, 12_000),
    (_short_paragraphs, _extract, 3_000),
    (_many_people, _extract, 2_000),
    (_many_senators, _extract, 1_000),
    (_one_paragraph_of_quotes, _extract, 2_000),
])
def test_twice_the_text_takes_about_twice_the_time(make, stage, n):
    pairs = _pairs_of_cpu_times(stage, make(n), make(2 * n))
    double = min(large for _, large in pairs)
    assert double < 5.0, f"{2 * n} units took {double:.1f}s"
    # Quadratic work is 4x in every pair; a burst of load on the larger run makes one pair look bad.
    ratio = min(large / max(small, 0.05) for small, large in pairs)
    assert ratio < 3, f"{n} and {2 * n} units, CPU s: {pairs}"
