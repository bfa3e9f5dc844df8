"""What a reader of the story knows: which full name a surname means, read as (story, surname, expected) tables."""
from pathlib import Path

import pytest

from indexer.extract import extract
from indexer.loading import parse
from indexer.story_memory import Memory


def speakers_of(text):
    return [q.speaker.name if q.speaker else None for q in extract(parse(text, Path("doc.txt"))).quotes]


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
    ("Funds hold 5% of Harbour Bank's (HB) shares.", "HB", "Harbour Bank"),  # the owner's name, not its possessive
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


_SPILL = "Coastland fines a ferry firm\n\nCoastland has fined a ferry firm over a spill. "


@pytest.mark.parametrize("text, expected", [
    # a spokesman for a body the story introduced as one: 'the organisation' after him is that body
    (_SPILL + 'Marine rights group Sea Watch says the fine is too small. A spokesman for Sea Watch called it '
     '"a slap on the wrist". "The firm will just pay and go on polluting," the organisation said.',
     ["a spokesman for Sea Watch", "Sea Watch"]),
    # ... and 'it', after a spokeswoman for a body its words name
    (_SPILL + 'A spokeswoman for the Coast Board called the spill "regrettable". "We will look at the rules '
     'again next month," it said.', ["a spokeswoman for the Coast Board", "Coast Board"]),
    # negative cases: a spokesman for a person, or for people no name calls a body, mentions no body
    (_SPILL + 'A spokesman for Tom Kale called it "a slap on the wrist". "The firm will just pay and go on '
     'polluting," the organisation said.', ["a spokesman for Tom Kale", "a spokesman for Tom Kale"]),
    (_SPILL + 'A spokeswoman for the sailors called the spill "regrettable". "We will look at the rules again '
     'next month," the organisation said.', ["a spokeswoman for the sailors", "a spokeswoman for the sailors"]),
])
def test_a_spokesman_for_a_body_mentions_the_body(text, expected):
    assert speakers_of(text) == expected


_COSTS = "Costs to fall\n\n"
_SHE = ' "We expect more ships to come," she said.'


@pytest.mark.parametrize("text, expected", [
    # a sentence that quotes nobody and closes on a person's role in apposition makes them the one a 'she' means
    (_COSTS + "Costs will fall for ports that keep their ships, said Lindsay Ruiz, an analyst with a port firm." + _SHE,
     ["Lindsay Ruiz"]),
    # ... also a role with no determiner, after 'according to'
    (_COSTS + "Costs will fall for ports, according to Lindsay Ruiz, chief economist at a port bank." + _SHE,
     ["Lindsay Ruiz"]),
    # negative cases: a sentence about someone else ('she' before the name); a relative clause, which does not
    # close the sentence; a name no first name opens is no person
    (_COSTS + "Jo Kale stayed in the race. But she was pleased to have met Lindsay Ruiz, her former coach." + _SHE,
     ["Jo Kale"]),
    (_COSTS + "Costs will fall, said Lindsay Ruiz, who runs a port firm, on Monday." + _SHE, [None]),
    (_COSTS + "Harbour funds such as Harbourvest Ruiz, a port firm, expect costs to fall." + _SHE, [None]),
])
def test_a_person_introduced_by_a_closing_role_is_the_one_a_pronoun_means(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("story, expected", [
    # a phrase written as one hyphenated word before a name is its role ('Man-of-the-match')
    ("Man-of-the-match Tom Kale scored twice.", {"Tom Kale"}),
    ("Player-of-the-year Ana Ruiz Lund won again.", {"Ana Ruiz Lund"}),
    # negatives: a hyphen before a capital is the name's own; a two-word name keeps its first word
    ("Ana Lee-Harwood scored twice.", {"Ana Lee-Harwood"}),
    ("Jean-Paul Kale scored twice.", {"Jean-Paul Kale"}),
])
def test_a_hyphenated_phrase_before_a_name_is_no_part_of_it(story, expected):
    memory = Memory()
    memory.look_ahead(story)
    memory.learn_text(story)
    assert set(memory.full_names) == expected


@pytest.mark.parametrize("story, expected", [
    # a person's noun the sentence capitalised, before a surname, is no first name
    ("Olympian Kale tried to catch up.", set()),
    ("Midfielder Ruiz scored twice.", set()),
    # negatives: a first name that is also a noun of people; a role and a full name after it
    ("Carter Kale tried to catch up.", {"Carter Kale"}),
    ("Olympian Tom Kale tried to catch up.", {"Tom Kale"}),
])
def test_a_capitalised_noun_of_people_opening_a_sentence_is_no_first_name(story, expected):
    memory = Memory()
    memory.look_ahead(story)
    memory.learn_text(story)
    assert set(memory.full_names) == expected
