"""Splitting a document into passages: paragraphs, transcript turns, captions, headings.

A passage's [start:end] always indexes the document's own text, so a citation can show the exact
words and a browser can find them again.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from .constants import CAPTION_LABELS, TEASER_LABELS
from .datelines import read_dateline
from .model import Document
from .turns import TurnReader, speech_giver


@dataclass(frozen=True)
class Block:
    """A passage before it has an id: kind, span and, for a transcript turn, the label."""

    kind: str
    start: int
    end: int
    label: str | None = None  # the speaker label of a transcript turn or testimony


_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n\s*")
_CAPTION = re.compile(
    r"\s*(?:%s)\s*:" % "|".join(re.escape(label) for label in CAPTION_LABELS), re.I)
_TRAILING_CREDIT = re.compile(r"\b(?:Pic|Picture|Photo|Image|Credit)s?:\s*[^.]{2,60}$")
_TEASER = re.compile(r"\s*(?:%s)\s*:" % "|".join(re.escape(label) for label in TEASER_LABELS), re.I)
_MD_HEADING = re.compile(r"(#{1,6})[ \t]+")
_SETEXT_UNDERLINE = re.compile(r"\r?\n[=\-]{3,}[ \t]*$")
_NOTE = re.compile(r"\[[^\]]*\]")


def paragraphs(text: str, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each blank-line-separated paragraph, outer white space trimmed."""
    pos = start
    for brk in _PARAGRAPH_BREAK.finditer(text, start):
        yield from _trimmed(text, pos, brk.start())
        pos = brk.end()
    yield from _trimmed(text, pos, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        spans.extend(_trimmed(text, pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _is_headline(line: str) -> bool:
    """A short line with no sentence punctuation at its end: a heading or a teaser's headline."""
    words = line.split()
    return 0 < len(words) <= 14 and not re.search(r"[.!?:;,\"”’'…)]$", line.strip())


def _is_title_line(line: str) -> bool:
    words = line.split()
    if not words or "\n" in line.strip() or len(words) > 20:
        return False
    if len(words) <= 14 and not line.rstrip().endswith((":", ",")):
        return True
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= 0.6 * len(words)


def split(doc: Document) -> Iterator[Block]:
    text = doc.text
    spans = list(paragraphs(text, doc.body_start))
    if not spans:
        return
    turns = TurnReader(text, spans, markdown=doc.form == "markdown")
    has_title = bool(doc.title)
    title = doc.title or (text[spans[0][0]:spans[0][1]] if _is_title_line(text[spans[0][0]:spans[0][1]]) else None)
    # A speech's prose is its giver's: a transcript's own labels say better who speaks, when it has them.
    giver = speech_giver(title) if not turns.found_any() else None
    # Counted once: a count per paragraph made a document of many short paragraphs quadratic
    # (2 MB of one-line paragraphs took 55 s).
    headline_counts = Counter(text[s:e].strip() for s, e in spans)

    story_opens = 0  # the paragraph a dateline can open: the first, or the one after a title line
    for index, (start, end) in enumerate(spans):
        chunk = text[start:end]
        if index == story_opens:
            _, after = read_dateline(text, start)
            if after > start:
                start = after
                chunk = text[start:end]
            elif index == 0 and not has_title and _is_title_line(chunk) and turns.turn_at(index) is None:
                yield Block("title", start, end)
                story_opens = 1
                continue

        heading = _MD_HEADING.match(chunk) if doc.form == "markdown" else None
        if heading:
            yield Block("heading", start + heading.end(), end)
            continue
        underline = _SETEXT_UNDERLINE.search(chunk) if doc.form == "markdown" else None
        if underline and "\n" not in chunk[: underline.start()].strip():
            yield Block("heading", start, start + underline.start())
            continue

        turn = turns.turn_at(index)
        if turn is not None:
            label, body_start = turn
            if body_start < end:
                yield Block("quote", body_start, end, label=label)
            continue
        if turns.is_label_line(index):
            continue  # a speaker's name on its own line: it becomes the turn's speaker

        if _NOTE.fullmatch(chunk.strip()):
            yield Block("note", start, end)
            continue
        lines = _lines(text, start, end)
        if any(_CAPTION.match(text[s:e]) or _TRAILING_CREDIT.search(text[s:e]) for s, e in lines):
            for s, e in lines:
                yield Block("caption", s, e)
            continue
        if _TEASER.match(chunk):
            yield Block("teaser", start, end)
            continue
        if _is_headline(chunk) and "\n" not in chunk:
            repeated = headline_counts[chunk.strip()] > 1
            yield Block("teaser" if repeated else "heading", start, end)
            continue
        if giver and _is_prose(chunk):
            yield Block("quote", start, end, label=giver)
            continue
        yield Block("narrative", start, end)


def _is_prose(chunk: str) -> bool:
    """Sentences, not a speech's byline ('Ana Ruiz / Minister for Ports / Harbourtown, May 1'):
    a paragraph whose last line ends a sentence."""
    return bool(re.search(r"[.!?…][\"”’')\]]*$", chunk.rstrip())) and len(chunk.split()) >= 4
