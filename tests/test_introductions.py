"""The role a story introduces a person with: (text, name, expected role nouns), negative cases included."""
import pytest

from indexer.introductions import definite_descriptions, roles_introduced


@pytest.mark.parametrize("text, name, expected", [
    ("The dock was opened by Harbour minister Ana Ruiz on Monday.", "Ana Ruiz", {"minister"}),
    ("The dock was opened by the minister Ana Ruiz.", "Ana Ruiz", {"minister"}),
    ("The dock was opened by shadow minister Ana Ruiz.", "Ana Ruiz", set()),  # another role
    ("The dock was opened by former minister Ana Ruiz.", "Ana Ruiz", set()),
    ("A talk by corporate speaker Ana Ruiz.", "Ana Ruiz", {"speaker"}),
    ("A spokeswoman for the port board, Ana Ruiz, declined.", "Ana Ruiz", {"spokeswoman"}),
    ("Ana Ruiz, the board's spokeswoman, declined.", "Ana Ruiz", {"spokeswoman"}),
    ("Ana Ruiz, a pastor at the harbour church, came.", "Ana Ruiz", {"pastor"}),
    ("The van driver met Ana Ruiz at the dock.", "Ana Ruiz", set()),  # the driver is someone else
    ("The man in the crowd, Ana Ruiz and Tom Kale left.", "Ana Ruiz", set()),  # a list, not an apposition
    ("Ana Ruiz, who is a lawyer, left early.", "Ana Ruiz", set()),
    ("Ana Ruiz, the port board, and the town all agreed.", "Ana Ruiz", set()),  # a body is no role of hers
])
def test_roles_introduced(text, name, expected):
    start = text.index(name)
    assert roles_introduced(text, start, start + len(name)) == expected


@pytest.mark.parametrize("text, name, expected", [
    ("At the service the Bishop of Harbourton, Dr Tom Kale, will preside.", "Tom Kale",
     ["service the bishop of harbourton", "bishop of harbourton"]),
    ("Today the Bishop of Harbourton, Dr Tom Kale, will preside.", "Tom Kale", ["bishop of harbourton"]),
    ("At the service Tom Kale, the Harbourton striker, scored.", "Tom Kale", ["harbourton striker"]),
    # negative cases: an indefinite description, a name in a list, a name with nothing beside it
    ("At the service Tom Kale, a Harbourton striker, scored.", "Tom Kale", []),
    ("We met the Harbourton striker, Tom Kale and Ana Ruiz.", "Tom Kale", []),
    ("At the service Dr Tom Kale will preside.", "Tom Kale", []),
])
def test_definite_descriptions(text, name, expected):
    start = text.index(name)
    assert definite_descriptions(text, start, start + len(name)) == expected


def test_definite_description_read_back_too_far_keeps_the_owner_of_a_preposition():
    text = "On Monday the head of the agency, Tom Kale, met us."
    start = text.index("Tom Kale")
    assert definite_descriptions(text, start, start + 8) == ["head of the agency"]
