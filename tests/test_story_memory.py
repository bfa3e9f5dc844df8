"""What a reader of the story knows: which full name a surname means, read as (story, surname, expected) tables."""
import pytest

from indexer.story_memory import Memory


def full_name_after(story: str, surname: str) -> str:
    memory = Memory()
    memory.look_ahead(story)
    for sentence in story.split("\n"):
        memory.learn_text(sentence)
    return memory.full_name(surname)


@pytest.mark.parametrize("story, surname, expected", [
    # a sentence opened by a word the story writes in lower case is no one's first name
    ("Andy Kale served well.\nAgain Kale broke first and again Ruiz fought back.", "Kale", "Andy Kale"),
    ("Ana Ruiz runs the port.\nToday Ruiz spoke, as she does today and every day.", "Ruiz", "Ana Ruiz"),
    # ... but a first name stays one even when the story also writes it in lower case
    ("Hillary Ruiz spoke first.\nThe bill passed. Bill Ruiz voted for it.", "Ruiz", "Bill Ruiz"),
    # ... and one name alone is that name
    ("Again Kale broke first.", "Kale", "Again Kale"),
    # no full name: the surname stays
    ("Kale spoke first.", "Kale", "Kale"),
])
def test_a_surname_means_the_person_the_story_named(story, surname, expected):
    assert full_name_after(story, surname) == expected
