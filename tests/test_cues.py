"""Cue finders that read only the words near a quotation: (text, expected speaker) tables."""
import pytest

from indexer.cues import cue_inside_unclosed
from indexer.story_memory import Memory


@pytest.mark.parametrize("quoted, expected", [
    # the closing mark was dropped before the reporting clause
    ("There was no warning, said Ana Ruiz, whose group helps families.", "Ana Ruiz"),
    ("There was no warning, Tom Kale added. Then the port closed.", "Tom Kale"),
    ("Was there a warning? said Ana Ruiz.", "Ana Ruiz"),
    # negative cases: no name after the verb, a verb with an object, a name with no reporting verb
    ("My father, said to be ill, stayed home.", None),
    ("Then I asked her, and she said no.", None),
    ("We met Tom Kale, Ana Ruiz and Bea Lund.", None),
    ("There was no warning, she said.", None),  # a pronoun names nobody on its own
])
def test_cue_inside_unclosed(quoted, expected):
    found = cue_inside_unclosed(quoted, Memory())
    assert (found.name if found else None) == expected
