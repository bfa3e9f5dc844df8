"""The cue after a quotation: (words after the closing mark, expected speaker) tables."""
import pytest

from indexer.story_memory import Memory
from indexer.sentences import tokens
from indexer.trailers import cue_after, cue_after_joined


def words(text):
    return tokens(text, 0, 0, len(text))


@pytest.mark.parametrize("after, ended, expected, nobody", [
    (", said Ana Ruiz, the port chief.", False, "Ana Ruiz", False),  # the verb first, the name after
    (", Tom Kale said.", False, "Tom Kale", False),
    (" Tom Kale is quoted as saying.", False, "Tom Kale", False),  # a passive report
    (", said the man.", False, None, True),  # a bare role spoke: nobody to name, and no other cue may
    # negative cases: a new sentence after a quotation that closed its own, a clause that reports
    # something else, nothing after the quotation
    (" He demands safeguards.", True, None, False),
    (", Kale admitted that the port was shut.", False, None, False),
    ("", False, None, False),
])
def test_cue_after(after, ended, expected, nobody):
    cue = cue_after(words(after), Memory(), ended)
    assert (cue.speaker.name if cue.speaker else None, cue.nobody) == (expected, nobody)


# The joined quotation's own words are masked away before cues are read: only its marks are left.
@pytest.mark.parametrize("after, expected", [
    (' and “,” Ana Ruiz said.', "Ana Ruiz"),  # the cue after the last of joined quotations
    (' or “,” Tom Kale said.', "Tom Kale"),
    (' on Monday, Ana Ruiz said.', None),  # other words between: a clause of its own
    (', Ana Ruiz said.', None),  # no second quotation joined
])
def test_cue_after_joined(after, expected):
    cue = cue_after_joined(words(after), Memory())
    assert (cue.speaker.name if cue.speaker else None) == expected
