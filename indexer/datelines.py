"""Datelines: the place (and sometimes date and agency) that opens a news story's first paragraph.

The wire forms: "BERLIN - ", "NASHUA, N.H. — " (city and state or country), "WASHINGTON (AP) — ",
"LONDON (Reuters) - ", "WASHINGTON, Jan. 5 (AP) —", and the dated forms "date 2018-11-01
Seoul — " and "March 3, 2022 — NAIROBI —". A hyphen counts as the dash only with a space after
it, so "COVID-19 cases rose" or "NATO-led forces" never open a dateline.
"""
from __future__ import annotations

import re

_DASH = r"[ \t]*(?:—|–|--|-(?=[ \t]))[ \t]*"
_DATE_WORDS = (
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})"
)
_PLACE = r"[A-Z][A-Za-z'’.\-]+(?:[ ,]+[A-Z][A-Za-z'’.\-]+){0,3}"
_CITY = r"[A-Z][A-Z'’.\-]{2,}(?: [A-Z][A-Z'’.\-]+)*"  # in capitals, as the wires write it; "US - China talks" is a headline
_REGION = r"[A-Z][A-Za-z'’.]*(?: [A-Z][A-Za-z'’.]*){0,2}"  # N.H., Calif., Ukraine, Puerto Rico
_DATELINES = [
    re.compile(rf"[ \t]*(?:date[ \t]+)?(?P<date>{_DATE_WORDS})[ \t]+(?P<place>{_PLACE}){_DASH}"),
    re.compile(rf"[ \t]*(?P<date>{_DATE_WORDS}){_DASH}(?P<place>{_PLACE}){_DASH}"),
    re.compile(rf"[ \t]*(?P<city>{_CITY})"
               rf"(?:,[ \t]*(?P<date>[A-Z][a-z]{{2,8}}\.? \d{{1,2}})|,[ \t]*(?P<region>{_REGION}))?"
               rf"(?:[ \t]+\((?P<source>[A-Za-z][\w .&]+)\))?{_DASH}"),
    # "Washington (AFP) – ": a place in title case proves nothing alone ("Berlin - a city of
    # bridges"), but with an agency in parentheses before the dash it is a dateline.
    re.compile(rf"[ \t]*(?P<place>{_REGION})[ \t]+\((?P<source>[A-Za-z][\w .&]+)\){_DASH}"),
]


def read_dateline(text: str, start: int) -> tuple[dict[str, str], int]:
    """({place, date, source} as found, where the story's words begin), or ({}, start)."""
    for pattern in _DATELINES:
        match = pattern.match(text, start)
        if match:
            found = {k: v.strip(" ,") for k, v in match.groupdict().items() if v}
            city, region = found.pop("city", None), found.pop("region", None)
            if city:
                found["place"] = ", ".join(part for part in (_capitalised(city), region) if part)
            elif "place" in found and found["place"].isupper():
                found["place"] = found["place"].title()
            return found, match.end()
    return {}, start


def _capitalised(city: str) -> str:
    """'SAN JUAN' -> 'San Juan', "N'DJAMENA" -> "N'Djamena"."""
    return re.sub(r"[A-Z]+", lambda word: word.group().capitalize(), city)
