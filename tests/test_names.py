"""A phrase to a speaker (indexer/names.py): (text, expected) tables, negative cases included."""
from pathlib import Path

import pytest

from indexer.extract import extract
from indexer.loading import parse
from indexer.names import _named_before_its_kind, _same_office

QUOTE = '"We will not give up on the harbour plan,"'


def speakers_of(text):
    return [q.speaker.name if q.speaker else None for q in extract(parse(text, Path("doc.txt"))).quotes]


@pytest.mark.parametrize("words, head, before, after, expected", [
    (["minister"], "minister", "Tom Kale met aid minister ", "", True),
    (["prime", "minister"], "minister", "Tom Kale met ", ", the prime minister,", True),
    (["prime", "minister"], "minister", "Tom Kale met prime minister ", "", True),
    (["health", "minister"], "minister", "Tom Kale met health minister ", "", True),  # no office-making word
    # negative cases: 'prime' on one side only, a shadow or deputy of the office
    (["prime", "minister"], "minister", "Tom Kale met aid minister ", "", False),
    (["chancellor"], "chancellor", "Tory shadow chancellor ", "", False),
    (["minister"], "minister", "the deputy prime minister ", "", False),
])
def test_same_office(words, head, before, after, expected):
    assert _same_office(words, head, before, after) is expected


@pytest.mark.parametrize("text, expected", [
    (f"Port row\n\nTom Kale met aid minister Ana Ruiz on Monday.\n\n{QUOTE} the minister said.", ["Ana Ruiz"]),
    (f"Port row\n\nTom Kale met Ana Ruiz, the prime minister, on Monday.\n\n{QUOTE} the prime minister said.",
     ["Ana Ruiz"]),
    # the prime minister is no aid minister, the chancellor no shadow chancellor: the description stays, or nobody
    (f"Port row\n\nTom Kale met aid minister Ana Ruiz on Monday.\n\n{QUOTE} the prime minister said.",
     ["prime minister"]),
    ('Port row\n\nShadow chancellor Ana Ruiz spoke first. "The plan is a tax on every family in the land," said '
     f'Ruiz.\n\n{QUOTE} the chancellor said.', ["Ana Ruiz", None]),
])
def test_a_role_finds_the_person_only_in_the_same_office(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a number before one capital is the name's ('50 Cent'), not a role
    ('Rap row\n\nChart-topper 99 Pence said: "We are here today to show that people can rise above it."',
     ["99 Pence"]),
    # negative cases: a plural after a number, a word the story writes in lower case, a longer name around
    # the number, a year before a capital
    ('Rap row\n\nAbout 30 Democrats said: "We are here today to show that people can rise above it."', [None]),
    ('Rap row\n\nChart-topper 99 Pence said: "We are here today to show that people can rise above it." Prices '
     'rose 9 pence.', [None]),
    ('Rap row\n\nThe paper Il Harbour 24 Ore said: "We are here today to show that people can rise above it."',
     [None]),
    ('Rates up.\n\nIn the 2005 Budget, Tom Kale said: "We are here today to show that people can rise above it."',
     ["Tom Kale"]),
])
def test_a_stage_name_holds_its_number(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a description opening the sentence is written as it would be inside one
    (f"Port row\n\nCritics said the plan was wrong. {QUOTE} critics said.", ["critics"]),
    (f"Port row\n\nTom Kale spoke.\n\nHer lawyers said: {QUOTE}", ["her lawyers"]),
    (f"Port row\n\nTom Kale spoke.\n\nPolice forces said: {QUOTE}", ["police forces"]),
    # negative case: an owner's name keeps its capital
    (f"Port row\n\nTom Kale spoke.\n\nHarbourland's port minister said: {QUOTE}", ["Harbourland's port minister"]),
])
def test_a_description_keeps_no_capital_of_the_sentence(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name after a work's noun names no speaker
    ('Port row\n\nThe album Harbour Lights came out in 1977.\n\n"By 1979 he was the biggest touring act in the '
     'world," said the album Harbour Lights.', [None]),
    ('Port row\n\nThe firm is planning a campaign against "false" claims about its drug Harbourex.', []),
    # negative cases: 'by' (an agent), 'for' ('For Ana Ruiz, this is progress') may bring one in
    ('Port row\n\nThe claim was denied by Ana Ruiz, who said: "I wish to put the record straight on this one."',
     ["Ana Ruiz"]),
    ('Port row\n\nFor Ana Ruiz, this is progress: "That is the whole thing about the harbour, I think."', ["Ana Ruiz"]),
])
def test_a_name_after_a_preposition_or_a_work_is_no_speaker(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    (f"Port row\n\nThe bets were on actor Tom Kale.\n\n{QUOTE} the actor said.", ["Tom Kale"]),
    # negative cases: two people the story gave the role; either may be meant, so nobody is named
    (f"Port row\n\nThe bets were on actor Tom Kale. Others backed actor Ana Ruiz.\n\n{QUOTE} the actor said.",
     [None]),
    (f"Port row\n\nHarbour minister Tom Kale spoke. Aid minister Ana Ruiz came.\n\n{QUOTE} the minister said.",
     [None]),
])
def test_a_role_two_people_hold_names_neither(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body's name through a preposition, without the sentence's 'The'
    (f"Port row\n\nThe National Union of Harbour Pilots said: {QUOTE}", ["National Union of Harbour Pilots"]),
    # a role word the story writes in lower case, opening a body's name, is the name's
    (f"Port row\n\nEvery child counts.\n\nThe Child Harbour Agency said: {QUOTE}", ["Child Harbour Agency"]),
    # a day is no part of a body's name
    pytest.param(f"Port row\n\nThe two clubs met the Harbour FA on Monday and Tom Kale added: {QUOTE}", ["Tom Kale"],
                 marks=pytest.mark.xfail(strict=True, reason="the subject of a second clause after 'and' is not "
                                                             "read: the body before it is credited")),
])
def test_a_body_keeps_its_whole_name(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("Harbourfax news agency", "Harbourfax"),
    ("the Harbour Times newspaper", "Harbour Times"),
    # negative cases: a country's letters, a nationality, a determiner, a body's noun of another kind, no name
    ("the US news agency", None),
    ("the Harbourish paper", None),
    ("A US TV network", None),
    ("Commons harbour select committee", None),
    ("a news agency", None),
])
def test_a_publisher_named_before_its_noun(phrase, expected):
    assert _named_before_its_kind(phrase.split()) == expected


@pytest.mark.parametrize("text, expected", [
    (f"Port row\n\n{QUOTE} the Harbour Times newspaper said.", ["Harbour Times"]),
    # ... and a later 'the agency' is it
    (f'Port row\n\n{QUOTE} the Harbour Times newspaper said.\n\n"The port will open again in the spring," the '
     'newspaper said.', ["Harbour Times", "Harbour Times"]),
    # a description cut after a preposition is no speaker
    (f"Port row\n\n{QUOTE} said a watchdog over.", [None]),
])
def test_a_publisher_speaks_by_its_name(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a person called by where they are from, after a word that describes them, is no name
    (f"Port row\n\nTom Kale spoke. But the 25-year-old Harbourlander said: {QUOTE}", [None]),
    (f"Port row\n\nTom Kale spoke. But the 25-year-old Harbourlander stayed. He added: {QUOTE}", [None]),
    # negative case: a paper's name right after 'the'
    (f"Port row\n\nTom Kale spoke. But the Harbour Examiner said: {QUOTE}", ["Harbour Examiner"]),
    # a thing ending as a person's noun does is no one described
    (f"Port row\n\n{QUOTE} It is a disaster to make calls over the net.", [None]),
])
def test_an_epithet_of_origin_names_no_one(text, expected):
    assert speakers_of(text) == expected


def roles_of(text):
    return [(q.speaker.name, q.speaker.role) if q.speaker else None for q in extract(parse(text, Path("doc.txt"))).quotes]


@pytest.mark.parametrize("text, expected", [
    (f"Port row\n\n{QUOTE} said meanwhile harbour backbencher Ana Ruiz.", [("Ana Ruiz", "harbour backbencher")]),
    (f"Port row\n\nMeanwhile Harbour board chairman Tom Kale said: {QUOTE}", [("Tom Kale", "Harbour board chairman")]),
    # negatives: a role's own words, and the title the name is addressed by, stay
    (f"Port row\n\n{QUOTE} said US envoy Ana Ruiz.", [("Ana Ruiz", "US envoy")]),
    (f"Port row\n\n{QUOTE} said Mr Kale.", [("Kale", "Mr")]),
])
def test_a_role_holds_no_word_of_the_sentence(text, expected):
    assert roles_of(text) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("Harbour on Fire's Tom Kale", ("Tom Kale", "person")),          # a body's name holding 'on' owns him
    ("Friends of the Harbour's Ana Ruiz", ("Ana Ruiz", "person")),
    # negatives: the person before the preposition, a role owned, a description working for the person
    ("Tom Kale of the Harbour Board", ("Tom Kale", "person")),
    ("Tom Kale of the board's committee", ("Tom Kale", "person")),
    ("a spokesman for the Harbour Board's Tom Kale", ("a spokesman for the Harbour Board's Tom Kale", "anonymous")),
])
def test_a_name_owned_by_a_body_with_a_preposition_in_its_name(phrase, expected):
    from indexer.names import speaker_from_phrase
    from indexer.story_memory import Memory
    found = speaker_from_phrase(phrase, Memory())
    assert (found.name, found.kind) == expected


@pytest.mark.parametrize("phrase, expected", [
    # a body's name joined by 'and' that owns a first name and surname: the person speaks, the body is the role
    ("Hook and Line's Tom Kale", ("Tom Kale", "Hook and Line's")),
    ("Rope and Anchor's Ana Ruiz", ("Ana Ruiz", "Rope and Anchor's")),
    # negatives: two people speak together (the first named); 'and' inside a body's own name
    ("Tom Kale and Ana Ruiz", ("Tom Kale", "with Ana Ruiz")),
    ("Tom Kale and Ana Ruiz's lawyer", ("Tom Kale", "with Ana Ruiz's lawyer")),
    ("Harbour Work and Pensions Committee", ("Harbour Work and Pensions Committee", None)),
])
def test_a_name_owned_by_a_body_with_and_in_its_name(phrase, expected):
    from indexer.names import speaker_from_phrase
    from indexer.story_memory import Memory
    found = speaker_from_phrase(phrase, Memory())
    assert (found.name, found.role) == expected


_SHOCK = "MP tells of shock\n\n"


@pytest.mark.parametrize("text, expected", [
    # 'the Harbour North MP': the member for a seat is the person the story is about, as an epithet is
    (_SHOCK + 'Labour MP Tom Kale has told of his shock at the news. "It was a very hard week for all of us," '
     'said the Harbour North MP.', ["Tom Kale"]),
    # negative cases: with two people acting, the member stays a description, whole (not a 'North MP' fragment)
    (_SHOCK + 'Tom Kale voted for the plan. Ana Ruiz voted against it. The vote was lost by two. "It was a very '
     'hard week for all of us," said the Harbour North MP.', ["Harbour North MP"]),
    # ... and a member 'for' a seat is read as before
    (_SHOCK + 'Tom Kale spoke first. "It was a very hard week for all of us," said the Labour MP for Harbour '
     'North.', ["Labour MP for Harbour North"]),
])
def test_the_member_for_a_seat(text, expected):
    from indexer.extract import extract
    from indexer.loading import parse
    assert [q.speaker.name if q.speaker else None for q in extract(parse(text, Path("doc.txt"))).quotes] == expected


@pytest.mark.parametrize("text, expected", [
    # a plural title shared by two names: both spoke, as written; neither alone is the speaker
    ('Port row\n\nSisters Ana and Maria Ruiz said the harbour plan was "a tax on every family in the land" '
     'at the meeting.', ["Sisters Ana and Maria Ruiz"]),
    ('Port row\n\nSenators Kale and Ruiz said they "will not give up on the harbour plan, whatever it costs us".',
     ["Senators Kale and Ruiz"]),
    ('Port row\n\nMessrs Kale and Ruiz said they "will not give up on the harbour plan, whatever it costs us".',
     ["Messrs Kale and Ruiz"]),
    # negative cases: one named person with a singular title, and a body's name holding 'and'
    ('Port row\n\nSenator Ana Ruiz said she "will not give up on the harbour plan, whatever it costs her".',
     ["Ana Ruiz"]),
    ('Port row\n\nThe Ports and Harbours Committee said the plan was "a tax on every family in the land".',
     ["Ports and Harbours Committee"]),
])
def test_joint_subject_under_a_plural_title_is_both(text, expected):
    assert [s for s in speakers_of(text) if s] == expected


@pytest.mark.parametrize("word, expected", [
    ("Princes", True), ("Senators", True), ("Messrs", True), ("Princesses", True), ("Duchesses", True),
    # negative cases: a singular title, a plural that is no rank, a lower-case plural
    ("Prince", False), ("Ports", False), ("Reuters", False), ("senators", False),
])
def test_is_plural_rank(word, expected):
    from indexer.speaker_check import is_plural_rank
    assert is_plural_rank(word) is expected


@pytest.mark.parametrize("text, expected", [
    # a thing (a bill, a plan, an act) says nothing: its quoted words are nobody's, or the body's that wrote it
    ('Port row\n\nThe Harbour Bill was published on Monday. The Bill proposes "berth levies", which could '
     'double fees.', []),
    ('Port row\n\nThe Harbour Levy Act says ships must pay "a fair share of the dredging" every year.', []),
    ('Port row\n\nAna Ruiz, whose group opposes the harbour levy plan as "a tax on every family in the land" '
     'said so again.', ["Ana Ruiz"]),
    # a relative clause read as a subject names nobody, its antecedent being outside it
    ('Port row\n\nEarlier Mr Kale, whose party opposes the HB permits plan as "deeply flawed" said the '
     'minister had time to think again.', []),
    # a body's name keeps its owner: the Office of the Port Commissioner, not a 'Port Commissioner Office'
    ('Port row\n\nThe Port Commissioner\'s Office said it wants to "settle the dredging row this year".',
     ["Port Commissioner's Office"]),
    # negative cases: a person, and a body that is no thing, stay speakers
    ('Port row\n\nBill Kale said the harbour plan was "a tax on every family in the land".', ["Bill Kale"]),
    ('Port row\n\nThe Harbour Planning Board said the plan was "a tax on every family in the land".',
     ["Harbour Planning Board"]),
])
def test_things_and_owned_bodies(text, expected):
    assert [s for s in speakers_of(text) if s] == expected


_PLEASED = ' said: "I am pleased that they have decided to take this important step."'


@pytest.mark.parametrize("text, expected", [
    # a description the story set beside one name means that person, wherever the title sits
    ('Port row\n\nDr Tom Kale, the Bishop of Harbourton, will preside at the service.\n\nThe Bishop of Harbourton'
     + _PLEASED, ["Tom Kale"]),
    ('Port row\n\nOn Monday the Bishop of Harbourton, Dr Tom Kale, met the board.\n\nThe Bishop of Harbourton'
     + _PLEASED, ["Tom Kale"]),
    ('Port row\n\nOn Monday the Bishop of Harbourton, Dr Tom Kale, met the Bishop of Porton, Dr Ana Ruiz.\n\n'
     'The Bishop of Harbourton' + _PLEASED, ["Tom Kale"]),
    # negative cases: two people so described, and a description set beside nobody, stay the description
    ('Port row\n\nOn Monday Tom Kale, the Harbourton striker, met Ana Ruiz, the Harbourton striker.\n\n'
     'The Harbourton striker' + _PLEASED, ["Harbourton striker"]),
    ('Port row\n\nOn Monday Dr Tom Kale met the board.\n\nThe Bishop of Harbourton' + _PLEASED,
     ["Bishop of Harbourton"]),
])
def test_description_the_story_set_beside_one_name(text, expected):
    assert speakers_of(text) == expected
