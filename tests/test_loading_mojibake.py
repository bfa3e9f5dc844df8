"""Mis-decoded text (UTF-8 read as Latin-1 or Windows-1252) is repaired on reading, nothing else changes."""
from __future__ import annotations

import pytest

from indexer.extract import extract_path
from indexer.loading import repair_mojibake


@pytest.mark.parametrize("text, expected", [
    ("Stefan KÃ¶rner said", "Stefan Körner said"),
    ("RenÃ©e Zellweger", "Renée Zellweger"),
    ("â€œWe will winâ€\x9d, she said", "“We will win”, she said"),
    ("JosÃ© MarÃ­a Aznar", "José María Aznar"),
    # already right: left exactly as written, curly quotes and dashes included
    ("Müller said “no” – café", "Müller said “no” – café"),
    ("Gonçalves and Ångström", "Gonçalves and Ångström"),
    ('"Straight quotes" -- and ASCII', '"Straight quotes" -- and ASCII'),
    ("Ã alone is a letter", "Ã alone is a letter"),
])
def test_mojibake_is_repaired_and_good_text_kept(text, expected):
    fixed, repaired = repair_mojibake(text)
    assert fixed == expected
    assert repaired == (text != expected)


def test_a_mis_decoded_name_is_repaired_before_it_becomes_a_speaker(tmp_path):
    path = tmp_path / "story.txt"
    body = 'Title: Match report\n\nThe coach spoke after the game.\n\n"We deserved it," said Stefan Körner.\n'
    path.write_bytes(body.encode("utf-8").decode("latin-1").encode("utf-8"))  # the classic double encoding
    extraction = extract_path(path, tmp_path)
    assert [q.speaker.name for q in extraction.quotes] == ["Stefan Körner"]
    assert any("repaired" in w for w in extraction.document.warnings)
