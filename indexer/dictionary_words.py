"""Whether a word is a common English word: an entry of a general dictionary.

A lone capitalised word that the dictionary knows ('Anger', 'Controversy', 'Dismal') is the
capital of a sentence or a title, unless the story also writes it as a name; names.py asks this
before it lets one word stand as a speaker. The dictionary is GCIDE (the GNU Collaborative
International Dictionary of English, through the english-words package): headwords only, so it
holds 'brown' and 'bush' but not 'Blair' or 'Tokyo'. Read once, on first use.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _headwords() -> frozenset[str]:
    from english_words import get_english_words_set  # ~0.1 s to read: only when a lone word needs it
    return frozenset(get_english_words_set(["gcide"], alpha=True, lower=True))


def is_dictionary_word(word: str) -> bool:
    """'Anger' -> True, 'Brown' -> True (a colour too), 'Blair' -> False, 'Tokyo' -> False."""
    bare = word.strip(".,;:'’").lower()
    return bare.isalpha() and bare in _headwords()
