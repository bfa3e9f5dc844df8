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
