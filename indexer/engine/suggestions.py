"""'Did you mean': a query that found nothing, with each word the archive lacks replaced by its closest word."""
from __future__ import annotations

import re
from typing import Callable

from whoosh import query


def suggest(s, text: str, frequency: Callable[[str, str], int] | None = None) -> str | None:
    """`text` with each word the archive lacks replaced by the closest word it has; None if none changed.

    The text field is stemmed and keeps no spelling graph (it cost a third of ingest time), so
    the closest stem is found in the lexicon and shown as a word it stands for in a passage.
    `frequency(field, stem)` says whether the archive has a word (Whoosh's doc_frequency when
    not given): the search that found nothing has looked its words up already
    (numpy_match.Evaluator.doc_frequency), where Whoosh would read each segment's term table
    again (2.5 ms of a 9 ms phrase that found nothing, at a million passages).
    """
    frequency = frequency or s.doc_frequency
    corrector = s.corrector("text")
    analyzer = s.schema["text"].analyzer
    changed, out = False, []
    pieces = re.findall(r"\w+|\W+", text)
    for n, piece in enumerate(pieces):
        is_field = n + 1 < len(pieces) and pieces[n + 1].startswith(":")
        # A word before * or ? is a pattern's start, not a misspelling: "righ*" must not become "rights*".
        is_pattern = n + 1 < len(pieces) and pieces[n + 1][:1] in ("*", "?")
        stems = [t.text for t in analyzer(piece)] if piece.isalpha() else []
        if len(piece) < 3 or is_field or is_pattern or piece in ("AND", "OR", "NOT") or len(stems) != 1 \
                or frequency("text", stems[0]):
            out.append(piece)
            continue
        candidates = sorted((stem for stem in corrector.suggest(stems[0], limit=8, maxdist=2, prefix=1)
                             if _close_enough(stem, stems[0])), key=lambda stem: _edits(stem, stems[0]))
        word = _surface(s, candidates[0]) if candidates else None
        if word:
            out.append(word)
            changed = True
        else:
            out.append(piece)
    return "".join(out) if changed else None


def _surface(s, stem: str) -> str | None:
    """A word as written in the archive whose stem is `stem` ("regim" -> "regime")."""
    for hit in s.search(query.Term("text", stem), limit=1):
        for token in s.schema["text"].analyzer(hit["text"], chars=True, mode="index"):
            if token.text == stem:
                return hit["text"][token.startchar:token.endchar].lower()
    return None


def _close_enough(a: str, b: str) -> bool:
    """Whether `a` is a plausible correction of `b`: fewer than half the shorter word's letters
    edited. Two edits to a short word proposed another word entirely ("café" -> "can", then
    "call"); "bliar" -> "blair" and "regme" -> "regime" keep theirs."""
    return _edits(a, b) * 2 < min(len(a), len(b))


def _edits(a: str, b: str) -> int:
    """Levenshtein distance, for ordering a handful of spelling suggestions."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]
