"""The rules that flag speaker names looking like fragments (flask speakers --suspect)."""
from __future__ import annotations

import pytest

from indexer.suspect_speakers import why_suspect


@pytest.mark.parametrize("name, flagged", [
    # names and descriptions: never flagged
    ("Ana Silva", False),
    ("Wong Kar-wai", False),
    ("Ludwig van Beethoven", False),
    ("Bank of England", False),
    ("a fire brigade spokesman", False),
    ("the health ministry", False),
    ("Blair", False),
    ("W-17", False),
    ("Moderator", False),
    ("Hélène Dupont", False),
    ("a spokesman for the Information Commissioner's Office", False),
    ("a spokesman for the British Phonographic Industry (BPI)", False),
    ("Martin O'Neill", False),
    ("Jones", False),
    ("Doctors Without Borders", False),
    ("a man who", True),
    ("quitting after", True),
    ("Creditors", True),
    ("Subs Not Used", True),
    ("Manchester City's Paul Bosvelt", True),
    ("Novelist Arthur Hailey", True),
    ("President George Bush", True),
    # fragments
    ("You", True),
    ("His", True),
    ("Their president", True),
    ("What", True),
    ("which critics", True),
    ("whose", True),
    ("Tuesday", True),
    ("Veteran", True),
    ("on to", True),
    ("He's back", True),
    ("It's not easy", True),
    ("12 viewers to", True),
    ("Responding to the claims Tory Party co-chairman Liam Fox", True),
    ("statement", True),
    ("86-page report", True),
    ("Wong Kar-", True),
    ("Howard Flight's", True),
    ("Stefan KÃ rner", True),
    ("Spokesman", True),
    ("Celtic's Neil Lennon", True),
    ("magazine", True),
    ("That's", True),
    ("Mr Kilroy-Silk quit UKIP last week after months of tension", True),
    ("Midfielder Edu", True),  # an occupation before a one-word name
    ("Judges Ana Ruiz", True),
    ("Carter Kale", False),  # a first name that is also an occupation
    ("Tory leader", False),  # a description, not a role before a name
    ("Doctors Without Borders", False),
])
def test_fragments_are_flagged_and_names_are_not(name, flagged):
    assert (why_suspect(name) is not None) == flagged, why_suspect(name)


def test_a_flag_says_why():
    assert "pronoun" in why_suspect("They")
    assert "number" in why_suspect("Room 101 Staff")
