"""Whether a first name is a man's or a woman's, so 'she said' skips the men named before her.

gender-guesser's dictionary (first names across many countries, from Jörg Michael's gender.c) is
read once, on first use. Only its firm answers count: 'mostly' and 'androgynous' names give None,
and None matches either pronoun, so an unsure name never blocks a reading.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as detector  # ~0.4 s to read: only when a pronoun needs it
    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def gender_of_first_name(name: str) -> str | None:
    """'Hillary' -> 'female', 'Tom' -> 'male', 'Kelly' (mostly female) -> None, 'Kale' -> None."""
    if not name[:1].isupper() or not name.isalpha() or len(name) < 2:
        return None  # initials ('J.') and acronyms say nothing
    answer = _detector().get_gender(name)
    return answer if answer in ("male", "female") else None


@lru_cache(maxsize=4096)
def is_first_name(name: str) -> bool:
    """'Dean', 'Carter', 'Hope' -> True (people are called so); 'Midfielder', 'Coach' -> False."""
    if not name[:1].isupper() or not name.isalpha() or len(name) < 2:
        return False
    return _detector().get_gender(name) != "unknown"


@lru_cache(maxsize=4096)
def first_name_popularity(name: str) -> int:
    """How common `name` is as a first name where it is most common: 0 (not one) to 13.

    gender.c gives each name a frequency per country, 1 ('only isolated cases') to 13 (hex D, very
    common). 'John' is 10 and 'Andrew' 9, while surnames that some people are also named, 'Parry'
    and 'Reid', are 1: is_first_name alone cannot tell a surname from a first name.
    """
    if not name[:1].isupper() or not name.isalpha() or len(name) < 2:
        return 0
    spellings = _detector().names.get(name.lower(), {})  # gender -> one frequency column per country
    return max((int(ch, 16) for columns in spellings.values() for ch in columns if ch in "123456789ABCDEFabcdef"),
               default=0)
