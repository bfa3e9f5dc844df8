"""What a reader should be told about how their words were read, beside the engine's own note.

Each function looks at the query text alone and returns a sentence, or None: habits from other
search boxes that this one reads otherwise (a wildcard inside a phrase, a field value of the wrong
shape), and what to try when all the words found nothing. (A minus sign before a word leaves it
out, as elsewhere: the engine reads it so, query_parsing.signs_as_operators.) request_handles joins them to the search page and the API.
"""
from __future__ import annotations

import re

from .search_arguments import OPERATORS


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
