"""Passage kinds and transcript turns."""
from pathlib import Path

import pytest

from indexer.extract import extract
from indexer.loading import parse

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def passages(text, name="doc.txt"):
    extraction = extract(parse(text, Path(name)))
    return [(p.kind, p.text, p.speaker.name if p.speaker else None) for p in extraction.passages]


BODY = "This opening paragraph is long enough to be body text, with a full stop and more words besides."


@pytest.mark.parametrize("text, kinds", [
    ("Short headline\n\nBody text of the story goes here. It has sentences.", ["title", "narrative"]),
    ("Body para one is long enough to be a paragraph, with a full stop at its end, and more words here "
     "so that it is not a title at all.\n\nImage: A man walks. Pic: Reuters", ["narrative", "caption"]),
    (BODY + "\n\nRelated: Another story about the same thing", ["narrative", "teaser"]),
    (BODY + "\n\nNorth Korea threatens to restart nuclear weapons programme\n\n"
     "North Korea threatens to restart nuclear weapons programme\n\nMore text.", ["narrative", "teaser", "teaser", "narrative"]),
    (BODY + "\n\n[...]\n\nMore text.", ["narrative", "note", "narrative"]),
])
def test_kinds(text, kinds):
    assert [k for k, _, _ in passages(text)] == kinds


def test_markdown_headings_are_headings():
    found = passages("---\ntitle: T\n---\n# A heading\n\nSome *text*.\n", "n.md")
    assert found[0][:2] == ("heading", "A heading") and found[1][0] == "narrative"


def test_captions_are_never_speech():
    text = 'Story text here.\n\nImage: Protesters hold a sign reading "Free them all now please". Pic: AP'
    assert extract(parse(text, Path("x.txt"))).quotes == ()


def test_label_turns_and_quotes_inside_them():
    text = ('INTERVIEWER: Where were you held?\n\n'
            'W-17: In the camp. A guard told us, "Nobody leaves this place alive."\n\n'
            'INTERVIEWER: And then?\n\nW-17: We worked.')
    extraction = extract(parse(text, Path("t.txt")))
    turns = [(p.kind, p.speaker.name) for p in extraction.passages]
    assert turns == [("quote", "Interviewer"), ("quote", "W-17"), ("quote", "Interviewer"), ("quote", "W-17")]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in extraction.quotes] == [
        ("Nobody leaves this place alive.", "a guard")]


def test_one_label_repeated_is_a_list_heading_not_a_transcript():
    text = ("Harbour United beat Riverside 2-1 on Saturday.\n\n"
            "Ruiz, Kale, Okafor (Doyle 70).\n\nSubs Not Used: Tran, Lee.\n\nOkafor 12, Kale 80.\n\n"
            "Haddad, Park, Silva.\n\nSubs Not Used: Moore, Ito.\n\nPark 55.")
    extraction = extract(parse(text, Path("match.txt")))
    assert [p.speaker for p in extraction.passages if p.speaker] == []
    assert extraction.quote_count == 0


def test_interviewer_named_in_header():
    text = "Title: An interview\nInterviewer: Ana Lopez\n\nQ: Where?\n\nA: Here.\n"
    speakers = [p.speaker.name for p in extract(parse(text, Path("t.txt"))).passages]
    assert speakers == ["Ana Lopez", "A"]  # the label as written: nobody says who answers


def test_testimony_labels():
    text = ("Olena, 61, a retired nurse from Izium:\n\nThey came at night and took my neighbour.\n\n"
            "Petro, 45, a driver:\n\nI drove the wounded to Kharkiv.")
    found = [(p.kind, p.speaker.name, p.speaker.role) for p in extract(parse(text, Path("t.txt"))).passages]
    assert found == [("quote", "Olena", "61, a retired nurse from Izium"), ("quote", "Petro", "45, a driver")]


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared")
def test_press_remarks_transcript_resolves_the_ambassador():
    extraction = extract(parse((SHARED / "samples-extra" / "02_state_dept_king_press_remarks_tokyo_2012-06-08.txt")
                               .read_text(encoding="utf-8"), Path("02.txt")))
    turns = [p.speaker.name for p in extraction.passages if p.kind == "quote"]
    assert set(turns) == {"Robert R. King", "Question"}


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared")
def test_hansard_speaker_lines_and_congressional_record():
    hansard = extract(parse((SHARED / "samples-extra" / "01_hansard_human_rights_north_korea_2014-05-13.txt")
                            .read_text(encoding="utf-8"), Path("01.txt")))
    assert {p.speaker.name for p in hansard.passages if p.kind == "quote"} == {
        "Andrew Selous", "Andrew Smith", "Fiona Bruce", "David Burrowes"}
    record = extract(parse((SHARED / "samples-extra" / "05_congressional_record_nk_human_rights_reauthorization_2017-09-25.txt")
                           .read_text(encoding="utf-8"), Path("05.txt")))
    first_turn = next(p for p in record.passages if p.kind == "quote")
    assert first_turn.speaker.name == "Royce" and first_turn.text.startswith("Mr. Speaker, I move")
    assert not any(q.text.startswith("North Korean Human Rights Reauthorization Act") for q in record.quotes)



@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared")
def test_a_speech_in_the_samples_is_its_givers():
    speech = extract(parse((SHARED / "samples-extra" / "04_usun_thomas_greenfield_arria_dprk_human_rights_2023-03-17.txt")
                           .read_text(encoding="utf-8"), Path("04.txt")))
    turns = [p for p in speech.passages if p.kind == "quote"]
    assert len(turns) >= 5 and {p.speaker.name for p in turns} == {"Linda Thomas-Greenfield"}
    assert not any(p.kind == "quote" for p in speech.passages if p.text.startswith("Ambassador"))  # the byline

def test_offsets_index_the_decoded_text():
    text = "Title: T\r\n\r\n\"Quoted words here,\" said Ana Lopez.\r\n\r\nMore.\r\n"
    extraction = extract(parse(text, Path("crlf.txt")))
    for item in list(extraction.passages) + list(extraction.quotes):
        assert text[item.start:item.end] == item.text


@pytest.mark.parametrize("text, expected", [
    # a dateline under a title line opens the story: the place is not the sentence's subject
    ('Port Deal Falls Apart\n\nWashington (AFP) – Ana Ruiz has taken a swipe at the board, saying that '
     '"numbers do not lie" on the deal.', ["Ana Ruiz"]),
    ('Washington (AFP) – Ana Ruiz has taken a swipe at the board, saying that "numbers do not lie" on it.',
     ["Ana Ruiz"]),
    # a dateline further down is ordinary text: only the story's opening paragraph can hold one
    ('Port Deal Falls Apart\n\n' + BODY + '\n\nWashington (AFP) – the board met.', []),
])
def test_dateline_after_a_title(text, expected):
    extraction = extract(parse(text, Path("doc.txt")))
    assert [q.speaker.name if q.speaker else None for q in extraction.quotes] == expected
    kept = [p.text for p in extraction.passages if "(AFP)" in p.text]
    assert kept == ([] if text.index("(AFP)") < 40 else ["Washington (AFP) – the board met."])
