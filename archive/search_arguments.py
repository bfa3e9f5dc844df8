"""Reading search parameters from a request, the same way for the HTML pages and the JSON API,
and writing them back into a link with some of them changed."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from urllib.parse import urlencode

from flask import current_app, url_for
from werkzeug.datastructures import MultiDict

from indexer.engine import FACETS, SORTS, Filters

MAX_QUERY = 500
MAX_VALUES = 20
PAGE_SIZES = (10, 20, 50, 100)


class BadParameter(ValueError):
    """A parameter the archive cannot use; the message names it, and `names` the parameters to drop
    for a search that can run (the error page links to it, so the reader keeps the rest)."""

    def __init__(self, message: str, *names: str):
        super().__init__(message)
        self.names = names


@dataclass(frozen=True)
class SearchArgs:
    q: str
    filters: Filters
    page: int
    page_size: int
    sort: str
    note: str | None = None  # what was changed in the query before searching it, for the reader


def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    value = value.strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise BadParameter(f"{name} must be a date like 2018, 2018-11 or 2018-11-01, not {value[:40]!r}", name)
    # The range compares text, so 2018-13 or 2018-02-30 would silently mean "after 2018": say so instead.
    year, month, day = (int(p) for p in (value + "-01-01").split("-")[:3])
    try:
        Date(max(year, 1), month, day)
    except ValueError:
        raise BadParameter(f"{name} is not a date of the calendar: {value!r} (a month is 01 to 12, "
                           "a day as many as its month has)", name) from None
    return value


def _whole_number(raw: str | None, name: str, default: int) -> int:
    if raw is None or raw == "":
        return default
    if re.fullmatch(r"-?\d{10,}", raw.strip()):  # a whole number, but no page or size could be that large
        raise BadParameter(f"{name} is too large: {raw.strip()[:40]} (at most 999,999,999)", name)
    if not re.fullmatch(r"-?\d{1,9}", raw.strip()):
        raise BadParameter(f"{name} must be a whole number, not {raw[:40]!r}", name)
    return int(raw)


# Operator words, which a query cut at its limit must not end on.
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})

# Typographic double quotation marks a phone, a word processor or a pasted quote puts round a phrase:
# the parser knows only '"', so “pay maternity” was searched as two loose words (15 hits, not 0).
_DOUBLE_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»″〝〞＂", '"'))


def straight_quotes(q: str) -> str:
    """q with every kind of double quotation mark written '"', so a phrase is a phrase however typed."""
    return q.translate(_DOUBLE_QUOTES)


def within_limit(q: str) -> tuple[str, str | None]:
    """(q cut to MAX_QUERY characters at a word's end, or q; a note saying so). A pasted paragraph
    was cut mid-word, so its last word matched nothing and the search found nothing; a phrase
    cut open became plain words. A cut phrase or bracket is closed, a dangling operator dropped."""
    if len(q) <= MAX_QUERY:
        return q, None
    cut = q[:MAX_QUERY]
    if not q[MAX_QUERY].isspace() and len(cut.split()) > 1:
        cut = cut.rsplit(None, 1)[0]
    words = cut.split()
    while len(words) > 1 and words[-1] in OPERATORS:
        words.pop()
    cut = " ".join(words)
    cut += '"' * (cut.count('"') % 2) + ")" * max(0, cut.count("(") - cut.count(")"))
    # One word left is the first MAX_QUERY characters of a longer one ("the first 1 words" was said).
    searched = f"{len(words):,} words were" if len(words) > 1 else f"{MAX_QUERY} characters were"
    return cut, (f"Only the first {searched} searched: a query can be {MAX_QUERY} characters "
                 f"long, and this one was {len(q):,}.")


def page_number(args: MultiDict) -> int:
    page = _whole_number(args.get("page"), "page", 1)
    if page < 1:
        raise BadParameter("page must be 1 or more", "page")
    return page


def search_args(args: MultiDict, default_page_size: int = 20) -> SearchArgs:
    q, note = within_limit(straight_quotes(args.get("q") or ""))
    page = page_number(args)
    page_size = _whole_number(args.get("size"), "size", default_page_size)
    if page_size not in PAGE_SIZES and page_size != default_page_size:
        raise BadParameter(f"size must be one of {', '.join(map(str, PAGE_SIZES))}", "size")
    sort = args.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadParameter(f"sort must be one of {', '.join(sorted(SORTS))}", "sort")
    values = {name: tuple(dict.fromkeys(v[:200] for v in args.getlist(name) if v)) for name in FACETS}
    for name, chosen in values.items():
        if len(chosen) > MAX_VALUES:  # the 21st and later were dropped without a word, changing the results
            raise BadParameter(f"at most {MAX_VALUES} values of {name} can be chosen at once, not {len(chosen)}", name)
    date_from, date_to = _date(args.get("from"), "from"), _date(args.get("to"), "to")
    if date_from and date_to and date_from[:len(date_to)] > date_to:
        raise BadParameter(f"from ({date_from}) is after to ({date_to}): nothing could match; swap them", "from", "to")
    filters = Filters(**values, date_from=date_from, date_to=date_to, doc=(args.get("doc") or None))
    return SearchArgs(q, filters, page, page_size, sort, note)


# What url_for leaves unescaped in a query string (the WHATWG's query set), so links read as before.
QUERY_SAFE = "!$'()*,/:;?@"


def changed_url(endpoint: str, args, **changes) -> str:
    """`endpoint`'s URL with the query string `args` (a MultiDict, or a dict of lists) changed.

    A change's value is a string or a list of them; None removes the parameter, and a change
    starts again at page 1 unless it sets the page. The endpoint's own path parts (a facet's
    name, an export's format) come from the changes. The query string is encoded here, not by
    url_for, which would take a reader's `endpoint`, `_anchor` or `_external` for its own
    arguments (a 500, or links to the Host header's site).
    """
    pairs = args.lists() if isinstance(args, MultiDict) else args.items()
    merged = {key: list(values) for key, values in pairs}
    if "page" not in changes:
        merged.pop("page", None)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value if isinstance(value, list) else [value]
    path_parts = {name for rule in current_app.url_map.iter_rules(endpoint) for name in rule.arguments}
    path = {name: merged.pop(name)[0] for name in path_parts if merged.get(name)}
    query = urlencode([(key, value) for key, values in merged.items() for value in values], safe=QUERY_SAFE)
    return url_for(endpoint, **path) + (f"?{query}" if query else "")
