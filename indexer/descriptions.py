"""A definite description that points back to a person the story named.

'the Florida senator' is the senator the story introduced as 'Florida Sen. Ana Ruiz', 'Sen. Ana Ruiz
(R-Fla.)' or 'Ana Ruiz, a Florida senator,'; 'the Vermont independent' is the one tagged '(I-Vt.)'. A
reader matches the description's role and its modifiers (a state, a party, other capitalised words
such as 'White House') with how each person was introduced: one person matching is that person; none
or several, and the description stays as written.

When the story gave no state ('Sen. Ana Ruiz responded first. "...," the Florida senator said.'), the
reader has only recency: the description is the person mentioned last, if that person holds its role
and nothing the story said about them contradicts it.

A body is found the same way: 'the firm' is the one the story introduced as 'sportswear firm Umbro',
and 'the company' after 'Oracle has announced ...' is Oracle (People.body).

Only a window of words beside each name is read, so the rule stays linear in the text's length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .constants import LEXICONS
from .first_names import is_first_name
from .introductions import descriptions_beside
from .model import Speaker
from .name_parts import role_nouns

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
PARTY_LETTERS = _EN["party_letters"]
PARTY_WORDS = _EN["party_words"]
ROLE_RANKS = _EN["role_ranks"]
TIME_RANKS = _EN["time_ranks"]
TITLE_ROLES = _EN["title_roles"]
US_STATES = _EN["us_states"]
ABBREVIATIONS = _EN["abbreviations"]
ORGANISATION_NOUNS = _EN["organisation_nouns"]
BUSINESS_NOUNS = _EN["business_nouns"]
NOT_NAME_WORDS = _EN["not_name_words"]  # 'an appeals court Tuesday ruled': a day is no body's name
OFFICE_NOUNS = _EN["office_nouns"]
# Words that end the phrase before a name: the name's role never reaches past them.
_PHRASE_ENDS = _EN["determiners"] | _EN["prepositions"] | _EN["clause_openers"] | {"and", "or", "but", "said", "says"}

# Every way a state is written ('Florida', 'FL', 'Fla.'), without full stops, to its name.
_STATE_FORMS = {form: state for state, forms in US_STATES.items() for form in [state, *forms.split()]}
# 'Sen. Ana Ruiz (D-Vt.)', 'Rep. Tom Kale, R-Fla.,': a party's letter and a state right after the name
_TAG = re.compile(r"\s*(?:\(|,\s*)([RDI])\s*[-–]\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)\s*[),]")
_OF_STATE = re.compile(r"\s+of\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w'’-]| [A-Z])")  # 'Sen. Tom Kale of Texas'
# 'sportswear firm Umbro', 'budget airline Ryanair': a body named right after the noun of what it is,
# itself after a word that describes it (not 'the company Ana Ruiz founded'); anchored on the noun.
_BODY = re.compile(r"(?<![\w'’-])([A-Za-z][\w'’-]*)[ \t]+(" + "|".join(sorted(ORGANISATION_NOUNS)) +
                   r")[ \t]+([A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3})")
# 'the Low Pay Commission', 'Continental Airlines': a body's name that ends on the noun of what it is (or its
# plural); anchored on the capitalised noun, whose name is read backwards a word at a time.
_KIND_OF_BODY = re.compile(r"(?<![\w'’-])(" + "|".join(sorted(n.capitalize() for n in ORGANISATION_NOUNS)) +
                           r")s?(?![\w'’-])(?![ \t]+(?:[A-Z]|of[ \t]|for[ \t]))")
_WORD_BEFORE = re.compile(r"([\w&'’.\-]+)[ \t]+$")
_INSIDE_NAME = frozenset({"and", "&", "of", "for", "on"})  # 'Work and Pensions Committee'
_MOST_NAME_WORDS = 6
_NOT_NAMING = _EN["determiners"] | _EN["clause_openers"] | NOT_NAME_WORDS | {"his", "her", "its", "their", "our"}
_NOT_DESCRIBING = _EN["determiners"] | _EN["prepositions"] | {"his", "her", "its", "their", "our", "my", "your", "and", "or"}
_MOST_HOLDERS = 40  # people holding one role that a description is matched against
_WORD = re.compile(r"[\w'’.\-]+|[^\w\s]")


@dataclass(frozen=True)
class Profile:
    """What the story said about a person where it named them."""
    roles: frozenset[str] = frozenset()  # 'senator', 'lieutenant governor'
    states: frozenset[str] = frozenset()  # 'florida'
    parties: frozenset[str] = frozenset()  # 'republican'
    words: frozenset[str] = frozenset()  # other capitalised modifiers, lower case: 'white', 'house'

    def __or__(self, other: Profile) -> Profile:
        return Profile(self.roles | other.roles, self.states | other.states, self.parties | other.parties,
                       self.words | other.words)

    def __bool__(self) -> bool:
        return bool(self.roles or self.states or self.parties)


@dataclass(frozen=True)
class Description:
    """'the independent Vermont senator': a role (or a party: 'the Kentucky Republican') and modifiers."""
    head: str
    modifiers: Profile
    former: bool = False  # 'the former Florida governor': one introduced as governor, then or now

    def keys(self) -> tuple[str, ...]:
        """The roles it matches: 'the Florida governor' is not one introduced as 'former Florida Gov.'."""
        return (self.head, f"former {self.head}") if self.former else (self.head,)


def state_of(written: str) -> str | None:
    """'Fla.', 'FL', 'Florida', 'N.Y' -> the state's name; anything else None."""
    return _STATE_FORMS.get(written.lower().replace(".", "").strip())


def _role_nouns(word: str) -> tuple[str, ...]:
    """'Sen.' -> senator, 'governor' -> governor, 'secretary' -> secretary; 'Florida' -> nothing."""
    low = word.lower().rstrip(".")
    return (low,) if low in OFFICE_NOUNS else tuple(sorted(role_nouns(word)))


def read_modifiers(words: list[str]) -> Profile:
    """The roles, states, parties and capitalised words of a phrase ('Florida Sen.', 'a Florida
    Democrat', 'Lt. Gov.'). A rank before a role makes one role of both ('lieutenant governor');
    'former' holds until the role it qualifies ('former Florida Gov.' gives 'former governor')."""
    roles, states, parties, others = set(), set(), set(), set()
    rank, former = "", ""
    i = 0
    while i < len(words):
        word = words[i].strip(",;:")
        low = word.lower().rstrip(".")
        pair = " ".join(words[i:i + 2]).lower()
        if i + 1 < len(words) and pair in US_STATES and word[:1].isupper() and words[i + 1][:1].isupper():
            states.add(pair)
            i += 2
            continue
        nouns = _role_nouns(word)
        if low in TIME_RANKS:
            former = "former "
        elif low in ROLE_RANKS or (nouns and nouns[0] in ROLE_RANKS and i + 1 < len(words) and _role_nouns(words[i + 1])):
            rank = (nouns[0] if nouns else low) + " "
            i += 1
            continue
        elif word[:1].isupper() and low in US_STATES:
            states.add(low)
        elif low in PARTY_WORDS:
            parties.add(PARTY_WORDS[low])
        elif nouns and not (word[:1].isupper() and not word.endswith(".") and i + 1 < len(words)
                            and words[i + 1][:1].islower() and _role_nouns(words[i + 1])):
            roles.update(former + rank + noun for noun in nouns)  # not 'Executive' in 'Scottish Executive minister'
            former = ""
        elif word[:1].isupper():
            others.add(low)
        rank = ""
        i += 1
    return Profile(frozenset(roles), frozenset(states), frozenset(parties), frozenset(others))


def profile_beside(text: str, start: int, end: int) -> Profile:
    """How the story introduces the name at text[start:end]: the phrase right before it ('Florida Sen.'),
    a description set off by commas ('Ana Ruiz, a Florida senator,'), a party-state tag after it
    ('(R-Fla.)', ', R-Fla.,') or a state after 'of' ('Sen. Tom Kale of Texas')."""
    before = _WORD.findall(text[max(0, start - 80):start])
    phrase: list[str] = []
    for word in reversed(before[1:] if len(before) > 6 else before):  # the first word may be cut off
        low = word.lower().rstrip(".")
        compound = bool(phrase) and bool(_role_nouns(phrase[0]))  # 'press secretary', 'health minister'
        sentence_end = word.endswith(".") and low not in TITLE_ROLES and low not in ABBREVIATIONS and len(low) > 1
        if (not word[:1].isalpha() or low in _PHRASE_ENDS or word.endswith(("'s", "’s")) or len(phrase) == 6 or sentence_end
                or not (word[:1].isupper() or _role_nouns(word) or low in ROLE_RANKS or low in PARTY_WORDS or compound)):
            break  # 'Ruiz's spokesman Tom Kale': the owner is someone else
        phrase.insert(0, word)
    found = read_modifiers(phrase)
    if not (found.roles or found.parties):
        found = Profile()  # capitals before a name with no role or party are the sentence's, not a role's
    for description in descriptions_beside(text, start, end):
        found = found | read_modifiers(description.split()[1:])
    tag = _TAG.match(text, end)
    if tag and state_of(tag.group(2)):
        found = found | Profile(states=frozenset({state_of(tag.group(2))}),
                                parties=frozenset({PARTY_LETTERS[tag.group(1).lower()]}))
    of_state = _OF_STATE.match(text, end)
    if of_state and state_of(of_state.group(1)) == of_state.group(1).lower():
        found = found | Profile(states=frozenset({of_state.group(1).lower()}))
    return found


def read_description(words: list[str]) -> Description | None:
    """'the Florida senator and Republican presidential candidate' -> senator, {florida}: the first of
    joined descriptions, with at least one modifier. 'the senator' alone is left to the role's last holder."""
    if not words or words[0].lower() != "the":
        return None
    first: list[str] = []
    for word in words[1:]:
        if word.lower() in ("and", "who", "which") or word.startswith(("(", ",")):
            break
        first.append(word.rstrip(","))
        if word.endswith(","):
            break
    if len(first) < 2:
        return None
    head = first[-1].lower()
    if head not in PARTY_WORDS and not _role_nouns(head):
        return None  # 'the White House', 'the New York Times': no person
    modifiers = read_modifiers(first[:-1])
    if modifiers.roles or not (modifiers.states or modifiers.parties or modifiers.words):
        return None  # 'the press secretary' has no modifier; 'the Senate candidate' ... two roles, left alone
    rank = next((w.lower() for w in reversed(first[:-1]) if w.lower() in ROLE_RANKS - TIME_RANKS), "")
    former = any(w.lower() in TIME_RANKS for w in first[:-1])
    return Description(f"{rank} {head}".strip() if head not in PARTY_WORDS else head, modifiers, former)


class People:
    """The profile of each person the story introduced, read as the story goes."""

    def __init__(self) -> None:
        self._profiles: dict[str, Profile] = {}
        self._holders: dict[str, set[str]] = {}  # 'senator', 'republican' -> who was introduced so
        self._bodies: dict[str, set[str]] = {}  # 'firm' -> the bodies introduced as one
        # 'club' when the story spoke of 'the club' before it introduced any: the club it names later
        # ('rival club Harbour City') is another one
        self._unnamed: set[str] = set()

    def learn_bodies(self, text: str) -> None:
        """'UK sportswear firm Umbro has posted ...': Umbro is the firm a later 'the firm said' means."""
        for match in _BODY.finditer(text):
            if match.group(1).lower() not in _NOT_DESCRIBING and match.group(3).split()[0].lower() not in NOT_NAME_WORDS:
                name = " ".join(w.removesuffix("'s").removesuffix("’s") for w in match.group(3).split()).rstrip(".")
                if match.group(2) not in self._unnamed:
                    self._bodies.setdefault(match.group(2), set()).add(name)

    def learn_named_bodies(self, text: str) -> None:
        """'The Low Pay Commission says ...': the commission a later 'the commission said' means."""
        for match in _KIND_OF_BODY.finditer(text):
            words: list[str] = []
            end = match.start()
            while len(words) < _MOST_NAME_WORDS:
                found = _WORD_BEFORE.search(text, max(0, end - 40), end)
                word = found.group(1) if found else ""
                before = _WORD_BEFORE.search(text, max(0, found.start() - 40), found.start()) if found else None
                inside = (word in _INSIDE_NAME and before is not None and before.group(1)[:1].isupper()
                          and not _KIND_OF_BODY.fullmatch(before.group(1)))  # 'Harbour Airlines and Coastal Airlines'
                if (not (word[:1].isupper() or inside) or word.endswith((".", "'s", "’s"))
                        or word.lower() in _NOT_NAMING and not inside):
                    break  # 'The', 'Meanwhile', 'Britain's': a capital of the sentence, or an owner
                words.insert(0, word)
                end = found.start()
            while words and words[0] in _INSIDE_NAME:
                words.pop(0)
            noun = match.group(1).lower()
            if words and not is_first_name(words[0]) and noun not in self._unnamed:  # 'Tom Church' is a person
                self._bodies.setdefault(match.group(1).lower(), set()).add(" ".join(words + [match.group(0)]))

    def unnamed(self, noun: str) -> None:
        """The story spoke of 'the club' (``noun``) when it had introduced no one club: a reader takes it
        for the body the story is about, not one it introduces as a club later."""
        if noun not in self._bodies:
            self._unnamed.add(noun)

    def is_body(self, name: str) -> bool:
        """Whether the story introduced ``name`` as a body ('rights group Harbour Watch')."""
        return any(name in names for names in self._bodies.values())

    def body(self, noun: str, latest_first: Iterable[tuple[Speaker, str | None]],
             story_word: Callable[[str], bool]) -> Speaker | None:
        """The body 'the firm' means: the one the story introduced as a firm ('copy protection firm
        Macrovision'), else the name mentioned last when it can only be a body's (``latest``: that
        speaker and the gender the story gave it). 'Oracle has announced ... The company said': a
        capitalised word standing alone, of no gender, no first name and no part of a person's full
        name the story gives (``story_word``), is what the company is called. ``latest_first``: the
        speakers mentioned, with the gender the story gave them, the latest first."""
        named = self._bodies.get(noun, set())
        if len(named) == 1:
            return Speaker(next(iter(named)), "organisation", noun)
        latest = next(iter(latest_first), None)
        if named or latest is None or noun not in BUSINESS_NOUNS:
            return None
        speaker, gender = latest
        if (speaker.kind == "person" and " " not in speaker.name and gender is None and speaker.name.istitle()
                and not story_word(speaker.name) and not is_first_name(speaker.name)):
            return Speaker(speaker.name, "organisation", noun)
        return None

    def note(self, name: str, profile: Profile) -> None:
        if profile:
            self._profiles[name] = self._profiles.get(name, Profile()) | profile
            for key in profile.roles | profile.parties:
                self._holders.setdefault(key, set()).add(name)

    def resolve(self, words: list[str], latest_first: Iterable[Speaker]) -> str | None:
        """The one person 'the Florida senator' (words) points back to, or None. ``latest_first``: the
        speakers the story mentioned, the latest first."""
        described = read_description(words)
        if described is None or not self._profiles:
            return None
        wanted = described.modifiers
        holders = set().union(*(self._holders.get(PARTY_WORDS.get(key, key), set()) for key in described.keys()))
        if len(holders) > _MOST_HOLDERS:
            return None  # a roll call of senators: a description stays as written, and the look-up stays short
        matching = [name for name in holders if wanted.states <= self._profiles[name].states
                    and wanted.parties <= self._profiles[name].parties and wanted.words <= self._profiles[name].words]
        if len(matching) == 1:
            return matching[0]
        last_person = next((speaker.name for speaker in latest_first if speaker.kind == "person"), None)
        if matching or last_person is None or described.head in PARTY_WORDS:
            return None  # two Florida senators; 'the Kentucky Republican' needs the party the story gave
        known = self._profiles.get(last_person, Profile())
        if (known.roles & set(described.keys()) and not (known.states and wanted.states) and wanted.words <= known.words
                and not (known.parties and wanted.parties - known.parties)):
            return last_person  # 'Sen. Ana Ruiz responded first. "...," the Florida senator said.'
        return None
