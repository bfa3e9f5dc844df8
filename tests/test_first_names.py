"""First names with a firm gender, so pronouns skip people of the other one: (name, expected)."""
import pytest

from indexer.first_names import gender_of_first_name


@pytest.mark.parametrize("name, expected", [
    ("Hillary", "female"),
    ("Tom", "male"),
    ("Kelly", None),  # mostly one gender is not firm
    ("Harbour", None),  # not a first name
    ("J.", None),  # an initial
    ("FBI", None),  # an acronym
])
def test_gender_of_first_name(name, expected):
    assert gender_of_first_name(name) == expected
