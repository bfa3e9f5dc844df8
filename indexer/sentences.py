"""Sentences and words of a paragraph, read with its quotations masked.

Quoted words are replaced by letters of the same length before splitting, so that a full stop
inside a quotation does not cut the sentence that carries its attribution ("'... officials.' Roth
said" stays whole), while offsets stay those of the document.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .constants import LEXICONS
from .quotes import Span

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
ABBREVIATIONS = _EN["abbreviations"]


class Token(NamedTuple):  # a tuple: made hundreds of thousands of times per thousand articles
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


_ABBREVIATED = "|".join(sorted((a.capitalize() for a in ABBREVIATIONS), key=len, reverse=True))
# A hyphen with spaces on both sides is a dash typed on a keyboard ('Ruiz - the port chief - said'):
# a mark between clauses as '—' is, not a piece of a word.
_TOKEN = re.compile(rf"(?:{_ABBREVIATED}|[A-Z])\.(?=\s)|[\w$£€%][\w'’.\-$£€%]*[\w%]|[\w$£€%]|[,;:—–()\"“”‘’'«»]|--"
                    r"|(?<=\s)-(?=\s)")
# A sentence ends at a full stop before a capital, or at a line break before a list item ('\n- Ana Ruiz
# explains ...', '\n• ...'): a list's lines are sentences even when the line before ends without a stop.
_END = re.compile(r"[.!?]+[\"”’'»)]*(?=\s+[\"“‘'(]?[A-Z0-9]|\s*$)|(?<=[.!?])[\"”’'»](?=[A-Z])"
                  r"|(?<![ \t])(?=[ \t]*\n[ \t]*[-•*–][ \t]*[A-Z])")


def mask(text: str, start: int, end: int, spans: list[Span]) -> str:
    """The paragraph text[start:end] with each quotation's words turned into 'x's.

    The last character of a quotation is kept when it is a full stop, question or exclamation
    mark: a quotation that ends a sentence still ends it.
    """
    chars = list(text[start:end])
    for span in spans:
        a, b = span.start - start, span.end - start
        for i in range(a, b):
            if not chars[i].isspace():
                chars[i] = "X" if chars[i].isupper() else "x"  # keep case: a quoted sentence still starts one
        if b > a and span.opened and not text[span.start].isalnum():
            chars[a] = "X"  # '". . . You're': a quotation opening on punctuation still starts a sentence
        if b > a and text[span.end - 1] in ".!?" and span.closed:
            chars[b - 1] = text[span.end - 1]
    return "".join(chars)


_LAST_WORD = re.compile(r"([A-Za-z]+)\.$")  # the word a full stop ends


def sentence_bounds(masked: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a masked paragraph, in document offsets."""
    bounds, pos = [], 0
    for match in _END.finditer(masked):
        stop = match.end()
        word = _LAST_WORD.search(masked, pos, match.start() + 1)  # = re.search on that slice
        if word and match.group().startswith(".") and (
                word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
            continue  # Mr. Smith, U.S. officials, Jan. 5: not the end of a sentence
        if masked[pos:stop].strip():
            bounds.append((offset + pos, offset + stop))
        pos = stop
    if masked[pos:].strip():
        bounds.append((offset + pos, offset + len(masked.rstrip())))
    return [(a + (len(masked[a - offset:b - offset]) - len(masked[a - offset:b - offset].lstrip())), b)
            for a, b in bounds]


def tokens(masked: str, offset: int, start: int, end: int) -> list[Token]:
    """Words and punctuation of masked[start:end] (document offsets)."""
    piece = masked[start - offset:end - offset]
    # tuple.__new__ is what Token(...) calls, without NamedTuple's Python-level __new__ in between.
    return [_make(Token, (m.group(), start + m.start(), start + m.end())) for m in _TOKEN.finditer(piece)]


_make = tuple.__new__
