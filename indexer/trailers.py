"""The cue after a quotation: '"...," Roth said', '", said HRW executive director Kenneth Roth'.

What follows a quotation is read first: a reporting verb right after it, with its subject after or
before it, or a sentence the quotation began and an attribution closes. attribution.py tries this
cue before the others and keeps what it says about a bare role the story never resolved.
"""
from __future__ import annotations

from dataclasses import dataclass

from .clauses import (
    AUXILIARIES, has_object, is_speech_verb, is_verb, passive_report, quoted_as_saying, subject_before,
)
from .constants import LEXICONS
from .cues import inverted_after_comma, sentence_final
from .model import Speaker
from .names import speaker_from_phrase
from .phrase_edges import clean_phrase
from .story_memory import Memory
from .sentences import Token
from .speaker_check import is_bare_description

PRONOUNS = LEXICONS["en"]["pronouns"]


@dataclass(frozen=True)
class Trailer:
    """Who the cue after a quotation names; ``nobody``: a bare role ('said the man') spoke, whom the
    story never names, so no other cue may put a name there."""
    speaker: Speaker | None
    nobody: bool = False


NO_SPEAKER = Trailer(None)


def cue_after(after: list[Token], memory: Memory, ended: bool = False, comma: bool = False) -> Trailer:
    """The cue after a quotation. ``ended``: the quotation closed its own sentence ('... of all."'),
    so a verb with an object after it ('He demands safeguards') starts a new sentence, not a cue.
    ``comma``: the quotation closed on a comma ('... record,"'), as one a cue follows does."""
    i = 0
    while i < len(after) and after[i].text in (",", "—", "–", "--", "-"):
        i += 1
    rest = after[i:]
    if not rest:
        return NO_SPEAKER
    if comma:
        named = _name_without_verb(rest, memory)
        if named:
            return Trailer(named)
    if is_speech_verb(rest, 0, object_verbs=False):
        phrase = []
        for tok in rest[1:]:
            relative = "who" in phrase or "which" in phrase  # "who spoke on condition of anonymity"
            if tok.text in (".", ";", '"', "“", "”", "(") or (
                    tok.lower in ("on", "in", "at", "during", "after") and phrase and not relative):
                break
            if phrase and phrase[-1] == "," and tok.text.islower() and tok.lower.endswith("ing"):
                phrase.pop()  # '..., asking for anonymity': what the speaker did, not who they are
                break
            phrase.append(tok.text)
        text = " ".join(phrase)
        if phrase and (phrase[0][0].isupper() or phrase[0].lower() in ("one", "a", "an", "another", "the")
                       or any(w[:1].isupper() for w in phrase[:6])):
            return _cue_speaker(text, memory)
        return NO_SPEAKER
    for v, tok in enumerate(rest[:26]):
        if is_speech_verb(rest, v, object_verbs=False):
            quoted = quoted_as_saying(rest, v)
            if quoted is not None:
                return Trailer(speaker_from_phrase(quoted, memory))  # '," the paper quoted Ana Ruiz as saying.'
            inverted = inverted_after_comma(rest, v, memory)
            if inverted:
                return Trailer(inverted)
            phrase = subject_before(rest, v)
            following = rest[v + 1].lower if v + 1 < len(rest) else "."
            if following == "that" or (following in PRONOUNS and following != "her"):
                return NO_SPEAKER  # 'Carson admitted that ...': the quote before was a name, not his words
            if ended and has_object(rest, v):
                return NO_SPEAKER  # '"... of all ships." He demands safeguards.': a sentence of its own
            if ended and [t.text for t in rest[v + 1:v + 3]][:2] in ([",", "“"], [",", '"'], [":", "“"], [":", '"']):
                return NO_SPEAKER  # '"... same fate." He added, "...": the cue opens the next quotation
            starts_np = phrase and (phrase[0].isupper() or phrase.split()[0].lower() in
                                    {"a", "an", "the", "another", "one", "some", "two", "three"} | set(PRONOUNS)
                                    or any(w[:1].isupper() for w in phrase.split()[1:4])
                                    or phrase.split()[-1].lower() in PRONOUNS)  # "at home he said"
            lead = " ".join(t.text for t in rest[:v])
            apposed = lead.lower().startswith(("the ", "a ", "an ")) and f", {phrase} ," in lead
            if starts_np and (lead.startswith(phrase.split()[0]) or apposed):
                return _cue_speaker(phrase, memory)
            # '"... worked so hard" for the victory, Kale said.': the writer finished the sentence
            # the quotation began, and the attribution closes it
            return Trailer(sentence_final(rest, memory))
        if v > 0 and tok.lower in AUXILIARIES and passive_report(rest, v):
            return Trailer(speaker_from_phrase(subject_before(rest, v), memory))  # "X is quoted as saying"
        if tok.text in ('"', "“", "”", ";") or (is_verb(rest, v) and v > 0):
            break
    return Trailer(sentence_final(rest, memory))


def _name_without_verb(rest: list[Token], memory: Memory) -> Speaker | None:
    """'"... strong track record," Mr Kale.': a cue that lost its verb, only a name of two words or more before
    the full stop. The name is the speaker when the story introduced that person in full; any other capital
    is left alone ('an Americanised "Jimmy" Bond.' is a nickname, and the quotation closed on no comma)."""
    stop = next((k for k, t in enumerate(rest[:5]) if t.text in (".", "!", "?")), len(rest) if len(rest) < 5 else None)
    if not stop or stop < 2 or not all(t.text[:1].isupper() for t in rest[:stop]):
        return None
    found = speaker_from_phrase(" ".join(t.text for t in rest[:stop]), memory, learn=False)
    if found is None or found.kind != "person" or len(found.name.split()) < 2:
        return None
    return found if memory.full_names.has_word(found.name.split()[-1]) else None


def _cue_speaker(phrase: str, memory: Memory) -> Trailer:
    """The speaker a cue names. A bare role the story never resolves ('said the man', 'the American
    said') is nobody a reader can name, but it is who spoke: no other cue may put a name there."""
    found = speaker_from_phrase(phrase, memory)
    return Trailer(found, nobody=not found and is_bare_description(clean_phrase(phrase).split()))


def cue_after_joined(after: list[Token], memory: Memory) -> Trailer:
    """'Guns are "a crisis" and "stunt growth," Ana Ruiz said': the cue after the last of joined quotes.

    Only across 'and'/'or' and quotation marks: any other word between is a clause of its own.
    """
    i = 0
    while i < len(after) and (after[i].lower in ("and", "or", ",") or after[i].text in '"“”'):
        i += 1
    joined = after[:i]  # the next quotation's own words are masked away: only its marks are left
    if not any(t.lower in ("and", "or") for t in joined) or not any(t.text in '"“”' for t in joined):
        return NO_SPEAKER
    return cue_after(after[i:], memory)
