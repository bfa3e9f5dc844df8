"""Dates as written in articles, read with python-dateutil and never guessed."""
from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as dateparser

# dateutil fills missing parts from a default; two different defaults tell us whether the text
# really named a day, a month and a year (a bare "March" or "yesterday" must not become a date).
_DEFAULT_A = datetime(1900, 1, 1)
_DEFAULT_B = datetime(1904, 2, 2)


def parse_date(text: str) -> str | None:
    """ISO date for '2018-11-01', '1 November 2018', 'Nov. 1, 2018', 'Tuesday 13 May 2014'...

    Returns None when the text names no year and month. A month without a day
    ('November 2018') gives '2018-11', never an invented day.
    """
    iso = re.fullmatch(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.]+Z?)?\s*", text)
    if iso:
        try:
            day = datetime(int(iso.group(1)), int(iso.group(2)), int(iso.group(3) or 1))
        except ValueError:
            return None
        return day.date().isoformat() if iso.group(3) else day.strftime("%Y-%m")
    cleaned = re.sub(r"\s+", " ", text.replace(".", " ")).strip(" ,")
    if not cleaned or not re.search(r"\d{4}", cleaned):
        return None
    try:
        a = dateparser.parse(cleaned, default=_DEFAULT_A, fuzzy=False, dayfirst=False)
        b = dateparser.parse(cleaned, default=_DEFAULT_B, fuzzy=False, dayfirst=False)
    except (ValueError, OverflowError):
        return None
    if a.year != b.year or a.month != b.month:
        return None
    return a.date().isoformat() if a.day == b.day else a.strftime("%Y-%m")

