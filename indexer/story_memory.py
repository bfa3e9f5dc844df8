"""What a reader of the story knows so far, to tell who a phrase names.

A Memory holds the full names seen (so "Roth" is Kenneth Roth), acronyms defined ("Human Rights
Watch (HRW)"), who published a report, the words the story writes in lower case, and the people
and organisations mentioned most recently (so "she added" and "it said" find their speaker, as
pronouns.py resolves). names.py turns a phrase into a Speaker with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .constants import LEXICONS
from .model import Speaker
from .name_book import NameBook
from .descriptions import People, profile_beside
from .first_names import gender_of_first_name, is_first_name
from .introductions import definite_descriptions, roles_introduced
from .mentions import UNNAMED, Entity
from .name_parts import NAME_PARTICLES, acronym_source
from .names import speaker_from_phrase
from .speaker_check import (
    bare_name, describing_word_before_name, headline_words, is_common_role, is_person_noun, names_written_alone,
)

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
CLAUSE_OPENERS = _EN["clause_openers"]
DETERMINERS = _EN["determiners"]
DOCUMENT_NOUNS = _EN["document_nouns"]
FIRST_NAME_LOOKALIKES = _EN["first_name_lookalikes"]
ORGANISATION_NOUNS = _EN["organisation_nouns"]
ORGANISATION_WORDS = _EN["organisation_words"]
PRONOUNS = _EN["pronouns"]

SENTENCE_STARTERS = CLAUSE_OPENERS | DETERMINERS | set(PRONOUNS) | {
    "if", "but", "and", "so", "because", "what", "how", "why", "first", "second", "third", "now", "here", "there"}

# An acronym in brackets; the name it abbreviates is read backwards word by word (never by a
# pattern with nested repetition, which backtracks for minutes over a run of capitalised words).
_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
_WORD_BEFORE = re.compile(r"([\w'’\-]+)\s*$")
# A capitalised word right before a document's noun ('A Human Rights Watch report'); anchored on the
# capital, so the pattern is tried only where one stands.
_DOCUMENT = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]*[ \t]+(" + "|".join(sorted(DOCUMENT_NOUNS)) + r")\b")
_TITLE_OF = re.compile(r"\b(?:(?:of|for)(?: the)?|to the) $")  # ("Secretary to the Treasury Ana Ruiz")
_MASKED = re.compile(r"Xx*")  # a capitalised word inside a quotation, as sentences.mask leaves it
# Read up to a word's first letter: the word opens a sentence, or a quotation (not a cue after one: '," Will Kale said').
_OPENS_SENTENCE = re.compile(r"(?:\A|[.?!]\s+|\n|[\"“])\S\Z")
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’\-]+")
_THINGS = ORGANISATION_NOUNS | DOCUMENT_NOUNS  # nouns that name no person
# The capitalised name closing a description after its last 'for', 'of' or 'at' ('a spokesman for the Harbour
# Board'); a name's own small words ('Reporters Without Borders', 'Bank of Harbours') stay inside it.
_SPOKEN_FOR = re.compile(r"\b(?:for|of|at) ((?:the )?[A-Z][\w&'’.\-]*(?: (?:[A-Z][\w&'’.\-]*|of|and|for|on))*)$")
# A role in apposition that closes the sentence (', editor of a paper.'); a relative clause or a list goes on.
_CLOSING_ROLE = re.compile(r", (?!who\b|which\b|whose\b)[a-z][^,;:\n]*[.!?]?\s*\Z")
_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")
_PHRASE_WORD = re.compile(r"-[a-z]")  # a phrase made one word ('Man-of-the-match'), never a name's ('Lee-Harwood')
_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z][a-z]+(?![\w'’\-])")
# A name's word may hold capitals after a letter, apostrophe or hyphen (McDonald, Murphy-O'Connor; cut there,
# 'he' found "Gary O'"). A match starts only where a word starts: a long word of capitals is read once.
_NAME_WORD = r"[A-Z][a-z'’\-]+(?:[A-Z][a-z'’\-]+)*"
# Lower-case particles sit between a name's words ('Ursula von der Leyen', 'Anwar al-Awlaki'); each is a
# fixed word before a capital, so the pattern stays linear.
_PARTICLES = "|".join(sorted(NAME_PARTICLES | {"el"}))
_FULL_NAME = re.compile(rf"(?<![\w\-])(?<!\w['’]){_NAME_WORD}(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,2}}"
                        rf"(?:[A-Z]\.|(?:(?:{_PARTICLES})-)?{_NAME_WORD})){{1,7}}\b")


@dataclass
class Memory:
    full_names: NameBook = field(default_factory=NameBook)
    later_names: NameBook = field(default_factory=NameBook)  # full names the story gives further on
    common_words: set[str] = field(default_factory=set)  # words the story writes in lower case
    acronyms: dict[str, str] = field(default_factory=dict)
    recent: list[Entity] = field(default_factory=list)  # most recent last
    authors: dict[str, Speaker] = field(default_factory=dict)  # "report" -> who published the report
    capitalised: set[str] = field(default_factory=set)  # words seen capitalised mid-sentence
    names_alone: set[str] = field(default_factory=set)  # capitals the story writes as a name of their own
    introduced: dict[str, str] = field(default_factory=dict)  # "minister" -> the last person introduced so
    introduced_with: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> the text before and after it
    role_holders: dict[str, set[str]] = field(default_factory=dict)  # "minister" -> everyone introduced so
    people: People = field(default_factory=People)  # how each person was introduced: 'the Florida senator'
    described_as: dict[str, set[str]] = field(default_factory=dict)  # "bishop of harbourton" -> who it was beside
    sentence: str = ""  # the sentence being read
    # who the text learnt last introduced with a role after their name ('Tom Kale, editor of a paper'), and the role
    introduced_after: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    # The person the sentence before was about, when it quoted nobody and its subject named one ('Kale was
    # full of praise.'): an epithet right after it ('said the Harbour striker') is them.
    subject_before: Speaker | None = None
    # bare_name's answers for this story's common words: a story's names are read twice, whole by
    # look_ahead and then sentence by sentence, and the look-ahead's Memory shares this one's
    bare_names: dict[tuple[str, ...], list[str]] = field(default_factory=dict, repr=False)

    def is_known_name(self, word: str) -> bool:
        """Whether a capitalised first word of a sentence is a name, not just capitalised there."""
        bare = word.rstrip("'’s")
        if word.isupper() or bare in self.capitalised or word in self.capitalised:
            return True
        if self.full_names.has_word(bare):
            return True
        low = word.lower()
        if low in SENTENCE_STARTERS or low.endswith(("ed", "ing", "ly")):
            return False  # "According", "Pressed", "Speaking", "Further": capitals of the sentence
        return not (low.endswith("s") or low in _THINGS)

    def learn_text(self, text: str, introductions: bool = True) -> None:
        """Register full names and acronym definitions from any sentence of the document."""
        self.introduced_after = []
        self.capitalised.update(w for w in _MID_SENTENCE_CAPITAL.findall(text) if not _MASKED.fullmatch(w))
        for match in _ACRONYM.finditer(text):
            name = acronym_source(text, match.start())
            if name and name[0].upper() == match.group(1)[0]:
                # 'State Administration of Radio, Film and Television (SARFT)': read back to the comma, the
                # words found open on another letter than the acronym; a name cut short is none. A plural's
                # apostrophe goes, as names.py drops it: 'Harbour Pilots' Association' is one speaker either way
                name = re.sub(r"(?<=s)['’](?= )", "", name)
                name = name.removesuffix("'s").removesuffix("’s")  # "Harbour Bank's (HB) shares": the owner's acronym
                self.acronyms.setdefault(match.group(1), name)
        for match in _DOCUMENT.finditer(text):
            author = self._author_before(text, match.start(1))
            if author:
                self.authors[match.group(1).lower()] = author
        if introductions:
            self.people.learn_bodies(text)
            self.people.learn_named_bodies(text)
        for match in _FULL_NAME.finditer(text):
            words = match.group().split()
            opens = _OPENS_SENTENCE.search(text, max(0, match.start() - 3), match.start() + 1)
            if words[0].lower() in SENTENCE_STARTERS or (words[0].lower() in FIRST_NAME_LOOKALIKES and opens):
                # "When Borger brought up ...": the capital is the sentence's; so is the 'Will' of a question
                # ("Will Kale step down?"), which only in a sentence ('actor Will Kale') is a first name
                words = words[1:]
            elif len(words) >= 3 and _TITLE_OF.search(text, max(0, match.start() - 8), match.start()):
                words = words[1:]  # "Minister of Harbours Tom Kale": the title's object is no part of the name
            if any(_MASKED.fullmatch(w) for w in words):
                continue  # quoted words, masked: 'Xx Xxxxx' is no one's name
            words[-1] = words[-1].removesuffix("'s").removesuffix("’s")  # "Aung San Suu Kyi's allies"
            name = self._bare_name(words)
            if describing_word_before_name(name, self.capitalised) or len(name) > 2 and _PHRASE_WORD.search(name[0]):
                name = name[1:]  # "Defiant Ana Ruiz says", "Man-of-the-match Tom Kale": the sentence's word, a role
            if len(name) == 2 and (is_common_role(name[0], self.common_words) or opens and is_person_noun(name[0])
                                   and not is_first_name(name[0]) and name[0] == words[0]):
                # "Donor Adelson": a role the story writes in lower case, and a surname; "Olympian Kale" opening a
                # sentence: a person's noun the sentence capitalised, which is no first name
                continue
            if 2 <= len([w for w in name if w not in NAME_PARTICLES]) <= 4 and not any(w.lower() in ORGANISATION_WORDS for w in name) and not headline_words(
                    name, self.common_words):
                self.full_names.add(" ".join(name))
                if introductions:
                    roles = roles_introduced(text, match.start(), match.end())
                    closing = _CLOSING_ROLE.match(text, match.end())
                    if closing and is_first_name(name[0]) and not _PERSONAL.search(text, 0, match.start()) and (
                            roles or any(is_person_noun(w) for w in closing.group().split()[1:4])):
                        # 'the choice of Tom Kale, editor of a paper.', not 'But she met Ana Ruiz, her aunt.'
                        self.introduced_after.append((" ".join(name), roles))
                    if roles:
                        self.introduced.update(dict.fromkeys(roles, " ".join(name)))
                        for role in roles:
                            self.role_holders.setdefault(role, set()).add(" ".join(name))
                        self.introduced_with[" ".join(name)] = (text[max(0, match.start() - 70):match.start()],
                                                                text[match.end():match.end() + 70])
                    for description in definite_descriptions(text, match.start(), match.end()):
                        self.described_as.setdefault(description, set()).add(" ".join(name))
                    first = text.find(name[0], match.start(), match.end())  # after 'Florida Governor' in the run
                    self.people.note(" ".join(name), profile_beside(text, max(first, match.start()), match.end()))

    def _bare_name(self, words: list[str]) -> list[str]:
        key = tuple(words)
        found = self.bare_names.get(key)
        if found is None:
            found = self.bare_names[key] = bare_name(words, self.common_words)
        return list(found)

    def mention(self, entity: Entity) -> None:
        body = self._body_spoken_for(entity.speaker)
        if body:  # mentioned first: the spokesman stays the last one mentioned
            self._remember(Entity(body, head=body.name.split()[-1].lower()))
        if entity.speaker.kind == UNNAMED:
            self.people.unnamed(entity.head)
        self._remember(entity)

    def mention_introduced(self, about: Speaker | None) -> None:
        """'Staunton is also the choice of Tom Kale, editor of a paper. But he predicted ...': the person a sentence
        that quoted nobody introduced with their role after the name is the one a 'he' after it means, unless the
        sentence was about a person who may be a 'he' too (``about``, its subject)."""
        if not self.introduced_after:
            return
        name, roles = self.introduced_after[-1]
        gender = gender_of_first_name(name.split()[0])
        if about is not None and about.name != name and (about.kind != "person" or gender is None or (
                gender_of_first_name(about.name.split()[0]) in (None, gender))):
            return
        self.mention(Entity(Speaker(name, "person"), head=name.split()[-1].lower(), gender=gender, roles=roles))

    def _remember(self, entity: Entity) -> None:
        self.recent = [e for e in self.recent if e.speaker != entity.speaker][-40:] + [entity]

    def _body_spoken_for(self, speaker: Speaker) -> Speaker | None:
        """'a spokesman for Harbour Watch': a reader has met the body too, so a later 'the organisation
        said' or 'it said' may mean it. Only a body: the capitalised name after the description's last
        'for', 'of' or 'at' is one by its words ('the Harbour Board') or because the story introduced it
        as one ('rights group Harbour Watch'); 'a spokesman for Tom Kale' mentions a person, not a body."""
        if speaker.kind not in ("anonymous", "descriptive"):
            return None
        match = _SPOKEN_FOR.search(speaker.name)
        if not match:
            return None
        found = speaker_from_phrase(match.group(1), self, learn=False)
        if found and found.kind == "organisation":
            return found
        name = match.group(1).removeprefix("the ")
        return Speaker(name, "organisation") if self.people.is_body(name) else None

    def _author_before(self, text: str, noun: int) -> Speaker | None:
        """'A Human Rights Watch report': the capitalised words right before a document's noun wrote it."""
        words: list[str] = []
        end = noun
        while len(words) < 6:
            found = _WORD_BEFORE.search(text, max(0, end - 40), end)
            if not found or not found.group(1)[:1].isupper():
                break
            words.insert(0, found.group(1))
            end = found.start()
        while words and words[0].lower() in SENTENCE_STARTERS:
            words.pop(0)  # "The Human Rights Watch report": the sentence's capital
        if not words:
            return None
        author = speaker_from_phrase(" ".join(words), self, learn=False)
        return author if author and author.kind in ("organisation", "person") else None

    def look_ahead(self, text: str) -> None:
        """Read the whole story's full names first: 'Cruz said' in the lead is the Ted Cruz named below."""
        self.common_words = set(_LOWER_WORD.findall(text))
        self.bare_names = {}  # answers for the words before are no answers for these
        ahead = Memory(common_words=self.common_words, bare_names=self.bare_names)
        ahead.learn_text(text, introductions=False)  # only its names are read
        self.later_names = ahead.full_names
        self.names_alone = names_written_alone(text)

    def full_name(self, name: str) -> str:
        """'Roth' -> 'Kenneth Roth' when a Kenneth Roth was named; 'HRW' -> 'Human Rights Watch'."""
        if name in self.acronyms:
            return self.acronyms[name]
        found = self._full_name(name, self.full_names)
        parts = name.split()
        if found == name and self.later_names:
            later = self.later_names.ending_with(parts)
            if len({tuple(f.split()) for f in later}) == 1:
                return later[0]  # only when the story names one such person
        if found == name and len(parts) == 1 and not (
                self.full_names.has_last_word(name) or self.later_names.has_last_word(name)):
            # "Shin said" after "Shin Dong Hyuk", "Olena said" after "Olena Petrenko": a name's first
            # word, unless some name of the story ends in it ("Trump" is Donald Trump named later,
            # not "Trump Tower" named before).
            firsts = [full for full in self.full_names.starting_with(name) if full not in self.sentence]
            return (firsts or [name])[0]
        return found

    def _full_name(self, name: str, full_names: NameBook) -> str:
        parts = name.split()
        candidates = full_names.ending_with(parts)
        # 'Clinton declared of Hillary Clinton': a writer does not name one person both ways in a sentence.
        others = [full for full in candidates if full not in self.sentence]
        if len(set(others)) > 1:
            # "Again Roddick broke first" beside Andy Roddick: a word the story writes in lower case,
            # and no first name, opened the sentence; it is no one's first name.
            named = [full for full in others if not self._opener_stuck_to(full)]
            others = named or others
        if len(set(others)) > 1:
            # "Hillary Clinton will not be happy ... her husband, Bill Clinton": 'Clinton' is the one
            # who was a subject or a speaker, not the one named in passing most recently.
            spoke = [e.speaker.name for e in reversed(self.recent) if e.speaker.name in others]
            if spoke:
                return spoke[0]
        return (others or [name])[0]

    def _opener_stuck_to(self, full: str) -> bool:
        first = full.split()[0]
        return first.lower() in self.common_words and not is_first_name(first)
