"""What a story has mentioned, as a reader keeps it in mind: each person or body with the noun that
names it, so a later 'the association', 'she' or 'it' can point back to it.

story_memory.Memory keeps the list; names.py adds to it as it reads phrases and pronouns.py reads it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Speaker

# Kinds of what the story mentioned that are remembered but never returned as a speaker: a document
# nobody was said to publish, a body named only by its noun ('the company'), a person called only by where
# they are from ('the 25-year-old Dubliner'). An 'it' or a 'he' after them is unknown, not someone
# mentioned before.
DOCUMENT = "document"
UNNAMED = "unnamed body"
UNNAMED_PERSON = "unnamed person"
UNKNOWN_KINDS = frozenset({DOCUMENT, UNNAMED})


@dataclass
class Entity:
    speaker: Speaker
    head: str  # the noun that names what it is ("association", "trader"), lower case
    gender: str | None = None
    roles: frozenset[str] = frozenset()  # the words of a person's role ("pastor", "leader"), lower case
