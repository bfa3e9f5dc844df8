"""The rough grammar attribution leans on: verbs, subjects, asides, as (text, expected) tables."""
import pytest

from indexer.clauses import is_speech_verb, sentence_subject, subject_before
from indexer.sentences import tokens


def toks(text):
    return tokens(text, 0, 0, len(text))


@pytest.mark.parametrize("text, index, expected", [
    ("Ruiz said it", 1, True),
    ("the report was long", 1, False),  # a noun after an article
    ("Kale shot back at her", 1, True),  # a retort
    ("Kale shot the ball", 1, False),
    ("United States", 0, False),  # capitalised, not after a comma
])
def test_is_speech_verb(text, index, expected):
    assert is_speech_verb(toks(text), index) is expected


@pytest.mark.parametrize("text, expected", [
    ("board spokeswoman Hope Ruiz said", "board spokeswoman Hope Ruiz"),  # 'Hope' is a name here
    ("Ana Ruiz, legal director for the board, said", "Ana Ruiz"),  # a lower-case aside
    ("Ana Ruiz, Coastline’s director, said", "Ana Ruiz"),  # a possessive aside
    ("the port chief, Tom Kale, said", "Tom Kale"),  # the name in apposition
    ("Ruiz also said", "Ruiz"),
])
def test_subject_before(text, expected):
    words = toks(text)
    assert subject_before(words, len(words) - 1) == expected


@pytest.mark.parametrize("text, expected", [
    ("In a statement on Monday, the ministry said", "the ministry"),
    (", Kale said before adding", "Kale"),  # quotation marks and commas before the words
])
def test_sentence_subject(text, expected):
    assert sentence_subject(toks(text)) == expected
