"""Pronouns and gender: (text, expected) tables, negative cases included."""
import pytest

from indexer.model import Speaker
from indexer.names import speaker_from_phrase
from indexer.story_memory import Memory
from indexer.pronouns import gender_of_phrase, speaker_of_pronoun


@pytest.mark.parametrize("phrase, expected", [
    ("Mrs. Ruiz", "female"),
    ("Sir Tom Kale", "male"),
    ("a woman who pilots ships", "female"),
    ("a father of three", "male"),
    ("Ana Ruiz", None),  # a first name alone says nothing here: it is looked up only for a pronoun
    ("the harbour board", None),
])
def test_gender_of_phrase(phrase, expected):
    assert gender_of_phrase(phrase.split(), phrase) == expected


def memory_after(*phrases):
    memory = Memory()
    for phrase in phrases:
        memory.learn_text(phrase)
        speaker_from_phrase(phrase, memory)
    return memory


@pytest.mark.parametrize("phrases, pronoun, expected", [
    (["Ana Ruiz"], "she", "Ana Ruiz"),
    (["Ana Ruiz", "Tom Kale"], "she", "Ana Ruiz"),  # the last one of her gender, not the last named
    (["Ana Ruiz", "Tom Kale"], "he", "Tom Kale"),
    (["the harbour board"], "it", "harbour board"),
    (["Tom Kale"], "she", None),  # nobody of her gender was named
    (["the harbour board"], "he", None),  # a body is no 'he'
])
def test_speaker_of_pronoun(phrases, pronoun, expected):
    found = speaker_of_pronoun(pronoun, memory_after(*phrases))
    assert (found.name if isinstance(found, Speaker) else None) == expected
