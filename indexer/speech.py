"""Whether a quotation is something said, or a title, a scare quote or a name for a thing.

Attribution proposes a speaker and the cue that found it; this stage keeps what a reader would call
speech and drops titles of works ('on ABC's "This Week"'), 'so-called' phrases and short quotations
that nobody is said to have spoken.
"""
from __future__ import annotations

import re

from .constants import LEXICONS
from .model import Speaker

TITLE_SMALL_WORDS = LEXICONS["en"]["title_small_words"]


WORK_BEFORE = re.compile(r"(?:\b(?:on|in|at|of|from|for|by|with|the)|['’]s)\s*[\"“‘']?\s*$", re.I)


def is_title_like(words: list[str]) -> bool:
    """'This Week', 'Law and Order': a name of a work or a show, not something said."""
    if not 1 <= len(words) <= 12:
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words)


def is_speech(quote_text: str, speaker: Speaker | None, cue: str | None, preceding: str) -> bool:
    """Whether a quotation is something said (kept) or a title or scare quote (dropped)."""
    words = re.findall(r"[\w'’\-]+", quote_text)
    if not words:
        return False
    if re.search(r"so-\s*called\s*$|\bdubbed\s*$|\btitled\s*$|\bentitled\s*$|\bnicknamed\s*$", preceding, re.I):
        return False
    if is_title_like(words) and (cue not in ("after", "before") or WORK_BEFORE.search(preceding)):
        return False  # 'appeared on ABC's "This Week"', 'told the "Morning Show"': a title
    if speaker is None:
        return len(words) >= 6 and bool(re.search(r"[.!?,…]\s*$", quote_text))
    return True
