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


@pytest.mark.parametrize("name, common", [
    ("John", True), ("Sharon", True), ("Tom", True),
    ("Parry", False), ("Reid", False),  # in the dictionary, but rarely anyone's first name: surnames first
    ("Harbour", False), ("J.", False), ("FBI", False),
])
def test_first_name_popularity_tells_a_common_first_name_from_a_surname(name, common):
    from indexer.first_names import first_name_popularity
    from indexer.speaker_merges import COMMON_FIRST_NAME

    assert (first_name_popularity(name) >= COMMON_FIRST_NAME) is common
