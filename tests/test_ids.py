"""Citation ids come from normalised text: runs of any Unicode white space are one space."""
import re
import sys

import pytest

from indexer.ids import make_id, normalise


@pytest.mark.parametrize("text, expected", [
    ("  He said\n\tno.  ", "He said no."),
    ("a\u00a0b\u2028c\x1cd\u3000e", "a b c d e"),
    ("\u201cQuoted\u201d \u2018too\u2019", "\"Quoted\" 'too'"),
    ("ﬁne", "fine"),  # NFKC
    ("", ""),
    ("none_here", "none_here"),
])
def test_normalise(text, expected):
    assert normalise(text) == expected


def test_every_white_space_character_counts_as_white_space():
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c)))
    assert normalise(f"x{spaces}y{spaces}") == "x y"


@pytest.mark.parametrize("a, b, same", [
    ("He said  no.", "He said\nno.", True),
    ("He said no.", "He said yes.", False),
])
def test_ids_follow_the_normalised_text(a, b, same):
    assert (make_id("passage", a) == make_id("passage", b)) is same
