"""Speakers that are likely one person under two names: a bare surname and the one full name it ends.

Within a story a surname already resolves to the full name the story gave. Across the archive a
bare 'Parry' and 'Rick Parry' stay two speakers, since two documents may mean two people (the
Blairs, the Clintons), and only a person may merge them (indexer.speaker_corrections). This rule
finds the pairs worth their look; it merges nothing. `flask speakers --merges` prints them as lines
for the correction file and the speaker page of the bare name mentions the full one.

A pair is proposed when a one-word speaker ('Fox'), or a form of address and a surname ('Mr Fox'),
is the last word of exactly one full name in the archive that opens on a first name ('Liam Fox').
It is only listed, as ambiguous, when several full names end in it, or when the word is also a
common first name or this archive's first name of someone ('John': 'Elton John', 'John Prescott').
A word or a full name that is not a person's name (a common noun, a description, a body) never
pairs. A proposal is marked doubtful, for a person to check first, when the surname's own stories
give it another first name ('Chris Fox') or call it a peer ('Lord Archer') the full name never is.
A text rule: no Whoosh, no Flask.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .constants import LEXICONS
from .first_names import first_name_popularity, gender_of_first_name, is_first_name
from . import speaker_check
from .speaker_corrections import name_key
from .speaker_check import DETERMINERS, NOT_NAME_WORDS, PERSON_NOUNS, PRONOUNS, is_body_name, is_demonym, plausible_name
from .speaker_variants import variant_key
from .suspect_speakers import why_suspect

_EN = LEXICONS["en"]
ADDRESS_TITLES = _EN["address_titles"]
GENDER_OF_HONORIFIC = _EN["gender_of_honorific"]
ORGANISATION_WORDS = _EN["organisation_words"]
# first_name_popularity at which a word is a first name first ('John' 10, 'Sharon' 7, 'Howard' 5),
# below which a surname ('Parry' 1, 'Reid' 1, 'Bach' 3, 'Lewis' 4).
COMMON_FIRST_NAME = 5
# Lower-case words inside a person's name ('Ludwig van Beethoven', nameparser's prefixes); 'of', 'for',
# 'the' and 'and' make a body's name ('Church of England') instead.
NAME_PARTICLES = speaker_check.NAME_PARTICLES - {"of", "for", "the", "and", "on", "&"}
# Words gender-guesser also knows as first names ('The', 'In', 'Will', 'May'): not one at a sentence's start.
SMALL_WORDS = DETERMINERS | NOT_NAME_WORDS | frozenset(PRONOUNS)


@dataclass(frozen=True)
class SpeakerFacts:
    """What the archive knows of one speaker (a name as shown), as evidence for a pair."""

    quotes: int
    records: int  # quotes, turns and every other record with this speaker
    documents: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()  # forms of address written before the name ('mr', 'lord')
    # full names ending in its surname that its documents' text gives ('Chris Fox'), where read
    story_names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Merge:
    """`alias` is likely `canonical`; `doubt` says why to read the stories first (None: no doubt found)."""

    alias: str
    canonical: str
    doubt: str | None = None


@dataclass(frozen=True)
class Ambiguous:
    """`alias` could be any of `candidates` (full names ending in it), or a first name of `first_name_of`."""

    alias: str
    candidates: tuple[str, ...]
    first_name_of: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class Pairing:
    """The names that could pair, by their words alone, before any evidence is read."""

    surname_of: Mapping[str, tuple[str, ...]]  # short name -> full names ending in its surname
    first_name_of: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # short name -> full names opening on it

    def names(self) -> set[str]:
        """Every name a judgement reads facts of."""
        found = set(self.surname_of)
        for names in (*self.surname_of.values(), *self.first_name_of.values()):
            found.update(names)
        return found


@dataclass(frozen=True)
class MergeProposals:
    merges: tuple[Merge, ...]  # no doubt found first, then the doubtful; most quotes first within each
    ambiguous: tuple[Ambiguous, ...]


def name_shaped(word: str) -> bool:
    """'Parry', 'McCaskill', "O'Sullivan", 'Kilroy-Silk', 'Benítez' -> True; 'MPs', 'LSE', 'company' -> False."""
    if len(word) < 2 or not word[0].isupper() or not word[-1].islower():
        return False
    if not all(ch.isalpha() or ch in "-'’" for ch in word):
        return False
    return not any(a.isupper() and b.isupper() for a, b in zip(word, word[1:]))  # an acronym, not a name


def short_form(name: str) -> tuple[str | None, str] | None:
    """'Fox' -> (None, 'Fox'), 'Mr. Fox' -> ('mr', 'Fox'); None for anything else.

    A word alone must read as a person's surname: not a common noun, a title, a nationality or a
    fragment (suspect_speakers, speaker_check), and not a body's noun ('Ministry')."""
    words = name.split()
    if len(words) == 2 and words[0].lower().rstrip(".") in ADDRESS_TITLES and name_shaped(words[1]):
        return words[0].lower().rstrip("."), words[1]
    if len(words) != 1 or not name_shaped(name) or why_suspect(name):
        return None
    # Only listed nouns: the suffix rule of is_person_noun would take 'Archer' and 'Faulkner' too.
    if not plausible_name(words, "person") or name.lower() in PERSON_NOUNS or is_demonym(name):
        return None
    return None, name


def full_name(name: str) -> tuple[str, ...] | None:
    """A person's name of two to four words, forms of address off: 'Sir Alex Ferguson' -> ('Alex', 'Ferguson').

    None for a description ('a spokesman for Mr Blair'), a body ('Bank of England', 'Liverpool FC'),
    a fragment, or a form of address with one word ('Lord Falconer' is a short form)."""
    words = name.split()
    if len(words) < 2 or short_form(name) or why_suspect(name):
        return None
    while len(words) > 2 and words[0].lower().rstrip(".") in ADDRESS_TITLES:
        words = words[1:]
    if len(words) > 4 or not name_shaped(words[-1]) or is_body_name(words):
        return None
    if any(w.lower().strip(".,") in ORGANISATION_WORDS for w in words[:-1]):
        return None  # 'News Corp Fox', 'Channel Four': a surname may be such a word ('Liam Fox'), no other
    if not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words):
        return None
    return tuple(words) if plausible_name(words, "person") else None


def _opens_on_first_name(words: tuple[str, ...]) -> bool:
    first = words[0].rstrip(".")
    return (len(first) == 1 and first.isupper()) or is_first_name(first)  # 'J. Allard', 'Rick Parry'


def _same_first_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'Liam' and 'Liam', 'J.' and 'James': the same first name, as far as the words tell."""
    x, y = variant_key(a[0]), variant_key(b[0])
    return x == y or (min(len(x), len(y)) == 1 and x[:1] == y[:1])


def full_names_in_text(text: str, surname: str) -> frozenset[str]:
    """'... president Chris Fox said. Mr Fox added ...', 'Fox' -> {'Chris Fox'}: a first name (or an
    initial), with a middle initial or not, written right before the surname ('George W Bush').

    Found from each whole-word occurrence of the surname, looking back three words: linear in the text."""
    found = set()
    for match in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])", text):
        if not text[match.start() - 1:match.start()].isspace():
            continue  # 'Fox-Smith', '(Fox': not a first name's neighbour
        words = text[max(0, match.start() - 80):match.start()].split()[-3:]
        words = [""] * (3 - len(words)) + words  # '' before the text's first word: a sentence starts there
        if _is_initial(words[2]) and _opens_name(words[1], _ends_sentence(words[0])):
            found.add(f"{words[1]} {words[2]} {surname}")  # 'George W Bush', 'J. K. Rowling'
        elif _opens_name(words[2], _ends_sentence(words[1])):
            found.add(f"{words[2]} {surname}")
    return frozenset(found)


def _ends_sentence(word: str) -> bool:
    return not word or word.endswith((".", "!", "?", '"', "”"))


def _is_initial(word: str) -> bool:
    bare = word.rstrip(".")
    return len(bare) == 1 and bare.isupper()


def _opens_name(word: str, sentence_start: bool) -> bool:
    """A first name or an initial; not a form of address ('Mr', 'Lord'), a sentence's last word
    ('... Morgan. Parry said'), or a small word opening a sentence ('The Bush administration', 'In
    Parry's view'; but '... designer Will Wright')."""
    if _is_initial(word):
        return True
    low = word.lower()
    if not low:
        return False
    if word.endswith(".") or low in ADDRESS_TITLES or (sentence_start and low in SMALL_WORDS):
        return False
    return is_first_name(word)


def pairing(names: Iterable[str]) -> Pairing:
    """Which short names end which full names, by their words (and spelling variants) alone.

    A full name is checked only when its first or last word is some short name's surname: at a
    million passages most of the archive's names are neither."""
    names = list(names)
    short = {}
    for name in names:
        form = short_form(name)
        if form:
            short[name] = form
    surnames = {variant_key(surname) for _, surname in short.values()}
    by_last, by_first = {}, {}
    for name in names:
        words = name.split()
        if name in short or len(words) < 2 or not {variant_key(words[0]), variant_key(words[-1])} & surnames:
            continue
        words = full_name(name)
        if words:
            by_last.setdefault(variant_key(words[-1]), []).append(name)
            by_first.setdefault(variant_key(words[0]), []).append(name)
    surname_of, first_name_of = {}, {}
    for name, (_, surname) in short.items():
        key = variant_key(surname)
        if key in by_last:
            surname_of[name] = tuple(sorted(by_last[key]))
            if key in by_first:
                first_name_of[name] = tuple(sorted(by_first[key]))
    return Pairing(surname_of, first_name_of)


def propose_merges(pairs: Pairing, facts: Mapping[str, SpeakerFacts], settled=frozenset(),
                   lang: str = "en") -> MergeProposals:
    """Judge each pair on the evidence in `facts` (name -> SpeakerFacts, for pairs.names()).

    `settled` holds names (case-folded, white space collapsed) the correction file already speaks of:
    a person has decided about them, so they are not proposed again."""
    merges, ambiguous = [], []
    for alias, candidates in pairs.surname_of.items():
        if name_key(alias) in settled:
            continue
        verdict = _judge(alias, candidates, pairs.first_name_of.get(alias, ()), facts, lang)
        if isinstance(verdict, Merge):
            merges.append(verdict)
        elif verdict is not None:
            ambiguous.append(verdict)

    def most_quoted(name: str) -> tuple:
        known = facts.get(name, SpeakerFacts(0, 0))
        return -known.quotes, -known.records, name.casefold()

    merges.sort(key=lambda m: (m.doubt is not None, *most_quoted(m.alias)))
    ambiguous.sort(key=lambda a: most_quoted(a.alias))
    return MergeProposals(tuple(merges), tuple(ambiguous))


def _judge(alias: str, candidates: tuple[str, ...], first_name_of: tuple[str, ...],
           facts: Mapping[str, SpeakerFacts], lang: str) -> Merge | Ambiguous | None:
    title, surname = short_form(alias)
    none = SpeakerFacts(0, 0)
    titles = (set(facts.get(alias, none).titles) | ({title} if title else set())) - LEXICONS[lang]["first_name_titles"]
    genders = {GENDER_OF_HONORIFIC[t] for t in titles if t in GENDER_OF_HONORIFIC}
    if len(genders) > 1:
        return Ambiguous(alias, candidates, (), "addressed both as a man and as a woman")
    if genders:  # 'Mrs Blair' is not 'Tony Blair'
        candidates = tuple(c for c in candidates if gender_of_first_name(full_name(c)[0]) not in
                           {"male", "female"} - genders)
        if not candidates:
            return None
    ranked = tuple(sorted(candidates, key=lambda c: (-facts.get(c, none).quotes, c.casefold())))
    if titles:
        first_name_of = ()  # 'Mr Reid' is a surname even where 'Reid Weingarten' speaks
    if len(ranked) > 1:
        return Ambiguous(alias, ranked, first_name_of, f"{len(ranked)} full names end in {surname!r}")
    if first_name_of:
        return Ambiguous(alias, ranked, first_name_of, f"{surname!r} is also a first name in this archive")
    if not titles and first_name_popularity(surname) >= COMMON_FIRST_NAME:
        return Ambiguous(alias, ranked, (), f"{surname!r} is a common first name")
    canonical = ranked[0]
    if not _opens_on_first_name(full_name(canonical)):
        return None  # 'Bayern Munich', 'Male MPs': not shown to be a person's name
    elsewhere = sorted(n for n in facts.get(alias, none).story_names
                       if not _same_first_name(tuple(n.split()), full_name(canonical)))
    if elsewhere:  # 'Mr Fox' of a story that introduced 'Chris Fox' is not 'Liam Fox'
        return Merge(alias, canonical, f"its stories also name {', '.join(repr(n) for n in elsewhere[:3])}: "
                                       "someone else of that surname may be speaking")
    peerage = titles & LEXICONS[lang]["peerage_titles"]
    if peerage and not peerage & facts.get(canonical, none).titles:
        shown = sorted(peerage)[0].capitalize()
        return Merge(alias, canonical, f"addressed as '{shown} {surname}', which {canonical!r} never is: a peer's "
                                       "title may name someone else")
    return Merge(alias, canonical)
