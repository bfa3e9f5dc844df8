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
    assert "(qtd. in Doe, par. 8)" in mla.text and "1 Nov. 2018" in mla.text
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


def _variant(**changes) -> Cited:
    return Cited(**{**ROTH.__dict__, **changes})


UNDATED = _variant(date=None, author=None, source=None, original_url=None, doc_title="Labour plans maternity pay rise")
KING = _variant(speaker="Robert R. King", author=None, form="interview", doc_title="Remarks to the press")
QUESTION = _variant(speaker="Question", speaker_kind="anonymous", author=None, form="interview",
                    doc_title="Remarks to the press")
NO_TITLE = _variant(doc_title="[Untitled document]", author=None)
GROUP = _variant(speaker="Human Rights Watch", speaker_kind="organisation", author=None, form="interview",
                 doc_title="Briefing on the report")


def _mla_today() -> str:
    from datetime import date
    from archive.citations import MLA_MONTHS
    today = date.today()
    return f"{today.day} {MLA_MONTHS[today.month - 1]} {today.year}"


def _chicago_today() -> str:
    from datetime import date
    from archive.citations import MONTHS
    today = date.today()
    return f"{MONTHS[today.month - 1]} {today.day}, {today.year}"


# (cited, style, what the style's rules ask for, what they rule out). Rules: MLA 9 6.19 (a locator
# after a comma) and 5.x (access date when undated); Chicago 14.12 (access date only when undated);
# APA 9.7/9.11 (a group author keeps its name, closed by a full stop) and 8.14 (a shortened title,
# comma inside the quotation marks, no ellipsis).
STYLE_RULES = [
    (ROTH, "mla", "(qtd. in Doe, par. 8)", "Doe par. 8"),
    (UNDATED, "mla", "(qtd. in “Labour plans maternity pay,” par. 8)", "…"),
    (UNDATED, "mla", f"/p/abc123defg. Accessed {_mla_today()}.", None),
    (ROTH, "mla", "1 Nov. 2018, https://example.org/a?b=1.\n", "Accessed"),
    (UNDATED, "chicago", f"“Labour plans maternity pay rise,” accessed {_chicago_today()}, para. 8,", "n.d."),
    (UNDATED, "chicago", f"Bibliography: “Labour plans maternity pay rise.” Accessed {_chicago_today()}. http", ".."),
    (ROTH, "chicago", "Example Wire, November 1, 2018. https://example.org/a?b=1.", "ccessed"),
    (UNDATED, "apa", "(Roth, as cited in Labour plans maternity pay, n.d., para. 8)", "“"),  # italic in HTML
    (_variant(date=None, author=None, doc_title="Act on detention ruling, UK urged"), "apa",
     "(Roth, as cited in “Act on detention ruling,” n.d., para. 8)", ",,"),
    (_variant(date=None, author=None, source=None, doc_title="Act on detention ruling, UK urged"), "apa",
     "(Roth, as cited in Act on detention ruling, n.d., para. 8)", ",,"),
    (_variant(author=None, paragraph=0, doc_title="Act on detention ruling, UK urged"), "mla",
     "(qtd. in “Act on detention ruling”)", ",”)"),
    (_variant(date=None, author=None, doc_title="UK rebate 'unjustified' - Chirac"), "apa",
     "(Roth, as cited in “UK rebate 'unjustified',” n.d., para. 8)", " ,"),
    (KING, "mla", "King, Robert R. “Remarks to the press.”", "R.."),
    (KING, "chicago", "Bibliography: King, Robert R. “Remarks", "R.."),
    (KING, "apa", "King, R. R. (2018, November 1). Remarks to the press [Interview transcript].", None),
    (QUESTION, "apa", "Remarks to the press [Interview transcript]. (2018, November 1).", "Question"),
    (QUESTION, "mla", "“Remarks to the press.” Interview.", "Question"),
    (QUESTION, "chicago", "Note: 1. “Remarks to the press,” interview, Example Wire, November 1, 2018,", "1. interview"),
    (GROUP, "apa", "Human Rights Watch. (2018, November 1). Briefing", "Watch, H."),
    (GROUP, "apa", "(Human Rights Watch, 2018, para. 8)", None),
    (GROUP, "mla", "Human Rights Watch. “Briefing on the report.”", "Watch, Human"),
    (GROUP, "chicago", "Bibliography: Human Rights Watch. “Briefing", "Watch, Human"),
    # a document without a title is described in square brackets (APA 9.22), bare in MLA and Chicago
    (NO_TITLE, "apa", "[Untitled document]. (2018, November 1). Example Wire.", "“"),
    (NO_TITLE, "apa", "(Roth, as cited in [Untitled document], 2018, para. 8)", None),
    (NO_TITLE, "mla", "Untitled document. Example Wire, 1 Nov. 2018,", "“Untitled"),
    (NO_TITLE, "mla", "(qtd. in Untitled document, par. 8)", "[Untitled"),
    (NO_TITLE, "chicago", "Note: 1. Kenneth Roth, quoted in Untitled document, Example Wire,", "“Untitled"),
    (NO_TITLE, "chicago", "Bibliography: Untitled document. Example Wire, November 1, 2018.", "[Untitled"),
    (_variant(doc_title="[Remarks to the press] Robert R. King, Tokyo", author=None), "mla",
     "“[Remarks to the press] Robert R. King, Tokyo.”", None),  # negative: only a wholly bracketed title
    (_variant(doc_title='[Human Rights Watch finds abuse "endemic"]', author=None), "apa",
     "(Roth, as cited in [Human Rights Watch finds], 2018, para. 8)", None),  # a description shortened too
]


@pytest.mark.parametrize("cited, style, wanted, unwanted", STYLE_RULES)
def test_styles_follow_their_guides(cited, style, wanted, unwanted):
    text = next(s for s in styles(cited) if s.style == style).text
    assert wanted.replace("\\n", "\n") in text
    if unwanted:
        assert unwanted not in text


def test_exports_credit_the_person_or_group_interviewed():
    king = json.loads(csl_json(KING))[0]
    assert king["author"] == [{"family": "King", "given": "Robert R."}]
    assert json.loads(csl_json(GROUP))[0]["author"] == [{"literal": "Human Rights Watch"}]
    assert "author" not in json.loads(csl_json(QUESTION))[0]
    assert rispy.loads(ris(KING))[0]["authors"] == ["King, Robert R."]
    assert bibtexparser.parse_string(bibtex(GROUP)).entries[0]["author"] == "{Human Rights Watch}"
    assert "author" not in [f.key for f in bibtexparser.parse_string(bibtex(QUESTION)).entries[0].fields]


def test_csl_json_leaves_out_what_is_unknown():
    item = json.loads(csl_json(UNDATED))[0]
    assert "issued" not in item and "container-title" not in item  # a style writes its own "n.d."
    assert item["accessed"]["date-parts"][0][0] >= 2026


# Hostile values, one field at a time: each tries to close its field and open another in some format.
HOSTILE = [
    "https://evil.example/a}, author = {Injected Author",
    'x"}\n@misc{evil,\n  author = {Injected Author',
    "x\r\nAU  - Injected Author\r\nER  - \r\nTY  - JOUR",
    "x\u2028AU  - Injected Author\x1cER  - ",
    "\\}\\{ % # & _ $ ~ ^ \\textbf{Injected Author}",
    '<script>alert(1)</script><img src=x onerror=alert(1)> & "Injected Author"',
    "x&rft.au=Injected%20Author&rft.atitle=Injected",
]
FIELDS = ["text", "speaker", "doc_title", "source", "date", "author", "original_url", "permalink", "interviewer", "id"]
PLAIN = Cited(id="abc123defg", kind="quote", text="Plain words.", speaker="Kenneth Roth", speaker_kind="person",
              paragraph=8, doc_title="A plain title", source="Example Wire", date="2018-11-01", author=None,
              original_url="https://example.org/a", permalink="http://localhost/p/abc123defg")


def _hostile(field: str, value: str, form: str = "article") -> Cited:
    return Cited(**{**PLAIN.__dict__, field: value, "form": form})


def _classic_braces_balance(value: str) -> bool:
    """Classic BibTeX counts braces with no regard for backslashes."""
    depth = 0
    for ch in value:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("form", ["article", "interview"])
@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("value", HOSTILE)
def test_bibtex_values_stay_in_their_fields(field, value, form):
    text = bibtex(_hostile(field, value, form))
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks and len(library.entries) == 1 and not library.comments
    entry = library.entries[0]
    keys = [f.key for f in entry.fields]
    assert len(keys) == len(set(keys))
    assert set(keys) <= {"author", "title", "journaltitle", "journal", "organization", "howpublished", "date",
                         "year", "url", "urldate", "note"}
    authored = field == "author" or (form == "interview" and field == "speaker")
    assert ("author" in keys) == (authored or form == "interview")
    if not authored and "author" in keys:
        assert "Injected" not in entry["author"]
    assert all(_classic_braces_balance(f.value) for f in entry.fields)
    assert all("\n" not in f.value for f in entry.fields)
    if field == "doc_title":
        assert "Injected" in entry["title"]  # escaped, not dropped


@pytest.mark.parametrize("form", ["article", "interview"])
@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("value", HOSTILE)
def test_ris_values_stay_in_their_tags(field, value, form):
    text = ris(_hostile(field, value, form))
    assert text.count("\r\n") == len(text.splitlines()) and all(line[2:6] == "  - " for line in text.splitlines())
    entries = rispy.loads(text)
    assert len(entries) == 1
    entry = entries[0]
    assert entry["type_of_reference"] == ("INTV" if form == "interview" else "NEWS")
    # An interview's author is the person interviewed (the speaker), as in BibTeX and CSL-JSON.
    authored = field == "author" or (form == "interview" and field == "speaker")
    assert ("authors" in entry) == (authored or form == "interview")
    if not authored and "authors" in entry:
        assert not any("Injected" in a for a in entry["authors"])
    if field == "doc_title":
        assert "Injected" in entry["title"]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("value", HOSTILE)
def test_csl_json_and_coins_keep_values_whole(field, value):
    from urllib.parse import parse_qsl

    from archive.citations import coins

    cited = _hostile(field, value)
    item = json.loads(csl_json(cited))[0]
    if field == "doc_title":
        assert item["title"] == value
    if field == "source":
        assert item["container-title"] == value
    pairs = parse_qsl(coins(cited), keep_blank_values=True, strict_parsing=True)
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)) and keys[0] == "ctx_ver"
    assert set(keys) <= {"ctx_ver", "rft_val_fmt", "rft.genre", "rft.atitle", "rft.jtitle", "rft.aulast",
                         "rft.aufirst", "rft.au", "rft.date", "rft_id"}
    values = dict(pairs)
    if field == "doc_title":
        assert values["rft.atitle"] == " ".join(value.replace("\x1c", " ").split())
    if field != "author":
        assert "rft.au" not in values


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("value", HOSTILE)
def test_html_citations_escape_every_field(field, value):
    for style in styles(_hostile(field, value)):
        html = str(style.html)
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        if field == "doc_title" and "<script>" in value:
            assert "&lt;script&gt;" in html


def test_bibtex_has_the_fields_classic_styles_print():
    entry = bibtexparser.parse_string(bibtex(ROTH)).entries[0]
    assert entry["author"] == "Doe, Jane" and entry["year"] == "2018" and entry["journal"] == "Example Wire"
    assert entry["journaltitle"] == "Example Wire" and entry["date"] == "2018-11-01"


def test_coins_names_the_article_for_zotero():
    from urllib.parse import parse_qs

    from archive.citations import coins

    kev = parse_qs(coins(ROTH))
    assert kev["ctx_ver"] == ["Z39.88-2004"] and kev["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"]
    assert kev["rft.genre"] == ["article"] and kev["rft.jtitle"] == ["Example Wire"]
    assert kev["rft.aulast"] == ["Doe"] and kev["rft.aufirst"] == ["Jane"] and kev["rft.date"] == ["2018-11-01"]
    assert kev["rft_id"] == ["https://example.org/a?b=1"]


@pytest.mark.parametrize("cited, italic", [
    (_variant(source=None, author=None, doc_title="Howard rebuts asylum criticisms"), "<i>Howard rebuts asylum criticisms</i>."),
    (_variant(source=None, doc_title="Howard rebuts asylum criticisms"), "<i>Howard rebuts asylum criticisms</i>."),
    # negative cases: an article in a named source, and a bracketed description, keep plain titles
    (_variant(doc_title="Howard rebuts asylum criticisms"), None),
    (_variant(source=None, author=None, doc_title="[Untitled document]"), None),
])
def test_apa_italicises_the_title_of_a_work_that_stands_alone(cited, italic):
    html = str(styles(cited)[0].html).split("<br>")[0]
    if italic:
        assert italic in html
    else:
        assert "<i>Howard" not in html and "<i>[" not in html


def test_apa_in_text_italicises_a_standalone_title_as_its_reference_does():
    html = str(styles(_variant(source=None, author=None, doc_title="Howard rebuts asylum criticisms"))[0].html)
    assert "In text: (Roth, as cited in <i>Howard rebuts asylum criticisms</i>, 2018, para. 8)" in html
    sourced = str(styles(_variant(author=None, doc_title="Howard rebuts asylum criticisms"))[0].html)
    assert "“Howard rebuts asylum criticisms,” 2018" in sourced  # negative: an article's title is quoted


@pytest.mark.parametrize("cited, wanted, unwanted", [
    # APA 9.21: a bracketed description follows the italic title in roman type, never inside the italics
    (_variant(author=None, source=None, form="interview", speaker_kind="anonymous", interviewer="Ana Lopez",
              doc_title="Remarks to the press"),
     "<i>Remarks to the press</i> [Interview transcript]. Interview by A. Lopez.", "transcript]</i>"),
    (_variant(author=None, source=None, form="interview", speaker_kind="anonymous", interviewer=None,
              doc_title="Remarks to the press"),
     "<i>Remarks to the press</i> [Interview transcript].", "transcript]</i>"),
    # negative cases: a title in a named source is not italic at all; an article without a description is italic whole
    (_variant(author=None, form="interview", speaker_kind="anonymous", doc_title="Remarks to the press"),
     "Remarks to the press [Interview transcript].", "<i>Remarks"),
    (_variant(author=None, source=None, doc_title="Remarks to the press"), "<i>Remarks to the press</i>.", "["),
])
def test_an_apa_description_follows_the_italic_title(cited, wanted, unwanted):
    html = str(next(s for s in styles(cited) if s.style == "apa").html)
    assert wanted in html and unwanted not in html.split("<br>")[0], html
