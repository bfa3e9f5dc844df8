"""From a noun phrase ("HRW executive director Kenneth Roth", "the group", "she") to a Speaker.

What the story has said so far (full names, acronyms, who spoke last) is a story_memory.Memory: "Roth"
is the Kenneth Roth named before, "she added" the last woman who spoke.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .constants import LEXICONS
from .first_names import is_first_name
from .model import Speaker
from .name_book import Either
from .pronouns import gender_of_phrase, speaker_of_demonym, speaker_of_epithet, speaker_of_pronoun
from .name_parts import (
    is_name_particle, is_particle_surname, name_after_title, owner_noun, role_before_name, role_nouns,
)
from .speaker_check import (
    FRAGMENT_ENDS, describing_word_before_name, document_author, headline_words, is_bare_description, is_body_name,
    is_common_role, gender_of_demonym, is_demonym, is_lone_singular, is_person_demonym, is_person_noun, is_plural_rank,
    plausible_description, plausible_lone_word, plausible_name,
    split_owner, split_post_nominals, strip_leading, strip_titles,
)
from .mentions import DOCUMENT, UNNAMED, UNNAMED_PERSON, Entity
from .phrase_edges import clean_phrase

if TYPE_CHECKING:  # story_memory reads an author's phrase with speaker_from_phrase: the Memory is only passed in
    from .story_memory import Memory

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
DETERMINERS = _EN["determiners"]
DOCUMENT_NOUNS = _EN["document_nouns"]
LEGISLATION_NOUNS = _EN["legislation_nouns"]
ORGANISATION_NOUNS = _EN["organisation_nouns"]
ORGANISATION_WORDS = _EN["organisation_words"]
SETTING_BODY_NOUNS = _EN["setting_body_nouns"]
GENERIC_BODY_NOUNS = _EN["generic_body_nouns"]
OFFICE_QUALIFIERS = _EN["office_qualifiers"]
WORK_NOUNS = _EN["work_nouns"]
MEDIA_NOUNS = _EN["media_nouns"]
NOT_SPEAKING_PREPOSITIONS = _EN["not_speaking_prepositions"]
COMPANY_SUFFIXES = _EN["company_suffixes"]
PREPOSITIONS = _EN["prepositions"]
PRONOUNS = _EN["pronouns"]
WEEKDAYS = _EN["weekdays"]
TITLE_WORDS = _EN["title_words"]
SEAT_TITLES = _EN["seat_titles"]

FIRST_PERSON = frozenset({"i", "i've", "i'm", "i'd", "i'll", "we", "we've", "we're", "we'd", "we'll", "me", "us"})

_NAME_TOKEN = re.compile(r"(?:[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)*|[A-Z]\.|Mc\w+|O'\w+)$")
_THINGS = ORGANISATION_NOUNS | DOCUMENT_NOUNS  # nouns that name no person
_PHRASE_OPENERS = PREPOSITIONS | {"after", "before", "during", "despite"}
_RELATIVE = re.compile(r",?\s+(?:who|which|whose|that)\b.*$", re.S)
_ANONYMOUS = re.compile(r"\banonym|\bunnamed\b|\bdeclined to be named\b|\bnot authori[sz]ed\b|"
                        r"\basked not to be (?:named|identified)\b|\bwho did not want\b", re.I)


def _described(speaker: Speaker, memory: Memory, learn: bool, gender: str | None = None) -> Speaker:
    """A named speaker, remembered with the nouns of their role: a later 'the spokeswoman' is them."""
    if learn:
        memory.mention(Entity(speaker, head=speaker.name.split()[-1].lower(), gender=gender, roles=role_nouns(speaker.role)))
    return speaker


def _same_office(words: list[str], head: str, before: str, after: str = "") -> bool:
    """Whether 'the prime minister' (words, its head 'minister') can be one introduced with the text
    ``before`` the name ('Aid minister') and ``after`` it (', the prime minister,'): a word that makes an
    office another one ('prime', 'shadow', 'deputy') is written on both sides or on neither."""
    wanted = {w for w in words if w in OFFICE_QUALIFIERS}
    said = re.findall(r"[a-z\-]+", before.lower())
    heads = [i for i, w in enumerate(said) if w in (head, head + "s")]
    theirs = {said[heads[-1] - 1]} & OFFICE_QUALIFIERS if heads and heads[-1] else set()
    return theirs <= wanted and wanted <= set(said) | set(re.findall(r"[a-z\-]+", after.lower()))


def _known_by_head(head: str, memory: Memory, any_organisation: bool = True, words: list[str] = ()) -> Speaker | None:
    """'the association' is the association named before; 'the group' the last organisation.

    'The report' is whoever the story said published the report ('a Human Rights Watch report'). A person
    is found by their role only for the same office (``words``: the description's, 'the prime minister').
    """
    latest = ((e.speaker, e.gender) for e in reversed(memory.recent) if e.speaker.kind != DOCUMENT)
    if any(e.speaker.kind == UNNAMED and e.head == head for e in memory.recent):
        latest = iter(())  # 'the company' we could not name before is the same one, not a name mentioned since
    if body := memory.people.body(head, latest, lambda w: memory.full_names.has_word(w) or memory.later_names.has_word(w)):
        return body  # 'budget airline Ryanair' ... 'the airline'; 'Microsoft has said ... The company said'
    # Everyone the story gave the role: 'the actor' after two actors is either ('the chancellor' is not the
    # 'shadow chancellor')
    holders = {e.speaker.name for e in memory.recent if head in e.roles and e.head != head
               and e.speaker.kind == "person" and _same_office(words, head, e.speaker.role or "")}
    holders |= {name for name in memory.role_holders.get(head, ()) if _same_office(words, head, *memory.introduced_with[name])}
    for entity in reversed(memory.recent):
        if head in entity.roles and entity.head != head and entity.speaker.name not in holders:
            continue
        if (entity.head == head or head in entity.roles and len(holders) == 1) and entity.speaker.kind != DOCUMENT:
            # "the pastor" is the last person the story called a pastor; 'the company' again, one we cannot name
            return entity.speaker if entity.speaker.kind not in (UNNAMED, UNNAMED_PERSON) else None
    if head in memory.introduced and holders == {memory.introduced[head]}:
        return speaker_from_phrase(memory.introduced[head], memory)  # 'Health minister Ana Ruiz' ... 'the minister'
    if head in memory.authors:
        author = memory.authors[head]
        memory.mention(Entity(author, head=author.name.split()[-1].lower()))  # 'It reads:' after it
        return author
    if (head in ORGANISATION_NOUNS or head in DOCUMENT_NOUNS) and any_organisation:
        # "the group said"; "the statement said": the last body mentioned wrote it, unknown if it was unnamed
        last = next((e.speaker for e in reversed(memory.recent) if e.speaker.kind in ("organisation", UNNAMED)), None)
        if last and last.kind != UNNAMED and _may_be_called(last.name, head):
            return last
    return None


def _may_be_called(name: str, head: str) -> bool:
    """'the airline' may be Ryanair, not the 'Pilots Association': a name ending on another kind of body's
    noun is that kind. 'the group', 'the statement' may be any body's."""
    kind = name.split()[-1].lower()
    kind = kind[:-1] if kind.endswith("s") and kind[:-1] in ORGANISATION_NOUNS else kind
    return head in GENERIC_BODY_NOUNS or head in DOCUMENT_NOUNS or kind == head or kind not in ORGANISATION_NOUNS


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


def _is_epithet(words: list[str], head: str) -> bool:
    """'Harbour striker', 'Oscar-nominated actor', 'giant winger': one person described by calling, not
    by an office ('the prime minister', 'the Tory leader' hold a seat someone else may fill) and not
    a group ('the researchers') or a body ('the Harbour board')."""
    return (1 <= len(words) <= 3 and words[-1].lower() == head and is_person_noun(head) and head not in TITLE_WORDS
            and head not in ORGANISATION_NOUNS and not (head.endswith("s") and not head.endswith("ss"))
            and not head.endswith(("men", "people")) and not any(w.endswith(("'s", "’s", "s'")) for w in words))


def _named_before_its_kind(words: list[str]) -> str | None:
    """'Reuters news agency', 'the Harbour Times newspaper' -> the capitalised name before a publisher's or a
    broadcaster's noun (MEDIA_NOUNS). Not a place or a nationality ('the US news agency', 'a Harbourish paper')."""
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2 or words[-1].lower() not in MEDIA_NOUNS or words[0].lower() in DETERMINERS:
        return None
    cut = next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words) - 1)
    name, kind = words[:cut], words[cut:]
    if not name or len(kind) > 2 or not all(w.islower() for w in kind) or any(is_demonym(w) for w in name):
        return None
    if len(name) == 1 and name[0].isupper() and len(name[0]) <= 2:
        return None  # 'US', 'UK': a country's letters
    return " ".join(name)


def _is_name_token(word: str) -> bool:
    return (bool(_NAME_TOKEN.match(word)) and not re.search(r"-[a-z]", word)) or is_particle_surname(word)


def _owned_full_name(words: list[str]) -> bool:
    """'on Fire's Tom Kale': the phrase after a preposition ends on an owner and a first name and
    surname, and on nothing else ('of the board's chairman' ends on a role, not a name)."""
    owner = next((i for i in range(len(words) - 1, -1, -1) if words[i].endswith(("'s", "’s"))), None)
    named = words[owner + 1:] if owner is not None else []
    return (len(named) >= 2 and all(_is_name_token(w) for w in named) and is_first_name(named[0])
            and _is_name_token(words[owner][:-2]))


def speaker_from_phrase(phrase: str, memory: Memory, learn: bool = True,
                        sentence_start: bool = False, closing: bool = False) -> Speaker | None:
    """The Speaker a noun phrase names, or None when it names nobody a reader could point to. ``closing``:
    the phrase is the subject of a cue closing its sentence (', bank officials said.'), which may describe
    a group without a determiner (speaker_check.plausible_description)."""
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

    if words[0] in ("who", "whose", "which", "whom", "Who", "Whose", "Which", "Whom"):
        return None  # "Kale, whose party opposes the ID cards plan": a relative clause, its antecedent not in it
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
    if role and (tokens[0].lower() in DETERMINERS or tokens[-1].isalpha() and tokens[-1].islower()
                 or tokens[-1].lower() in TITLE_WORDS) and 2 <= len(role.split()) <= 4 and all(
            _is_name_token(w) for w in role.split()):
        # "a spokeswoman for the agency, Ana Ruiz", "Opera spokeswoman, Berit Hanson", "Harbour Finance
        # Minister, Ana Ruiz": the name in apposition is who the description (a role noun or a title last, or
        # a determiner first) is
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
    # The head is before the first preposition: "Jeffrey Lewis of the James Martin Center". But a
    # body's name holding one and owning the person named last is the owner ("War on Want's Tom Kale").
    head_end = next((i for i, w in enumerate(tokens) if i and w.lower() in _PHRASE_OPENERS), len(tokens))
    if all(_is_name_token(w) for w in tokens[:head_end]) and _owned_full_name(tokens[head_end:]):
        head_end = len(tokens)  # ('a spokesman for the Board's Tom Kale' stays the spokesman)
    head_part = tokens[:head_end]
    if "and" in head_part[1:-1]:
        # "David Albright and Serena Kelleher-Vergantini": a joint statement is credited to the first named.
        first = head_part[:head_part.index("and")]
        second = head_part[head_part.index("and") + 1:]
        if first and second and is_plural_rank(first[0]) and all(_is_name_token(w) for w in second):
            # "Princes William and Harry said": both spoke, as written; the first of them alone did not
            return Speaker(" ".join(head_part), "person")
        if first and _is_name_token(first[-1]) and not (any(w.lower() in ORGANISATION_WORDS for w in second)
                                                        or _owned_full_name(second)):  # "Work and Pensions Committee",
            # "Marks and Spencer's Ana Ruiz": one body's name, which owns the person
            head_part, role = first, (f"with {' '.join(tokens[len(first) + 1:])}" + (f", {role}" if role else ""))
    if tokens[0].lower() == "the" and len(head_part) == 2 and is_person_demonym(head_part[1]):
        # 'said the Dutchman': one person called by their nation, as an epithet calls them ('the Dutch' are many)
        return speaker_of_demonym(gender_of_demonym(head_part[1]), memory, whole)
    holders = memory.described_as.get(" ".join(tokens[1:]).lower(), ()) if tokens[0].lower() == "the" else ()
    if len(holders) == 1:
        # 'the Bishop of Harbourton said' after 'the Bishop of Harbourton, Dr Tom Kale,': the one person the story
        # set that very description beside (two so described: nobody can tell which)
        found = speaker_from_phrase(next(iter(holders)), memory, learn=False)
        if found and found.kind == "person":
            return Speaker(found.name, "person", " ".join(tokens[1:]))
    if tokens[0].lower() == "the":  # 'the Florida senator': the one person the story introduced so
        described = memory.people.resolve(head_part, (e.speaker for e in reversed(memory.recent)))
        found = speaker_from_phrase(described, memory, learn=False) if described else None
        if found and found.kind == "person":
            return _described(Speaker(found.name, "person", " ".join(head_part[1:])), memory, learn)
    if (tokens[0].lower() == "the" and 3 <= len(tokens) <= 5 and tokens[-1].lower() in SEAT_TITLES
            and all(w[:1].isupper() for w in tokens[1:])):
        # 'said the Harbour North MP': the member for a seat, an epithet for the person the story is about
        found = speaker_of_epithet(None, memory, whole)
        return found or Speaker(" ".join(tokens[1:]), "descriptive")  # as the house writes one: "Salford MP"
    alone = len(tokens) > 1 and tokens[1][:1].islower() and tokens[0].lower() in memory.common_words
    company = len(head_part) > 1 and head_part[-1].lower().strip(".,") in COMPANY_SUFFIXES  # "News Corp said"
    if sentence_start and tokens[0][:1].isupper() and (alone or not memory.is_known_name(tokens[0])) and not company:
        # "Bigger attacks ...": a capital before a lower-case word, which the story also writes in
        # lower case, is the sentence's, not a name's
        head_part = [head_part[0].lower()] + head_part[1:]
    if len(tokens) > 1 and any(w.lower() in LEGISLATION_NOUNS for w in (head_part[-1], tokens[-1])):
        return None  # "the Terrorism Bill", "the ID cards plan", "The Bill proposes": a thing, which says nothing
    last = head_part[-1]
    if _is_name_token(last) and not (last.lower() in _THINGS and not last[0].isupper()):
        run_start = len(head_part)
        body = last.lower().strip(".") in ORGANISATION_WORDS
        while run_start > 0 and (head_part[run_start - 1].lower() not in DETERMINERS or body and head_part[
                run_start - 1].istitle() and head_part[run_start - 1].lower() not in ("the", "a", "an")) and (
                _is_name_token(head_part[run_start - 1]) or is_name_particle(head_part, run_start - 1) or (
                    body and head_part[run_start - 1] in ("and", "&") and run_start > 1
                    and _is_name_token(head_part[run_start - 2]))):
            run_start -= 1  # "Work and Pensions Committee": a body's name can hold 'and'
        if (run_start == len(head_part) - 1 and run_start and head_part[run_start - 1].isdigit()
                and not last.endswith("s") and last.lower() not in memory.common_words
                and not (run_start > 1 and _is_name_token(head_part[run_start - 2]))):
            # "Chart-topper 50 Cent": a number before one capital is the name's, not a role ('Il Sole 24
            # Ore' is a longer name, which a number does not end)
            run_start -= 1
        if run_start > 0 and head_part[run_start - 1].lower() in ("a", "an") and not owner_noun(head_part):
            return None  # "wishing a Happy New Year": a person is not 'a' anybody
        owner, raw_run = split_owner(head_part[run_start:])
        run = [w.rstrip("’'").removesuffix("’s").removesuffix("'s") for w in raw_run]
        if body and len(run) > 1:
            # "the Trade Representative's Office": an owner inside a body's name is part of the name
            run = [w.rstrip("’'") if w.endswith(("s'", "s’")) else w for w in raw_run[:-1]] + run[-1:]
        if not run or not run[0]:
            return None
        lead, run = strip_leading(run)
        while len(run) > 2 and is_common_role(run[0], memory.common_words) and not is_body_name(run):
            lead, run = lead + run[:1], run[1:]  # "Referee Ana Ruiz": the story writes "referee" in lower case
        if (len(run) == 2 and is_common_role(run[0], memory.common_words)
                and memory.full_name(run[1]) not in (run[1], " ".join(run))):
            lead, run = lead + run[:1], run[1:]  # "Donor Adelson" in a headline is the Sheldon Adelson named
        name_words = strip_titles(run)
        before = head_part[:run_start] + owner + lead + run[: len(run) - len(name_words)]
        if describing_word_before_name(name_words, memory.capitalised):
            name_words = name_words[1:]  # "Defiant Ana Ruiz says": the sentence's word, and no role either
        name_words, seat = split_post_nominals(name_words)  # "Tom Kale QC": the letters are his role
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
        if head_end < len(tokens) and orgish and not any(w.lower() in WEEKDAYS for w in tokens[head_end:]):
            # ('the Harbour FA on Monday and Tom Kale': a day is no part of a body's name)
            # "Ministry of Foreign Affairs": the preposition is part of it; 'The' before it is the sentence's
            name = " ".join(tokens[1:] if tokens[0].lower() == "the" else tokens)
        kind = "organisation" if orgish else "person"
        if not plausible_name(name.split(), kind) or (kind == "person" and headline_words(name.split(), memory.common_words)):
            return None
        if kind == "person" and len(name.split()) == 1 and (
                name.lower() in memory.common_words or is_demonym(name)):
            return None  # "Interest said", "Polish": a word the story also writes in lower case, a nationality
        if (kind == "person" and len(name_words) == 1 and head_part[0].lower() == "the" and run_start > 1
                and all(w[:1].islower() or w[:1].isdigit() for w in head_part[1:run_start])
                and name.lower().endswith(("man", "er", "ian")) and not memory.full_names.has_word(name)):
            # "the 25-year-old Dubliner", "the veteran Harbourman": a person called by where they are from, no
            # name; who it is a reader tells only from the story, and recency misleads ('the Guardian', with no
            # word between, stays a paper's name)
            if learn:
                gender = gender_of_phrase(head_part, whole)
                memory.mention(Entity(Speaker(name, UNNAMED_PERSON), head=name.lower(), gender=gender))
            return None

        if before and before[-1].lower() in WORK_NOUNS:
            return None  # "The album Exodus came out": the name of a work, which says nothing
        if len(before) == 1 and before[0].lower() in NOT_SPEAKING_PREPOSITIONS:
            return None  # "in Place of Strife": the object of a preposition, no subject
        role_text = " ".join(role_before_name(before) + seat) or None
        if role:
            role_text = f"{role_text}, {role}" if role_text else role
        return _described(Speaker(name=name, kind=kind, role=role_text), memory, learn, gender_of_phrase(head_part, ""))

    # A description: "a watchdog group", "the association", "another trader".
    head = next((w.lower() for w in reversed(head_part) if w.isalpha()), head_part[-1].lower())
    determiner = head_part[0].lower()
    if determiner in ("the", "its", "this", "their") and len(head_part) <= 3 and not any(
            w[:1].isupper() for w in head_part[1:]):
        known = _known_by_head(head, memory, any_organisation=len(head_part) == 2, words=[w.lower() for w in head_part[1:]])
        if known:
            return known
        if len(tokens) == 2 and is_bare_description(head_part):
            return None  # 'the man', 'the spokeswoman' the story never said who was: no one to name
        if len(tokens) == 2 and determiner in ("the", "this") and head in ORGANISATION_NOUNS and head not in SETTING_BODY_NOUNS:
            # 'the company said' where no one company fits: a body the story named and we cannot tell,
            # not one called 'company'. Remembered, so an 'it' after it is not some other body.
            if learn:
                memory.mention(Entity(Speaker(core, UNNAMED), head=head))
            return None
    author = document_author(head_part)
    capital_of_sentence = sentence_start and author == head_part[:1] and head_part[0] not in memory.capitalised
    if author and len(author) < len(head_part) - 1 + (head_part[0][:1].isupper()) and not capital_of_sentence:
        # ("Ballot papers ask": the sentence's capital wrote nothing)
        return speaker_from_phrase(" ".join(author), memory, learn)  # "a Pentagon readout": its author
    if head in DOCUMENT_NOUNS and determiner in ("the", "this", "that") and learn:
        # Remembered, never returned: an 'it' that follows means the document, whose author is unknown.
        memory.mention(Entity(Speaker(core, DOCUMENT), head=head))
        return None
    if (tokens[-1].lower() in FRAGMENT_ENDS or not plausible_description(head_part, head, closing)
            or is_lone_singular(tokens)):
        return None  # "out a press release", "a statement", "a fourth": no person or body
    named = _named_before_its_kind(head_part)
    if named:
        # "reported Reuters news agency", "the Harbour Times newspaper": the body, by its name, which a later
        # 'the agency' means
        if learn:
            memory.mention(Entity(Speaker(named, "organisation", head), head=head))
        return Speaker(named, "organisation", head)
    if determiner == "the" and not anonymous and _is_epithet(head_part[1:], head):
        found = speaker_of_epithet(gender_of_phrase(head_part, whole), memory, whole)
        if found:
            return found
    description = re.sub(r"^(?:the|The)\s+", "", whole if anonymous and len(whole) < 120 else core)
    if determiner == "the" and " " not in description:
        description = f"the {description}"  # 'the government', 'the researchers': a noun alone reads as a word
    first = description.split(" ", 1)[0]
    if first.lower() in DETERMINERS or (first == tokens[0] and head_part[0] == first.lower() != first
                                        and not first.endswith(("'s", "’s"))):  # ('France's minister')
        # "A guard" mid-story is "a guard" too; "Critics say": the sentence's capital, as names.py read it
        description = first.lower() + description[len(first):]
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
