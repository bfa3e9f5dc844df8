"""Pronouns and gender: (text, expected) tables, negative cases included."""
import pytest

from indexer.model import Speaker
from indexer.names import speaker_from_phrase
from indexer.story_memory import Memory
from indexer.pronouns import gender_of_phrase, speaker_of_demonym, speaker_of_epithet, speaker_of_pronoun


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


@pytest.mark.parametrize("phrases, gender, expected", [
    (["Tom Kale"], None, "Tom Kale"),
    (["Ana Ruiz"], "female", "Ana Ruiz"),
    (["the harbour board", "Tom Kale"], "male", "Tom Kale"),  # a body is nobody's epithet
    (["Ana Ruiz"], "male", None),  # 'the Harbour man' is not her
    (["Ana Ruiz", "Tom Kale"], None, None),  # two people: 'the Harbour boss' may be either
    (["Kale"], None, None),  # a name not given in full
    ([], None, None),
])
def test_speaker_of_epithet(phrases, gender, expected):
    found = speaker_of_epithet(gender, memory_after(*phrases))
    assert (found.name if isinstance(found, Speaker) else None) == expected


def speakers_of(text):
    from pathlib import Path
    from indexer.extract import extract
    from indexer.loading import parse
    story = "Harbour news\n\n" + text  # a first line of its own is the title
    return [q.speaker.name if q.speaker else None for q in extract(parse(story, Path("doc.txt"))).quotes]


@pytest.mark.parametrize("text, expected", [
    # the one person the story follows, called by an epithet it never introduced
    ('"We played well," said Tom Kale.\n\n"We will win at home," said the Harbour striker.', ["Tom Kale", "Tom Kale"]),
    ('"I was hurt badly," said Ana Ruiz.\n\n"It was a long and hard year," said the 48-year-old singer.', ["Ana Ruiz", "Ana Ruiz"]),
    # not with two people in the story, not across genders, not for an office or a group
    ('"We played well," said Tom Kale. "They did not," said Ana Ruiz.\n\n"We will win," said the Harbour boss.',
     ["Tom Kale", "Ana Ruiz", "Harbour boss"]),
    ('"I was hurt badly," said Ana Ruiz.\n\n"It was a long and hard year," said the Harbour man.', ["Ana Ruiz", "Harbour man"]),
    ('"The port will grow," said Tom Kale.\n\n"The port will shrink," said the prime minister.',
     ["Tom Kale", "prime minister"]),
    ('"The port will grow," said Tom Kale.\n\n"The port will shrink," said the Harbour researchers.',
     ["Tom Kale", "Harbour researchers"]),
])
def test_an_epithet_is_the_person_the_story_follows(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("about, sentence, gender, expected", [
    ("Tom Kale", "", "male", "Tom Kale"),
    ("Tom Kale", "", None, "Tom Kale"),
    ("Ana Ruiz", "", "male", None),  # 'the Irishman' is not her
    (None, "", None, None),  # the sentence before was about no one named
    ("Tom Kale", "When Ana Ruiz met him, the Dane said", None, None),  # another is named beside it
])
def test_speaker_of_demonym(about, sentence, gender, expected):
    memory = memory_after("Ana Ruiz", "Tom Kale")
    memory.look_ahead("Ana Ruiz and Tom Kale")
    memory.subject_before = Speaker(about) if about else None
    memory.sentence = sentence
    found = speaker_of_demonym(gender, memory, "the Dane")
    assert (found.name if isinstance(found, Speaker) else None) == expected
