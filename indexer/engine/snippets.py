"""Snippets: the matched words of a record marked, escaped, around the first of them.

Twenty hits a page are marked, each word of each read with the analyzer's word pattern and
stemmer: after matching, the largest part of a phrase request. Words are read in one loop
(no generator of tuples), and an ASCII text with the pattern compiled for ASCII, which finds
the same words there ("\\w" is [a-zA-Z0-9_] on ASCII either way) a fifth faster.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from .schema import make_schema

_ANALYZER = make_schema()["text"].analyzer
_WORDS = _ANALYZER.expression
_ASCII_WORDS = re.compile(_WORDS.pattern, (_WORDS.flags & ~re.UNICODE) | re.ASCII)


def highlight_snippet(text: str, terms: frozenset[str], width: int = 300,
                      phrases: frozenset[tuple[str, ...]] = frozenset()) -> Markup | None:
    """Escaped text around the first matched word, with every matched word in <mark>.

    Words are matched by the same analyzer the index uses, so "abuses" marks "abused". A phrase
    (its stems in order) marks its words only where they stand one after another, as the phrase
    search matches them (punctuation between them does not count, as it does not there).
    """
    if not terms and not phrases:
        return None
    marks, stem = [], _ANALYZER._stem  # the analyzer's own cached stemmer: the index's stems
    # phrases by their last stem: a word completes a phrase when the words before it are the rest
    endings: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        endings.setdefault(phrase[-1], []).append(phrase)
    longest = max(map(len, phrases), default=1)
    recent: list[tuple[str, int, int]] = []  # the last few words, for the phrases they may end
    for match in (_ASCII_WORDS if text.isascii() else _WORDS).finditer(text):
        start = match.start()
        if marks and start > marks[0][0] + width:
            break  # past any window around the first mark: the rest of a long text is never shown
        word = stem(match.group(0).lower())
        if word in terms:
            marks.append((start, match.end()))
        if endings:
            recent.append((word, start, match.end()))
            del recent[:-longest]
            for phrase in endings.get(word, ()):
                found = recent[-len(phrase):]
                if len(found) == len(phrase) and all(w == p for (w, _, _), p in zip(found, phrase)):
                    # in order with the marks made so far: the phrase's words came before its end
                    marks = sorted(set(marks).union((a, b) for _, a, b in found))
    if not marks:
        return None
    start = 0 if len(text) <= width else max(0, marks[0][0] - width // 3)
    end = min(len(text), start + width)
    if start:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    out, pos = [], start
    for a, b in marks:
        if a < start or b > end:
            continue
        out.append(str(escape(text[pos:a])) + f"<mark>{escape(text[a:b])}</mark>")
        pos = b
    out.append(str(escape(text[pos:end])))
    return Markup(("… " if start else "") + "".join(out) + (" …" if end < len(text) else ""))
