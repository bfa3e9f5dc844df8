"""Speaker names that look like fragments of a sentence rather than a name or a description.

`flask speakers --suspect` lists them for a person to review (and hide or rename in the
correction file). A rule here only flags; it never changes what the index holds, so it may be
broader than attribution's own checks. Each rule is a small function over a name's words and the
word lists in indexer.constants, and says why it flagged the name.
"""
from __future__ import annotations

import re

from .constants import (CLAUSE_OPENERS, DETERMINERS, DOCUMENT_NOUNS, ORGANISATION_NOUNS, PERSON_NOUNS, PREPOSITIONS,
                        TITLE_SMALL_WORDS, TITLE_WORDS)
from .first_names import is_first_name
from .speaker_check import strip_leading

# Words that stand for a speaker without naming one, or ask a question; keyed by language as the
# other lexicons are.
POINTING_WORDS = {
    "en": frozenset("""
i me my mine you your yours he him his she her hers it its we us our ours they them their theirs
this that these those which who whom whose what where when why how there here someone somebody
everyone everybody anyone nobody one
""".split()),
}
CALENDAR_WORDS = {
    "en": frozenset("""
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
january february march april may june july august september october november december
""".split()),
}
# Words that open a sentence before a name ("Veteran campaigner Ana Silva said") and are never a
# speaker's whole name; with the title and organisation nouns, a lone one is flagged.
COMMON_WORDS = {
    "en": frozenset("""
veteran senior junior young old new local top leading former current fellow british american
european national international public private official officials critics experts analysts
observers residents people witnesses sources campaigners activists supporters opponents
protesters fans users voters workers staff players business economy police
""".split()),
}
# Occupations written before a name as a title ("Novelist Arthur Hailey"); the speaker is the
# name and the occupation its role. Titles proper are TITLE_WORDS.
ROLE_NOUNS = {
    "en": frozenset("""
novelist author writer poet singer actor actress director producer presenter broadcaster journalist
artist musician composer designer architect economist analyst historian scientist researcher
lawyer barrister solicitor doctor surgeon nurse teacher student striker midfielder defender
goalkeeper winger fly-half scrum-half prop forward batsman bowler boxer sprinter runner
champion veteran chairman treasurer
""".split()),
}
NEGATIONS = {"en": frozenset("not no never nor".split())}
_PLURAL_PEOPLE = re.compile(r"[A-Z][a-z]+(?:ors|ists|ians|ants|ents)")  # Creditors, Analysts, Residents
# Small words a name may hold in its middle (Ludwig van Beethoven, Bank of England).
NAME_PARTICLES = frozenset("of the and for de da di du del della van von der den le la bin bint al el y".split())
_CONTRACTION = re.compile(r"\b(?:(?:he|she|it|that|there|what|who|here)(?:'|’)s|\w+(?:'|’)(?:re|ve|ll|d|m)|\w+n(?:'|’)t)\b", re.I)
_OWNER_FIRST = re.compile(r"(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*(?:'|’)s\s+[A-Z]")  # "Celtic's Neil Lennon": the owner stuck to the name
_MOJIBAKE = re.compile(r"Ã|Â|â€|Å|\ufffd")
_LABEL = re.compile(r"[A-Z]{1,3}-?\d+")  # W-17, P2: witness labels of a transcript


def why_suspect(name: str, lang: str = "en") -> str | None:
    """The reason `name` looks like a fragment, or None when it looks like a name or a description."""
    words = name.split()
    if not words:
        return "empty"
    low = [w.strip(".,;:!?\"'“”‘’()").lower() for w in words]
    if _MOJIBAKE.search(name):
        return "broken characters"
    if low[0] in POINTING_WORDS[lang]:
        return f"begins with the pronoun or question word {words[0]!r}"
    if name.rstrip().endswith(("-", "–")) or name.startswith(("-", "–")):
        return "cut off"
    if len(words) == 1 and low[0] in CALENDAR_WORDS[lang]:
        return "a day or a month"
    if _CONTRACTION.search(name):
        return "holds a contraction: a piece of a sentence"
    if _OWNER_FIRST.match(name):
        return "an owner or team before the name"
    if re.search(r"(?:'|’)s?$", name):
        return "ends in a possessive"
    if low[-1] in TITLE_SMALL_WORDS | PREPOSITIONS | DETERMINERS | POINTING_WORDS[lang] | CLAUSE_OPENERS:
        return f"ends with the small word {words[-1]!r}"
    if low[0] in (PREPOSITIONS | CLAUSE_OPENERS) - {"a", "an", "the"}:
        return f"begins with {words[0]!r}, which opens a clause, not a name"
    if low[-1] in DOCUMENT_NOUNS:
        return f"a thing ({words[-1]!r}), not a speaker"
    if any(ch.isdigit() for ch in name) and not _LABEL.fullmatch(name):
        return "holds a number"
    if len(words) == 1 and low[0] in COMMON_WORDS[lang] | TITLE_WORDS | ORGANISATION_NOUNS:
        return "a common word alone, not a name"
    if len(words) == 1 and _PLURAL_PEOPLE.fullmatch(words[0]):
        return "a plural noun alone, not a name"
    if set(low) & NEGATIONS[lang]:
        return "holds a negation: a piece of a sentence"
    inner_lower = [w for w, lw in zip(words[1:], low[1:]) if w[:1].islower() and lw not in NAME_PARTICLES]
    if words[0][:1].isupper() and len(inner_lower) >= 2:
        return "reads as part of a sentence"
    capitals = [w for w in words[1:] if w[:1].isupper()]
    if len(capitals) >= 2 and words[0][:1].isupper() and low[0] in TITLE_WORDS | ROLE_NOUNS[lang]:
        return f"a title or occupation ({words[0]!r}) stuck to the name"
    if len(words) == 1 and not words[0][:1].isupper():
        return "a single word in lower case"
    stuck, rest = strip_leading(words)
    role = stuck[-1].lower() if stuck else ""
    if (role in PERSON_NOUNS | TITLE_WORDS | ROLE_NOUNS[lang] or role.removesuffix("s") in PERSON_NOUNS | TITLE_WORDS
            ) and all(w[:1].isupper() for w in rest) and (len(rest) == 1 or is_first_name(rest[0])):
        return f"a role ({' '.join(stuck)!r}) stuck to the name"  # "Midfielder Edu", "Judges Ana Ruiz"
    if len(words) > (12 if low[0] in ("a", "an", "the") else 7):  # descriptions run longer than names
        return "too long for a name"
    return None
