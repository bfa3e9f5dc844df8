"""Is a candidate speaker a name or a described person or body? Anything else is nobody.

The cue finders propose a phrase; these checks are the stage that turns fragments of a sentence
("out a press release", "Wait", "VOTERS CARE MORE"), things ("a statement") and truncated words
into None. When unsure, the answer is no: a wrong name is worse than none.
"""
from __future__ import annotations

import re
from typing import Container, Iterable

from nameparser.config import CONSTANTS as NAME_CONSTANTS

from .constants import LEXICONS
from .dictionary_words import is_dictionary_word
from .first_names import is_first_name
from .model import Speaker

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
CLAUSE_OPENERS = _EN["clause_openers"]
DEMONYMS = _EN["demonyms"]
DETERMINERS = _EN["determiners"]
DOCUMENT_NOUNS = _EN["document_nouns"]
NOT_NAME_WORDS = _EN["not_name_words"]
FIRST_NAME_LOOKALIKES = _EN["first_name_lookalikes"]
NOT_PERSON_WORDS = _EN["not_person_words"]
ORGANISATION_NOUNS = _EN["organisation_nouns"]
ORGANISATION_WORDS = _EN["organisation_words"]
PERSON_NOUNS = _EN["person_nouns"]
GROUP_NOUNS = _EN["group_nouns"]
PERSON_SUFFIXES = _EN["person_suffixes"]
PRONOUNS = _EN["pronouns"]
PREPOSITIONS = _EN["prepositions"]
ADDRESS_TITLES = _EN["address_titles"]
COMPANY_SUFFIXES = _EN["company_suffixes"]
POST_NOMINALS = _EN["post_nominals"]
NUMBER_WORDS = _EN["number_words"]
SPEECH_VERBS = _EN["speech_verbs"]
TITLE_WORDS = _EN["title_words"]
ADJECTIVE_ENDINGS = _EN["adjective_endings"]

# nameparser's titles ("editor", "pastor", "treasurer") are role words before a name; its particles
# ("de", "van", "al") are lower-case words inside one.
ROLE_TITLES = frozenset(t.lower() for t in NAME_CONSTANTS.titles) | TITLE_WORDS | {
    "congressman", "congresswoman", "assemblyman", "assemblywoman", "counsel", "businessman", "businesswoman",
    "journalist", "columnist", "commentator", "host", "anchor", "strategist", "pollster", "activist", "lawyer"}
TITLE_PREFIXES = frozenset({"under", "vice", "co", "ex", "deputy", "acting"})  # "Under-Secretary", "Co-Chair"
NAME_PARTICLES = frozenset(p.lower() for p in NAME_CONSTANTS.prefixes) | {"of", "for", "the", "and", "on", "&"}
FRAGMENT_ENDS = frozenset("to of for from with by at in on about over under into against and or but the a an".split())
DESCRIPTION_OPENERS = DETERMINERS | {"his", "her", "its", "their", "our", "both", "other", "all", "most", "few",
                                     "four", "five", "six", "dozens", "hundreds", "many", "some", "no"}


def strip_leading(words: list[str]) -> tuple[list[str], list[str]]:
    """('Democrat', 'Ana', 'Ruiz') -> (['Democrat'], ['Ana', 'Ruiz']): words before a name that are not it.

    A role title is taken off only while two words of name stay ("Dean Baker" keeps its first name),
    or when people are never called by it ("Midfielder Edu").
    """
    # "South Korean-born Ana Ruiz", "New York-based Ana Ruiz": the origin ends before the name
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower().endswith(("-born", "-based"))), default=0)
    body = is_body_name(words)  # "British Bankers Association", "China Harbour Corp": all one name
    while cut < len(words) - 1:
        low = words[cut].lower().rstrip(".,")
        # A capitalised reporting verb before an organisation's word is part of its name ("State Department").
        verb = low in SPEECH_VERBS and words[cut + 1].lower().strip(".,") not in ORGANISATION_WORDS
        number_in_body = body and low in NUMBER_WORDS  # "Three Harbours Corp": the number is the name's
        first_name = low in FIRST_NAME_LOOKALIKES and len(words) - cut == 2 and words[cut].istitle()
        if (low in NOT_NAME_WORDS and not number_in_body and not first_name or verb or (cut == 0 and low.endswith("ing") and len(low) > 5 and not body)
                or low.endswith("-born") or (is_demonym(low) and len(words) - cut > 2 and not body)):
            cut += 1
        elif is_role_word(low) and len(words) - cut > 2 and not body and not (
                is_first_name(words[cut]) and words[-1].strip(".,") in POST_NOMINALS) and (
                low in PERSON_NOUNS or low in ROLE_TITLES or is_dictionary_word(low.removesuffix("s"))
                or not is_first_name(words[cut])):
            # ('Brian Kale MSP': a first name that ends as a person's noun does, before a seat; 'Lian Chia
            # Ruiz': a first name with a person's ending that no dictionary holds is a name's, not a role)
            cut += 1
        elif (low in PERSON_NOUNS or low in TITLE_WORDS) and len(words) - cut == 2 and not words[cut].isupper() and (
                words[cut + 1].lower().strip(".,") not in ORGANISATION_WORDS) and not is_first_name(words[cut].strip(".,")):
            cut += 1  # "Midfielder Edu", "Coach Kale": an occupation nobody is named, before a one-word name
        else:
            break
    return words[:cut], words[cut:]


def is_body_name(words: list[str]) -> bool:
    """'British Bankers Association', 'Harbour Shipping Corp': a body's noun or a company's suffix ends it."""
    last = words[-1].lower().strip(".,") if words else ""
    return last in ORGANISATION_NOUNS or last in COMPANY_SUFFIXES


def split_post_nominals(words: list[str]) -> tuple[list[str], list[str]]:
    """('Ana', 'Ruiz', 'MP') -> (['Ana', 'Ruiz'], ['MP']): a seat or an honour written after a name.

    Only after a person's name that opens on a first name: 'Salford MP' and 'Harbour North MP' are a
    constituency's member, a description, and keep their letters."""
    cut = len(words)
    while cut > 2 and words[cut - 1].strip(".,") in POST_NOMINALS:
        cut -= 1
    if cut == len(words) or not is_first_name(words[0].strip(".,")):
        return words, []
    return words[:cut], words[cut:]


def is_role_word(low: str) -> bool:
    """'editor', 'fly-half', 'judges': a title or a person's noun, or its plural ("Judges Ana Ruiz, Tom Kale
    and ..." opens a list of people by their common role)."""
    return any(w in ROLE_TITLES or is_person_noun(w) for w in (low, low.removesuffix("s")) if w)


def is_demonym(word: str) -> bool:
    """'Polish', 'German', 'Tunisian', 'Japanese': a nationality is no one's name on its own.

    Only -ish and -ese are taken from the ending: -ian and -ean end first names too (Brian, Sean).
    """
    low = word.lower()
    return (low.endswith(("ish", "ese")) and len(low) > 5) or low in DEMONYMS


def is_person_demonym(word: str) -> bool:
    """'Dutchman', 'Spaniard', 'American': one person of a nation. 'the Dutch', 'the Swiss', 'the
    British', 'the Japanese' and 'the Scots' are a people, not one person."""
    low = word.lower()
    return word[:1].isupper() and low in DEMONYMS and not low.endswith(("ish", "ese", "ch", "sh", "ss", "s"))


def gender_of_demonym(word: str) -> str | None:
    """'Frenchwoman' -> female, 'Irishman' -> male, 'Briton' and 'German' (no compound of 'man') -> None."""
    low = word.lower()
    return "female" if low.endswith("woman") else "male" if low.endswith("man") and low != "german" else None


def split_owner(words: list[str]) -> tuple[list[str], list[str]]:
    """('New', 'Jersey’s', 'Ana', 'Ruiz') -> (['New', 'Jersey’s'], ['Ana', 'Ruiz']): the owner is a role.

    An owner before a body's word alone is part of the body's name ("Bankers' Association"), and so is a
    plural's anywhere in a body's name ("Harbour Pilots' Benevolent Association"); a singular's owns it
    ("Britain's Low Pay Commission")."""
    body = words[-1].lower().strip(".,") in ORGANISATION_WORDS if words else False
    for i in range(len(words) - 2, -1, -1):
        if body and (i == len(words) - 2 or words[i].endswith(("s'", "s’"))):
            continue
        if words[i].endswith(("'s", "’s", "s'", "s’")):
            return words[:i + 1], words[i + 1:]
    return [], words


_STORY_WORD = re.compile(r"[A-Za-z][\w'’\-]*\.?|[!?;:,()\"“”‘]")


def names_written_alone(text: str) -> set[str]:
    """Capitalised words a story writes as a name of their own inside a sentence: after a lower-case word
    a determiner, a form of address or a capital that is never a name's, and not before another capital
    ('shares in Apple rose', 'Mr Brown said', 'The Pentagon met', 'Even Kale').

    'Downing Street' and 'the Terrorism Act' do not count: there the word is the end of a longer name."""
    tokens = _STORY_WORD.findall(text)
    found = set()
    for before, word, after in zip(tokens, tokens[1:], tokens[2:] + [""]):
        if not word[:1].isupper() or after[:1].isupper():
            continue
        low = before.lower().rstrip(".")
        in_sentence = not before.endswith(".") and (before[:1].islower() or low in DETERMINERS or low in NOT_NAME_WORDS)
        if in_sentence or (low in ADDRESS_TITLES and before[:1].isupper()):
            found.add(word.rstrip(".").removesuffix("'s").removesuffix("’s"))
    return found


def plausible_lone_word(word: str, before: list[str], names_alone: Container[str], full_names: Iterable[str]) -> bool:
    """'Anger', 'Controversy' alone: a dictionary word is a name only after a form of address ('Sen. Brown'),
    where the story also writes it as a name of its own (`names_written_alone`), or as the surname of a
    full name that opens on a first name ('Tom Brown'). 'Blair' is no dictionary word."""
    low = word.lower()
    if not is_dictionary_word(word) or word in names_alone:
        return True
    if low in PERSON_NOUNS or low.endswith(("or", "ist", "ian", "man", "woman", "person")) or is_first_name(word):
        return True  # "MODERATOR:", "Petro, 45:": a person's noun or first name, as a label writes it ('-er' ends 'anger')
    if before and before[-1].lower().rstrip(".") in ADDRESS_TITLES:
        return True
    return any(is_first_name(full.split()[0]) for full in full_names)


def is_name_word(word: str) -> bool:
    bare = word.strip(".,")
    if not bare:
        return False
    particle, _, rest = bare.partition("-")
    if bare.lower() in NAME_PARTICLES or (particle in NAME_PARTICLES and rest[:1].isupper()):
        return True  # 'von', 'al-Awlaki'
    return bare[0].isupper() or bare[0].isdigit()


def headline_words(words: list[str], common_words: set[str]) -> bool:
    """'Kale Addresses Port Attack', 'Pastor Wants Scout Leaders': a verb or a plural the story writes in
    lower case, capitalised after a name's first word, makes a headline in title case, not a name.

    Only words ending in -s: a name's word can be a common word too ('Khin Zaw Win', 'Hope Ruiz')."""
    return len(words) >= 3 and any(
        w.lower() in common_words and w.lower().endswith("s") and w.lower() not in NAME_PARTICLES for w in words[1:])


def plausible_name(words: list[str], kind: str) -> bool:
    """A person's or an organisation's name: capitalised words (with particles), not a fragment."""
    if not words or not all(is_name_word(w) for w in words):
        return False
    if not words[0][:1].isupper() and not (words[0].isdigit() and len(words) == 2):
        return False  # ('50 Cent': a number and one capital, names.py's stage name)
    if words[-1].endswith(("-", "'", "’")):
        return False  # "Wong Kar-", "Gary O'": a name cut short, or an owner whose noun is lost
    if words[-1].endswith(("'s", "’s")) and any(w in ("of", "for") for w in words[1:-1]):
        return False  # "Association for America's": an owner whose noun was cut off ('Moody's' stays)
    if words[0].lower() in CLAUSE_OPENERS and len(words) > 1:
        return False  # "Meanwhile Ana Ruiz": the sentence's own opening word stuck to a name
    if len(words) == 1 and (is_demonym(words[0]) or words[0].lower() in ORGANISATION_NOUNS):
        return False  # "the American", "the Institute": a nationality or a kind of body names no one
    if kind == "person" and (len(words) > 5 or sum(w[:1].isupper() for w in words) > 4):
        return False  # "Carly Fiorina Endorses Ted Cruz": a headline in title case, not one person
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if len(letters) >= 3 and all(w.isupper() for w in letters):
        return False  # "VOTERS CARE MORE ABOUT CANDIDATES": a heading
    if len(words) == 1 and words[0].lower().rstrip(".") in NOT_NAME_WORDS | set(PRONOUNS) | ROLE_TITLES:
        return False
    return True


def is_person_noun(word: str) -> bool:
    low = word.lower()
    if low in DOCUMENT_NOUNS or low.rstrip("s") in DOCUMENT_NOUNS or low in NOT_PERSON_WORDS or (
            low.endswith("s") and low[:-1] in NOT_PERSON_WORDS):  # "matters", "numbers", "orders"
        return False  # "a statement", "the report": a thing says nothing
    return (low in PERSON_NOUNS or low in ORGANISATION_NOUNS or low.rstrip("s") in ORGANISATION_NOUNS
            or (len(low) > 3 and low.endswith(PERSON_SUFFIXES)))


def plausible_description(words: list[str], head: str, closing: bool = False) -> bool:
    """'a fire brigade spokesman', 'the health ministry', 'officials': a person or body, described.
    ``closing``: the phrase is the subject of a cue that closes its sentence (', bank officials said.'),
    where lower-case words before a plural person's noun describe a group; anywhere else ('Fans of the
    band have called it "easy"') such a subject is too often not who chose the quoted words."""
    if not words or words[-1].lower() in FRAGMENT_ENDS:
        return False  # "chancellor to": a description cut off in mid-phrase
    first = words[0].lower()
    if first in CLAUSE_OPENERS - DESCRIPTION_OPENERS:
        return False  # "Meanwhile the singer's mother": the sentence's opening word, not a description
    if any(w.lower()[:-2] in NOT_NAME_WORDS or w.lower()[:-2] in PRONOUNS for w in words if w.lower().endswith(("'s", "’s"))):
        return False  # "It's not children", "that's the man": a clause, not an owner
    owned = any(w.endswith(("'s", "’s", "s'", "s’")) for w in words[:-1])  # "the firm's lawyer"
    # Without a determiner only a plural or a listed noun describes someone: "officials", "police";
    # a bare singular ("list", "bank") is a fragment.
    bare = is_person_noun(first) and (first.endswith("s") or first in PERSON_NOUNS)
    # 'bank officials', 'senior union leaders': lower-case words before a plural person's noun describe a group
    group = closing and (len(words) <= 3 and head.endswith("s") and words[-1].lower() == head
             and all(w.isalpha() and w.islower() and w not in _NOT_DESCRIBING_GROUPS for w in words))
    opens = first in DESCRIPTION_OPENERS or first[:1].isdigit() or owned or bare or group
    return opens and is_person_noun(head)


_NOT_DESCRIBING_GROUPS = NOT_NAME_WORDS | DETERMINERS | PREPOSITIONS | CLAUSE_OPENERS | frozenset(PRONOUNS)


def is_lone_singular(words: list[str]) -> bool:
    """'member', 'official' alone, with no determiner: a fragment of the sentence ('EU or member state
    officials'), not a described speaker. A group's noun stands alone ('police', 'staff'), as a plural does."""
    if len(words) != 1:
        return False
    low = words[0].lower()
    return low in PERSON_NOUNS and not low.endswith("s") and low not in GROUP_NOUNS


def is_bare_description(words: list[str]) -> bool:
    """'the man', 'the spokeswoman', 'the American': a person pointed back to by a role or a nationality
    alone. The story introduced them; unless it says who, they are nobody a reader can name.

    'the health ministry' (a body) and 'the fire brigade spokesman' (a described person) are not bare."""
    if len(words) != 2 or words[0].lower() not in ("the", "this", "that"):
        return False
    low = words[1].lower().strip(".,")
    if low in ORGANISATION_NOUNS or low in DOCUMENT_NOUNS:
        return False
    if low.endswith(("men", "people")) or (low.endswith("s") and not low.endswith("ss")):
        return False  # 'the researchers', 'the authors': a group described, not one person left unnamed
    # capitalised, only a nationality: 'the Guardian', 'the Examiner' are names of papers
    return is_demonym(low) or (is_person_noun(low) and words[1][:1].islower())


def document_author(words: list[str]) -> list[str] | None:
    """'a Pentagon readout', 'the ministry's statement' -> the capitalised words that wrote it."""
    if not words or words[-1].lower().rstrip("s") not in DOCUMENT_NOUNS:
        return None
    author = [w.removesuffix("'s").removesuffix("’s") for w in words[:-1]
              if w[:1].isupper() and w.lower() not in DESCRIPTION_OPENERS]
    return author or None


def describing_word_before_name(words: list[str], capitalised: Container[str]) -> bool:
    """'Defiant Ana Ruiz says', 'Popular Tom Kale': a dictionary word with a describing word's ending, no
    first name, before a first name and a surname, and which the story never capitalises inside a sentence
    (as it would a place's or a body's word: 'Harbour', 'New'), is the sentence's, not the name's."""
    if len(words) != 3 or words[0] in capitalised:
        return False
    low = words[0].lower()  # the cheap tests first: this is asked of every three-word name a story holds
    return (low.endswith(ADJECTIVE_ENDINGS) and low not in ORGANISATION_WORDS and is_dictionary_word(low)
            and is_first_name(words[1]) and not is_first_name(words[0]))


def is_common_role(word: str, common_words: set[str]) -> bool:
    return word.lower() in common_words and is_person_noun(word)


def bare_name(words: list[str], common_words: Container[str] = frozenset()) -> list[str]:
    """'FBI General Counsel Ana Ruiz', 'Coastline's Ana Ruiz' -> ['Ana', 'Ruiz']: owner, roles and titles off.

    story_memory.Memory keeps the answers for one story."""
    words = split_owner(words)[1]
    while True:
        stripped = strip_titles(strip_leading(words)[1])
        if len(stripped) > 2 and is_common_role(stripped[0], common_words):
            stripped = stripped[1:]
        if stripped == words:
            return words
        words = stripped


def strip_titles(words: list[str]) -> list[str]:
    """'NATO Secretary General Jens Stoltenberg' -> 'Jens Stoltenberg' (never strips to nothing).

    A title that is also a first name ('Dean Baker') is kept when only one word would be left,
    unless it is a form of address ('Sen. Baker', 'President Baker').
    """
    cut = 0
    if is_body_name(words):
        return words  # "British Bankers Association", "General Medical Council": a body's name, whole
    for i, word in enumerate(words[:-1]):
        low = word.lower().strip(",").rstrip(".")
        if i == len(words) - 2 and low not in ADDRESS_TITLES and not word.endswith(".") and not words[-1].isupper():
            break  # "POLITICO Florida", "ABC News": an acronym before one word is part of a name
        if low in TITLE_WORDS or all(part in ROLE_TITLES | TITLE_PREFIXES for part in low.split("-")) or (
                word.isupper() and len(word) > 1 and "." not in word):
            cut = i + 1
    return words[cut:]


def is_named_person(speaker: Speaker | None) -> bool:
    """A person the story names in full, with a first name ('Tom Kale', 'Anna-Lena Ruiz'): not a film's
    title read as a subject ('Harbour Express is based on ...') nor a capital stuck to a surname."""
    return (speaker is not None and speaker.kind == "person" and " " in speaker.name
            and is_first_name(speaker.name.split()[0].split("-")[0]))


# Ranks that a plural shares between two names ('Princes William and Harry', 'Messrs Kale and Ruiz').
_SHARED_RANKS = TITLE_WORDS | frozenset("prince princess king queen duke duchess brother sister".split())


def is_plural_rank(word: str) -> bool:
    """'Princes', 'Senators', 'Messrs': a title in the plural, shared by the names that follow it."""
    low = word.lower().strip(".")
    if low == "messrs":
        return True
    singular = low[:-2] if low.endswith(("sses", "ches")) else low[:-1] if low.endswith("s") else None
    return word[:1].isupper() and singular in _SHARED_RANKS
