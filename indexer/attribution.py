"""Who said each quotation, read the way a careful reader of a news story reads it.

The cues, tried in this order for every quotation:

1. after it:   '"...," Roth said'  /  '", said HRW executive director Kenneth Roth' (trailers.py)
2. before it:  'Another trader said: "..."'  /  'Carson said, "..."'  /  'X was blunt: "..."'
3. in its sentence: 'the association called the report "preposterous"' (the subject of the
   reporting verb), 'according to the agency'
4. around it:  the second half of '"A," she said. "B."', the next paragraph of a long quotation

A quotation no cue speaks for keeps speaker None; a short one with no speaker and a title in
title case ("This Week") are not speech and are dropped.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .clauses import (
    AUXILIARIES, CLAUSE_BREAKS, COMMUNICATION_NOUNS, PASSIVE_AUXILIARIES, RELATIVE_PRONOUNS,
    SPEAKING_PRONOUNS, WINDOW, is_speech_verb, names_a_work, quoted_as_saying, sentence_subject, skip_clause_opener,
    subject_before,
)
from .constants import LEXICONS
from .cues import (
    according_to, agent_after, agent_phrase, author_of, cue_inside_unclosed, inverting_verb, name_after_dash,
    name_before_colon, only_when_and_where, signed_inside,
)
from .first_names import is_first_name
from .model import Speaker
from .names import speaker_from_phrase
from .phrase_edges import clean_phrase
from .pronouns import speaker_of_pronoun
from .story_memory import Memory
from .speaker_check import is_bare_description, is_named_person
from .quote_context import carried_on, masked_outside, resumes, speaks_as, spoken_sentence
from .quotes import Span
from .sentences import Token, mask, sentence_bounds, tokens
from .speech import is_title_like
from .trailers import Trailer, cue_after, cue_after_joined

_EN = LEXICONS["en"]  # the language of the documents; English is the only one filled in
DOCUMENT_NOUNS = _EN["document_nouns"]
PREPOSITIONS = _EN["prepositions"]
PRONOUNS = _EN["pronouns"]
SPEECH_VERBS = _EN["speech_verbs"]
TITLE_SMALL_WORDS = _EN["title_small_words"]


@dataclass(frozen=True)
class Attribution:
    span: Span
    speaker: Speaker | None
    cue: str | None


class ParagraphAttributor:
    """Attributes the quotations of one paragraph after another, keeping what it has learned."""

    def __init__(self, text: str):
        self.text = text
        self.memory = Memory()
        self.last_speaker: Speaker | None = None  # speaker of the last quotation
        self.left_open = False  # the paragraph before ended inside a quotation
        self.pending_intro: Speaker | None = None  # the paragraph before ended 'X said:'
        self.run_speaker: Speaker | None = None  # who spoke last in the paragraph before, if it quoted
        self.quote_only = False  # this paragraph has no words outside its quotations
        self.opens_quoted = False  # this paragraph opens with a quotation mark
        self.described_nobody = False  # the cue's subject is a bare role the story never resolved
        self.intro_toks: list[Token] = []  # the sentence before, when it reported speech and quoted none
        self.report_before: list[Token] = []  # the last sentence of the paragraph before, if it quoted none

    def _resolve(self, phrase: str, toks: list[Token]) -> Speaker | None:
        if not phrase:
            return None
        opener = skip_clause_opener(toks)
        starts = {toks[0].text, toks[opener].text if opener < len(toks) else ""} if toks else set()
        if phrase.lower() in ("he", "she"):
            # "Erin Brockovich ... endorsed Sanders' approach, saying she hadn't yet called for ...":
            # a pronoun inside a sentence about a named person is that person.
            subject = sentence_subject(toks)
            if subject and subject.split()[0].lower() not in PRONOUNS and subject.split()[0][:1].isupper():
                found = speaker_from_phrase(subject, self.memory, sentence_start=True)
                if found and found.kind == "person":
                    return found
        return speaker_from_phrase(phrase, self.memory, sentence_start=phrase.split()[0] in starts)

    def learn_label(self, speaker: Speaker | None) -> None:
        if speaker:
            self.last_speaker = speaker

    def paragraph(self, start: int, end: int, spans: list[Span]) -> list[Attribution]:
        masked = mask(self.text, start, end, spans)
        results: list[Attribution] = []
        previous_sentence_speaker: Speaker | None = None
        paragraph_speaker: Speaker | None = None  # who the paragraph quotes: a later bare quotation is theirs
        next_span = 0
        self.quote_only = bool(spans) and not any(
            c.isalpha() for c in masked_outside(self.text, start, end, spans))
        self.opens_quoted = bool(spans) and not self.text[start:spans[0].start - 1].strip()
        self.report_before = self.intro_toks  # the paragraph before ended on a sentence that quoted none
        self.intro_toks = []
        bounds = sentence_bounds(masked, start)
        words = [self._words(masked, start, a, b) for a, b in bounds]  # each sentence read once
        for number, (s_start, s_end) in enumerate(bounds):
            toks = words[number]
            self.starts = [t.start for t in toks]
            self.memory.sentence = masked[s_start - start:s_end - start]
            self.next_toks = words[number + 1] if number + 1 < len(bounds) else []
            inside = []
            while next_span < len(spans) and spans[next_span].start - 1 < s_end:
                inside.append(spans[next_span])  # spans and sentences both run in document order
                next_span += 1
            spoken_here: Speaker | None = None
            prior: Attribution | None = None  # the quotation before, in this sentence
            for span in inside:
                self.described_nobody = False
                signed = signed_inside(self.text, span, self.memory)
                if signed:
                    span, speaker, cue = signed[0], signed[1], "after"
                elif prior and prior.speaker and prior.cue == "after" and resumes(self.text, prior.span, span):
                    speaker, cue = prior.speaker, "continued"  # '"A," said Ruiz, "but b."': one sentence, cut by its cue
                else:
                    speaker, cue = self._attribute(span, toks, s_start, previous_sentence_speaker or paragraph_speaker,
                                                   first=span is spans[0])
                    speaker = carried_on(speaker, cue, span, toks, previous_sentence_speaker or paragraph_speaker)
                results.append(Attribution(span, speaker, cue))
                prior = results[-1]
                if speaker:
                    spoken_here = speaker
                    self.last_speaker = speaker
                elif self.described_nobody:
                    # '"...," the youngster said. "..."': the next quotation is the same unnamed one's
                    previous_sentence_speaker = paragraph_speaker = self.last_speaker = None
            about: Speaker | None = None  # who this sentence is about, if it quotes nobody
            if not inside:
                subject = sentence_subject(toks)
                if subject and len(subject.split()) <= 12 and subject.split()[0].lower() not in PRONOUNS:
                    about = self._resolve(subject, toks)
                elif subject and subject.lower() in ("he", "she"):
                    about = speaker_of_pronoun(subject, self.memory)
                # 'Ruiz had panicked, Kale said.': the sentence is Kale's report, and about him
                about = self._note_reporters(toks, subject) or about
            self.memory.subject_before = about if is_named_person(about) else None
            self.memory.learn_text(masked[s_start - start:s_end - start])
            if not inside:
                self.memory.mention_introduced(about)
            self.intro_toks = [] if inside else toks  # looked at only when a bare quotation follows
            previous_sentence_speaker = spoken_here or (previous_sentence_speaker if inside else None)
            paragraph_speaker = spoken_here or paragraph_speaker
        self.run_speaker = results[-1].speaker if results else None
        self.left_open = bool(spans) and not spans[-1].closed and spans[-1].end >= len(self.text[:end].rstrip()) - 1
        self.pending_intro = self._intro_at_end(masked, start, end) if not spans or spans[-1].end < end - 2 else None
        return results

    def _reporter_before(self, whole_sentence: bool) -> Speaker | None:
        """Who the sentence before, which quoted nobody, reports speaking: the subject of its last reporting
        verb that has one. A verb of what was reported has none ('Kale told a radio show how the group uses
        tablets called slates.', 'Ruiz said it was hard to say when'), so the verb before it is read, when
        its subject is a name (an earlier 'it' or 'they' is too far from the quotation to follow) and the
        quotation is a whole sentence someone says (not a show's title)."""
        toks = self.intro_toks
        verbs = [i for i in range(len(toks)) if is_speech_verb(toks, i)]
        for verb in reversed(verbs if whole_sentence else verbs[-1:]):
            if verb != verbs[-1] and subject_before(toks, verb).split()[:1] and (
                    subject_before(toks, verb).split()[0].lower() in PRONOUNS):
                continue
            found = self._subject_of(toks, verb)
            if found:
                return found
        return None

    def _about_speaks(self, span: Span) -> bool:
        """Whether a whole spoken sentence with no cue is the person the sentence before, which quoted nobody,
        was about: it speaks as 'I' or 'we' and not of them (quote_context.speaks_as)."""
        about = self.memory.subject_before
        return about is not None and spoken_sentence(self.text, span) and speaks_as(self.text, span, about.name)

    def _note_reporters(self, toks: list[Token], subject: str) -> Speaker | None:
        """'As Clinton told the paper, tax relief ...': whoever a sentence says spoke is the one a
        'she said' after it points back to, even when the sentence's subject is something else. Returns
        the last one."""
        reporter = None
        for v in range(1, len(toks)):
            if toks[v].lower in SPEECH_VERBS and is_speech_verb(toks, v, object_verbs=False):
                phrase = subject_before(toks, v)
                if phrase and phrase != subject and phrase[:1].isupper() and len(phrase.split()) <= 4 and (
                        phrase.split()[0].lower() not in PRONOUNS):
                    reporter = self._resolve(phrase, toks) or reporter
        return reporter

    def _words(self, masked: str, offset: int, start: int, end: int) -> list[Token]:
        """The sentence's own words: quoted words are someone else's and never a subject or a verb.

        Quoted words are masked, so a token that differs from the document's text was quoted.
        """
        return [t for t in tokens(masked, offset, start, end) if t.text == self.text[t.start:t.end]]

    def _intro_at_end(self, masked: str, start: int, end: int) -> Speaker | None:
        """'She told the court:' closing a paragraph introduces the quotation that follows."""
        tail = masked.rstrip()
        if not tail.endswith(":"):
            return None
        toks = tokens(masked, start, start, start + len(tail) - 1)
        verbs = [i for i in range(len(toks)) if is_speech_verb(toks, i)]
        phrase = subject_before(toks, verbs[-1]) if verbs else sentence_subject(toks)
        return self._resolve(phrase, toks)

    def _attribute(self, span: Span, toks: list[Token], s_start: int, previous: Speaker | None,
                   first: bool) -> tuple[Speaker | None, str | None]:
        # Only words in title case can be the name of a work ('on "Meet the Press"'); 'on the
        # "wrong track"' is a phrase someone used.
        quoted_words = re.findall(r"[\w'’\-]+", self.text[span.start:span.end])
        self.quote_titled = is_title_like(quoted_words)
        self.quote_is_sentence = (len(quoted_words) >= 6 and self.text[span.start:span.start + 1] in "[" + string.ascii_uppercase
                                  and any(w.lower().replace("’", "'") in SPEAKING_PRONOUNS for w in quoted_words))
        starts = self.starts
        # Cues are local: a window of words either side keeps a paragraph of 10,000 quotation
        # marks linear instead of quadratic.
        before = toks[max(0, bisect_right(starts, span.start - (1 if span.opened else 0) - 1) - WINDOW):
                      bisect_right(starts, span.start - (1 if span.opened else 0) - 1)]
        first_after = bisect_left(starts, span.end + (1 if span.closed else 0))
        after = toks[first_after:first_after + WINDOW]
        # Quotation marks of the quote itself are not words of the sentence around it.
        while before and before[-1].text in "\"“‘'«`":
            before.pop()
        while after and after[0].text in "\"”’'»`":
            after.pop(0)

        if span.closed:
            last = self.text[span.end - 1:span.end]
            found = self._trailer(after, ended=last in ".!?", comma=last == ",")
            # Only a quotation that opens its sentence can be closed early by its mark: in 'Ruiz called
            # the vote "arbitrary." Kale warned ...' the sentence was Ruiz's, and the next one is Kale's own.
            if (not found and not after and not before and self.next_toks and self.next_toks[0].text not in "\"“‘'«"
                    and "\n" not in self.text[span.end:self.next_toks[0].start]):  # a line break ends a paragraph
                # '"Not us but can't argue with it!" Murphy tweeted.': the mark ended the sentence early.
                found = self._trailer(self.next_toks, ended=True)
            if found or self.described_nobody:
                return found, "after"  # '"...," said the man.': the man spoke, not an earlier name
        if (previous and before and before[0].lower in SPEECH_VERBS and before[0].lower.endswith("ing")
                and before[0].text[:1].isupper() and all(t.text in CLAUSE_BREAKS for t in before[1:])):
            return previous, "continued"  # '... Ruiz stated. Adding, "...".': the sentence before's speaker
        found = self._intro(before)
        if found or self.described_nobody:
            return found, "before"  # 'He said the man shouted: "..."': the man, not the one who reports it
        if not span.closed:
            # the closing mark was lost: the quotation runs to the paragraph's end, its cue inside it
            found = cue_inside_unclosed(self.text[span.start:span.end], self.memory)
            if found:
                return found, "inside"
        found = self._in_sentence(before, after, toks)
        if found:
            return found, "sentence"
        if not span.opened or (first and span.start - 1 <= s_start and self.left_open):
            return self.last_speaker, "continued"
        if first and self.pending_intro and not before:
            return self.pending_intro, "before"
        reporter = self._reporter_before(spoken_sentence(self.text, span)) if not before else None
        if not (before or reporter) and self.intro_toks and self._about_speaks(span):
            reporter = self.memory.subject_before  # 'Kale, though, is keen to rest his men. "I have seen enough."'
        if previous and not before:
            if is_named_person(reporter) and reporter != previous:
                # 'Kale says ... "A." Ruiz, who built it, says the aim is X. "B."': the sentence between
                # reports someone else speaking, who goes on in the quotation after it
                return reporter, "before"
            return previous, "continued"
        if reporter:
            return reporter, "before"  # 'Ruiz tweeted a warning. "..."'
        # A paragraph that is all quotation, or opens with a quoted sentence and no cue (a cue that named
        # nobody, '"...," he said', is not these rules' to overrule), carries on the paragraph before.
        carries_on = first and (self.quote_only or (
            self.opens_quoted and spoken_sentence(self.text, span) and not any(t.lower in SPEECH_VERBS for t in after)))
        reports = [i for i in range(len(self.report_before)) if is_speech_verb(self.report_before, i)] if (
            carries_on) else []  # looked at once a paragraph, for its first quotation only
        if reports:
            # 'Ruiz answered, saying the campaign lied.' closing a paragraph, then one that opens with quotation
            found = self._subject_of(self.report_before, reports[-1])
            if found:
                return found, "before"
        if carries_on and self.run_speaker:
            return self.run_speaker, "continued"  # '"...," said Sella.' then '"Their only mistakes ..." Sella, however, ...'
        return None, None

    def _trailer(self, after: list[Token], ended: bool = False, comma: bool = False) -> Speaker | None:
        return self._take(cue_after(after, self.memory, ended, comma))

    def _take(self, cue: Trailer) -> Speaker | None:
        if cue.nobody:
            self.described_nobody = True
        return cue.speaker

    def _intro(self, before: list[Token]) -> Speaker | None:
        if not before or (self.quote_titled and names_a_work(before)):
            return None
        if before[0].lower in SPEECH_VERBS and before[0].text[:1].isupper() and len(before) > 1:
            # 'Said Ana Ruiz, who grew up here, "..."': the verb first, its subject after it
            phrase = []
            for tok in before[1:]:
                if tok.text in CLAUSE_BREAKS or tok.lower in RELATIVE_PRONOUNS:
                    break
                phrase.append(tok.text)
            if phrase and phrase[0][:1].isupper():
                return speaker_from_phrase(" ".join(phrase), self.memory)
        if before[-1].text == ":":
            verbs = [i for i in range(len(before)) if is_speech_verb(before, i)]
            if not verbs:
                found = author_of(before[:-1], self.memory)
                if found:
                    return found  # 'this new headline from the Washington Post, which ...: "..."'
            if verbs:
                return self._subject_of(before, verbs[-1])
            return (name_after_dash(before, self.memory)
                    or self._resolve(sentence_subject(before), before) or name_before_colon(before, self.memory)
                    or (self.last_speaker if only_when_and_where(before[:-1]) else None))
        for back in range(1, min(len(before), 8) + 1):
            if is_speech_verb(before, len(before) - back, object_verbs=False):
                between = before[len(before) - back + 1:]
                if any(t.text in (".", ";") for t in between):
                    return None
                return self._subject_of(before, len(before) - back)
        if before[-1].text == "," and self.quote_is_sentence and not any(
                t.text in CLAUSE_BREAKS for t in before[:-1] if t.text not in ",()"):
            # 'Kale, the port's chief, reacted coolly to the deal, "I am concerned about ..."': a whole
            # sentence in the first person, quoted after the clause of a named person, is that person's.
            passive = next((v for v in range(1, len(before) - 2) if before[v + 1].lower == "by"
                            and before[v - 1].lower in PASSIVE_AUXILIARIES and is_speech_verb(before, v)), None)
            found = (agent_phrase(before[passive + 2:], self.memory) if passive is not None
                     else self._resolve(sentence_subject(before), before))
            if found and found.kind == "person" and " " in found.name:
                return found
        return None

    def _subject_of(self, toks: list[Token], verb: int) -> Speaker | None:
        if verb > 0 and toks[verb - 1].lower in PASSIVE_AUXILIARIES and verb + 2 < len(toks) and (
                toks[verb + 1].lower == "by" and toks[verb].lower.endswith("ed")):
            # 'Sanders was asked by host Ana Ruiz, who ..., "..."': the agent of a passive speaks
            return agent_phrase(toks[verb + 2:], self.memory)  # 'was asked by reporters': an agent nobody named
        quoted = quoted_as_saying(toks, verb)
        if quoted is not None:
            return self._resolve(quoted, toks)
        phrase = subject_before(toks, verb)
        participle = toks[verb].lower.endswith("ing") and verb > 0 and toks[verb - 1].lower not in AUXILIARIES
        if participle and toks[verb - 1].text == "," and verb > 2:
            said = inverting_verb(toks, verb - 1)
            if said >= 0:  # '"...," said Kale, explaining ...: "..."': the one who said it explains
                found = speaker_from_phrase(" ".join(t.text for t in toks[said + 1:verb - 1]), self.memory)
                if found:
                    return found
        if participle and phrase and toks[verb - 1].text[:1].isupper() and len(phrase.split()) <= 3 and all(
                w[:1].isupper() for w in phrase.split()):
            # '– Ryan saying he was "very encouraged" and Kale calling it a "great meeting"': a name right
            # before the participle is its own subject
            found = self._resolve(phrase, toks)
            if found and found.kind == "person":
                return found
        if participle:
            # 'Kale released an ad calling it "dangerous"': the one calling is the sentence's subject
            found = self._resolve(sentence_subject(toks), toks)
            if found:
                return found
        if not phrase and verb and toks[verb - 1].lower in ("and", "but", "or"):
            # 'that Kale thanked them "..." and called the group "..."': the verb joined to the one
            # before shares its subject, which may sit in a clause after the sentence's own subject
            earlier = next((k for k in range(verb - 2, max(0, verb - 25), -1)
                            if toks[k].lower in SPEECH_VERBS and is_speech_verb(toks, k)), None)
            if earlier is not None:
                phrase = subject_before(toks, earlier)
                if phrase and phrase.lower() not in PRONOUNS:
                    found = self._resolve(phrase, toks)
                    if found:
                        return found
                phrase = ""
        if not phrase and (participle or (verb and toks[verb - 1].lower in ("and", "but", "or"))):
            phrase = sentence_subject(toks)  # 'Carson shared ..., writing "..."'
        found = self._resolve(phrase, toks)
        if not found and is_bare_description(clean_phrase(phrase).split()):
            self.described_nobody = True
        if not found and phrase and phrase.split()[-1].lower() in DOCUMENT_NOUNS:
            subject = sentence_subject(toks)  # 'Kale released a video that said, "..."': who released it
            if subject and subject != phrase and not subject.split()[-1].lower() in DOCUMENT_NOUNS:
                return self._resolve(subject, toks)
        return found

    def _in_sentence(self, before: list[Token], after: list[Token], toks: list[Token]) -> Speaker | None:
        if self.quote_titled and names_a_work(before):
            return None
        for v in range(len(before) - 1, -1, -1):
            if is_speech_verb(before, v):
                if v > 0 and before[v - 1].lower in PASSIVE_AUXILIARIES and before[v].lower.endswith("ed"):
                    # 'what has been described as a "political army"': said by someone the sentence
                    # does not name; its subject is what was described, not who described it
                    if v + 2 < len(before) and before[v + 1].lower == "by":
                        return agent_phrase(before[v + 2:], self.memory)  # 'was praised by Ana Ruiz as "..."'
                    return agent_after(after, self.memory)
                found = self._subject_of(before, v)
                if found:
                    return found
                break
        found = according_to(before, self.memory) or according_to(after, self.memory) or author_of(before, self.memory)
        if found:
            return found
        found = self._take(cue_after_joined(after, self.memory))
        if found:
            return found
        near = before + after
        # 'his comment' was weighed by author_of: whose it is, not the sentence's subject
        if any((t.lower in COMMUNICATION_NOUNS and not (i and near[i - 1].lower in ("his", "her")))
               or is_speech_verb(near, i) for i, t in enumerate(near)):
            return self._resolve(sentence_subject(toks), toks)
        return None
