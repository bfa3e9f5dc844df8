"""Speaker turns in transcripts and testimony collections.

Four shapes are recognised, each only when a document uses it at least twice, so that a lone
"Update: ..." line in an article is never taken for a speaker:

- label and colon: ``QUESTION: ...``, ``AMBASSADOR KING: ...``, ``W-17: ...``, ``Q: ...``
- Congressional Record: ``Mr. ROYCE of California. ...``, ``The SPEAKER pro tempore. ...``
- a name on its own line, as Hansard prints it: ``Fiona Bruce`` / ``Mr Andrew Smith (Oxford East) (Lab)``
- a testimony label line: ``Olena, 61, a retired nurse from Izium:``
- in Markdown, a bold label: ``**MODERATOR:** ...``, ``- **Q:** ...`` (read by loading.bold_turn_label)

Paragraphs after a turn with no label of their own continue it. A speech has no labels: its title
says who gives it ("Remarks by Ambassador Ana Ruiz at ..."), and its prose is theirs (speech_giver).
"""
from __future__ import annotations

import re

from .constants import ANSWER_LABELS, CAPTION_LABELS, HEADER_KEYS, QUESTION_LABELS, TEASER_LABELS
from .loading import bold_turn_label
from .story_memory import Memory

_UPPER_LABEL = r"(?:[A-Z][A-Z0-9.'’\-]*(?:[ \t]+[A-Z][A-Z0-9.'’\-]*){0,4}|[A-Z]-?\d+)"
_TITLE_LABEL = r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
_COLON_TURN = re.compile(rf"(?P<label>{_UPPER_LABEL}|{_TITLE_LABEL})[ \t]*:[ \t]+(?=\S)")
_RECORD_TURN = re.compile(
    r"(?P<label>(?:Mr|Mrs|Ms|Miss|Dr)\.[ \t]+[A-Z][A-Z'’\-]+(?:[ \t]+[A-Z][A-Z'’\-]+)*"
    r"(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*)?"
    r"|The[ \t]+(?:SPEAKER|CHAIR|CHAIRMAN|CHAIRWOMAN|PRESIDING OFFICER|ACTING PRESIDENT)(?:[ \t]+pro[ \t]+tempore)?)"
    r"\.[ \t]+(?=\S)")
_NAME_LINE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.?[ \t]+)?"
    r"[A-Z][a-zà-ÿ'’\-]+(?:[ \t]+(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.)){1,3}"
    r"(?:[ \t]+\([^()\n]{1,60}\))*")
# What follows a speaker's name line is what they said: sentences, opening on a capital and ending one.
# A fixture's 'Ewood Park' / 'Tuesday, 1 March', a list of winners 'Ana Ruiz (Harbour Show, ITV1)', are not.
_SPOKEN_PARAGRAPH = re.compile(r"[\"“‘'(\[]?[A-Z][\s\S]*[.!?…:][\"”’')\]]*\Z")
_TESTIMONY_LABEL = re.compile(r"(?P<label>[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){0,3}(?:,[^:\n]{1,100})?):")
_NOT_SPEAKERS = set(CAPTION_LABELS) | set(TEASER_LABELS) | HEADER_KEYS | {"note", "update", "editor's note", "source"}
_STAGE_DIRECTION = re.compile(r"(?:\[.*\]|\(.*\)|The (?:Clerk|text|question|motion|bill|amendment)\b.*)\s*", re.S)


def _speakers(labels: set[str]) -> int:
    return len({label.lower() for label in labels})


class TurnReader:
    """Tells, for each paragraph of a document, whether it is (part of) someone's turn."""

    def __init__(self, text: str, spans: list[tuple[int, int]], markdown: bool = False):
        self._turns: dict[int, tuple[str, int]] = {}
        self._label_lines: set[int] = set()
        chunks = [text[s:e] for s, e in spans]
        colon = {i: m for i, c in enumerate(chunks) if (m := _COLON_TURN.match(c)) and self._is_speaker(m)}
        record = {i: m for i, c in enumerate(chunks) if (m := _RECORD_TURN.match(c))}
        names = {i for i, c in enumerate(chunks) if i > 0 and _NAME_LINE.fullmatch(c.strip())
                 and i + 1 < len(chunks) and _SPOKEN_PARAGRAPH.match(chunks[i + 1].strip())}
        testimony = {i: m for i, c in enumerate(chunks)
                     if "\n" not in c.strip() and (m := _TESTIMONY_LABEL.fullmatch(c.strip()))
                     and not self._is_speaker_label_noise(m.group("label"))}

        bold = {i: found for i, c in enumerate(chunks) if markdown and (found := bold_turn_label(c))
                and found[0].lower() not in _NOT_SPEAKERS}

        starts: dict[int, tuple[str, int]] = {}
        # A conversation passes between at least two speakers: one label repeated ("Subs not used:"
        # under each team of a match report) heads a list, it is nobody's turn.
        if _speakers({label for label, _ in bold.values()}) >= 2:
            starts.update({i: (label, spans[i][0] + offset) for i, (label, offset) in bold.items()})
        if _speakers({m.group("label") for m in colon.values()}) >= 2:
            starts.update({i: (m.group("label"), spans[i][0] + m.end()) for i, m in colon.items()})
        if record:  # "Mr. ROYCE of California." is unmistakable even once
            starts.update({i: (m.group("label"), spans[i][0] + m.end()) for i, m in record.items()})
        label_lines: dict[int, str] = {}
        if len(names) >= 2:
            label_lines.update({i: chunks[i].strip() for i in names})
        if len(testimony) >= 2:
            label_lines.update({i: m.group("label") for i, m in testimony.items()})

        current = None
        for i, (start, _) in enumerate(spans):
            if i in label_lines:
                current = label_lines[i]
                self._label_lines.add(i)
            elif i in starts:
                current = starts[i][0]
                self._turns[i] = starts[i]
            elif current is not None:
                if _STAGE_DIRECTION.fullmatch(chunks[i]):
                    current = None
                else:
                    self._turns[i] = (current, start)

    @staticmethod
    def _is_speaker(match: re.Match) -> bool:
        label = match.group("label")
        if label.isupper():  # INTERVIEWER, QUESTION, WITNESS: a turn even where "Interviewer:" is metadata
            return label.lower() not in set(CAPTION_LABELS) | set(TEASER_LABELS)
        return label.lower() not in _NOT_SPEAKERS

    @staticmethod
    def _is_speaker_label_noise(label: str) -> bool:
        return label.split(",")[0].strip().lower() in _NOT_SPEAKERS

    def found_any(self) -> bool:
        return bool(self._turns or self._label_lines)

    def turn_at(self, index: int) -> tuple[str, int] | None:
        """(speaker label, where the spoken words start) when paragraph `index` is a turn."""
        return self._turns.get(index)

    def is_label_line(self, index: int) -> bool:
        return index in self._label_lines


def label_as_written(label: str) -> str:
    """A turn label as the transcript gives it: "MODERATOR" is Moderator, "Q" stays Q."""
    label = re.sub(r"\s+", " ", label).strip(" :.")
    return label.title() if label.isupper() and len(label) > 1 else label


def is_question_and_answer(labels: set[str]) -> bool:
    """Whether a transcript's turn labels are only question and answer labels, with answers."""
    low = {label.lower().strip(" :.") for label in labels}
    return bool(low) and low <= QUESTION_LABELS | ANSWER_LABELS and bool(low & ANSWER_LABELS)


def introduced_person(texts: list[str], title: str | None = None, interviewer: str | None = None) -> str | None:
    """The one person an interview's introduction names: who answers when the turns are only Q and A.

    When it names several people, the one the title also names; otherwise nobody (a wrong
    answerer is worse than the label "A").
    """
    memory = Memory()
    memory.learn_text("\n".join(texts))  # a line break ends a name: "... with Ana Silva" + "Ana Silva has"
    people = [name for name in dict.fromkeys(memory.full_names) if name != interviewer]
    if len(people) > 1 and title:
        people = [name for name in people if name in title]
    return people[0] if len(people) == 1 else None


# "Remarks by Ambassador Ana Ruiz at the Harbour Forum", "Prepared Testimony of Tom Kale before the
# Committee", "Statement from Ana Ruiz on ...": a speech's own title, naming who gives it. The name runs
# on capitalised words (and initials, hyphens, 'of' inside a title: 'Secretary of State') to the
# first word that says where, when or to whom, in lower case or in a title's capitals ('At', 'To').
_WHERE = r"(?:At|To|On|Before|In|For|During|With|About|Regarding|Upon|Following|After|Marking|And)\b"
_SPEECH_TITLE = re.compile(
    r"(?:(?:Prepared|Opening|Closing|Keynote|Written|Full)[ \t]+)?"
    r"(?:Remarks|Speech|Address|Statement|Testimony|Lecture|Keynote[ \t]+Address)"
    r"(?:[ \t]+as[ \t]+(?:Prepared(?:[ \t]+for[ \t]+Delivery)?|Delivered))?[ \t]+(?:by|of|from|By|Of|From)[ \t]+"
    rf"(?P<who>(?!{_WHERE})[A-Z][\w.'’\-]*(?:[ \t]+(?!{_WHERE})(?:of[ \t]+)?[A-Z][\w.'’\-]*){{0,6}})"
    r"(?![ \t]+(?:and|And|&)[ \t])"  # 'Remarks by Ana Ruiz and Tom Kale': two speakers, nobody's alone
    rf"(?:(?:,|:|[ \t]+(?=[a-z]|{_WHERE}))[^\n]*)?")


def speech_giver(title: str | None) -> str | None:
    """Who gives the speech a document's title announces: 'Remarks by Ambassador Ana Ruiz at the
    Forum' -> 'Ambassador Ana Ruiz'. None for any other title: a news story about remarks ('Ruiz's
    remarks anger port') or a statement by a body it does not name ('Statement by the Board')."""
    match = _SPEECH_TITLE.fullmatch(re.sub(r"\s+", " ", title or "").strip(" .")) if title else None
    return match.group("who") if match else None
