"""A definite description points back to the one person the story introduced with its role and place:
(text, expected) tables, negative cases included."""
from pathlib import Path

import pytest

from indexer.descriptions import People, Profile, profile_beside, read_description, state_of
from indexer.extract import extract
from indexer.loading import parse
from indexer.model import Speaker

QUOTE = '"We will not give up on the harbour plan,"'


def speakers_of(text):
    extraction = extract(parse(text, Path("doc.txt")))
    return [q.speaker.name if q.speaker else None for q in extraction.quotes]


@pytest.mark.parametrize("written, expected", [
    ("Fla.", "florida"), ("FL", "florida"), ("Florida", "florida"), ("Tex.", "texas"), ("Texas", "texas"),
    ("N.Y.", "new york"), ("N.Y", "new york"), ("W.Va.", "west virginia"), ("Calif.", "california"),
    ("Paris", None), ("Fl0", None), ("", None),
])
def test_state_of(written, expected):
    assert state_of(written) == expected


@pytest.mark.parametrize("text, name, roles, states, parties", [
    ("Sen. Ana Ruiz (D-Vt.) spoke.", "Ana Ruiz", {"senator"}, {"vermont"}, {"democrat"}),
    ("Rep. Tom Kale, R-Fla., spoke.", "Tom Kale", {"representative", "congressman", "congresswoman"},
     {"florida"}, {"republican"}),
    ("They met Florida Sen. Ana Ruiz on Monday.", "Ana Ruiz", {"senator"}, {"florida"}, set()),
    ("Ana Ruiz, a Florida senator, spoke.", "Ana Ruiz", {"senator"}, {"florida"}, set()),
    ("Sen. Tom Kale of Texas spoke.", "Tom Kale", {"senator"}, {"texas"}, set()),
    ("Former New Jersey Gov. Tom Kale spoke.", "Tom Kale", {"former governor"}, {"new jersey"}, set()),
    ("Lt. Gov. Ana Ruiz spoke.", "Ana Ruiz", {"lieutenant governor"}, set(), set()),
    ("Ana Ruiz, a Vermont independent, spoke.", "Ana Ruiz", set(), {"vermont"}, {"independent"}),
    # negative cases: a place that is no part of the role, a university, an owner, a list
    ("Voters in Florida met Ana Ruiz.", "Ana Ruiz", set(), set(), set()),
    ("In Florida, Ana Ruiz won.", "Ana Ruiz", set(), set(), set()),
    ("Tom Kale of New York University spoke.", "Tom Kale", set(), set(), set()),
    ("Florida Sen. Ruiz's spokesman Tom Kale spoke.", "Tom Kale", {"spokesman"}, set(), set()),
    ("Florida and Ana Ruiz won.", "Ana Ruiz", set(), set(), set()),
    ("Scottish Executive minister Ana Ruiz spoke.", "Ana Ruiz", {"minister"}, set(), set()),  # a body's name
])
def test_profile_beside(text, name, roles, states, parties):
    start = text.index(name)
    profile = profile_beside(text, start, start + len(name))
    assert (profile.roles, profile.states, profile.parties) == (roles, states, parties)


@pytest.mark.parametrize("phrase, expected", [
    ("the Florida senator", ("senator", {"florida"})),
    ("the independent Vermont senator and Democratic presidential candidate", ("senator", {"vermont"})),
    ("the Kentucky Republican", ("republican", {"kentucky"})),
    ("the former New Jersey governor", ("governor", {"new jersey"})),
    ("the Florida lieutenant governor", ("lieutenant governor", {"florida"})),
    # negative cases: no modifier (left to the role's last holder), no person, not definite
    ("the senator", None), ("the New York Times", None), ("the White House", None), ("a Florida senator", None),
])
def test_read_description(phrase, expected):
    found = read_description(phrase.split())
    assert (found and (found.head, set(found.modifiers.states))) == expected


def test_two_people_matching_leave_the_description():
    people = People()
    people.note("Ana Ruiz", Profile(roles=frozenset({"senator"}), states=frozenset({"florida"})))
    assert people.resolve("the Florida senator".split(), []) == "Ana Ruiz"
    people.note("Tom Kale", Profile(roles=frozenset({"senator"}), states=frozenset({"florida"})))
    assert people.resolve("the Florida senator".split(), [Speaker("Tom Kale", "person", None)]) is None


@pytest.mark.parametrize("text, expected", [
    # a party-state tag ties each senator to a state
    (f'Sen. Ana Ruiz (D-Vt.) and Sen. Tom Kale (R-Fla.) met on Monday.\n\n{QUOTE} the Vermont senator said.',
     ["Ana Ruiz"]),
    (f'Sen. Ana Ruiz (D-Vt.) and Sen. Tom Kale (R-Fla.) met on Monday.\n\n{QUOTE} the Florida senator said.',
     ["Tom Kale"]),
    (f'Florida Sen. Ana Ruiz and Texas Sen. Tom Kale met on Monday.\n\n{QUOTE} the Texas senator said.',
     ["Tom Kale"]),
    (f'Sen. Tom Kale of Texas spoke on Monday.\n\n{QUOTE} the Texas senator said.', ["Tom Kale"]),
    (f'Sen. Tom Kale, R-Ky., spoke on Monday.\n\n{QUOTE} the Kentucky Republican said.', ["Tom Kale"]),
    (f'Ana Ruiz, a Florida Democrat, spoke on Monday.\n\n{QUOTE} the Florida Democrat said.', ["Ana Ruiz"]),
    (f'Florida governor Tom Kale spoke on Monday.\n\n{QUOTE} the former Florida governor said.', ["Tom Kale"]),
    (f'Former Florida Gov. Tom Kale spoke on Monday.\n\n{QUOTE} the former Florida governor said.', ["Tom Kale"]),
    (f'Labour leader Ana Ruiz and Tory leader Tom Kale met.\n\n{QUOTE} the Labour leader said.', ["Ana Ruiz"]),
    # the story gave the senator no state: the one just mentioned, whose role it is
    (f'Sen. Ana Ruiz responded first.\n\n{QUOTE} the Florida senator said.', ["Ana Ruiz"]),
    # the story gave a state, the description a party only: the one just mentioned, whose role it is
    (f'Florida Sen. Ana Ruiz said she was told by the board.\n\n{QUOTE} the Democratic senator said.', ["Ana Ruiz"]),
    # negative cases: two senators from one state, a state the story gave someone else, another role,
    # another office ranked below, a party the story did not give, nobody named with the role
    (f'Florida Sen. Ana Ruiz and Florida Sen. Tom Kale met on Monday.\n\n{QUOTE} the Florida senator said.',
     ["Florida senator"]),
    (f'Sen. Ana Ruiz (R-Texas) responded first.\n\n{QUOTE} the Florida senator said.', ["Florida senator"]),
    (f'Sen. Tom Kale spoke. Gov. Ana Ruiz answered.\n\n{QUOTE} the Florida senator said.', ["Florida senator"]),
    (f'Lt. Gov. Ana Ruiz (R-Fla.) spoke on Monday.\n\n{QUOTE} the Florida governor said.', ["Florida governor"]),
    (f'Sen. Tom Kale spoke on Monday.\n\n{QUOTE} the Kentucky Republican said.', ["Kentucky Republican"]),
    (f'Ana Ruiz met the press on Monday.\n\n{QUOTE} the Ohio governor said.', ["Ohio governor"]),
    # ... and the one who held the office before is not 'the Florida governor'
    (f'Former Florida Gov. Tom Kale spoke on Monday.\n\n{QUOTE} the Florida governor said.', ["Florida governor"]),
    # a capitalised head is a body's name, not the role of the person introduced with it
    (f'Scottish Executive minister Ana Ruiz opened the plant.\n\n{QUOTE} the Scottish Executive said.',
     ["Scottish Executive"]),
    (f'Planning Minister Ana Ruiz opened the plant.\n\n{QUOTE} the Planning Minister said.', ["Ana Ruiz"]),
])
def test_description_resolves_to_the_person_introduced(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'the firm' is the body the story introduced as a firm
    ('UK sportswear firm Umbro has posted a rise in profits.\n\nThe firm said it is "looking at a number of new '
     'opportunities" now.', ["Umbro"]),
    ('Budget airline Ryanair has cut fares.\n\n"We will keep on cutting prices for all our passengers," the airline '
     'said.', ["Ryanair"]),
    ('Online firm Macrovision. "We designed it to stop the copying of discs for good," said the firm.', ["Macrovision"]),
    # a body whose name ends on its noun, or the noun's plural; 'and' inside a committee's name
    ('The Low Pay Commission has met.\n\n"We will look again at the rates paid to the young," the commission said.',
     ["Low Pay Commission"]),
    ('Shares in Harbour Airlines fell.\n\n"We will keep on cutting prices for all our passengers," the airline said.',
     ["Harbour Airlines"]),
    ('The Commons Ports and Harbours Committee met.\n\n"We will look again at the rules for ships," the committee '
     'said.', ["Commons Ports and Harbours Committee"]),
    # negative cases, where the story named no one such body, the speaker is unknown, not 'airline': two airlines,
    # a noun after 'the' (a person's name follows it), a name going on after the noun, a person called so
    ('Budget airline Ryanair and rival airline Easyjet cut fares.\n\n"We will keep on cutting prices for all our '
     'passengers," the airline said.', [None]),
    ('Ana Ruiz left the company Tom Kale founded.\n\n"We will keep on cutting prices for all our passengers," the '
     'company said.', [None]),
    ('The Harbour Airline Pilots Association met.\n\n"We will keep on cutting prices for all our passengers," the '
     'airline said.', [None]),
    ('Pilots talk.\n\nThe Harbour Airline Pilots Association met.\n\n"We will keep on cutting prices for all our '
     'passengers," the group said.', ["Harbour Airline Pilots Association"]),
    # ... and a body the setting makes one of stays a description, with its article
    ('A federal court Tuesday ruled on the case.\n\n"We will look again at the ruling on this case," the court said.',
     ["the court"]),
    ('Ana Ruiz left.\n\n"We will look again at the ruling on this case," the government said.', ["the government"]),
    # a business the story names by its bare name, mentioned last
    ('Microsoft has said it will replace the cables.\n\nThe company said the move was a "preventative step" after '
     'the reports.', ["Microsoft"]),
    # ... not a first name, a surname of a person the story named, a plural, a body that is no business
    ('Madonna has announced new plans.\n\n"We will retain more than half of the staff there," the company said.', [None]),
    ('Ana Ruiz joined the board. Ruiz has announced new plans.\n\n"We will retain more than half '
     'of the staff there," the company said.', [None]),
    ('Voxmedia has announced new plans.\n\n"We will retain more than half of the staff there," the committee said.',
     [None]),
    # ... and again later, not a bare name mentioned since
    ('Prices rose.\n\n"We will retain more than half of the staff there," the company said. '
     'Figures came from Harbourstat.\n\n"We have no plan to sell any of the shops," the company said.', [None, None]),
    # an 'it' after a body we cannot name is that body, unknown, not one mentioned before
    ('Voxmedia has announced new plans.\n\nThe committee met. "We will keep more than half of the staff," it said.',
     [None]),
])
def test_an_organisation_noun_is_the_body_introduced_with_it(text, expected):
    assert speakers_of(text) == expected


_TALKS = "Harbour Town opens its books\n\nHarbour Town's board has agreed to talks with a buyer. "


@pytest.mark.parametrize("text, expected", [
    # 'the club' before the story introduced any club is the one it is about: a club introduced later is
    # another, and neither 'the club' nor the statement it made is that one
    (_TALKS + 'In a statement, the club said it would listen. Rival club Port Rovers plays them on Sunday. '
     '"Any board must weigh a fair offer," the club said. "The plan is bold but it rests on debts no club can '
     'carry," the statement said.', [None, None]),
    # negative cases: the club introduced first is the one; a body of another kind is no club of the story
    (_TALKS + 'Rival club Port Rovers plays them on Sunday. "Any board must weigh a fair offer," the club said.',
     ["Port Rovers"]),
    ("Harbour Town opens its books\n\nHarbour Town's board has agreed to talks. In a statement, the company said "
     'it would listen. Shipping firm Port Lines sails from the same port. "Any board must weigh a fair offer," '
     'the firm said.', ["Port Lines"]),
])
def test_a_body_named_after_its_unnamed_mention_is_another(text, expected):
    assert speakers_of(text) == expected
