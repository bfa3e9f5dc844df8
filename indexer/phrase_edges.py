"""The edges of a cue's phrase that name no one: quotation marks and dashes, when it was said ('the
minister on Thursday', 'the committee yesterday'), and a leading 'also' or 'then'. names.py reads a phrase
only after these are cut."""
from __future__ import annotations

import re

from .constants import LEXICONS

WEEKDAYS = LEXICONS["en"]["weekdays"]


# 'the minister on Thursday', 'the committee yesterday': when they spoke, not who. A paper's name may
# end on its weekend day ('The Mail on Sunday'), so after a capitalised word that day stays.
_WHEN_SPOKEN = re.compile(r" (?:on (%s)|yesterday|today|tonight)$" % "|".join(d.capitalize() for d in sorted(WEEKDAYS)))


def _without_when(phrase: str) -> str:
    found = _WHEN_SPOKEN.search(phrase)
    if not found or found.start() == 0:
        return phrase
    before = phrase[:found.start()]
    if found.group(1) in ("Saturday", "Sunday") and before.rsplit(" ", 1)[-1][:1].isupper():
        return phrase
    return before


def clean_phrase(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:—–-\"“”'’")
    phrase = _without_when(phrase)
    phrase = re.sub(r"^(?:also|then|later|again|now|just|and|but|so)\s+", "", phrase, flags=re.I)
    return re.sub(r"(?:'s|’s)$", "", phrase)
