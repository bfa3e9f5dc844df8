"""What stands around a quotation: whether a second quotation resumes the first, whether a description goes
on speaking for the person just quoted, whether a quotation is a whole spoken sentence or someone speaking of
themselves, and a paragraph's words outside its quotations. Attribution asks these."""
from __future__ import annotations

import re

from .constants import LEXICONS
from .model import Speaker
from .quotes import Span
from .sentences import Token
from .speaker_check import is_named_person

SPEECH_VERBS = LEXICONS["en"]["speech_verbs"]
CONTINUING_VERBS = LEXICONS["en"]["continuing_verbs"]
FIRST_PERSON_WORDS = LEXICONS["en"]["first_person_words"]
THIRD_PERSON_WORDS = LEXICONS["en"]["third_person_words"]


def resumes(text: str, before: Span, span: Span) -> bool:
    """Whether only a cue and a comma stand between two quotations: '"A," said Ruiz, "b."' resumes the first."""
    if not (before.closed and span.opened):
        return False
    between = text[before.end + 1:span.start - 1].rstrip()
    words = re.findall(r"[\w'’\-]+", between.lower())
    # one reporting verb: in '"A," said Kale, and Ruiz replied, "b."' the second half has its own cue
    return (between.endswith(",") and len(words) <= 12 and "\n" not in between
            and sum(w in SPEECH_VERBS for w in words) == 1 and not any(mark in between for mark in "\"“”"))


def spoken_sentence(text: str, span: Span) -> bool:
    """A whole quoted sentence ('Their only mistakes were ...'), not a title or a phrase ('"Frozen" made $1bn')."""
    quoted = text[span.start:span.end].rstrip()
    return (span.closed and quoted[:1].isupper() and quoted[-1:] in (".", "!", "?", "…")
            and len(quoted.split()) >= 4)


def carried_on(speaker: Speaker | None, cue: str | None, span: Span, toks: list[Token],
               previous: Speaker | None) -> Speaker | None:
    """'Kale said: "A." The Harbour boss continued: "B."': a description that goes on speaking
    (CONTINUING_VERBS) is the named person the paragraph just quoted, not someone else called so."""
    if not (speaker and speaker.kind == "descriptive" and is_named_person(previous) and cue in ("before", "after")):
        return speaker
    if cue == "before":
        near = [t.lower for t in toks if t.end <= span.start][-4:]
    else:
        near = [t.lower for t in toks if t.start >= span.end][:6]
    near = [w for w in near if w not in ("\"", "“", "”", "'", "‘", "’")]
    continuing = any(w in CONTINUING_VERBS and (w != "went" or near[i + 1:i + 2] == ["on"])
                     for i, w in enumerate(near))
    return previous if continuing else speaker


def speaks_as(text: str, span: Span, person: str) -> bool:
    """Whether a quotation can be ``person`` (a full name) speaking: it says 'I' or 'we', and it never
    speaks of someone as 'he' or 'she' or by the person's surname, as a quotation about them would
    ('Kale missed a penalty. "He will be upset but I am not."' is someone else's)."""
    words = re.findall(r"[a-z'’]+", text[span.start:span.end].lower().replace("’", "'"))
    return (any(w in FIRST_PERSON_WORDS for w in words) and not any(w in THIRD_PERSON_WORDS for w in words)
            and person.split()[-1].lower() not in words)


def masked_outside(text: str, start: int, end: int, spans: list[Span]) -> str:
    """The paragraph's words outside its quotations."""
    pieces, pos = [], start
    for span in spans:
        pieces.append(text[pos:max(pos, span.start)])
        pos = max(pos, span.end)
    pieces.append(text[pos:end])
    return "".join(pieces)
