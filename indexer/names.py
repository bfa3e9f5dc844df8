"""From a noun phrase ("HRW executive director Kenneth Roth", "the group", "she") to a Speaker.

A Memory holds what a reader of the document knows so far: the full names seen (so "Roth" is
Kenneth Roth), acronyms defined ("Human Rights Watch (HRW)"), and the people and organisations
mentioned most recently (so "she added" and "it said" find their speaker, as pronouns.py resolves).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .constants import LEXICONS
from .model import Speaker
from .name_book import Either, NameBook
from .descriptions import People, profile_beside
from .introductions import roles_introduced
from .pronouns import gender_of_phrase, speaker_of_pronoun
from .name_parts import NAME_PARTICLES, acronym_source, is_name_particle, is_particle_surname, name_after_title, owner_noun, role_nouns
from .speaker_check import (
    FRAGMENT_ENDS, bare_name, document_author, headline_words, is_bare_description, is_common_role, is_demonym,
    names_written_alone, plausible_description, plausible_lone_word, plausible_name, split_owner, strip_leading,
    strip_titles,
)

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
CLAUSE_OPENERS = _EN["clause_openers"]
DETERMINERS = _EN["determiners"]
DOCUMENT_NOUNS = _EN["document_nouns"]
ORGANISATION_NOUNS = _EN["organisation_nouns"]
ORGANISATION_WORDS = _EN["organisation_words"]
PREPOSITIONS = _EN["prepositions"]
PRONOUNS = _EN["pronouns"]

FIRST_PERSON = frozenset({"i", "i've", "i'm", "i'd", "i'll", "we", "we've", "we're", "we'd", "we'll", "me", "us"})
SENTENCE_STARTERS = CLAUSE_OPENERS | DETERMINERS | set(PRONOUNS) | {
    "if", "but", "and", "so", "because", "what", "how", "why", "first", "second", "third", "now", "here", "there"}

_NAME_TOKEN = re.compile(r"(?:[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)*|[A-Z]\.|Mc\w+|O'\w+)$")
# An acronym in brackets; the name it abbreviates is read backwards word by word (never by a
# pattern with nested repetition, which backtracks for minutes over a run of capitalised words).
_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")
_WORD_BEFORE = re.compile(r"([\w'’\-]+)\s*$")
# A capitalised word right before a document's noun ('A Human Rights Watch report'); anchored on the
# capital, so the pattern is tried only where one stands.
_DOCUMENT = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]*[ \t]+(" + "|".join(sorted(DOCUMENT_NOUNS)) + r")\b")
_TITLE_OF = re.compile(r"\b(?:of|for)(?: the)? $")
_MASKED = re.compile(r"Xx*")  # a capitalised word inside a quotation, as sentences.mask leaves it
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’\-]+")
_THINGS = ORGANISATION_NOUNS | DOCUMENT_NOUNS  # nouns that name no person
_PHRASE_OPENERS = PREPOSITIONS | {"after", "before", "during", "despite"}
_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z][a-z]+(?![\w'’\-])")
# A name's word may hold capitals after a letter, apostrophe or hyphen (McDonald, Murphy-O'Connor; cut there,
# 'he' found "Gary O'"). A match starts only where a word starts: a long word of capitals is read once.
_NAME_WORD = r"[A-Z][a-z'’\-]+(?:[A-Z][a-z'’\-]+)*"
# Lower-case particles sit between a name's words ('Ursula von der Leyen', 'Anwar al-Awlaki'); each is a
# fixed word before a capital, so the pattern stays linear.
_PARTICLES = "|".join(sorted(NAME_PARTICLES | {"el"}))
_FULL_NAME = re.compile(rf"(?<![\w\-])(?<!\w['’]){_NAME_WORD}(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,2}}"
                        rf"(?:[A-Z]\.|(?:(?:{_PARTICLES})-)?{_NAME_WORD})){{1,5}}\b")
_RELATIVE = re.compile(r",?\s+(?:who|which|whose|that)\b.*$", re.S)
_ANONYMOUS = re.compile(r"\banonym|\bunnamed\b|\bdeclined to be named\b|\bnot authori[sz]ed\b|"
                        r"\basked not to be (?:named|identified)\b|\bwho did not want\b", re.I)


@dataclass
class Entity:
    speaker: Speaker
    head: str  # the noun that names what it is ("association", "trader"), lower case
    gender: str | None = None
    roles: frozenset[str] = frozenset()  # the words of a person's role ("pastor", "leader"), lower case


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
    people: People = field(default_factory=People)  # how each person was introduced: 'the Florida senator'
    sentence: str = ""  # the sentence being read

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
        self.capitalised.update(w for w in _MID_SENTENCE_CAPITAL.findall(text) if not _MASKED.fullmatch(w))
        for match in _ACRONYM.finditer(text):
            name = acronym_source(text, match.start())
            if name:
                self.acronyms.setdefault(match.group(1), name)
        for match in _DOCUMENT.finditer(text):
            author = self._author_before(text, match.start(1))
            if author:
                self.authors[match.group(1).lower()] = author
        if introductions:
            self.people.learn_bodies(text)
        for match in _FULL_NAME.finditer(text):
            words = match.group().split()
            if words[0].lower() in SENTENCE_STARTERS:
                words = words[1:]  # "When Borger brought up ...": the capital is the sentence's
            elif len(words) >= 3 and _TITLE_OF.search(text, max(0, match.start() - 8), match.start()):
                words = words[1:]  # "Minister of Harbours Tom Kale": the title's object is no part of the name
            if any(_MASKED.fullmatch(w) for w in words):
                continue  # quoted words, masked: 'Xx Xxxxx' is no one's name
            words[-1] = words[-1].removesuffix("'s").removesuffix("’s")  # "Aung San Suu Kyi's allies"
            name = bare_name(words, self.common_words)
            if len(name) == 2 and is_common_role(name[0], self.common_words):
                continue  # "Donor Adelson": a role the story writes in lower case, and a surname
            if 2 <= len([w for w in name if w not in NAME_PARTICLES]) <= 4 and not any(w.lower() in ORGANISATION_WORDS for w in name) and not headline_words(
                    name, self.common_words):
                self.full_names.add(" ".join(name))
                if introductions:
                    self.introduced.update(dict.fromkeys(roles_introduced(text, match.start(), match.end()), " ".join(name)))
                    first = text.find(name[0], match.start(), match.end())  # after 'Florida Governor' in the run
                    self.people.note(" ".join(name), profile_beside(text, max(first, match.start()), match.end()))

    def mention(self, entity: Entity) -> None:
        self.recent = [e for e in self.recent if e.speaker != entity.speaker][-40:] + [entity]

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

    def by_head(self, head: str, any_organisation: bool = True) -> Speaker | None:
        """'the association' is the association named before; 'the group' the last organisation.

        'The report' is whoever the story said published the report ('a Human Rights Watch report').
        """
        latest = ((e.speaker, e.gender) for e in reversed(self.recent) if e.speaker.kind != "document")
        if body := self.people.body(head, latest, lambda w: self.full_names.has_word(w) or self.later_names.has_word(w)):
            return body  # 'budget airline Ryanair' ... 'the airline'; 'Microsoft has said ... The company said'
        for entity in reversed(self.recent):
            if (entity.head == head or head in entity.roles) and entity.speaker.kind != "document":
                return entity.speaker  # "the pastor" is the last person the story called a pastor
        if head in self.introduced:
            return speaker_from_phrase(self.introduced[head], self)  # 'Health minister Ana Ruiz' ... 'the minister'
        if head in self.authors:
            author = self.authors[head]
            self.mention(Entity(author, head=author.name.split()[-1].lower()))  # 'It reads:' after it
            return author
        if (head in ORGANISATION_NOUNS or head in DOCUMENT_NOUNS) and any_organisation:
            # "the group said"; "the statement said": the last organisation to speak wrote it
            for entity in reversed(self.recent):
                if entity.speaker.kind == "organisation":
                    return entity.speaker
        return None

    def look_ahead(self, text: str) -> None:
        """Read the whole story's full names first: 'Cruz said' in the lead is the Ted Cruz named below."""
        self.common_words = set(_LOWER_WORD.findall(text))
        ahead = Memory(common_words=self.common_words)
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
            # "Hillary Clinton will not be happy ... her husband, Bill Clinton": 'Clinton' is the one
            # who was a subject or a speaker, not the one named in passing most recently.
            spoke = [e.speaker.name for e in reversed(self.recent) if e.speaker.name in others]
            if spoke:
                return spoke[0]
        return (others or [name])[0]


def _described(speaker: Speaker, memory: Memory, learn: bool, gender: str | None = None) -> Speaker:
    """A named speaker, remembered with the nouns of their role: a later 'the spokeswoman' is them."""
    if learn:
        memory.mention(Entity(speaker, head=speaker.name.split()[-1].lower(), gender=gender, roles=role_nouns(speaker.role)))
    return speaker


def _name_in_capitals(words: list[str], memory: Memory) -> str | None:
    """'CRUZ' is Ted Cruz when the story named him; a heading or dateline word ('WASHINGTON') is nobody.

    Acronyms (FBI, UN) stay as they are.
    """
    name = " ".join(words)
    if len(words) != 1 or not name.isupper() or len(name) < 3 or name in memory.acronyms:
        return name
    word = name.capitalize()
    full = memory.full_name(word)
    if full != word:
        return full
    return name if len(name) < 5 else None  # FEMA, NATO: short capitals are an acronym


def _is_name_token(word: str) -> bool:
    return (bool(_NAME_TOKEN.match(word)) and not re.search(r"-[a-z]", word)) or is_particle_surname(word)


def clean_phrase(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:—–-\"“”'’")
    phrase = re.sub(r"^(?:also|then|later|again|now|just|and|but|so)\s+", "", phrase, flags=re.I)
    return re.sub(r"(?:'s|’s)$", "", phrase)


def speaker_from_phrase(phrase: str, memory: Memory, learn: bool = True,
                        sentence_start: bool = False) -> Speaker | None:
    """The Speaker a noun phrase names, or None when it names nobody a reader could point to."""
    whole = clean_phrase(phrase)
    if len(whole) < 2 or len(whole) > 200:
        return None
    words = whole.split()
    if not any(ch.isalpha() for ch in whole):
        return None  # "30", "2004": a number is nobody
    if words[0].lower().replace("’", "'") in FIRST_PERSON and not (len(words[0]) > 1 and words[0].isupper()):
        return None  # "I've always ...": the writer's own clause, not a name
    if words[-1].lower() in PRONOUNS and words[-1].lower() not in ("her", "him"):
        return speaker_of_pronoun(words[-1], memory)  # "At home he": the pronoun is the subject
    if len(words) > 2 and words[0].lower() in _PHRASE_OPENERS:
        # "In its report on the council's work the committee": the subject follows the phrase.
        starts = [i for i, w in enumerate(words) if i and w.lower() in ("the", "a", "an")]
        if starts:
            words = words[starts[-1]:]
            whole = " ".join(words)
    anonymous = bool(_ANONYMOUS.search(whole))

    # The appositive or relative clause after the name is its role, not its name.
    core, role = whole, None
    relative = _RELATIVE.search(core)
    if relative:
        core = core[:relative.start()]
    if "," in core:
        core, role = core.split(",", 1)
        role = role.strip(" ,") or None
    core = re.sub(r"\s*\([^)]*\)", "", core).strip()
    tokens = core.split()
    if not tokens:
        return None
    if role and tokens[0].lower() in DETERMINERS and 2 <= len(role.split()) <= 4 and all(
            _is_name_token(w) for w in role.split()):
        # "a spokeswoman for the agency, Ana Ruiz": the name in apposition is who the description is
        found = speaker_from_phrase(role, memory, learn=False)
        if found and found.kind == "person":
            return _described(Speaker(found.name, "person", core), memory, learn, gender_of_phrase(tokens, core))

    named = name_after_title(tokens, Either(memory.full_names, memory.later_names))
    if named:
        # "Secretary of State John F. Kerry": a title holding a preposition, then a name the story gives
        title = " ".join(tokens[:len(tokens) - len(named.split())])
        found = speaker_from_phrase(named, memory, learn)
        if found and found.kind == "person":
            return Speaker(found.name, found.kind, f"{title}, {role}" if role else title)
    # The head is before the first preposition: "Jeffrey Lewis of the James Martin Center".
    head_end = next((i for i, w in enumerate(tokens) if i and w.lower() in _PHRASE_OPENERS), len(tokens))
    head_part = tokens[:head_end]
    if "and" in head_part[1:-1]:
        # "David Albright and Serena Kelleher-Vergantini": a joint statement is credited to the first named.
        first = head_part[:head_part.index("and")]
        second = head_part[head_part.index("and") + 1:]
        if first and _is_name_token(first[-1]) and not any(w.lower() in ORGANISATION_WORDS for w in second):
            # ... but "Commons Work and Pensions Committee" is one body's name
            head_part, role = first, (f"with {' '.join(tokens[len(first) + 1:])}" + (f", {role}" if role else ""))
    if tokens[0].lower() == "the":  # 'the Florida senator': the one person the story introduced so
        described = memory.people.resolve(head_part, (e.speaker for e in reversed(memory.recent)))
        found = speaker_from_phrase(described, memory, learn=False) if described else None
        if found and found.kind == "person":
            return _described(Speaker(found.name, "person", " ".join(head_part[1:])), memory, learn)
    alone = len(tokens) > 1 and tokens[1][:1].islower() and tokens[0].lower() in memory.common_words
    if sentence_start and tokens[0][:1].isupper() and (alone or not memory.is_known_name(tokens[0])):
        # "Bigger attacks ...": a capital before a lower-case word, which the story also writes in
        # lower case, is the sentence's, not a name's
        head_part = [head_part[0].lower()] + head_part[1:]
    last = head_part[-1]
    if _is_name_token(last) and not (last.lower() in _THINGS and not last[0].isupper()):
        run_start = len(head_part)
        body = last.lower().strip(".") in ORGANISATION_WORDS
        while run_start > 0 and head_part[run_start - 1].lower() not in DETERMINERS and (
                _is_name_token(head_part[run_start - 1]) or is_name_particle(head_part, run_start - 1) or (
                    body and head_part[run_start - 1] in ("and", "&") and run_start > 1
                    and _is_name_token(head_part[run_start - 2]))):
            run_start -= 1  # "Work and Pensions Committee": a body's name can hold 'and'
        if run_start > 0 and head_part[run_start - 1].lower() in ("a", "an") and not owner_noun(head_part):
            return None  # "wishing a Happy New Year": a person is not 'a' anybody
        owner, raw_run = split_owner(head_part[run_start:])
        run = [w.rstrip("’'").removesuffix("’s").removesuffix("'s") for w in raw_run]
        if not run or not run[0]:
            return None
        lead, run = strip_leading(run)
        while len(run) > 2 and is_common_role(run[0], memory.common_words):
            lead, run = lead + run[:1], run[1:]  # "Referee Ana Ruiz": the story writes "referee" in lower case
        if (len(run) == 2 and is_common_role(run[0], memory.common_words)
                and memory.full_name(run[1]) not in (run[1], " ".join(run))):
            lead, run = lead + run[:1], run[1:]  # "Donor Adelson" in a headline is the Sheldon Adelson named
        name_words = strip_titles(run)
        before = head_part[:run_start] + owner + lead + run[: len(run) - len(name_words)]
        name = _name_in_capitals(name_words, memory)
        if name is None:
            return None
        name = memory.full_name(name)
        if len(name.split()) == 1 and name not in memory.acronyms.values() and not memory.is_known_name(name):
            return None  # "Guns said", "Hours later": a capital of the sentence, no name of the story
        if len(name.split()) == 1 and not plausible_lone_word(
                name, before, memory.names_alone, memory.later_names.ending_with([name])):
            return None  # "Anger over the war ... said": a common word opening the sentence
        orgish = (any(w.lower().strip(".") in ORGANISATION_WORDS for w in name.split())
                  or any(len(w) > 1 and w.isupper() and w.isalpha() for w in name_words)
                  or (head_part[0].lower() == "the" and run_start == 1))
        if head_end < len(tokens) and orgish:
            name = " ".join(tokens)  # "Ministry of Foreign Affairs": the preposition is part of it
        kind = "organisation" if orgish else "person"
        if not plausible_name(name.split(), kind) or (kind == "person" and headline_words(name.split(), memory.common_words)):
            return None
        if kind == "person" and len(name.split()) == 1 and (
                name.lower() in memory.common_words or is_demonym(name)):
            return None  # "Interest said", "Polish": a word the story also writes in lower case, a nationality

        role_text = " ".join(w for w in before if w.lower() not in DETERMINERS) or None
        if role:
            role_text = f"{role_text}, {role}" if role_text else role
        return _described(Speaker(name=name, kind=kind, role=role_text), memory, learn, gender_of_phrase(head_part, ""))

    # A description: "a watchdog group", "the association", "another trader".
    head = next((w.lower() for w in reversed(head_part) if w.isalpha()), head_part[-1].lower())
    determiner = head_part[0].lower()
    if determiner in ("the", "its", "this", "their") and len(head_part) <= 3 and not any(
            w[:1].isupper() for w in head_part[1:]):
        known = memory.by_head(head, any_organisation=len(head_part) == 2)
        if known:
            return known
        if len(tokens) == 2 and is_bare_description(head_part):
            return None  # 'the man', 'the spokeswoman' the story never said who was: no one to name
    author = document_author(head_part)
    capital_of_sentence = sentence_start and author == head_part[:1] and head_part[0] not in memory.capitalised
    if author and len(author) < len(head_part) - 1 + (head_part[0][:1].isupper()) and not capital_of_sentence:
        # ("Ballot papers ask": the sentence's capital wrote nothing)
        return speaker_from_phrase(" ".join(author), memory, learn)  # "a Pentagon readout": its author
    if head in DOCUMENT_NOUNS and determiner in ("the", "this", "that") and learn:
        # Remembered, never returned: an 'it' that follows means the document, whose author is unknown.
        memory.mention(Entity(Speaker(core, "document"), head=head))
        return None
    if tokens[-1].lower() in FRAGMENT_ENDS or not plausible_description(head_part, head):
        return None  # "out a press release", "a statement", "a fourth": no person or body
    description = re.sub(r"^(?:the|The)\s+", "", whole if anonymous and len(whole) < 120 else core)
    first = description.split(" ", 1)[0]
    if first.lower() in DETERMINERS:
        description = first.lower() + description[len(first):]  # "A guard" mid-story is "a guard" too
    if head in ORGANISATION_NOUNS or head in DOCUMENT_NOUNS:
        kind = "organisation"
    elif determiner in ("a", "an", "another", "one", "some", "two", "three", "several") or anonymous:
        kind = "anonymous"
    else:
        kind = "descriptive"
    speaker = Speaker(name=re.sub(r"\s+([,.;:])", r"\1", description), kind=kind, role=None)
    if learn:
        memory.mention(Entity(speaker, head=head, gender=gender_of_phrase(head_part, whole)))
    return speaker
