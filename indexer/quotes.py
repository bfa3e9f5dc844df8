"""Finding quotation spans in a paragraph: which words stand between quotation marks.

This module only finds marks and pairs them; whether the words are speech, and whose, is
speakers.py's job. Double quotes (straight, curly, guillemets, the Congressional Record's
``...'') come first; single quotes are looked for only outside them, and an apostrophe inside
a word (they'd, Korea's) never opens or closes one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int  # first quoted character (after the opening mark)
    end: int  # one past the last quoted character (before the closing mark)
    opened: bool  # an opening mark was found (False: continues a quote from the paragraph before)
    closed: bool  # it ends in this paragraph: at a closing mark, or where its next paragraph's mark opens
    mark: str  # "double" or "single"


_DOUBLE = re.compile(r"``|''|[\"“”«»„]")
_OPENERS = {"“", "«", "„", "``"}
_CLOSERS = {"”", "»", "''"}
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–\-/]))[‘'](?=[\w\[(…$£€\d])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…\])%\-—])[’'](?![\w])")


def _looks_open(text: str, pos: int, length: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + length] if pos + length < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _looks_closed(text: str, pos: int, length: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + length] if pos + length < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum() or after.isupper())


def _starts_next_quote(para: str, open_at: int, pos: int) -> bool:
    """A straight mark that opens the next paragraph of a quote still open: it follows a sentence's end
    and a space, and a capital (or a bracket) follows it. A closing mark never has a space before it."""
    after = para[pos + 1:pos + 2]
    before = para[open_at:pos].rstrip()
    return (pos > 0 and para[pos - 1].isspace() and (after[:1].isupper() or after in ("[", "("))
            and before[-1:] in (".", "!", "?", "…") and len(before) > 1)


def find_spans(text: str, start: int, end: int, continuing: bool = False) -> list[Span]:
    """Quotation spans in text[start:end], as absolute offsets.

    ``continuing`` says the paragraph before left a quote open; a paragraph that then opens with a
    quotation mark carries it on (the next paragraph of a long quote), and one that does not
    closes the quote before it.
    """
    spans: list[Span] = []
    para = text[start:end]
    open_at: int | None = None
    for match in _DOUBLE.finditer(para):
        mark, pos = match.group(), match.start()
        if open_at is None:
            is_opener = mark in _OPENERS or (mark in ('"', "”") and _looks_open(para, pos, len(mark)))
            if mark == "''" or not is_opener:
                continue
            open_at = match.end()
        else:
            if mark == '"' and _starts_next_quote(para, open_at, pos):
                # '"The system fails. "This means ...': a straight mark after a space, before a word,
                # opens; the quote before ended at its sentence's end, where a paragraph break was lost
                # (each paragraph of a long quote opens with a mark and only the last one closes).
                spans.append(Span(start + open_at, start + len(para[:pos].rstrip()), True, True, "double"))
                open_at = match.end()
                continue
            is_closer = mark in _CLOSERS or mark == '"' or (mark == "“" and _looks_closed(para, pos, len(mark)))
            if not is_closer or (pos == open_at and mark in _OPENERS):
                # A second opener while one is open: the first was never closed, or the writer typed
                # the opening mark twice ('““Radical ...'); start again here.
                open_at = match.end()
                continue
            if pos > open_at:
                spans.append(Span(start + open_at, start + pos, True, True, "double"))
            open_at = None
    if open_at is not None and open_at < len(para):
        tail_end = len(para.rstrip())
        if tail_end > open_at:
            spans.append(Span(start + open_at, start + tail_end, True, False, "double"))
    spans += _single_spans(text, start, end, spans)
    spans.sort(key=lambda s: s.start)
    return spans


def _single_spans(text: str, start: int, end: int, doubles: list[Span]) -> list[Span]:
    """Single-quoted spans outside every double-quoted one ('By the time my phone buzzed,' said ...)."""
    para = text[start:end]
    blocked_starts = [s.start - start - 1 for s in doubles]
    blocked_ends = [s.end - start + 1 for s in doubles]

    def free(pos: int) -> bool:
        i = bisect_right(blocked_starts, pos) - 1
        return i < 0 or pos >= blocked_ends[i]

    spans = []
    pos = 0
    while True:
        opener = _SINGLE_OPEN.search(para, pos)
        if not opener:
            break
        if not free(opener.start()):
            pos = opener.end()
            continue
        closer = _SINGLE_CLOSE.search(para, opener.end())
        while closer and not free(closer.start()):
            closer = _SINGLE_CLOSE.search(para, closer.end())
        if not closer:
            break
        inner = para[opener.end():closer.start()]
        if inner.strip() and len(inner) < 2000:
            spans.append(Span(start + opener.end(), start + closer.start(), True, True, "single"))
        pos = closer.end()
    return spans
