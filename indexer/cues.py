"""Cue finders that need only the words around a quotation and what the reader knows so far.

'according to the agency', 'a report by Politico', 'was called "x" by Ana Ruiz', and a closing
', said Tom Kale, a pollster.': each takes tokens and the document's Memory and returns a Speaker or
None. attribution.py decides which to try, and in what order.
"""
from __future__ import annotations

import re

from .clauses import (
    CLAUSE_BREAKS, COMMUNICATION_NOUNS, CONJUNCTIONS, PREPOSITIONS, is_speech_verb, is_verb, subject_before,
)
from .constants import LEXICONS
from .first_names import gender_of_first_name
from .model import Speaker
from .names import speaker_from_phrase
from .story_memory import Memory
from .quotes import Span
from .sentences import Token

TITLE_SMALL_WORDS = LEXICONS["en"]["title_small_words"]
INVERTING_VERBS = frozenset("said says added wrote explained noted".split())  # '..., said Tom Kale'


def inverted_after_comma(rest: list[Token], verb: int, memory: Memory) -> Speaker | None:
    """'..., forcing her to fend off both, said Tom Kale, a pollster.': the verb first, the name after."""
    if not (0 < verb < len(rest) - 1 and rest[verb - 1].text == "," and rest[verb].lower in INVERTING_VERBS
            and rest[verb + 1].text[:1].isupper()):
        return None
    name = []
    for tok in rest[verb + 1:verb + 7]:
        if tok.text in CLAUSE_BREAKS or tok.text == ".":
            break
        name.append(tok.text)
    return speaker_from_phrase(" ".join(name), memory) if len(name) <= 5 else None


def agent_after(after: list[Token], memory: Memory) -> Speaker | None:
    """'was called "a disaster" by Ana Ruiz': the agent of a passive, when the sentence names one."""
    if len(after) > 1 and after[0].lower == "by" and after[1].text[:1].isupper():
        phrase = []
        for tok in after[1:]:
            if tok.text in CLAUSE_BREAKS or tok.text == "." or is_verb(after, after.index(tok)):
                break
            phrase.append(tok.text)
        return speaker_from_phrase(" ".join(phrase), memory) if phrase else None
    return None


def author_of(before: list[Token], memory: Memory) -> Speaker | None:
    """'a report by Politico that he "fabricated"', 'Rubio's catch phrase was that "..."'."""
    for i in range(len(before) - 1, -1, -1):
        tok = before[i]
        if tok.lower not in COMMUNICATION_NOUNS:
            continue
        if i + 1 < len(before) and before[i + 1].lower in ("by", "from"):
            phrase = []
            for nxt in before[i + 2:]:
                if nxt.text in CLAUSE_BREAKS or nxt.lower in CONJUNCTIONS or is_verb(before, before.index(nxt)):
                    break
                phrase.append(nxt.text)
            if phrase and any(w[:1].isupper() for w in phrase):
                return speaker_from_phrase(" ".join(phrase), memory)
        for k in (i - 1, i - 2, i - 3):  # "Kale's recent evidence-free assertion"
            if k < 0 or before[k].text in CLAUSE_BREAKS:
                break
            if before[k].text.endswith(("'s", "’s")) and before[k].text[:1].isupper():
                return speaker_from_phrase(before[k].text, memory)
            if before[k].lower in ("his", "her"):
                return _owner_is_subject(before, k, memory)  # "Kale stood by his comment that"
    return None


def _owner_is_subject(before: list[Token], owner: int, memory: Memory) -> Speaker | None:
    """'Kale stood by his comment that "...": 'his' is the subject of the verb just before it, a name."""
    for v in range(owner - 1, max(-1, owner - 4), -1):
        if before[v].text in CLAUSE_BREAKS:
            return None
        if is_verb(before, v):
            phrase = subject_before(before, v)
            if phrase and phrase[:1].isupper() and len(phrase.split()) <= 4:
                found = speaker_from_phrase(phrase, memory)
                if not found or found.kind != "person":
                    return None
                gender = gender_of_first_name(found.name.split()[0]) if " " in found.name else None
                # 'Ana Ruiz read his comment': a woman's name is not the owner of 'his'
                return found if gender in (None, "male" if before[owner].lower == "his" else "female") else None
            return None
    return None


def according_to(toks: list[Token], memory: Memory) -> Speaker | None:
    for i in range(len(toks) - 2):
        if toks[i].lower == "according" and toks[i + 1].lower == "to":
            phrase = []
            for tok in toks[i + 2:]:
                if tok.text in CLAUSE_BREAKS or tok.text == ".":
                    break
                phrase.append(tok.text)
            if phrase and (phrase[0][:1].isupper() or phrase[0].lower() in ("the", "a", "an")):
                return speaker_from_phrase(" ".join(phrase), memory)
    return None


# A reporting clause set off by a comma inside a quotation that never closes ('"There was no
# warning, said Ana Ruiz, whose group ...'): the writer dropped the closing mark before it. A name
# is one to four capitalised words; every repetition is bounded, so the search stays linear.
_REPORTED = r"(?:said|says|added|adds|wrote|writes|told|explained|noted)"
_NAME = r"[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}"
_CUE_INSIDE = re.compile(rf"[,?!] (?:{_REPORTED} (?P<after>{_NAME})|(?P<before>{_NAME}) {_REPORTED})[,.]")


def cue_inside_unclosed(quoted: str, memory: Memory) -> Speaker | None:
    """The speaker a quotation without its closing mark names inside itself (', said Kale,')."""
    match = _CUE_INSIDE.search(quoted)
    if not match:
        return None
    return speaker_from_phrase(match.group("after") or match.group("before"), memory)


def agent_phrase(after_by: list[Token], memory: Memory) -> Speaker | None:
    """The words after a passive's 'by' up to the next break ('host Ana Ruiz, who ...'), as a speaker."""
    phrase = []
    for tok in after_by[:8]:
        if tok.text in CLAUSE_BREAKS or tok.text == "." or tok.lower in CONJUNCTIONS:
            break
        phrase.append(tok.text)
    if not phrase or not any(w[:1].isupper() for w in phrase):
        return None
    return speaker_from_phrase(" ".join(phrase), memory)


_SEQUENCE_WORDS = frozenset("then later again earlier also afterwards afterward next once".split())


def only_when_and_where(lead: list[Token]) -> bool:
    """'Then, later that month on TV:': a lead-in of time and place names no new speaker.

    It opens on a word of sequence, holds no verb, and its only capitals follow a preposition.
    """
    words = [t for t in lead if t.text not in CLAUSE_BREAKS]
    if not words or words[0].lower not in _SEQUENCE_WORDS or len(words) > 10:
        return False
    for k, tok in enumerate(words):
        if is_verb(words, k):
            return False
        if tok.text[:1].isupper() and k and words[k - 1].lower not in PREPOSITIONS:
            return False
    return True


def inverting_verb(toks: list[Token], comma: int) -> int:
    """Where the verb of ', said Tom Kale' stands when its name ends right before toks[comma], or -1."""
    for v in range(comma - 1, max(-1, comma - 6), -1):
        if toks[v].lower in INVERTING_VERBS and v < comma - 1:
            return v
        if not toks[v].text[:1].isupper():
            return -1
    return -1


def signed_inside(text: str, span: Span, memory: Memory) -> tuple[Span, Speaker] | None:
    """A pull quote signed inside its own marks: '"I worry that ...\nAna Ruiz, Harbour Institute."'.

    The last line, a name and its organisation set off by a comma, says who spoke; it is not
    part of what they said.
    """
    quoted = text[span.start:span.end]
    if "\n" not in quoted.strip():
        return None
    body, _, last = quoted.rstrip().rpartition("\n")
    last = last.strip().rstrip(".")
    words = last.split()
    if not (2 <= len(words) <= 12 and "," in last and words[0][:1].isupper() and body.strip()
            and body.rstrip()[-1:] in ".!?…"):
        return None
    memory.sentence = ""
    found = speaker_from_phrase(last, memory)
    if not found or found.kind != "person" or " " not in found.name:
        return None
    end = span.start + len(body.rstrip())
    return Span(span.start, end, span.opened, True, span.mark), found


def sentence_final(rest: list[Token], memory: Memory) -> Speaker | None:
    """'"...," where they forced sexual encounters, she said.': the attribution closes the sentence."""
    words = [t for t in rest if t.text not in (".", "!", "?")]
    commas = [k for k, t in enumerate(words) if t.text == ","]
    if not commas:
        return None
    tail = words[commas[-1] + 1:]
    for verb in (len(tail) - 1, len(tail) - 2):
        if 1 <= verb <= 4 and is_speech_verb(tail, verb, object_verbs=False):
            return speaker_from_phrase(" ".join(t.text for t in tail[:verb]), memory, closing=True)
    # ', the board's counsel Ana Ruiz wrote in a court filing.': a longer name, and where it was said
    for verb in range(1, min(len(tail), 9)):
        if is_speech_verb(tail, verb, object_verbs=False):
            where = tail[verb + 1:]
            if where and where[0].lower not in PREPOSITIONS | {"during", "after", "before"}:
                return None
            if any(is_verb(where, k) for k in range(len(where))) or not tail[verb - 1].text[:1].isupper():
                return None
            if tail[0].lower in ("a", "an", "the", "one", "another"):
                return None  # ', a member of the board said': a description, the name is elsewhere
            return speaker_from_phrase(" ".join(t.text for t in tail[:verb]), memory)
    return None


def name_before_colon(before: list[Token], memory: Memory) -> Speaker | None:
    """'The surge does not surprise pollster Ana Ruiz: "..."': a person named just before the colon.

    Only a full name set off from what precedes it by a lower-case word or a mark: in a headline
    in title case ('Kale Endorses Ana Ruiz:') the capitals run back to its start and prove nothing.
    """
    end = len(before) - 1  # the colon
    start = end
    while start > 0 and before[start - 1].text[:1].isupper() and start > end - 5:
        start -= 1
    if end - start < 2 or start == 0 or before[start - 1].text[:1].isupper():
        return None
    if before[start - 1].lower in PREPOSITIONS | TITLE_SMALL_WORDS:
        return None  # "sailed to New York:": a place the sentence goes to, not who speaks
    found = speaker_from_phrase(" ".join(t.text for t in before[start:end]), memory)
    return found if found and found.kind == "person" and len(found.name.split()) >= 2 else None


DASHES = frozenset({"—", "–", "--", "-"})


def name_after_dash(before: list[Token], memory: Memory) -> Speaker | None:
    """'WHAT THE TIDES SHOW, AND WHY - Bea Lund: "..."': a name between a dash and the colon is a label.

    A digest introduces each quotation with its own heading or sentence, a dash, and the speaker's
    name; what comes before the dash is the topic, never the speaker. Only capitalised words (and an
    'and' joining two names) count as the label."""
    end = len(before) - 1  # the colon
    dash = end - 1
    while dash >= 0 and before[dash].text not in DASHES and end - dash <= 7:
        dash -= 1
    label = before[dash + 1:end]
    if dash < 1 or before[dash].text not in DASHES or len(label) < 2:
        return None
    if not all(t.text[:1].isupper() or t.lower == "and" for t in label) or label[-1].lower == "and":
        return None
    found = speaker_from_phrase(" ".join(t.text for t in label), memory)
    return found if found and found.kind == "person" else None
