"""Likely merges of speakers: a bare surname and the one full name it ends (indexer.speaker_merges)."""
from __future__ import annotations

import pytest

from indexer.speaker_merges import (SpeakerFacts, full_name, full_names_in_text, name_shaped, pairing, propose_merges,
                                    short_form)


def _facts(spec: dict) -> dict[str, SpeakerFacts]:
    """name -> quotes, or (quotes, forms of address written before it[, full names its stories give])."""
    facts = {}
    for name, value in spec.items():
        quotes, titles, told = (*value, ())[:3] if isinstance(value, tuple) else (value, (), ())
        facts[name] = SpeakerFacts(quotes, quotes, frozenset({f"doc-{name}"}), frozenset(titles), frozenset(told))
    return facts


def _proposed(spec: dict, settled=frozenset()):
    facts = _facts(spec)
    found = propose_merges(pairing(facts), facts, settled)
    merges = [(m.alias, m.canonical) + (("check",) if m.doubt else ()) for m in found.merges]
    return merges, [a.alias for a in found.ambiguous]


@pytest.mark.parametrize("spec, merges, ambiguous", [
    ({"Kale": 5, "Tom Kale": 3, "Ana Ruiz": 2}, [("Kale", "Tom Kale")], []),
    ({"Mr Kale": 2, "Tom Kale": 3}, [("Mr Kale", "Tom Kale")], []),  # a form of address and a surname
    ({"Allard": 1, "J. Allard": 1}, [("Allard", "J. Allard")], []),  # an initial opens a name too
    ({"Benitez": 2, "Rafael Benítez": 5}, [("Benitez", "Rafael Benítez")], []),  # spellings of one word
    ({"Parry": 9, "Rick Parry": 4}, [("Parry", "Rick Parry")], []),  # a first name somewhere, rarely: a surname
    # several full names end in it: which one is for a person to say
    ({"Blair": 4, "Tony Blair": 200, "Ian Blair": 6}, [], ["Blair"]),
    # a first name: of people this archive names so, or a common one anywhere
    ({"John": 2, "Elton John": 1, "John Prescott": 4}, [], ["John"]),
    ({"Sharon": 1, "Ariel Sharon": 3}, [], ["Sharon"]),
    ({"Reid": 2, "John Reid": 1, "Reid Kale": 1}, [], ["Reid"]),
    ({"John": (2, ["sir"]), "Elton John": 1, "John Prescott": 2}, [], ["John"]),  # 'Sir John' is a first name
    # ... unless the story wrote a form of address before it: then it is a surname
    ({"Sharon": (1, ["mr"]), "Ariel Sharon": 3}, [("Sharon", "Ariel Sharon")], []),
    ({"Reid": (2, ["mr"]), "John Reid": 1, "Reid Kale": 1}, [("Reid", "John Reid")], []),
    # 'Mrs Kale' is not Tom
    ({"Mrs Kale": 2, "Tom Kale": 3, "Ana Kale": 1}, [("Mrs Kale", "Ana Kale")], []),
    ({"Mrs Kale": 2, "Tom Kale": 3}, [], []),
    ({"Kale": (2, ["mr", "mrs"]), "Tom Kale": 3}, [], ["Kale"]),
    # a peer's title may name someone else: proposed, but to check
    ({"Kale": (2, ["lord"]), "Tom Kale": 3}, [("Kale", "Tom Kale", "check")], []),
    ({"Kale": (2, ["lord"]), "Tom Kale": (3, ["lord"])}, [("Kale", "Tom Kale")], []),
    ({"Kale": (2, ["lord"]), "Ana Kale": 3}, [], []),  # a lord is no Ana
    # its own stories name someone else of that surname: to check
    ({"Kale": (5, ["mr"], ["Chris Kale"]), "Tom Kale": 3}, [("Kale", "Tom Kale", "check")], []),
    ({"Kale": (5, ["mr"], ["Chris Kale", "Tom Kale"]), "Tom Kale": 3}, [("Kale", "Tom Kale", "check")], []),
    ({"Kale": (5, ["mr"], ["Tom Kale", "T. Kale"]), "Tom Kale": 3}, [("Kale", "Tom Kale")], []),
    # not a person's name on one side or the other
    ({"company": 9, "a Texas company": 2}, [], []),
    ({"Blair": 4, "a spokesman for Mr Blair": 1}, [], []),
    ({"MPs": 11, "Male MPs": 1}, [], []),
    ({"England": 5, "Church of England": 2}, [], []),
    ({"Munich": 3, "Bayern Munich": 5}, [], []),  # no first name: not shown to be a person
    ({"Veteran": 2, "Tom Veteran": 1}, [], []),  # a sentence's opening word, not a name
    ({"Tuesday": 2, "Ruby Tuesday": 1}, [], []),
    ({"Kale": 3}, [], []),
    ({"Tom Kale": 3, "Ana Ruiz": 2}, [], []),
])
def test_pairs(spec, merges, ambiguous):
    assert _proposed(spec) == (merges, ambiguous)


@pytest.mark.parametrize("settled", [{"kale"}, {"kale"} | {"tom kale"}])
def test_a_name_the_correction_file_speaks_of_is_not_proposed_again(settled):
    assert _proposed({"Kale": 5, "Tom Kale": 3, "Ruiz": 2, "Ana Ruiz": 1}, settled) == ([("Ruiz", "Ana Ruiz")], [])


def test_sure_merges_come_first_then_the_doubtful_most_quoted_first():
    spec = {"Kale": 2, "Tom Kale": 3, "Ruiz": 9, "Ana Ruiz": 1, "Okafor": (40, ["lord"]), "Paul Okafor": 1}
    assert _proposed(spec)[0] == [("Ruiz", "Ana Ruiz"), ("Kale", "Tom Kale"), ("Okafor", "Paul Okafor", "check")]


@pytest.mark.parametrize("word, expected", [
    ("Parry", True), ("McCaskill", True), ("O'Sullivan", True), ("Kilroy-Silk", True), ("Benítez", True),
    ("MPs", False), ("LSE", False), ("company", False), ("A", False), ("Kale2", False), ("PARRY", False),
])
def test_name_shaped(word, expected):
    assert name_shaped(word) is expected


@pytest.mark.parametrize("name, expected", [
    ("Fox", (None, "Fox")), ("Mr. Fox", ("mr", "Fox")), ("Dr Fox", ("dr", "Fox")),
    ("Police", None), ("Spokesman", None), ("American", None), ("It", None), ("Liam Fox", None),
    ("Mr Blair's spokesman", None),
])
def test_short_form(name, expected):
    assert short_form(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("Liam Fox", ("Liam", "Fox")), ("George W Bush", ("George", "W", "Bush")),
    ("Ludwig van Beethoven", ("Ludwig", "van", "Beethoven")), ("J. Allard", ("J.", "Allard")),
    ("a spokesman for Mr Blair", None), ("Church of England", None), ("Liverpool FC", None),
    ("British Bankers Association", None), ("Channel Four", None), ("Mr Fox", None), ("Fox", None),
    ("Celtic's Neil Lennon", None), ("North MP", None),
])
def test_full_name(name, expected):
    assert full_name(name) == expected


@pytest.mark.parametrize("text, surname, expected", [
    ("Police chief Chris Fox said so. Mr Fox added more.", "Fox", {"Chris Fox"}),
    ("US President George W Bush spoke. Mr Bush left.", "Bush", {"George W Bush"}),
    ("the author J. K. Rowling said", "Rowling", {"J. K. Rowling"}),
    ("the game's designer Will Wright said", "Wright", {"Will Wright"}),  # a first name that is a verb too
    ("Mr Fox said. Dr Fox left. Lord Fox spoke.", "Fox", set()),  # forms of address give no first name
    ("The Bush administration agreed. In Parry's view, yes.", "Bush", set()),  # small words opening a sentence
    ("They met Morgan. Parry said no.", "Parry", set()),  # a sentence's last word
    ("The Fox-Smith report; (Fox) said; Foxes ran.", "Fox", set()),  # whole words after a space only
    ("Fox", "Fox", set()),
])
def test_full_names_in_text(text, surname, expected):
    assert full_names_in_text(text, surname) == expected
