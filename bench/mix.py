"""The query mix every engine is asked, and the answer each gives back.

Eight kinds of query, per_kind of each, fixed for a corpus and seed. Words are picked from a sample
of the generated documents by frequency; speakers and sources from the most frequent ones, so
filtered queries usually find something.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

KINDS = ("very common word", "common word", "rare word", "two-word AND", "phrase", "speaker filter",
         "source+year filter", "facets only (empty query)")
# Kinds whose top 20 is ranked by relevance (the empty query lists the newest records instead).
RANKED_KINDS = KINDS[:-1]
PAGE = 20


@dataclass(frozen=True)
class Query:
    kind: str
    words: tuple[str, ...] = ()
    phrase: bool = False
    speaker: str | None = None
    source: str | None = None
    year: str | None = None

    @property
    def text(self) -> str:
        """As a user types it into the archive's search box."""
        return f'"{" ".join(self.words)}"' if self.phrase else " ".join(self.words)


@dataclass(frozen=True)
class Answer:
    total: int
    top: tuple[str, ...]  # record keys (bench.spool.record_key), best first
    facets: dict  # facet name -> [(value, count)], most frequent first


def vocabulary(docs: Path, rng: random.Random, sample: int = 3000) -> tuple[list[str], list[str]]:
    """(words by frequency, adjacent pairs of longer words) from a sample of the documents' bodies."""
    files = sorted(docs.rglob("*.txt"))
    words, bigrams = Counter(), []
    for path in rng.sample(files, min(sample, len(files))):
        text = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        tokens = re.findall(r"[a-z]{3,}", text.lower())
        words.update(tokens)
        bigrams += [f"{a} {b}" for a, b in zip(tokens, tokens[1:]) if len(a) > 4 and len(b) > 4]
    return [w for w, _ in words.most_common()], bigrams


def query_mix(docs: Path, speakers: list[str], sources: list[str], seed: int, per_kind: int = 30) -> list[Query]:
    rng = random.Random(seed)
    ranked, bigrams = vocabulary(docs, rng)
    very_common = ranked[:10]
    common = ranked[100:600] or ranked
    rare = [w for w in ranked[-3000:] if len(w) > 5] or ranked[-50:]
    mix = []
    for _ in range(per_kind):
        mix += [
            Query("very common word", (rng.choice(very_common),)),
            Query("common word", (rng.choice(common),)),
            Query("rare word", (rng.choice(rare),)),
            Query("two-word AND", (rng.choice(common), rng.choice(common))),
            Query("phrase", tuple(rng.choice(bigrams).split()), phrase=True),
            Query("speaker filter", (rng.choice(common),), speaker=rng.choice(speakers[:50])),
            Query("source+year filter", (rng.choice(very_common),), source=rng.choice(sources[:30]),
                  year=str(rng.randint(2005, 2024))),
            Query("facets only (empty query)"),
        ]
    return mix
