"""Citation exports parse with real parsers; text fragments are encoded as the spec asks."""
import json

import bibtexparser
import pytest
import rispy

from archive.citations import Cited, bibtex, csl_json, ris, styles, text_fragment

ROTH = Cited(id="abc123defg", kind="quote", text="This is not a regime-threatening issue,", speaker="Kenneth Roth",
             speaker_kind="person", paragraph=8, doc_title="Rights group finds abuse \"endemic\" & {widespread}",
             source="Example Wire", date="2018-11-01", author="Jane Doe", original_url="https://example.org/a?b=1",
             permalink="http://localhost/p/abc123defg")


def test_bibtex_parses():
    library = bibtexparser.parse_string(bibtex(ROTH))
    assert not library.failed_blocks
    entry = library.entries[0]
    assert entry.key == "abc123defg" and entry["date"] == "2018-11-01" and "Example Wire" in entry["journaltitle"]


def test_ris_parses():
    entries = rispy.loads(ris(ROTH))
    assert entries[0]["type_of_reference"] == "NEWS"
    assert entries[0]["title"].startswith("Rights group") and entries[0]["authors"] == ["Doe, Jane"]


def test_csl_json_has_what_processors_need():
    item = json.loads(csl_json(ROTH))[0]
    assert item["type"] == "article-newspaper" and item["container-title"] == "Example Wire"
    assert item["issued"] == {"date-parts": [[2018, 11, 1]]} and item["URL"] == "https://example.org/a?b=1"
    assert item["author"] == [{"family": "Doe", "given": "Jane"}] and item["title"]


def test_styles_quote_a_person_in_an_article():
    apa, mla, chicago = styles(ROTH)
    assert "(Roth, as cited in Doe, 2018, para. 8)" in apa.text
    assert "Doe, J. (2018, November 1)." in apa.text
    assert "(qtd. in Doe par. 8)" in mla.text and "1 Nov. 2018" in mla.text
    assert chicago.text.startswith("Note: 1. Kenneth Roth, quoted in Jane Doe,") and "November 1, 2018" in chicago.text


def test_styles_escape_markup():
    evil = Cited(**{**ROTH.__dict__, "doc_title": "<script>alert(1)</script>", "source": "<b>x</b>"})
    for style in styles(evil):
        assert "<script>" not in str(style.html) and "&lt;script&gt;" in str(style.html)


@pytest.mark.parametrize("quote, fragment", [
    ("rock-solid, fast & cheap", "#:~:text=rock%2Dsolid%2C%20fast%20%26%20cheap"),
    ("plain words", "#:~:text=plain%20words"),
])
def test_text_fragment_encoding(quote, fragment):
    assert text_fragment("https://example.org/story#top", quote) == "https://example.org/story" + fragment


def test_long_quote_uses_start_and_end():
    words = " ".join(f"word{n}" for n in range(40))
    assert text_fragment("https://e.org/", words) == "https://e.org/#:~:text=word0%20word1%20word2%20word3%20word4,word35%20word36%20word37%20word38%20word39"


def test_transcript_turn_is_cited_as_an_interview():
    turn = Cited(id="t1", kind="quote", text="We worked in the mines from dawn.", speaker="Min-jun Park",
                 speaker_kind="person", paragraph=4, doc_title="Interview with a former detainee",
                 source="Oral history collection", date="2019-06-12", author=None, original_url=None,
                 permalink="http://localhost/p/t1", form="interview", interviewer="Ana Lopez")
    apa, mla, chicago = styles(turn)
    assert apa.text.startswith("Park, M. (2019, June 12). Interview with a former detainee [Interview transcript]. Interview by A. Lopez.")
    assert "Interview by Ana Lopez." in mla.text and "interview by Ana Lopez" in chicago.text
    item = json.loads(csl_json(turn))[0]
    assert item["type"] == "interview" and item["interviewer"] == [{"literal": "Ana Lopez"}]
    assert rispy.loads(ris(turn))[0]["type_of_reference"] == "INTV"
