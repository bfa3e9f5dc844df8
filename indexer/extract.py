"""The indexer's pipeline for one document: load, split, find quotations, attribute, give ids."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from .attribution import ParagraphAttributor
from .constants import LEXICONS
from .ids import IdMaker
from .loading import load
from .model import Document, Extraction, Passage, Quote, Speaker
from .names import speaker_from_phrase
from .story_memory import Memory
from .passages import split
from .quotes import find_spans
from .turns import introduced_person, is_question_and_answer, label_as_written
from .speech import is_speech

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
ANSWER_LABELS = _EN["answer_labels"]
QUESTION_LABELS = _EN["question_labels"]

_CODE_LABEL = re.compile(r"[A-Z]+(?:-?\d+)(?:-[A-Z0-9]+)*")
SKIPPED_KINDS = ("caption", "teaser", "note")  # never speech, whatever quotation marks they hold


def speaker_from_label(label: str, memory: Memory, doc: Document, answerer: str | None = None) -> Speaker | None:
    """'AMBASSADOR KING' is Robert R. King when the transcript named him; 'QUESTION' stays Question.

    `answerer` is who says the 'A:' turns when the header does not say (turns.introduced_person).
    """
    memory.sentence = ""  # a label stands alone: no sentence around it names anyone
    label = re.sub(r"\s+", " ", label).strip(" :.")
    low = label.lower()
    meta = dict(doc.meta)
    if low in QUESTION_LABELS:
        who = meta.get("interviewer")
        return Speaker(who, "person", "interviewer") if who else Speaker(label_as_written(label), "anonymous")
    if low in ANSWER_LABELS:
        who = meta.get("interviewee") or meta.get("narrator") or meta.get("witness") or answerer
        return Speaker(who, "person", "interviewee") if who else Speaker(label_as_written(label), "anonymous")
    if _CODE_LABEL.fullmatch(label):
        return Speaker(label, "person")  # "W-17": a witness known by a code keeps it as written
    roles = re.findall(r"\(([^)]*)\)", label)
    label = re.sub(r"\s*\([^)]*\)", "", label)
    name, _, role = label.partition(",")
    state = re.match(r"(.*?) (of [A-Z][a-z]+(?: [A-Z][a-z]+)*)$", name)
    if state:
        name, roles = state.group(1), [state.group(2)] + roles
    if name.isupper() or re.search(r"\b[A-Z]{3,}\b", name):
        # An initial or a two-letter body ("UN") stays; "DOE" and "LEE" in a capitals label are surnames.
        name = " ".join(w if re.fullmatch(r"[A-Z]-?\d+|[A-Z]{1,2}\.?", w) else w.capitalize() for w in name.split())
    speaker = speaker_from_phrase(name, memory)
    if speaker is None:
        return None
    role_text = ", ".join(r for r in [speaker.role, role.strip(), *roles] if r) or None
    return dataclasses.replace(speaker, kind="person" if speaker.kind == "organisation" and len(name.split()) > 1 else speaker.kind,
                               role=role_text)


def extract(doc: Document) -> Extraction:
    ids = IdMaker()
    attributor = ParagraphAttributor(doc.text)
    attributor.memory.learn_text(" ".join(v for _, v in doc.meta))
    attributor.memory.look_ahead(doc.text)
    passages: list[Passage] = []
    quotes: list[Quote] = []
    number = 0
    blocks = list(split(doc))
    answerer = _answerer(doc, blocks)
    unsigned: list[int] = []  # quotes of the paragraph before, all quotation, that no cue spoke for
    for block in blocks:
        text = doc.text[block.start:block.end]
        if block.kind == "title":
            if doc.title is None:
                doc = dataclasses.replace(doc, title=re.sub(r"\s+", " ", text).strip())
        else:
            number += 1
        speaker = speaker_from_label(block.label, attributor.memory, doc, answerer) if block.label else None
        attributor.learn_label(speaker)
        passage = Passage(ids("p", text), doc.doc_id, block.kind, text, block.start, block.end,
                          0 if block.kind == "title" else number, speaker)
        passages.append(passage)
        if block.kind in SKIPPED_KINDS:
            attributor.memory.learn_text(text)
            continue
        spans = find_spans(doc.text, block.start, block.end)
        signer = signature(text, attributor.memory) if unsigned and not spans else None
        if signer:
            for i in unsigned:  # '"..."' then '- Ana Ruiz.': the line under a quotation names who said it
                quotes[i] = dataclasses.replace(quotes[i], speaker=signer, cue="after")
            attributor.learn_label(signer)
        unsigned = []
        for found in attributor.paragraph(block.start, block.end, spans):
            span = found.span
            quoted = doc.text[span.start:span.end]
            who, cue = found.speaker, found.cue
            preceding = doc.text[max(block.start, span.start - 40):max(block.start, span.start - 1)]
            if not is_speech(quoted, who, cue, preceding):
                continue
            if block.kind == "title" and _repeated_below(quoted, doc.text[block.end:]):
                continue  # the headline's excerpt of a quotation the story gives in full: one quotation
            if who is None and attributor.quote_only:
                unsigned.append(len(quotes))
            quotes.append(Quote(ids("q", quoted), doc.doc_id, passage.id, quoted, span.start, span.end,
                                passage.number, who, cue))
    return Extraction(doc, tuple(passages), tuple(quotes))


def _answerer(doc: Document, blocks: list) -> str | None:
    """Who answers in a Q-and-A interview: the person its introduction (before the first turn) names."""
    if not is_question_and_answer({block.label for block in blocks if block.label}):
        return None
    first_turn = next(n for n, block in enumerate(blocks) if block.label)
    intro = [doc.text[block.start:block.end] for block in blocks[:first_turn]]
    return introduced_person(([doc.title] if doc.title else []) + intro, doc.title, dict(doc.meta).get("interviewer"))


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def _repeated_below(quoted: str, body: str) -> bool:
    """Whether the story under a headline quotes the headline's quoted words again (in any case)."""
    words = _words_of(quoted)
    return bool(words) and f" {words} " in f" {_words_of(body)} "


_SIGNATURE = re.compile(r"\s*[-—–]{1,2}\s*([^\s\-—–][^\n]{1,80}?)\.?\s*")


def signature(text: str, memory: Memory) -> Speaker | None:
    """'- Sanders.', '— Ana Ruiz, head of the board': a dash and a name alone on a line sign what precedes."""
    match = _SIGNATURE.fullmatch(text)
    if not match or len(match.group(1).split()) > 10:
        return None
    memory.sentence = ""
    found = speaker_from_phrase(match.group(1), memory)
    return found if found and found.kind in ("person", "organisation") else None



def extract_path(path: Path, root: Path | None = None, data: bytes | None = None,
                 table_row: dict[str, str] | None = None) -> Extraction:
    """Load and extract one file; raises UnreadableFile with the reason it was skipped."""
    return extract(load(path, data=data, root=root, table_row=table_row))
