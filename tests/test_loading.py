import codecs
from pathlib import Path

import pytest

from indexer.dates import parse_date
from indexer.loading import UnreadableFile, decode, load, parse


@pytest.mark.parametrize("text, expected", [
    ("2018-11-01", "2018-11-01"),
    ("1 November 2018", "2018-11-01"),
    ("Nov. 1, 2018", "2018-11-01"),
    ("12 June 2019", "2019-06-12"),
    ("Tuesday 13 May 2014", "2014-05-13"),
    ("November 2018", "2018-11"),
    ("yesterday", None),
    ("March", None),
    ("2018-13-45", None),
])
def test_dates_are_read_or_refused(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("data, expected", [
    ("café".encode("utf-8"), "café"),
    (codecs.BOM_UTF8 + "café".encode("utf-8"), "café"),
    (codecs.BOM_UTF16_LE + "café".encode("utf-16-le"), "café"),
    ("café".encode("latin-1"), "café"),
    ("a\r\nb".encode(), "a\r\nb"),
    # Windows-1252: its curly quotes and dashes, which Latin-1 reads as control characters
    ("\u201cWe will wait,\u201d said Ann \u2013 the chair".encode("cp1252"), "\u201cWe will wait,\u201d said Ann \u2013 the chair"),
    (b"caf\xe9 \x81", "caf\xe9 \x81"),  # a byte Windows-1252 leaves undefined: Latin-1's
    # UTF-16 without its byte-order mark, as some Windows tools save it
    ('The board said "no," twice.'.encode("utf-16-le"), 'The board said "no," twice.'),
    ('The board said "no," twice.'.encode("utf-16-be"), 'The board said "no," twice.'),
    ("Les élèves ont déclaré à l'école: « ça suffit, répétez »".encode("latin-1"),
     "Les élèves ont déclaré à l'école: « ça suffit, répétez »"),  # accents often, still Western
])
def test_encodings(data, expected):
    assert decode(data) == expected


@pytest.mark.parametrize("text, encoding", [
    ('Совет собрался в гавани. "Мы подождём", сказал Иван Петров.', "koi8-r"),
    ('Совет собрался в гавани. "Мы подождём", сказал Иван Петров.', "cp1251"),
    ("Το συμβούλιο συνεδρίασε στο λιμάνι χθες το βράδυ.", "cp1253"),
    ("港について会議が開かれた。「待ちます」と山田太郎は言った。", "shift_jis"),
], ids=["koi8-r", "cp1251", "cp1253", "shift_jis"])
def test_text_in_another_legacy_encoding_is_refused_not_indexed_as_gibberish(text, encoding):
    with pytest.raises(UnreadableFile, match="not UTF-8.*save it as UTF-8"):
        decode(text.encode(encoding))


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    (bytes(range(256)) * 4, "binary"),  # zeros, but not in every other byte as UTF-16's
    (b"\x00\x00" * 100, "binary|empty|no text"),
])
def test_unreadable_files_say_why(data, reason):
    with pytest.raises(UnreadableFile, match=reason):
        decode(data)


def test_header_block_and_dateline():
    doc = parse("Title: A headline\nSource: Wire (print edition)\nDate: 3 March 2022\n\n"
                "March 3, 2022 — NAIROBI — Text begins.\n", Path("x.txt"))
    assert (doc.title, doc.source, doc.date, doc.place) == ("A headline", "Wire", "2022-03-03", "Nairobi")


def test_seed_dateline_gives_date_and_place():
    doc = load(Path(__file__).resolve().parent.parent / "samples" / "hrw_reuters_2018-11-01.txt")
    assert (doc.date, doc.place) == ("2018-11-01", "Seoul")


def test_reuters_style_dateline_gives_source():
    doc = parse("LONDON (Reuters) - Shares fell.\n", Path("x.txt"))
    assert (doc.place, doc.source) == ("London", "Reuters")


def test_transcript_label_is_not_a_header():
    doc = parse("QUESTION: Is this metadata?\n\nANSWER: No.\n", Path("x.txt"))
    assert doc.meta == () and doc.body_start == 0


def test_markdown_front_matter_and_bad_date_is_kept_as_text():
    doc = parse("---\ntitle: Notes\ndate: yesterday\ntags:\n  - a\n  - b\n---\n# Heading\n\nBody.\n", Path("n.md"))
    assert doc.title == "Notes" and doc.date is None and doc.date_text == "yesterday"
    assert any("yesterday" in w for w in doc.warnings)
    assert dict(doc.meta)["tags"] == "a; b"


def test_unclosed_front_matter_is_reported():
    doc = parse("---\ntitle: Broken\n\nBody text.\n", Path("b.md"))
    assert any("never closed" in w for w in doc.warnings)
