"""Where a sentence's subject and reporting verb are: the grammar the cue finders lean on.

A rough reading, enough for attribution: which word is a verb ("said", not "the report"), where
the noun phrase before a verb begins (past asides set off by commas), and what a sentence's
subject is once a leading phrase ("In a statement on Monday,") is skipped.
"""
from __future__ import annotations

from .constants import LEXICONS
from .first_names import is_first_name
from .sentences import Token
from .speaker_check import is_person_noun, is_plural_rank

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
BACK_VERBS = _EN["back_verbs"]
CLAUSE_OPENERS = _EN["clause_openers"]
OBJECT_ONLY_VERBS = _EN["object_only_verbs"]
PASSIVE_REPORTING = _EN["passive_reporting"]
PREPOSITIONS = _EN["prepositions"]
# Pronouns a verb governs (its object or the owner of its object): never part of a subject before them.
GOVERNED_PRONOUNS = frozenset("her his their its him them our your my me us".split())
PRONOUNS = _EN["pronouns"]
ORGANISATION_NOUNS = _EN["organisation_nouns"]
POST_NOMINALS = _EN["post_nominals"]
TITLE_WORDS = _EN["title_words"]
WISHING_VERBS = _EN["wishing_verbs"]
LINKING_WORDS = _EN["linking_words"]
SPEECH_VERBS = _EN["speech_verbs"]

AUXILIARIES = frozenset("is was are were be been being has have had will would could can may might should must "
                        "did does do appears appear seems seem remains remain isn't wasn't aren't weren't hasn't "
                        "haven't hadn't won't wouldn't couldn't can't didn't doesn't don't shouldn't".split())
COMMON_VERBS = frozenset("""
makes made take takes took give gives gave go goes went get gets got want wants wanted think thinks thought
believe believes believed know knows knew see sees saw show shows showed paint paints painted plan plans
hope hopes face faces need needs look looks feel feels felt become becomes became come comes came keep keeps
kept issue issues issued publish publishes published interview interviews interviewed hold holds held
spoke speaks met meets left leaves won wins lost loses ran runs led leads began begins brought brings
sought seeks fell falls rose rises paid pays sent sends spent spends built builds bought buys sold sells
stood stands sat sits heard hears set sets put puts hit hits cut cuts became
""".split())
COMMUNICATION_NOUNS = frozenset("statement statements remarks interview speech tweet tweets letter testimony comments "
                                "message post op-ed editorial briefing phrase catchphrase catch-phrase slogan motto "
                                "words headline report article column email memo assertion claim accusation "
                                "warning promise pledge vow insistence contention suggestion declaration "
                                "announcement admission boast description comment".split())
ADVERBS = frozenset("also then later again once previously recently earlier still just repeatedly "
                    "often flatly simply quickly yet meanwhile however though too instead".split())
TIME_ENDINGS = frozenset("later earlier ago afterwards afterward before since today yesterday tonight monday tuesday "
                         "wednesday thursday friday saturday sunday morning afternoon evening night week month year"
                         .split())
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
WINDOW = 60  # words either side of a quotation that can hold its attribution
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "--", "-", "(", ")", '"', "“", "”", "‘", "’", "'", "«", "»"})
CONJUNCTIONS = frozenset("and but that because while when as if or so than though although whether".split())
_ED_NOT_VERBS = frozenset("based red bed need speed seed hundred united related unwanted alleged so-called "
                          "armed aged supposed detailed limited noted".split())


NOUN_MARKERS = frozenset("a an the his her its their our my your this that these those whose "
                         "of in on at for from by with".split())
TITLE_PREPOSITIONS = frozenset("on in at of from for by with about".split())


def names_a_work(before: list[Token]) -> bool:
    """'on "Meet the Press"', 'ABC's "This Week"': the quotation is a title, not words said.

    Callers ask only for a quotation in title case: 'the firm's "future is bright"' is speech.
    """
    if not before:
        return False
    return before[-1].lower in TITLE_PREPOSITIONS | {"the"} or before[-1].lower.endswith(("'s", "’s"))


def is_speech_verb(toks: list[Token], i: int, object_verbs: bool = True) -> bool:
    """toks[i] is a reporting verb here, not the noun of the same spelling ('the report', 'her post')."""
    tok = toks[i]
    low = tok.lower.replace("’", "'")
    if low in BACK_VERBS and i + 1 < len(toks) and toks[i + 1].lower == "back":
        return True  # "Kale shot back,": a retort
    if low in ("put", "puts") and i + 1 < len(toks) and toks[i + 1].lower == "it" and (
            i + 2 == len(toks) or toks[i + 2].text in CLAUSE_BREAKS or toks[i + 2].text == "."):
        return True  # "As Ruiz put it, ...": the idiom reports words
    if low in ("pointed", "points", "point") and i + 1 < len(toks) and toks[i + 1].lower == "out":
        return tok.text.islower()  # "as Ruiz pointed out,": a phrasal reporting verb
    if low not in SPEECH_VERBS or (not object_verbs and low in OBJECT_ONLY_VERBS):
        return False
    if _wished_for(toks, i):
        return False
    if i > 0 and toks[i - 1].lower.endswith(("'s", "’s", "s'", "s’")):
        return False  # "the board's report", "Kale's post": a noun after its owner
    prev = toks[i - 1].text if i > 0 else ""
    if (prev[:1].isupper() and not prev.endswith("s") and prev.lower() not in PRONOUNS
            and not low.endswith(("s", "ed", "ing")) and low not in ("said", "told", "wrote", "read", "found")):
        return False  # "Virginia state director", "Senate report": a base form after a singular name is a noun
    if not low.endswith(("s", "ed", "ing")) and prev.lower() in (PREPOSITIONS - {"to"}) | {"up", "down", "out", "off"}:
        return False  # "cleaning up state data", "for report cards": a base form after a preposition is a noun
    # A capitalised verb is one only after a comma ("Murphy, the head of X, Tweeted"): "United States" is not.
    if not tok.text.islower() and not (i > 0 and toks[i - 1].text == "," and tok.text[1:].islower()):
        return False
    if i > 0 and toks[i - 1].lower in ("that", "which") and (low.endswith("ed") or low in ("said", "says", "told", "wrote")):
        return True  # "a video that said": a relative pronoun, not a determiner, before a past tense
    return not (i > 0 and toks[i - 1].lower in NOUN_MARKERS)


def _wished_for(toks: list[Token], i: int) -> bool:
    """'urged Kale to further explain', 'would like her to say': speech someone wants, not speech made.

    The infinitive's 'to' (past an adverb) follows an object of one to three words after a verb of
    wanting or asking; 'went on to say' and 'took to the stage to say' report what was said.
    """
    k = i - 1
    if k >= 0 and (toks[k].lower.endswith("ly") or toks[k].lower in ADVERBS | {"further"}):
        k -= 1
    if k < 1 or toks[k].lower != "to":
        return False
    for back in range(2, 5):
        w = k - back
        if w < 0 or toks[w + 1].text in CLAUSE_BREAKS:
            return False
        if toks[w].lower in WISHING_VERBS:
            return True
    return False


def is_verb(toks: list[Token], i: int) -> bool:
    """A rough verb test, enough to find where a subject ends; 'the report' and 'a post' are nouns."""
    token = toks[i]
    low = token.lower.replace("’", "'")
    if i > 0 and toks[i - 1].lower in NOUN_MARKERS and low not in AUXILIARIES:
        return False
    if i > 0 and token.text[:1].isupper() and toks[i - 1].text not in CLAUSE_BREAKS:
        return False  # "spokeswoman Hope Ruiz said": a capital inside a sentence is a name, not "hope"
    if low in SPEECH_VERBS:
        return is_speech_verb(toks, i)
    if i + 1 < len(toks) and _name_not_modal(token, toks[i + 1]):
        return False
    if low in AUXILIARIES or low in COMMON_VERBS:
        return True
    return token.text.islower() and len(low) > 4 and low.endswith("ed") and low not in _ED_NOT_VERBS


def skip_clause_opener(toks: list[Token]) -> int:
    """Index of the first word after a leading phrase like 'In a summary of the report,'."""
    if not toks:
        return 0
    first = toks[0].lower
    for i, tok in enumerate(toks[1:6], start=1):
        if tok.text == "," and toks[i - 1].lower in TIME_ENDINGS and not any(is_verb(toks, k) for k in range(i)):
            # "Hours later,", "Two days ago,", "Early on Monday,": when, not who
            return _past_linking_word(toks, i + 1)
    if first in CLAUSE_OPENERS or (first.endswith("ing") and toks[0].text[0].isupper()) or first == "asked":
        for i, tok in enumerate(toks[:20]):
            if tok.text in (",", "”", '"', "’") and i > 0:
                return _past_linking_word(toks, i + 1)
    return 0


def _past_linking_word(toks: list[Token], start: int) -> int:
    """'On Monday, however, Harbourland moved': a linking word set off after the opening phrase is no subject."""
    linked = start + 1 < len(toks) and toks[start].lower in LINKING_WORDS and toks[start + 1].text == ","
    return start + 2 if linked else start


def _is_aside(words: list[Token]) -> bool:
    """', who was his top adviser,' / ', 44,' / ', meanwhile,' / ', the head of Right to Rise USA,'."""
    first = words[0]
    return (first.lower in ("who", "a", "an", "the", "whose") or first.text[:1].isdigit()
            or all(w.lower in ADVERBS for w in words)
            or ((first.text.islower() or first.lower.endswith(("'s", "’s")))
                and any(is_person_noun(w.text) for w in words[:3])
                and first.lower not in CONJUNCTIONS))  # ', legal director for the group,'



def passive_report(toks: list[Token], aux: int) -> bool:
    """'is quoted as saying', 'was heard saying': a reporting verb behind a passive."""
    following = [t.lower for t in toks[aux + 1:aux + 4]]
    return bool(following) and following[0] in PASSIVE_REPORTING and any(
        is_speech_verb(toks, aux + 1 + k) for k in range(1, len(following)))


def quoted_as_saying(toks: list[Token], verb: int) -> str | None:
    """'The paper quoted Ana Ruiz as saying "..."': the words of the one quoted, who is the speaker, not the
    paper that quoted them. ``verb`` is either 'quoted' or 'saying'. None when there is no 'quoted ... as
    saying' (the passive 'Ruiz was quoted as saying' keeps its subject)."""
    if toks[verb].lower in ("quoted", "quoting"):
        cite = verb
        saying = next((k for k in range(verb + 2, min(len(toks), verb + 10)) if toks[k].lower == "saying"), None)
    elif toks[verb].lower == "saying":
        saying = verb
        cite = next((k for k in range(verb - 2, max(-1, verb - 10), -1) if toks[k].lower in ("quoted", "quoting")),
                    None)
    else:
        return None
    if cite is None or saying is None or toks[saying - 1].lower != "as" or cite + 1 >= saying - 1:
        return None
    if cite and toks[cite - 1].lower in PASSIVE_AUXILIARIES:
        return None
    object_words = toks[cite + 1:saying - 1]
    if any(t.text in CLAUSE_BREAKS for t in object_words):
        return None
    return " ".join(t.text for t in object_words)


def _is_appositive_name(words: list[Token]) -> bool:
    if len(words) > 2 and words[-1].text in POST_NOMINALS:
        words = words[:-1]  # 'Ana Ruiz MSP': a seat after the name
    return 2 <= len(words) <= 4 and all(w.text[:1].isupper() and w.text[1:2].islower() or
                                        (len(w.text) == 2 and w.text.endswith(".")) for w in words)


def _name_not_modal(word: Token, verb: Token) -> bool:
    """'May said', 'Will told': a capitalised modal before a verb that has a tense (a modal takes the bare
    verb: 'may say') is a name, as Theresa May's or Will Smith's."""
    return word.text[:1].isupper() and word.lower in ("may", "will", "can", "might") and (
        verb.lower.endswith(("ed", "s")) or verb.lower in ("said", "told", "wrote", "spoke"))


def subject_before(toks: list[Token], verb: int) -> str:
    """The noun phrase before toks[verb], skipping adverbs and asides set off by commas."""
    j = verb - 1
    while j >= 0 and (toks[j].lower in ADVERBS or (toks[j].lower.replace("’", "'") in AUXILIARIES
                                                   and not _name_not_modal(toks[j], toks[verb]))
                      or (toks[j].lower.endswith("ly") and toks[j].text.islower())):
        j -= 1  # "has described", "also said", "flatly denied"
    end, asides = j + 1, 0
    while j > 0 and toks[j].text == "," and asides < 3:
        k = j - 1
        while k >= 0 and toks[k].text != ",":
            k -= 1
        aside = toks[k + 1:j]
        if k > 0 and toks[k].text == "," and _is_appositive_name(aside) and asides == 0:
            # "the port chief, Tom Kale, said": the name set off by commas is the subject
            return " ".join(t.text for t in aside)
        if not (k > 0 and aside and _is_aside(aside)):
            break
        j, asides = k, asides + 1
    if asides:
        end, j = j, j - 1
    while j >= 0:
        tok = toks[j]
        if tok.text == ")":
            k = j
            while k >= 0 and toks[k].text != "(":
                k -= 1
            if k > 0:
                j = k - 1  # "Sen. Claire McCaskill (D-Mo.)": the bracket belongs to the name
                continue
        after_and = toks[j + 1].text if j + 1 < end else ""
        if after_and[:1].isdigit() and after_and.endswith("-old") and j + 2 < end:
            after_and = toks[j + 2].text  # "Ruiz and 24-year-old Tom Kale": an age before the second name
        if tok.lower == "and" and 0 < j < end - 1 and toks[j - 1].text[:1].isupper() and after_and[:1].isupper():
            j -= 1  # "David Albright and Serena Kelleher-Vergantini", "Science and International Security"
            continue
        # ('the singer of Because the Night told': a conjunction capitalised after a preposition opens a title; after
        # anything else, 'But' may open a sentence the sentence reader did not end, '£2.2m. But Kale told')
        titled = j and tok.text.istitle() and toks[j - 1].lower in PREPOSITIONS
        if tok.text in CLAUSE_BREAKS or is_verb(toks, j) or tok.lower in CONJUNCTIONS and not titled:
            break
        if tok.lower in ("which", "whom") and j < end - 1:
            break  # 'a phrase which historian Tom Kale calls': the relative is the object, Kale the subject
        j -= 1
    phrase = " ".join(t.text for t in toks[j + 1:end])
    if phrase.lower() in RELATIVE_PRONOUNS and j >= 0:
        return antecedent(toks, j + (0 if toks[j].text == "," else 1))
    if end - j > 2 and toks[end - 1].lower == "who" and toks[j + 1].lower in ("a", "an", "the"):
        name = _name_described(toks, j + 1)
        if name is not None:
            # "Ruiz, a Nova Scotia native who writes": who writes is the person named, described after a comma
            return " ".join(t.text for t in toks[name:j]) + ", " + phrase
    if end - j > 2 and toks[j + 1].lower == "the" and toks[j].text == ",":
        name = _name_described(toks, j + 1)
        if name is not None and name == 0 and is_first_name(toks[0].text) and j - name >= 2:
            # "Tom Kale, the leader of the dock workers said:": the second comma is missing, and the name
            # opening the sentence is who the description is ('After meeting Tom Kale, the minister said' is not)
            return " ".join(t.text for t in toks[name:j]) + ", " + phrase
    return phrase


def antecedent(toks: list[Token], relative: int) -> str:
    """The noun phrase a 'who' refers to: 'an anonymous former textile trader in her 40s, who ...'."""
    j = relative - 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    end = j + 1
    while j >= 0 and end - j <= 12:
        tok = toks[j]
        if tok.text in CLAUSE_BREAKS or is_verb(toks, j):
            break
        if tok.lower in ("a", "an", "the", "another", "one"):
            return " ".join(t.text for t in toks[j:end])
        j -= 1
    return " ".join(t.text for t in toks[j + 1:end])


def _name_described(toks: list[Token], determiner: int) -> int | None:
    """Where a name set off before ', a ...' starts: 'Tom Kale, a pilot' gives the index of 'Tom'.

    Only one to four capitalised words; a time ('On Monday, a pilot who') or a place in a phrase that
    opens the sentence ('In Halifax, a pilot who') is no name."""
    comma = determiner - 1
    if comma < 1 or toks[comma].text != ",":
        return None
    start = comma
    while start > 0 and comma - start < 5 and _is_name_word(toks[start - 1]):
        start -= 1
    chunk = toks[start:comma]
    if not chunk or comma - start > 4 or any(t.lower in TIME_ENDINGS | CLAUSE_OPENERS for t in chunk):
        return None
    if start and toks[start - 1].text[:1].isupper():
        return None  # more capitals than a name holds
    if start and toks[start - 1].lower in PREPOSITIONS and (start == 1 or toks[start - 2].text in CLAUSE_BREAKS):
        return None  # 'In Halifax, a pilot who': a phrase opening the sentence; 'heard from Ana Ruiz, a' is a name
    return start


def _is_name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and (tok.text[1:2].islower() or (len(tok.text) == 2 and tok.text.endswith(".")))


def sentence_subject(toks: list[Token]) -> str:
    lead = 0
    while lead < len(toks) and toks[lead].text in CLAUSE_BREAKS:
        lead += 1  # ', Kale said before adding:' after a quotation: the words start after the marks
    toks = toks[lead:]
    i = skip_clause_opener(toks)
    out = []
    for k in range(i, min(i + 16, len(toks))):
        tok = toks[k]
        if tok.lower in ADVERBS and out:
            continue
        if is_verb(toks, k) and k + 1 < len(toks) and is_verb(toks, k + 1) and tok.lower in SPEECH_VERBS:
            out.append(tok.text)  # "The 86-page report concludes": a noun before the verb
            continue
        after_name = k > i and toks[k - 1].text[:1].isupper() and tok.text.islower()
        following = toks[k + 1].lower if k + 1 < len(toks) else ""
        plural = len(out) == 1 and (following in AUXILIARIES or following in PREPOSITIONS)
        if after_name and tok.lower.endswith("s") and not tok.lower.endswith("ss") and not plural:
            # "Maria Lopez runs the shelter": a present-tense verb right after a name; but after one
            # capital, before an auxiliary or a preposition, a plural ("Camera phones will", "Ballot papers in")
            break
        if after_name and following in GOVERNED_PRONOUNS and tok.lower not in PREPOSITIONS | CONJUNCTIONS:
            # "Ana Ruiz threw her support behind Sen. Tom Kale": a lower-case word between a name and
            # 'her'/'his'/'them' is a verb, however irregular, and the subject ends before it
            break
        if tok.text == "," and out and (out[-1].islower() or out[-1].lower() in TITLE_WORDS) and is_person_noun(out[-1]):
            # "Kale's state director, Mike Rubino, wrote", "Harbour Finance Minister, Ana Ruiz MSP, said": the
            # name in apposition is the subject
            close = next((m for m in range(k + 1, min(k + 6, len(toks))) if toks[m].text == ","), None)
            if close and _is_appositive_name(toks[k + 1:close]):
                return " ".join(t.text for t in toks[k + 1:close])
        if _inside_body_name(toks, k) and out:
            if tok.text != "and":
                out[-1] += tok.text  # "the Harbour Pilots' Association said": an apostrophe, not a quotation mark
                continue
        elif tok.text in CLAUSE_BREAKS or is_verb(toks, k) or (tok.lower in CONJUNCTIONS and out):
            if not (tok.lower == "and" and is_plural_rank(out[0])):
                break
            # "Princes William and Harry said": both spoke, not the first named alone
        out.append(tok.text)
    return " ".join(out)


def _inside_body_name(toks: list[Token], k: int) -> bool:
    """A plural's apostrophe or an 'and' inside one body's capitalised name ('the Harbour Pilots' Association',
    'the Ports and Harbours Committee'), not a quotation mark or two subjects ('Ana Ruiz and Tom Kale')."""
    tok, before = toks[k], toks[k - 1] if k else None
    if before is None or not before.text[:1].isupper() or k + 1 >= len(toks):
        return False
    if tok.text in ("'", "’"):
        after = toks[k + 1]
        return (before.end == tok.start and before.text.endswith("s") and tok.end < after.start
                and after.text[:1].isupper() and not after.text.isupper())
    if tok.text != "and":
        return False
    rest = toks[k + 1:k + 5]
    for m, word in enumerate(rest):
        if not word.text[:1].isupper():
            return False
        if word.lower in ORGANISATION_NOUNS or word.lower.rstrip("s") in ORGANISATION_NOUNS:
            # two bodies ('the Harbour Committee and the Port Authority', 'Harbour Committee and Port Authority')
            return m > 0 and before.lower.rstrip("s") not in ORGANISATION_NOUNS and before.lower not in ORGANISATION_NOUNS
    return False


PASSIVE_AUXILIARIES = frozenset("been be being is was were are".split())
# Words of someone speaking for themselves or to a hearer: a quoted sentence holding one is speech.
SPEAKING_PRONOUNS = frozenset("i i'm i've i'd i'll we we're we've we'd we'll my our you you're your".split())
_TRAILER_FOLLOWERS = frozenset("during after before when as while yesterday today tonight last this next recently "
                               "later earlier afterwards afterward again too also then now".split())


def has_object(toks: list[Token], verb: int) -> bool:
    """'demands legal safeguards': a lower-case word that is no preposition, time or adverb follows the verb.

    'told reporters', 'asked them' take the hearer as their object and stay cues."""
    if verb + 1 >= len(toks) or toks[verb].lower in ("told", "tells", "tell", "asked", "asks", "ask"):
        return False
    nxt = toks[verb + 1]
    return nxt.text.islower() and nxt.lower not in PREPOSITIONS | _TRAILER_FOLLOWERS and not nxt.lower.endswith("ly")
