"""Who 'he', 'she', 'it' and 'they' point to, and the gender a phrase shows.

A reader resolves a pronoun to the last person or body the story made a subject or a speaker, of
the pronoun's gender and number: 'she said' after Ana Ruiz spoke is Ruiz, 'it said' after the
ministry is the ministry. The gender comes from an honorific ('Mrs.'), a gendered word of the
phrase ('spokeswoman') or, only when needed, the first name.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .constants import LEXICONS
from .first_names import gender_of_first_name
from .model import Speaker
from .mentions import UNKNOWN_KINDS, UNNAMED_PERSON

if TYPE_CHECKING:  # names.py calls in here with a story_memory.Memory: imported for the annotation only
    from .story_memory import Memory

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
FEMALE_WORDS = _EN["female_words"]
GENDER_OF_HONORIFIC = _EN["gender_of_honorific"]
MALE_WORDS = _EN["male_words"]
PRONOUNS = _EN["pronouns"]


def speaker_of_pronoun(pronoun: str, memory: Memory) -> Speaker | None:
    """'she' -> the last person of her gender who spoke or acted; 'it' -> the last body; else None."""
    want = PRONOUNS.get(pronoun.lower())
    if want in ("male", "female"):
        for entity in reversed(memory.recent):
            if entity.speaker.kind == UNNAMED_PERSON and entity.gender in (None, want):
                return None  # 'the 25-year-old Dubliner ... He added': the one we could not name
            plural = entity.head.endswith(("men", "people")) or (entity.head.endswith("s") and not entity.head.endswith("ss"))
            if entity.speaker.kind in ("person", "anonymous") or (
                    entity.speaker.kind == "descriptive" and entity.gender and not plural):  # 'women' are no 'she'
                lone = (entity.speaker.kind == "person" and " " not in entity.speaker.name
                        and entity.speaker.name not in memory.capitalised and not entity.gender)
                if lone:
                    continue  # "Fair news.": a lone capital never seen inside a sentence is no 'he'
                if (entity.gender or _first_name_gender(entity.speaker)) in (None, want):
                    return entity.speaker
        # Nobody was a subject or a speaker yet: the last person named in the story.
        # Only a first name of the pronoun's gender: 'he' is not the last capitalised pair ('Protocol Relating').
        named = [full for full in memory.full_names if gender_of_first_name(full.split()[0]) == want]
        return Speaker(named[-1], "person") if named else None
    if want in ("thing", "plural"):
        for entity in reversed(memory.recent):
            if entity.speaker.kind in UNKNOWN_KINDS and want == "thing":
                return None  # "The report concludes ... It reads:" a document nobody was said to publish
            if entity.speaker.kind in ("organisation", "descriptive") and entity.gender is None:
                return entity.speaker
    return None


def speaker_of_epithet(gender: str | None, memory: Memory, epithet: str = "") -> Speaker | None:
    """'said the Harbour striker', 'the 48-year-old actor': a story calls the person it is about by an
    epithet it never introduced, as it would say 'he'. Only when one person named in full has spoken or
    acted so far, or the sentence right before was about one of them (memory.subject_before; otherwise,
    with two, 'the Harbour boss' may be either), and the epithet's gender ('the Harbour man') is not
    another."""
    people = {e.speaker.name: e for e in memory.recent if e.speaker.kind == "person" and " " in e.speaker.name}
    about = memory.subject_before
    if len(people) != 1 and about is not None and about.name in people and not _names_another(about, memory, epithet):
        # with two people, the one the sentence right before was about: 'Kale was full of praise for Ruiz.
        # "...," said the Harbour striker.'
        people = {about.name: people[about.name]}
    if len(people) != 1:
        return None
    entity = next(iter(people.values()))
    found = entity.gender or _first_name_gender(entity.speaker)
    return entity.speaker if gender is None or found in (None, gender) else None


def speaker_of_demonym(gender: str | None, memory: Memory, demonym: str = "") -> Speaker | None:
    """'said the Dutchman': a nationality says less than an epithet, so it is only the person the sentence
    right before was about ('Kale was delighted with the win. "...," said the Dutchman.'), when the
    gender agrees and its own sentence names no one else; after a quotation, or a sentence about no
    named person, nobody."""
    about = memory.subject_before
    if about is None or _names_another(about, memory, demonym):
        return None
    entity = next((e for e in reversed(memory.recent) if e.speaker.name == about.name), None)
    found = (entity.gender if entity else None) or _first_name_gender(about)
    return about if gender is None or found in (None, gender) else None


def _names_another(person: Speaker, memory: Memory, epithet: str) -> bool:
    """Whether the sentence being read names someone else in full ('When Ana Ruiz shook his hand, the
    Harbourman said'): then the one the sentence before was about is no longer the only one it may mean.
    The epithet's own capitals are no one ('the Old Harbour boss')."""
    own = set(epithet.split())
    return any(name != person.name and name in memory.sentence and not own & set(name.split())
               for name in memory.later_names)


def _first_name_gender(speaker: Speaker) -> str | None:
    """Looked up only when a pronoun is resolved: the dictionary is read once, on first need."""
    words = speaker.name.split()
    return gender_of_first_name(words[0]) if speaker.kind == "person" and len(words) > 1 else None


def gender_of_phrase(words: list[str], whole: str) -> str | None:
    """'Mrs. Ruiz' or 'a spokeswoman': the gender a phrase states, None when it states none."""
    for word in words:
        if word.lower() in GENDER_OF_HONORIFIC:
            return GENDER_OF_HONORIFIC[word.lower()]
    lowered = set(re.findall(r"[a-z]+", whole.lower()))
    if lowered & FEMALE_WORDS:
        return "female"
    if lowered & MALE_WORDS:
        return "male"
    return None
