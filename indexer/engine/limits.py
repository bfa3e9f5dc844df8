"""How broad a query may be: wildcards, prefixes, ranges and fuzzy terms expand to many terms.

`?*?*?*?*` expanded to every word of the archive and took 50 s of CPU at 21,584 records, and
the work went on after the client left. A query is checked before it is matched: a wildcard at
the start of a word followed by * is refused (a lone ? still finds one-letter words), and any other expanding
query may name at most MAX_EXPANSION words. Counting stops at the first word past the cap, so
the check itself is bounded too.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

from whoosh import collectors, query

MAX_EXPANSION = 1_000  # words one wildcard/range may stand for: more is a browse, not a search
EXPANDING = (query.Wildcard, query.Prefix, query.TermRange, query.FuzzyTerm, query.Regex)
SECONDS = 10.0  # a search still matching after this is stopped: a client has long given up
TICK = 4096  # documents between looks at the clock

_deadline: ContextVar[float | None] = ContextVar("search_deadline", default=None)


class TooBroad(ValueError):
    """The query would expand to too many words; the message says which part and what to do."""


class TooSlow(TooBroad):
    """The query was still being matched at its deadline."""


@contextmanager
def time_limit(seconds: float | None = None):
    """Within the block, ticking() stops a matching loop SECONDS (or `seconds`) from now."""
    token = _deadline.set(time.monotonic() + (SECONDS if seconds is None else seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def ticking(docnums):
    """`docnums` passed through, raising TooSlow once the current time_limit has passed."""
    deadline = _deadline.get()
    for n, docnum in enumerate(docnums):
        if deadline is not None and n % TICK == 0 and time.monotonic() > deadline:
            raise TooSlow("it took too long to match; make it narrower (more words, fewer wildcards).")
        yield docnum


def check_breadth(q, reader) -> None:
    """Raise TooBroad when a part of q would expand past MAX_EXPANSION words."""
    for part in _expanding_parts(q):
        if isinstance(part, query.Wildcard) and part.text[:1] in ("*", "?") and "*" in part.text:
            raise TooBroad(f"“{part.text}” starts with a wildcard, which matches too many words: "
                           "put at least one letter before * or ?.")
        count = 0
        for _ in part._btexts(reader):
            count += 1
            if count > MAX_EXPANSION:
                raise TooBroad(f"“{_describe(part)}” stands for more than {MAX_EXPANSION:,} different "
                               "words: make it narrower (more letters before *, a shorter range).")


def _expanding_parts(q):
    if isinstance(q, EXPANDING):
        yield q
    elif hasattr(q, "children"):
        for child in q.children():
            yield from _expanding_parts(child)


def _describe(part) -> str:
    if isinstance(part, query.TermRange):
        return f"{part.fieldname}:[{part.start or ''} TO {part.end or ''}]"
    return part.text if isinstance(part.text, str) else str(part)


def search(searcher, q, **options):
    """Whoosh's `searcher.search(q, **options)`, stopped like ticking() at the current time_limit.

    The fallback path (no NumPy arrays for this commit: not written yet, or damaged) matches and
    ranks with Whoosh's collector, which had no bound: a broad query there ran as long as it
    liked. Whoosh's TimeLimitCollector starts a timer thread per search and wants SIGALRM, which
    only the main thread may set; this checks the clock in the collector's own loop instead.
    """
    collector = _Deadline(searcher.collector(**options))
    searcher.search_with_collector(q, collector)
    return collector.results()


class _Deadline(collectors.WrappingCollector):
    """Collects what its child collects, raising TooSlow once the time limit has passed."""

    def collect_matches(self):
        child = self.child
        for sub_docnum in ticking(child.matches()):
            child.collect(sub_docnum)
