"""Common English words, as a general dictionary lists them: the lexicon behind lone-word speakers."""
import pytest

from indexer.dictionary_words import is_dictionary_word


@pytest.mark.parametrize("word, expected", [
    ("Anger", True),
    ("controversy", True),
    ("Dismal", True),
    ("Brown", True),  # a colour as well as a surname: the caller asks the story which it is
    ("Blair", False),
    ("Tokyo", False),
    ("O'Neill", False),
    ("", False),
    ("2005", False),
])
def test_is_dictionary_word(word, expected):
    assert is_dictionary_word(word) is expected
