"""The role a story introduces a person with: 'Health minister Ana Ruiz', 'a spokeswoman for the agency,
Ana Ruiz,' and 'Ana Ruiz, the agency's spokeswoman,'. A later 'the minister said' or 'said the
spokeswoman' points back to that person: a reader resolves a bare role by the story's own introduction.

Only a window of words either side of the name is read, so the rule is linear in the text's length.
"""
from __future__ import annotations

import re

from .constants import LEXICONS
from .name_parts import role_nouns

# 'Health minister Ana Ruiz', 'corporate speaker Ana Ruiz'; not 'shadow minister Ana Ruiz' or 'former minister
# Ana Ruiz', whom 'the minister' does not mean: a rank before the role makes it another role
_ROLE_RIGHT_BEFORE = re.compile(r"(?:^|[\s(])(?:([\w'’\-]+)\s+)?([a-z][a-z\-]+)\s+$")
_RANKS = LEXICONS["en"]["role_ranks"]
_PREPOSITIONS = LEXICONS["en"]["prepositions"]
_DESCRIPTION_BEFORE = re.compile(r"(?:^|[\s(])((?:a|an|the)\s[^,;:.!?\"“”]{2,60}),\s*$", re.I)  # 'a spokeswoman for X, Ana Ruiz'
_DESCRIPTION_AFTER = re.compile(r",\s+((?:a|an|the|his|her|their|its)\s[^,;:.!?\"“”]{2,60}?)(?=[,;:.!?\"“”]|$)", re.I)


def roles_introduced(text: str, start: int, end: int) -> frozenset[str]:
    """The person nouns of the role written next to the name at text[start:end]."""
    before = text[max(0, start - 70):start]
    found: set[str] = set()
    right_before = _ROLE_RIGHT_BEFORE.search(before)
    if right_before and (right_before.group(1) or "").lower() not in _RANKS:
        found |= role_nouns(right_before.group(2))
    for description in descriptions_beside(text, start, end):
        found |= role_nouns(description)
    return frozenset(found)


def descriptions_beside(text: str, start: int, end: int) -> list[str]:
    """The descriptions set off by commas beside the name at text[start:end]: 'a spokeswoman for the
    board, Ana Ruiz,' and 'Ana Ruiz, the Florida senator,'."""
    before = text[max(0, start - 70):start]
    after = text[end:end + 70]
    found: list[str] = []
    if before.rstrip().endswith(","):
        description = _DESCRIPTION_BEFORE.search(before)
        if description and re.match(r"\s*(?:[,;.!?]|$)", after):  # set off on both sides, not one of a list
            found.append(description.group(1))
    if after.startswith(","):
        apposition = _DESCRIPTION_AFTER.match(after)
        if apposition:
            found.append(apposition.group(1))
    return found


_TITLE_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Sir|Dame|Prof|Rev|Lord|Lady)\.?\s+$")


def definite_descriptions(text: str, start: int, end: int) -> list[str]:
    """'the Bishop of Harbourton, Dr Tom Kale,' and 'Tom Kale, the Harbourton striker,' -> ['bishop of
    harbourton'], ['harbourton striker']: the descriptions with 'the' set off beside a name, which a later
    'the Bishop of Harbourton said' means. A title before the name ('Dr') stands between it and the comma."""
    title = _TITLE_BEFORE.search(text, max(0, start - 12), start)
    if title:
        start = title.start()
    found = []
    for description in descriptions_beside(text, start, end):
        words = description.lower().split()
        # the description read back may start too early ('the service the Bishop of Harbourton'): every 'the'
        # not after a preposition ('the head of the agency' is no agency) may open it
        found += [" ".join(words[k + 1:]) for k in range(len(words) - 1)
                  if words[k] == "the" and (k == 0 or words[k - 1] not in _PREPOSITIONS)]
    return found
