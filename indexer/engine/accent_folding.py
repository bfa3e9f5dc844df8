"""A word typed without its accents finds the word written with them: `Muller` finds "Müller".

Readers type what their keyboard makes easy, and names from other languages are written both ways
in the press ("Jose Mourinho", "José Mourinho"). The index keeps each word as written (lower case,
stemmed), and changing that would change the index format. So a query word is widened at query
time to the indexed words whose accent-folded form is the same: `muller` is searched as
`muller OR müller`, and `"herr müller"` as either spelling of each word.

The widening needs the archive's words that hold a letter outside ASCII (only they can differ from
their folded form). A segment never changes, so they are read once per segment: from the
segment's posting arrays when they hold the field (the key bytes above 0x7f, found with NumPy, a
few milliseconds at a million passages), else from Whoosh's term list for that segment. An archive
without such words pays one dictionary test per query.
"""
from __future__ import annotations

import itertools
import threading
import unicodedata

import numpy as np
from whoosh import query

from . import segment_files
from .fields import FIELDS, PLAIN_WORDS, WORDS
from .posting_cache import PostingCache

# The fields searched word by word: their words are folded. IDs and exact values are not.
FOLDED_FIELDS = frozenset(field.name for field in FIELDS if field.index in (WORDS, PLAIN_WORDS))

# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
                               "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "ð": "d"})

# At most this many spellings of one phrase are searched (each word's spellings multiplied):
# a phrase of accented names has a few; a longer list is a sign of a pathological archive.
MAX_PHRASE_SPELLINGS = 16
# At most this many accented words are added to a prefix ('mul*'); the prefix itself is unbounded
# as before (limits.check_breadth judges it).
MAX_PREFIX_SPELLINGS = 64


def fold(text: str) -> str:
    """`text` without its accents: "Müller" -> "Muller", "Øresund" -> "Oresund"; ASCII is unchanged."""
    if text.isascii():
        return text
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return plain.translate(_UNDECOMPOSED)


Variants = dict  # (field, folded word) -> frozenset of the indexed words that fold to it


class AccentVariants:
    """The indexed words outside ASCII, by field and folded form, kept per segment and per commit."""

    def __init__(self, postings: PostingCache):
        self._postings = postings
        self._segments: dict[str, Variants] = {}
        self._commit: tuple[tuple[str, ...], Variants] | None = None
        self._lock = threading.Lock()

    def of(self, reader) -> Variants:
        """The variants of the commit `reader` reads, put together from its segments'."""
        leaves = segment_files.segment_leaves(reader)
        segment_ids = tuple(leaf.segment().segment_id() for leaf, _ in leaves)
        with self._lock:
            if self._commit is not None and self._commit[0] == segment_ids:
                return self._commit[1]
        combined: dict = {}
        for (leaf, _), segment_id in zip(leaves, segment_ids):
            with self._lock:
                found = self._segments.get(segment_id)
            if found is None:
                found = self._segment_variants(leaf, segment_id)
                with self._lock:
                    self._segments[segment_id] = found
            for key, words in found.items():
                combined[key] = combined.get(key, frozenset()) | words
        with self._lock:
            # A merge removes segments for good: their words are not asked for again.
            self._segments = {sid: self._segments[sid] for sid in segment_ids if sid in self._segments}
            self._commit = (segment_ids, combined)
        return combined

    def _segment_variants(self, leaf, segment_id: str) -> Variants:
        found: dict = {}
        stored = self._postings.stored(segment_id)
        from_arrays = FOLDED_FIELDS & stored.fields if stored is not None and stored.complete else frozenset()
        if from_arrays:
            for key in _non_ascii_keys(stored.keys, stored.key_ends):
                fieldname, _, btext = key.partition(b"\0")
                name = fieldname.decode("utf-8", "replace")
                if name in from_arrays:
                    _add(found, name, btext)
        for name in sorted(FOLDED_FIELDS - from_arrays):
            if name in leaf.schema:
                for btext in leaf.lexicon(name):
                    if not btext.isascii():
                        _add(found, name, btext)
        return {key: frozenset(words) for key, words in found.items()}


def _add(found: dict, fieldname: str, btext: bytes) -> None:
    word = btext.decode("utf-8", "replace")
    folded = fold(word)
    if folded != word:
        found.setdefault((fieldname, folded), set()).add(word)


def _non_ascii_keys(keys: np.ndarray, key_ends: np.ndarray) -> list[bytes]:
    """The term keys (concatenated in `keys`, each ending at `key_ends`) that hold a byte above 0x7f."""
    high = np.flatnonzero(np.asarray(keys) >= 0x80)
    if not len(high):
        return []
    ends = np.asarray(key_ends)
    rows = np.unique(ends.searchsorted(high, side="right"))
    starts = np.concatenate([[0], ends[:-1]])
    return [np.asarray(keys[int(starts[row]):int(ends[row])]).tobytes() for row in rows.tolist()]


def widened(q, variants: Variants):
    """`q` with each word of a folded field also searched in its other spellings in the archive.

    A term becomes an Or of its spellings (the typed one first, boosts kept); a phrase becomes an
    Or of phrases, one per combination of its words' spellings (at most MAX_PHRASE_SPELLINGS); a
    prefix also finds the accented words it begins when folded.
    `q` itself is returned when no word has another spelling.
    """
    def spellings(fieldname: str, word: str) -> list[str]:
        folded = fold(word)
        found = variants.get((fieldname, folded), ())
        others = sorted(found - {word}) if found else []
        if folded != word:  # typed with accents: the plain spelling too, when the archive has it
            others = [folded, *[w for w in others if w != folded]]
        return [word, *others]

    def rewrite(node):
        kind = type(node)
        if kind is query.Term and node.fieldname in FOLDED_FIELDS and isinstance(node.text, str):
            words = spellings(node.fieldname, node.text)
            if len(words) == 1:
                return node
            return query.Or([query.Term(node.fieldname, w, boost=node.boost) for w in words])
        if kind is query.Prefix and node.fieldname in FOLDED_FIELDS and isinstance(node.text, str):
            # 'mul*' finds 'müller' too: the archive's accented words whose folded form has the prefix.
            start = fold(node.text)
            words = sorted({w for (fieldname, folded), found in variants.items()
                            if fieldname == node.fieldname and folded.startswith(start) for w in found})
            if not words and start == node.text:
                return node
            extra = [query.Prefix(node.fieldname, start, boost=node.boost)] if start != node.text else []
            return query.Or([node, *extra, *(query.Term(node.fieldname, w, boost=node.boost)
                                              for w in words[:MAX_PREFIX_SPELLINGS])])
        if kind is query.Phrase and node.fieldname in FOLDED_FIELDS:
            choices = [spellings(node.fieldname, w) for w in node.words]
            if all(len(c) == 1 for c in choices):
                return node
            combos = list(itertools.islice(itertools.product(*choices), MAX_PHRASE_SPELLINGS))
            return query.Or([query.Phrase(node.fieldname, list(words), slop=node.slop, boost=node.boost,
                                          char_ranges=None) for words in combos])
        return node.apply(rewrite)

    return rewrite(q)
