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


@pytest.mark.parametrize("story, expected", [
    ("FBI General Counsel Ana Ruiz spoke first. The counsel left.", {"Ana Ruiz"}),
    ("Coastline's Tom Kale spoke first.", {"Tom Kale"}),
    ("The British Bankers Association spoke first.", set()),  # a body: no person's full name
])
def test_a_story_reads_its_names_once_for_its_own_words(story, expected):
    memory = Memory()
    memory.look_ahead(story)
    remembered = dict(memory.bare_names)  # what the look-ahead read, kept for the sentences after
    memory.learn_text(story)
    assert set(memory.full_names) == expected == set(memory.later_names)
    assert remembered and memory.bare_names == remembered  # read once, asked again
    memory.look_ahead("Another story entirely.")
    assert not set(memory.bare_names) & set(remembered)  # another story's words: the answers start again


@pytest.mark.parametrize("story, acronym, expected", [
    ("The Agency of Ports and Harbours (APH) met.", "APH", "Agency of Ports and Harbours"),
    ("The Harbour Rights Watch (HRW) met.", "HRW", "Harbour Rights Watch"),
    ("The Harbour Pilots' Association (HPA) met.", "HPA", "Harbour Pilots Association"),
    # negative case: read back only to a comma, the words open on another letter: a name cut short is none
    ("The State Agency of Ports, Harbours and Docks (SAPHD) met.", "SAPHD", None),
])
def test_an_acronym_means_the_name_it_abbreviates(story, acronym, expected):
    memory = Memory()
    memory.learn_text(story)
    assert memory.acronyms.get(acronym) == expected


@pytest.mark.parametrize("story, expected", [
    # a long run of title words before the name: the name is still read whole
    ("But Harbour Police Commissioner Sir Tom Kale said so. Sir Tom said more.", {"Tom Kale"}),
    ("Harbour Police Commissioner Tom Kale said so.", {"Tom Kale"}),
    # negative case: a heading of capitals is no one's name
    ("Harbour Port Police Commissioner Sir Says No More To Anyone.", set()),
])
def test_a_name_after_a_long_title_is_read_whole(story, expected):
    memory = Memory()
    memory.look_ahead(story)
    memory.learn_text(story)
    assert set(memory.full_names) == expected


@pytest.mark.parametrize("story, expected", [
    # the object of a title's preposition is no part of the name after it
    ("The Chief Secretary to the Harbour Tom Kale spoke.", {"Tom Kale"}),
    ("The Minister of Harbours Tom Kale spoke.", {"Tom Kale"}),
    # negative case: a three-word name after 'to' keeps its first word
    ("She talked to Ana Maria Ruiz.", {"Ana Maria Ruiz"}),
])
def test_a_title_object_is_no_part_of_the_name(story, expected):
    memory = Memory()
    memory.look_ahead(story)
    memory.learn_text(story)
    assert set(memory.full_names) == expected


@pytest.mark.parametrize("text, expected", [
    # 'Will' before a surname inside a sentence is a first name; opening a sentence or a quotation, a question's
    ("The actor Will Kale thanked his hero.", ["Will Kale"]),
    ('"A civic commons," Will Kale, a fellow, told us.', ["Will Kale"]),
    ("Game over. Will Kale come down off the pique? Later, Tom Kale said no.", ["Tom Kale"]),
    ('He asked: "Will Kale go?"', []),
])
def test_will_is_a_first_name_only_inside_a_sentence(text, expected):
    memory = Memory()
    memory.learn_text(text)
    assert list(memory.full_names) == expected
