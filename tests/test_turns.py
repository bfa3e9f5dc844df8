"""Transcript turns: labels kept as written, Markdown bold labels, and who answers in a Q-and-A."""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract import extract
from indexer.loading import bold_turn_label, parse
from indexer.turns import introduced_person, label_as_written, speech_giver


def turn_speakers(text: str, name: str = "t.md") -> list[str | None]:
    return [p.speaker.name if p.speaker else None for p in extract(parse(text, Path(name))).passages
            if p.kind == "quote"]


@pytest.mark.parametrize("chunk, expected", [
    ("**Q:** Where were you born?", ("Q", "Where were you born?")),
    ("**MODERATOR**: Welcome to the debate", ("MODERATOR", "Welcome to the debate")),
    ("__A:__ In a village.", ("A", "In a village.")),
    ("- **Jane Doe:** Thank you.", ("Jane Doe", "Thank you.")),
    ("**[Jane Doe](https://example.org/jane):** Thank you.", ("Jane Doe", "Thank you.")),
    ("**Bold claim** is not a label.", None),  # emphasis, no colon
    ("Said **this:** loudly", None),  # not at the start
    ("*Q:* in italics", None),
    ("**Q:**", None),  # nothing said
    ("Q: a plain label is the colon rule's", None),
])
def test_bold_labels(chunk, expected):
    found = bold_turn_label(chunk)
    assert (found and (found[0], chunk[found[1]:])) == expected


@pytest.mark.parametrize("label, expected", [
    ("MODERATOR", "Moderator"), ("QUESTION", "Question"), ("Q", "Q"), ("Interviewer", "Interviewer"),
    ("AUDIENCE MEMBER:", "Audience Member"),
])
def test_labels_are_kept_as_written(label, expected):
    assert label_as_written(label) == expected


@pytest.mark.parametrize("text, name, expected", [
    ("MODERATOR: Welcome, both.\n\nJANE DOE: Thank you.\n\nMODERATOR: Let us begin.\n", "t.txt",
     ["Moderator", "Jane Doe", "Moderator"]),
    ("QUESTION: Why?\n\nANSWER: Because.\n\nQUESTION: When?\n", "t.txt", ["Question", "Answer", "Question"]),
    ("# Debate\n\n**MODERATOR:** Welcome.\n\n**Jane Doe:** Thank you.\n\n**MODERATOR:** Let us begin.\n", "t.md",
     ["Moderator", "Jane Doe", "Moderator"]),
    ("# Debate\n\n- **MODERATOR:** Welcome.\n\n- **Jane Doe:** Thank you.\n", "t.md", ["Moderator", "Jane Doe"]),
    # Q and A only: the answerer is the person the introduction names
    ("# A life in the shelter\n\nAna Silva has run the shelter for ten years.\n\n"
     "**Q:** Where were you born?\n\n**A:** In a small village.\n\n**Q:** And then?\n\n**A:** We moved.\n", "t.md",
     ["Q", "Ana Silva", "Q", "Ana Silva"]),
    ("Title: Talk\n\nWe spoke to Tom Lee in May.\n\nQ: Where?\n\nA: Here.\n", "t.txt", ["Q", "Tom Lee"]),
    # two people introduced, the title names neither: nobody is guessed
    ("# Two voices\n\nJane Doe and Tom Lee met in Paris.\n\n**Q:** Where?\n\n**A:** Here.\n", "t.md", ["Q", "A"]),
    # negatives: one bold label is emphasis, not a transcript; bold in a text file is not Markdown
    ("# Notes\n\n**Update:** the vote moved to Friday.\n\nThe council met.\n", "t.md", []),
    ("**Warning:** dry weather.\n\n**Note:** more later.\n\nThe council met.\n", "t.txt", []),
])
def test_turn_speakers(text, name, expected):
    assert turn_speakers(text, name) == expected


@pytest.mark.parametrize("texts, title, interviewer, expected", [
    (["Ana Silva has run the shelter."], None, None, "Ana Silva"),
    (["Interview by Jane Doe with Ana Silva."], None, "Jane Doe", "Ana Silva"),
    (["Jane Doe and Tom Lee met."], "Tom Lee at home", None, "Tom Lee"),
    (["Jane Doe and Tom Lee met."], None, None, None),
    (["We spoke in May."], None, None, None),
])
def test_introduced_person(texts, title, interviewer, expected):
    assert introduced_person(texts, title, interviewer) == expected


@pytest.mark.parametrize("title, expected", [
    ("Remarks by Ambassador Ana Ruiz at the Harbour Forum on Shipping", "Ambassador Ana Ruiz"),
    ("Remarks By Ambassador Ana Ruiz At A Harbour Meeting", "Ambassador Ana Ruiz"),
    ("Prepared Testimony of Tom Kale before the Ports Committee", "Tom Kale"),
    ("Remarks as Prepared for Delivery by Ana Ruiz", "Ana Ruiz"),
    ("Speech by Ana Ruiz, Minister for Ports", "Ana Ruiz"),
    ("Address by President Ana Ruiz: The State of the Harbour", "President Ana Ruiz"),
    ("Remarks by Secretary of State Ana Ruiz", "Secretary of State Ana Ruiz"),
    # negatives: a story about remarks, a body or person left unnamed, two speakers, no title
    ("Ruiz's remarks anger the port", None),
    ("Statement by the Board", None),
    ("Remarks by the President in an Address to the Nation", None),
    ("Remarks by Ana Ruiz and Tom Kale", None),
    ("Remarks By Ana Ruiz And Tom Kale", None),
    ("Speech therapy helps harbour pilots", None),
    (None, None),
])
def test_speech_giver(title, expected):
    assert speech_giver(title) == expected


SPEECH = ("Title: Remarks by Minister Ana Ruiz at the Harbour Forum\n\n"
          "Minister Ana Ruiz\nMinister for Ports\nHarbourtown, May 1\n\n"
          "Thank you all for coming to the forum tonight.\n\n"
          "Our ships wait too long, and the pilots told me: \"We need a second berth.\"\n\n"
          "[...]\n")


def test_a_speechs_prose_is_its_givers():
    extraction = extract(parse(SPEECH, Path("speech.txt")))
    turns = [(p.speaker.name if p.speaker else None, p.kind) for p in extraction.passages]
    assert turns == [(None, "narrative"), ("Ana Ruiz", "quote"), ("Ana Ruiz", "quote"), (None, "note")]
    assert extraction.passages[1].speaker.role == "Minister"


def test_a_transcripts_labels_outrank_its_title():
    text = "Title: Remarks by Ana Ruiz at the Forum\n\nMODERATOR: Welcome.\n\nTOM KALE: Thank you.\n"
    assert turn_speakers(text, "t.txt") == ["Moderator", "Tom Kale"]



@pytest.mark.parametrize("text, expected", [
    # a name on its own line, then what they said: a debate's turns
    ("Port debate\n\nAna Ruiz (Harbour East) (Lab)\n\nI thank the minister for his answer.\n\n"
     "Tom Kale\n\nYes.\n", ["Ana Ruiz", "Tom Kale"]),
    # negatives: a fixture's ground, date and referee, and a list of winners, are names over no speech
    ("Harbour v Port\n\nKale Park\n\nTuesday, 1 March\n\n1945 GMT\n\nAna Ruiz (Coastshire)\n\n"
     "home to Port Town in the final\n\nThe hosts are without their captain.\n", []),
    ("Awards night\n\nThe show won again.\n\nAna Ruiz (Harbour Life, BBC Four)\n\n"
     "Tom Kale (Port Tales, ITV2)\n\nHarbour Nights (Kale Films, BBC Four)\n", []),
])
def test_a_name_line_is_a_label_only_over_speech(text, expected):
    assert turn_speakers(text, "t.txt") == expected
