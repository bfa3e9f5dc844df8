"""The parts of a written name: an acronym's source, a title holding a preposition, a role's nouns.

Small text rules over words the story wrote; names.py puts them together into a Speaker.
"""
from __future__ import annotations

import re
from typing import Container

from nameparser.config import CONSTANTS as NAME_CONSTANTS

from .constants import LEXICONS
from .speaker_check import ROLE_TITLES, is_person_noun, is_role_word

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
ORGANISATION_NOUNS = _EN["organisation_nouns"]
PREPOSITIONS = _EN["prepositions"]
DETERMINERS = _EN["determiners"]
LINKING_WORDS = _EN["linking_words"] | _EN["weekdays"]  # 'on Thursday Mr Kale said'
NOT_ROLE_WORDS = _EN["not_role_words"]
NOT_NAME_WORDS = _EN["not_name_words"]
TITLE_ROLES = _EN["title_roles"]

# Lower-case words inside a person's name ('Ursula von der Leyen', 'Lula da Silva', 'Osama bin Laden'),
# from nameparser's prefixes; not those that are English words or abbreviations ('do', 'st', 'san').
NAME_PARTICLES = frozenset(p for p in NAME_CONSTANTS.prefixes if p.isalpha() and p.islower()) - {
    "do", "mac", "mc", "san", "santa", "st", "ste", "vel", "bon"}
_PARTICLE_SURNAME = re.compile(r"(?:%s)-[A-Z][a-z'’]+" % "|".join(sorted(NAME_PARTICLES | {"el"})))


def is_name_particle(words: list[str], i: int) -> bool:
    """'von' and 'der' in 'Ursula von der Leyen': particles between name words. 'the van driver' has none."""
    if words[i] not in NAME_PARTICLES:
        return False
    start, end = i, i
    while start > 0 and words[start - 1] in NAME_PARTICLES:
        start -= 1
    while end + 1 < len(words) and words[end + 1] in NAME_PARTICLES:
        end += 1
    return start > 0 and words[start - 1][:1].isupper() and end + 1 < len(words) and words[end + 1][:1].isupper()


def is_particle_surname(word: str) -> bool:
    """'al-Awlaki', 'el-Sisi': a particle joined to a capitalised surname by a hyphen."""
    return bool(_PARTICLE_SURNAME.fullmatch(word.rstrip(".,")))


_WORD_BEFORE = re.compile(r"([\w'’\-]+)\s*$")
_ACRONYM_INNER_WORDS = frozenset({"of", "for", "the", "and", "on"})


def acronym_source(text: str, bracket: int) -> str | None:
    """'the Human Rights Watch (HRW)' -> 'Human Rights Watch': the capitalised words before a bracket."""
    words: list[str] = []
    end = bracket
    while len(words) < 8:
        found = _WORD_BEFORE.search(text, max(0, end - 40), end)
        if not found:
            break
        word = found.group(1)
        if not word[:1].isupper() and not (words and word in _ACRONYM_INNER_WORDS):
            break
        words.insert(0, word)
        end = found.start()
    while words and (not words[0][:1].isupper() or words[0].lower() in NOT_NAME_WORDS | DETERMINERS):
        words.pop(0)  # "Past Harbour Budget Office (HBO)", "The ...": the sentence's capital, not the name's
    return " ".join(words) if len(words) >= 2 else None


def name_after_title(tokens: list[str], known: Container[str]) -> str | None:
    """'Secretary of State John F. Kerry' -> 'John F. Kerry': the longest known full name ending a phrase
    that opens on a title with a preposition in it.

    After 'the' or an owner, a person's noun is a title too when its field is written in lower case
    ('the minister for ports Tom Kale', "Harbour's head of research Ana Ruiz"); 'a spokesman for the
    Harbour Board' and 'an aide to Tom Kale' stay descriptions: the name there is whom they work for."""
    owner = next((i + 1 for i, w in enumerate(tokens[:3]) if w.endswith(("'s", "’s"))), 0)
    lead = owner or (1 if tokens and tokens[0].lower() == "the" else 0)
    if lead:
        tokens = tokens[lead:]
        field = next((i for i, w in enumerate(tokens[:3]) if w.lower() in PREPOSITIONS), None)
        if (len(tokens) < 4 or field is None or not is_role_word(tokens[0].lower())
                or not tokens[field + 1][:1].islower()):
            return None
    elif len(tokens) < 4 or tokens[0].lower().rstrip(".") not in ROLE_TITLES:
        return None
    if not any(w.lower() in PREPOSITIONS for w in tokens[1:3]):
        return None
    for size in range(min(4, len(tokens) - 2), 1, -1):
        suffix = " ".join(tokens[-size:])
        if suffix in known:
            return suffix
    return None


def owner_noun(words: list[str]) -> bool:
    """'a Kale spokesman' (handled as a description) vs 'a Happy New Year': a lower-case noun ends it."""
    return bool(words) and words[-1][:1].islower()


def role_nouns(role: str | None) -> frozenset[str]:
    """'a pastor at the harbour church' -> {'pastor'}: the person nouns of a role, before its first
    preposition (the church is the pastor's, not the pastor). An owner is someone else: 'the prime
    minister's spokesman' is a spokesman, not a minister. A title written short is its office's noun:
    'Sen.' is a senator, so a later 'the senator' finds 'Sen. Ana Ruiz'."""
    words: list[str] = []
    titled: set[str] = set()
    for match in re.finditer(r"[a-z]+(?:['’]s\b)?\.?", role or "", re.I):
        word = match.group().lower().rstrip(".")
        if word in PREPOSITIONS:
            break
        if word in TITLE_ROLES and match.group()[:1].isupper():
            titled.update(TITLE_ROLES[word])
        elif not word.endswith(("'s", "’s")):
            words.append(word)
    return frozenset(titled | {w for w in words if is_person_noun(w) and w not in ORGANISATION_NOUNS})


def role_before_name(words: list[str]) -> list[str]:
    """The words before a name that say who the person is, as a reader would write the role:
    'meanwhile Labour backbencher' -> 'Labour backbencher', 'after Foreign Secretary' -> 'Foreign
    Secretary', 'included what Mr' -> 'Mr'. An article and the sentence's own words before the role
    (a linking word, a preposition, a weekday, a clause ending in 'what' or 'there') are no part of
    it; written in capitals, a pronoun's letters are a role's word ('US envoy', 'IT director'). The
    title the name is addressed by stays: the ledger reads a person's sex and peerage from it
    (speaker_merges)."""
    words = [w for w in words if w.lower() not in DETERMINERS]
    sentence_words = [i for i, w in enumerate(words) if w.islower() and w in NOT_ROLE_WORDS]
    if sentence_words:
        words = words[sentence_words[-1] + 1:]
    while words and (words[0].lower() in LINKING_WORDS or words[0].lower() in PREPOSITIONS):
        words = words[1:]  # 'Meanwhile', 'after': the sentence's, however written
    return words
