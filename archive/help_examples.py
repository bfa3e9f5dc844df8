"""The query help's field examples, taken from this archive so that each one finds something.

A fixed `source:reuters` or `author:smith` found nothing in an archive without Reuters or a Smith,
and the help page looked wrong; the most frequent value of each facet gives a word that is there.
"""
from __future__ import annotations

import re

from indexer.engine import FACET_LIST

# A facet's value for "none" (the year facet's "undated") is a filter, not a word a field holds.
_MISSING = {facet.name: facet.missing for facet in FACET_LIST}

# Shown when the archive has no value for the field (an empty archive, or no document names one).
FALLBACK = {"speaker": "roth", "source": "reuters", "place": "seoul", "author": "smith", "year": "2018"}
FALLBACK_FULL_NAME = "kenneth roth"  # for who:"..." (a whole name in quotation marks)


def _word(value: str) -> str | None:
    """A value's last word of three letters or more, lower case ("U.S. Department of State" -> state)."""
    words = [w for w in re.findall(r"\w+", value) if len(w) >= 3 or w.isdigit()]
    return words[-1].lower() if words else None


def field_examples(facets: dict[str, list[tuple[str, int]]]) -> dict[str, str]:
    """field name -> an example value for `field:value`, from the facets of the whole archive; "full
    name" -> the most quoted speaker's whole name, lower case, without quotation marks inside."""
    examples = dict(FALLBACK, full_name=FALLBACK_FULL_NAME)
    names = [v for v, _ in facets.get("speaker", []) if len(v.split()) > 1 and '"' not in v]
    if names:
        examples["full_name"] = names[0].lower()
    for name in FALLBACK:
        for value, _count in facets.get(name, []):
            word = _word(value) if value != _MISSING.get(name) else None
            if word:
                examples[name] = word
                break
    return examples
