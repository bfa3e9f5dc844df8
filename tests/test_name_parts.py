"""The parts of a written name, as (input, expected) tables."""
import pytest

from indexer.name_parts import (
    acronym_source, is_name_particle, is_particle_surname, name_after_title, owner_noun, role_before_name,
    role_nouns,
)


@pytest.mark.parametrize("role, expected", [
    ("a pastor at the harbour church", {"pastor"}),  # the place after the preposition is not the person
    ("Republican pollster", {"pollster"}),
    ("the harbour church", set()),  # a body is not a person's role
    ("the prime minister's spokesman", {"spokesman"}),  # the owner is someone else
    ("the minister’s press officer", {"officer"}),
    (None, set()),
])
def test_role_nouns(role, expected):
    assert role_nouns(role) == expected


@pytest.mark.parametrize("phrase, known, expected", [
    ("Secretary of State Tom F. Kale", {"Tom F. Kale"}, "Tom F. Kale"),
    ("Secretary of State Tom F. Kale", set(), None),  # only a name the story gives
    ("Tom Kale of the port board", {"Tom Kale"}, None),  # no title first
    # after 'the' or an owner, a person's noun with a field in lower case is a title
    ("the minister for harbours Tom Kale", {"Tom Kale"}, "Tom Kale"),
    ("Coastline's head of research Ana Ruiz", {"Ana Ruiz"}, "Ana Ruiz"),
    # ... but the body or person someone works for is not their name
    ("a spokesman for the Harbour Board", {"Harbour Board"}, None),
    ("the spokesman for Tom Kale", {"Tom Kale"}, None),
    ("an analyst at Kale Securities", {"Kale Securities"}, None),
])
def test_name_after_title(phrase, known, expected):
    assert name_after_title(phrase.split(), known) == expected


@pytest.mark.parametrize("words, expected", [
    (["a", "Kale", "spokesman"], True),
    (["a", "Happy", "New", "Year"], False),
])
def test_owner_noun(words, expected):
    assert owner_noun(words) is expected


@pytest.mark.parametrize("text, expected", [
    ("the Harbour Pilots Association (HPA) said", "Harbour Pilots Association"),
    ("Past Harbour Budget Office (HBO) figures", "Harbour Budget Office"),  # the sentence's capital
    ("The Harbour Board (HB) met", "Harbour Board"),
    ("the Bank of Coastline (BoC)", "Bank of Coastline"),
    ("a (HB) note", None),
])
def test_acronym_source(text, expected):
    assert acronym_source(text, text.index("(")) == expected


@pytest.mark.parametrize("words, index, expected", [
    ("Ursula von der Leyen", 1, True),
    ("Ursula von der Leyen", 2, True),
    ("Ludwig van Beethoven", 1, True),
    ("Osama bin Laden", 1, True),
    ("the van driver", 1, False),  # a van, between lower-case words
    ("Tom drove the van", 3, False),  # nothing after it
    ("Kale said de facto", 2, False),
    ("Ana do Kale", 1, False),  # an English verb, not a particle
])
def test_is_name_particle(words, index, expected):
    assert is_name_particle(words.split(), index) is expected


@pytest.mark.parametrize("word, expected", [
    ("al-Awlaki", True), ("el-Hadi", True), ("bin-Rashid", True),
    ("al-awlaki", False), ("well-Known", False), ("Kale", False),
])
def test_is_particle_surname(word, expected):
    assert is_particle_surname(word) is expected


@pytest.mark.parametrize("before, expected", [
    ("meanwhile harbour backbencher", "harbour backbencher"),
    ("Meanwhile Harbour backbencher", "Harbour backbencher"),
    ("after Port Secretary", "Port Secretary"),
    ("According to Harbour chief", "Harbour chief"),
    ("earlier", ""),
    ("included what Mr", "Mr"),        # the title stays: a person's form of address
    ("not there Lord", "Lord"),
    ("by Mr", "Mr"),
    ("on Thursday Mr", "Mr"),
    ("the prime minister", "prime minister"),
    # negatives: a role's own words survive
    ("US envoy", "US envoy"),          # capitals: not the pronoun 'us'
    ("IT director", "IT director"),
    ("then president", "then president"),
    ("last year's champion", "last year's champion"),
    ("head of research", "head of research"),
    ("Harbour boss Sir", "Harbour boss Sir"),
])
def test_role_before_name(before, expected):
    assert " ".join(role_before_name(before.split())) == expected

