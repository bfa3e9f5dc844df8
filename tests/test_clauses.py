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
    # two people joined by 'and', an age before the second name
    ("Ruiz and 24-year-old Tom Kale, a fellow pilot, explained", "Ruiz and 24-year-old Tom Kale"),
    ("Ruiz and Tom Kale, a fellow pilot, explained", "Ruiz and Tom Kale"),
    ("the crew and 24-year-old pilots explained", "24-year-old pilots"),  # no name after the age
    # a name, then a description with 'who' before the verb: the name with its description
    ("Kale, a Nova Scotia native who writes", "Kale, a Nova Scotia native who"),
    ("the board met Ana Ruiz, a retired pilot who wrote", "Ana Ruiz, a retired pilot who"),
    ("Dr. Ana Ruiz, the harbour’s Chief Engineer who wrote", "Dr. Ana Ruiz, the harbour’s Chief Engineer who"),
    # no name before the comma: a time, a place after a preposition, a lower-case word
    ("On Monday, a Nova Scotia native who writes", "a Nova Scotia native who"),
    ("In Halifax, a retired pilot who writes", "a retired pilot who"),
    ("at the port, a retired pilot who writes", "a retired pilot who"),
    ("Kale, a Nova Scotia native, writes", "Kale"),  # no 'who': the aside is skipped as before
    # a conjunction capitalised after a preposition opens a title, inside the subject
    ("The singer of Because the Tide told", "The singer of Because the Tide"),
    # negatives: a conjunction in lower case, or capitalised after anything else, ends the subject
    ("It rained because the port boss told", "the port boss"),
    ("the fee rose to £2m But Kale told", "Kale"),
])
def test_subject_before(text, expected):
    words = toks(text)
    assert subject_before(words, len(words) - 1) == expected


@pytest.mark.parametrize("text, expected", [
    ("In a statement on Monday, the ministry said", "the ministry"),
    (", Kale said before adding", "Kale"),  # quotation marks and commas before the words
    ("Ana Ruiz threw her support behind Sen. Tom Kale", "Ana Ruiz"),  # an irregular verb before 'her'
    ("Tom Kale gave them a warning", "Tom Kale"),
    ("Ana Ruiz and her sister", "Ana Ruiz"),
    ("The port director and his deputy", "The port director"),  # no name before: the rule is silent
    # a plural's apostrophe and an 'and' inside one body's name go on; two bodies or two people do not
    ("At the same time, the Harbour Pilots' Association said", "the Harbour Pilots' Association"),
    ("The Commons Ports and Harbours Committee said", "The Commons Ports and Harbours Committee"),
    ("Ana Ruiz and Tom Kale said", "Ana Ruiz"),
    ("The Harbour Committee and Port Authority said", "The Harbour Committee"),
    ("The Pilots and the Harbour Committee said", "The Pilots"),
    ("The Pilots' Ana Ruiz said", "The Pilots' Ana Ruiz"),
    # a linking word set off by commas after an opening phrase is not the subject
    ("On Tuesday, however, Harbourland moved to calm the markets", "Harbourland"),
    ("Later that day, meanwhile, the port board met", "the port board"),
    # negatives: a phrase after the opener, or a linking word not set off, is read as before
    ("In May, after the vote, the board met", "after the vote"),
    ("On Tuesday, Harbourland moved to calm the markets", "Harbourland"),
])
def test_sentence_subject(text, expected):
    assert sentence_subject(toks(text)) == expected


@pytest.mark.parametrize("text, index, expected", [
    ("as Ruiz pointed out in May", 2, True),  # a phrasal reporting verb
    ("Ruiz pointed at the ship", 1, False),
    ("the board's report was long", 2, False),  # a noun after its owner
    ("a video that said it", 3, True),  # a relative pronoun before a past tense
    ("she read that report", 3, False),  # a determiner before a noun
    ("As Ruiz puts it, the port is open", 2, True),  # the idiom reports words
    ("Ruiz puts it on the table", 1, False),
])
def test_phrasal_relative_and_possessed_verbs(text, index, expected):
    assert is_speech_verb(toks(text), index) is expected


@pytest.mark.parametrize("text, index, expected", [
    ("Kale's Virginia state director", 2, False),  # a base form after a singular name is a noun
    ("the Senate report on ships", 2, False),
    ("I say the port is open", 1, True),  # a pronoun
    ("Democrats say the port is open", 1, True),  # a plural name
    ("Kale said the port is open", 1, True),
])
def test_base_forms_after_names(text, index, expected):
    assert is_speech_verb(toks(text), index) is expected


@pytest.mark.parametrize("text, expected", [
    ("Kale's port director, Mike Rubino, reached out", "Mike Rubino"),  # the name in apposition
    ("The port director, who runs it, reached out", "The port director"),
    # a title before the name in apposition, and a seat after it
    ("Harbour Finance Minister, Ana Ruiz MSP, said", "Ana Ruiz MSP"),
    ("Harbour Finance Minister, the harbour board, said", "Harbour Finance Minister"),
])
def test_sentence_subject_in_apposition(text, expected):
    assert sentence_subject(toks(text)) == expected


@pytest.mark.parametrize("module, name", [
    ("indexer.clauses", "SPEECH_VERBS"), ("indexer.names", "ORGANISATION_WORDS"), ("indexer.speaker_check", "PERSON_NOUNS"),
    ("indexer.attribution", "PRONOUNS"), ("indexer.sentences", "ABBREVIATIONS"),
])
def test_rules_read_lexicons_through_the_language_key(module, name):
    import importlib

    from indexer.constants import LEXICONS
    assert getattr(importlib.import_module(module), name) is LEXICONS["en"][name.lower()]
