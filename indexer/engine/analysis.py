"""The analyzer for searchable text: Whoosh's StemmingAnalyzer without stop words, in one pass.

The stems are Snowball's English (Porter2) stemmer, given to Whoosh through its own seam
(StemmingAnalyzer(stemfn=...), i.e. StemFilter(stemfn=...)). Whoosh's own Porter stemmer never
removes a doubled consonant ("winning" -> "winn", "stopped" -> "stopp"), so `win` missed
"winning". PyStemmer is the Snowball project's C build: 0.4 us a word against 31 us for the
pure-Python snowballstemmer (and 3.7 us for Whoosh's Porter), the same stems on every word tried.
Indexes built with the old stems are rebuilt by the next ingest (index_format).

StemmingAnalyzer(stoplist=None) is RegexTokenizer | LowercaseFilter | StemFilter: three Python
generators, each touching every token, plus a cache wrapper around the stemmer. Indexing spends
a sixth of its time there, so this tokenizer does the same three steps in one loop. It yields
exactly the tokens StemmingAnalyzer yields (same text, positions, offsets and originals; a test
compares them on arbitrary text), so queries, highlights and old indexes agree with it.

`WordPositions` is the same for indexing: Whoosh's Positions format asks the analyzer for a
Token per word and gathers positions per word; with StemmedWords it gathers them straight from
the stems (the same postings, byte for byte; a test compares them).
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pickle import dumps

import Stemmer
from whoosh.analysis import Token, Tokenizer
from whoosh.formats import Positions
from whoosh.system import pack_uint
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem as porter_stem
from whoosh.util.text import rcompile


# Snowball's English stemmer (Porter2): "winning" -> "win", "planning" -> "plan".
snowball_stem = Stemmer.Stemmer("english").stemWord

# By name, because the schema (and so the analyzer) is pickled into the index: an index written
# before Snowball unpickles as "porter" and keeps answering with the stems it holds until rebuilt.
STEMMERS = {"snowball": snowball_stem, "porter": porter_stem}


# default_pattern without its group, for findall (same matches).
_ASCII_WORDS = rcompile(default_pattern.pattern.replace("(\\.?", "(?:\\.?"))


class StemmedWords(Tokenizer):
    def __init__(self, expression=default_pattern, cachesize: int = 50000, stemmer: str = "snowball"):
        self.expression = rcompile(expression)
        self.cachesize = cachesize
        self.stemmer = stemmer
        self._stem = lru_cache(maxsize=cachesize)(STEMMERS[stemmer])

    def __getstate__(self):  # the schema is pickled into the index; a cache is not picklable
        return {"expression": self.expression, "cachesize": self.cachesize, "stemmer": self.stemmer}

    def __setstate__(self, state):
        # An index pickled before the stemmer had a name was stemmed by Whoosh's Porter.
        self.__init__(state["expression"], state["cachesize"], state.get("stemmer", "porter"))

    def __eq__(self, other):
        return (type(other) is type(self) and self.expression.pattern == other.expression.pattern
                and self.cachesize == other.cachesize and self.stemmer == other.stemmer)

    def stem_list(self, value: str) -> list[str]:
        """The tokens' text, in order."""
        stemmed = self._stem
        if value.isascii() and self.expression.pattern == default_pattern.pattern:
            # Lower-casing ASCII maps letters to letters one for one, so the words of the lowered
            # text are the lowered words; findall makes no match objects (a third of the time).
            return [stemmed(word) for word in _ASCII_WORDS.findall(value.lower())]
        return [stemmed(match.group(0).lower()) for match in self.expression.finditer(value)]

    def stems(self, value: str):
        """(stem, start, end) of each word: the tokens' text and offsets, without Token objects."""
        stemmed = self._stem
        for match in self.expression.finditer(value):
            yield stemmed(match.group(0).lower()), match.start(), match.end()

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        assert isinstance(value, str), "%r is not unicode" % value
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        stemmed = self._stem
        if not tokenize:  # the whole value is one token, still lower-cased and stemmed
            token.original = value
            token.text = stemmed(value.lower())
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        for pos, match in enumerate(self.expression.finditer(value)):
            word = match.group(0)
            if keeporiginal:
                token.original = word
            token.text = stemmed(word.lower())
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


# Most words occur once in a passage: their encoded positions are looked up, not pickled. The
# shared bytes objects also make posting blocks smaller: pickling a block writes a repeated object
# once and refers back to it (the same values are read back; 5,000 passages' .pst: 6.2 -> 5.0 MB).
_ONCE_AT = [Positions().encode([position]) for position in range(4096)]


class WordPositions(Positions):
    """whoosh.formats.Positions, without Token objects when the analyzer is StemmedWords."""

    def word_values(self, value, analyzer, **kwargs):
        if type(analyzer) is not StemmedWords or not isinstance(value, str) or set(kwargs) - {"mode"}:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        yield from zip(*self.word_lists(value, analyzer))

    def word_lists(self, value: str, analyzer: StemmedWords) -> tuple[list, list, list, list]:
        """word_values as four lists (words, counts, weights, encoded positions), for the segment
        writer's add_document (document_writer), which pools a field's postings at once."""
        stems = analyzer.stem_list(value)
        boost = self.field_boost
        words = list(dict.fromkeys(stems))
        if len(words) == len(stems) and len(stems) <= len(_ONCE_AT):  # every word once: a short field
            return words, [1] * len(words), [1.0 * boost] * len(words), _ONCE_AT[:len(words)]
        positions = defaultdict(list)
        for position, word in enumerate(stems):
            positions[word].append(position)
        counts, weights, values = [], [], []
        for where in positions.values():
            # Positions.encode: the count, then the pickled gaps; the weight sums a boost of 1.0 per word.
            counts.append(len(where))
            if len(where) == 1 and where[0] < len(_ONCE_AT):
                weights.append(1.0 * boost)
                values.append(_ONCE_AT[where[0]])
                continue
            weights.append(float(len(where)) * boost)
            gaps = [where[0]] + [b - a for a, b in zip(where, where[1:])]
            values.append(pack_uint(len(gaps)) + dumps(gaps, 2))
        return words, counts, weights, values
