"""What a reader should be told about how their words were read, beside the engine's own note.

Each function looks at the query text alone and returns a sentence, or None: habits from other
search boxes that this one reads otherwise (a wildcard inside a phrase, a field value of the wrong
shape), and what to try when all the words found nothing. (A minus sign before a word leaves it
out, as elsewhere: the engine reads it so, query_parsing.signs_as_operators.) request_handles joins them to the search page and the API.
"""
from __future__ import annotations

import re

from indexer.engine import FIELDS, QUERY_FIELDS

from .search_arguments import OPERATORS


_NAMED = frozenset(name for field in FIELDS for name in (field.name, *field.aliases))
_TYPED = ", ".join(f"{field.name}:" for field in QUERY_FIELDS)
_FIELD_VALUE = re.compile(r"(?<![\w\"/])([A-Za-z]+):(\S+)")
_RANGE_OR_PATTERN = re.compile(r"[\[{*?]|\bTO\b")


def field_value_note(q: str) -> str | None:
    """What was understood of a field the reader named with a value it cannot have, or of a name
    that is no field: year:18, date:2005 and auther:smith found nothing (or the words) and said nothing."""
    for name, value in _FIELD_VALUE.findall(re.sub(r'"[^"]*"', " ", q)):
        field, shown = name.lower(), f"{name}:{value}"
        if _RANGE_OR_PATTERN.search(value):
            continue  # a range or a wildcard: Whoosh reads it
        if field == "year" and not re.fullmatch(r"\d{4}|undated", value, re.I):
            return (f"{shown} matches nothing: a year is four digits (year:2018), a span year:[2004 TO 2006]; "
                    "year:undated finds the records without a date.")
        if field == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return (f"{shown} matches only a whole date (date:2018-11-01): for a year write year:{value[:4]}"
                    if re.match(r"\d{4}", value) else f"{shown} matches only a whole date (date:2018-11-01)") + \
                ", for a span the from and to dates."
        if field not in _NAMED and field not in ("http", "https", "mailto", "ftp"):
            return f"{name}: is not a field, so {shown} was searched as words; the fields are {_TYPED}."
    return None


def phrase_wildcard_note(q: str) -> str | None:
    """A wildcard inside quotation marks is a character of the phrase, not a pattern: "human righ*"
    found nothing and said nothing."""
    phrases = [p for p in re.findall(r'"([^"]*)"', q) if re.search(r"\w[*?]|[*?]\w", p)]
    if not phrases:
        return None
    return (f"“{phrases[0]}”: a * or ? inside quotation marks is not a wildcard; "
            "write the phrase's words in full, or the pattern outside the quotation marks.")


def any_of_the_words(q: str) -> str | None:
    """A query of plain words (two or more) joined by OR, offered when all of them found nothing;
    None for anything with syntax (operators, fields, phrases, brackets, wildcards), which the
    reader wrote on purpose."""
    words = q.split()
    if len(words) < 2 or any(w in OPERATORS or not re.fullmatch(r"[\w'’.-]+", w) for w in words):
        return None
    return " OR ".join(words)
