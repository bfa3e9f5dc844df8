"""Sentence bounds of a paragraph: (text, expected sentences) tables, negative cases included."""
import pytest

from indexer.sentences import sentence_bounds, tokens


@pytest.mark.parametrize("text, expected", [
    ("Ana Ruiz left. Tom Kale stayed.", ["Ana Ruiz left.", "Tom Kale stayed."]),
    ("Mr. Kale stayed in the U.S. all year.", ["Mr. Kale stayed in the U.S. all year."]),
    # a list's lines are sentences, even when a line ends without a full stop
    ("Links:\n-Ana Ruiz maps the harbour [Courier]\n-Tom Kale explains the tide",
     ["Links:", "-Ana Ruiz maps the harbour [Courier]", "-Tom Kale explains the tide"]),
    ("Links:\n• Ana Ruiz maps the harbour  \n• Tom Kale explains the tide",
     ["Links:", "• Ana Ruiz maps the harbour", "• Tom Kale explains the tide"]),
    # a line that goes on in lower case, or a dash before a number, is no list item
    ("The harbour was closed\n- and then it opened", ["The harbour was closed\n- and then it opened"]),
    ("The score was\n-5 at noon", ["The score was\n-5 at noon"]),
])
def test_sentence_bounds(text, expected):
    assert [text[a:b] for a, b in sentence_bounds(text, 0)] == expected


def test_a_long_run_of_spaces_before_a_list_item_is_read_in_linear_time():
    text = "Links" + " " * 200_000 + "\n- Ana Ruiz"
    assert len(sentence_bounds(text, 0)) == 2


@pytest.mark.parametrize("text, expected", [
    # a hyphen with a space on each side is a dash between clauses
    ("Ruiz - the port chief - said", ["Ruiz", "-", "the", "port", "chief", "-", "said"]),
    ("TIDES - Bea Lund:", ["TIDES", "-", "Bea", "Lund", ":"]),
    # a hyphen inside a word, before a number or after one, is part of what it touches
    ("a well-known pilot", ["a", "well-known", "pilot"]),
    ("it fell to -5 today", ["it", "fell", "to", "5", "today"]),
    ("Ruiz- said", ["Ruiz", "said"]),
])
def test_tokens_keep_a_spaced_hyphen_as_a_dash(text, expected):
    assert [t.text for t in tokens(text, 0, 0, len(text))] == expected
