"""Extraction finishes on hostile text: every pattern over document text must be linear.

A pattern with nested repetition once took minutes on an article with all-capital headings.
The bounds here are generous (seconds for text a healthy extractor reads in milliseconds): they
catch exponential or quadratic blow-ups, not slow machines.
"""
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.extract import extract
from indexer.loading import parse
from indexer.name_parts import acronym_source

BOUND_S = 10.0


def extract_text(text):
    return extract(parse(text, Path("hostile.txt")))


HOSTILE = [
    "WORLD NEWS ANALYSIS " * 400 + "(WNA)",  # a capitalised run before a bracket: the old hang
    "\n\n".join(["SECTION HEADING IN CAPITALS FOR THE READER"] * 300),
    "A. B. C. D. E. F. G. H. " * 500 + 'said "yes"',  # initials
    '"' * 5000,  # quotation marks only
    '"Yes," ' * 2000 + "said Ana Ruiz.",
    "Mc" + "Kale-O'Brien" * 3000 + " said",  # capitals inside one long word: a name may hold them
    "(" * 3000 + "Ana Ruiz" + ")" * 3000,
    "Mr. Ana Maria De La Cruz O'Neill-Smith Jr. " * 400 + 'said: "fine."',
    "‘ ’ ' “ ” " * 2000,
    "Tom's Tom's Tom's " * 2000 + "said.",
    "Ana von der van de la bin al-Kale " * 600 + 'said: "fine."',  # particles between name words
    "von der van de " * 1500 + "Kale said.",  # particles with no name before them
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_extraction_finishes_on_hostile_text(text):
    started = time.monotonic()
    extract_text(text)
    assert time.monotonic() - started < BOUND_S


capitalised_word = st.one_of(
    st.from_regex(r"[A-Z][a-z]{0,8}", fullmatch=True),
    st.from_regex(r"[A-Z]{1,6}", fullmatch=True),
    st.from_regex(r"[A-Z]\.", fullmatch=True),
    st.sampled_from(['"', "“", "”", "'", "(", ")", "(UN)", ",", ".", ":", "said", "of", "the", "\n\n"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(capitalised_word, min_size=50, max_size=600))
def test_random_capitalised_text_finishes(words):
    text = " ".join(words)
    started = time.monotonic()
    extraction = extract_text(text)
    assert time.monotonic() - started < BOUND_S
    for quote in extraction.quotes:  # and what it finds is a piece of the text
        assert quote.text == extraction.document.text[quote.start:quote.end]


@pytest.mark.parametrize("text, expected", [
    ("members of Human Rights Watch (HRW) said", "Human Rights Watch"),
    ("the Institute for Science and International Security (ISIS) said", "Institute for Science and International Security"),
    ("a plan (UN)", None),  # no capitalised name before it
    ("said Ruiz (UN)", None),  # one word is not a definition
])
def test_acronym_source(text, expected):
    bracket = text.find("(")
    assert acronym_source(text, text.find("(")) == expected
