"""Notes on how a query was read (a minus sign, a wildcard in a phrase) and the any-of-the-words offer."""
import pytest


@pytest.mark.parametrize("q, expected", [
    ("-police abuse", "NOT police abuse"),
    ("abuse (\u2212police OR -crime)", "abuse (NOT police OR NOT crime)"),
    ("abuse -\"human rights\"", "abuse NOT \"human rights\""),
    ("-speaker:blair abuse", "NOT speaker:blair abuse"),
    ("+abuse police", "abuse police"),
    # negative cases: a dash inside a word, a number, a phrase's own text, a sign alone, a plus inside a word
    ("e-mail", "e-mail"),
    ("won 2-1 after -1", "won 2-1 after -1"),
    ('"well -known"', '"well -known"'),
    ("abuse -", "abuse -"),
    ("a - b", "a - b"),
    ("c++ a+b", "c++ a+b"),
    ('"a b"-c', '"a b"-c'),
])
def test_signs_as_operators(q, expected):
    from indexer.engine.query_parsing import signs_as_operators
    assert signs_as_operators(q) == expected


@pytest.mark.parametrize("q, plain", [
    ("abuse -women", "abuse NOT women"),
    ("abuse \u2212women", "abuse NOT women"),
    ("+abuse", "abuse"),
])
def test_a_minus_leaves_the_word_out_on_the_page_and_the_api(client, q, plain):
    signed = client.get("/api/search", query_string={"q": q}).get_json()
    written = client.get("/api/search", query_string={"q": plain}).get_json()
    unsigned = client.get("/api/search", query_string={"q": "abuse"}).get_json()
    assert signed["total"] == written["total"] and signed["note"] is None
    assert [r["id"] for r in signed["results"]] == [r["id"] for r in written["results"]]
    if "NOT" in plain:
        assert 0 < signed["total"] < unsigned["total"]
    page = client.get("/", query_string={"q": q}).get_data(as_text=True)
    assert "minus sign is not an operator" not in page


@pytest.mark.parametrize("q, offered", [
    ("zzzxqy blair", "zzzxqy OR blair"),
    ("won't give-up", "won't OR give-up"),
    # negative cases: one word, or syntax the reader chose
    ("blair", None),
    ("blair NOT brown", None),
    ('"prime minister" blair', None),
    ("speaker:blair brown", None),
    ("(blair brown)", None),
    ("regim* blair", None),
])
def test_any_of_the_words(q, offered):
    from archive.query_notes import any_of_the_words
    assert any_of_the_words(q) == offered


@pytest.mark.parametrize("q, note", [
    ('"human righ*"', "“human righ*”: a * or ? inside quotation marks is not a wildcard"),
    ('"wom?n" abuse', "“wom?n”: a * or ?"),
    # negative cases: a wildcard outside a phrase works; a lone * or ? in a phrase is punctuation
    ("righ*", None),
    ('"human rights" righ*', None),
    ('"what now ?"', None),
])
def test_a_wildcard_inside_a_phrase_is_explained(client, q, note):
    from archive.query_notes import phrase_wildcard_note
    found = phrase_wildcard_note(q)
    assert (found is None) if note is None else found.startswith(note)
    api_note = client.get("/api/search", query_string={"q": q}).get_json()["note"] or ""
    assert (note or "inside quotation marks") in api_note if note else "inside quotation marks" not in api_note


@pytest.mark.parametrize("q, note", [
    ("year:18", "year:18 matches nothing: a year is four digits (year:2018)"),
    ("abuse Year:05", "Year:05 matches nothing: a year is four digits"),
    ("year:2018-11", "year:2018-11 matches nothing"),
    ("date:2018", "date:2018 matches only a whole date (date:2018-11-01): for a year write year:2018"),
    ("date:nov", "date:nov matches only a whole date (date:2018-11-01), for a span"),
    ("auther:smith", "auther: is not a field, so auther:smith was searched as words; the fields are speaker:"),
    # negative cases: well-formed values, ranges and patterns, a link, a phrase, a time of day
    ("year:2018", None),
    ("year:[2004 TO 2006]", None),
    ("year:201*", None),
    ("date:2018-11-01", None),
    ("speaker:blair kind:quote", None),
    ("https://example.org/a", None),
    ('"note: this"', None),
    ("at 10:30", None),
    ("", None),
])
def test_a_field_value_of_the_wrong_shape_is_named(q, note):
    from archive.query_notes import field_value_note
    found = field_value_note(q)
    assert (found is None) if note is None else (found is not None and found.startswith(note)), found


def test_the_field_value_note_reaches_the_page_and_the_api(client):
    api = client.get("/api/search", query_string={"q": "year:18"}).get_json()
    assert api["total"] == 0 and api["note"].startswith("year:18 matches nothing")
    assert "year:18 matches nothing" in client.get("/", query_string={"q": "year:18"}).get_data(as_text=True)


@pytest.mark.parametrize("typed, written", [("Year:2018", "year:2018"), ("KIND:quote abuse", "kind:quote abuse"),
                                            ("Speaker:Roth", "speaker:roth")])
def test_a_field_name_in_capitals_is_the_field(client, typed, written):
    capital = client.get("/api/search", query_string={"q": typed}).get_json()
    lower = client.get("/api/search", query_string={"q": written}).get_json()
    assert capital["total"] == lower["total"] > 0


@pytest.mark.parametrize("q, note", [
    ("year:[2005 TO", "a range's bracket is not closed (a range reads year:[2004 TO 2006])"),
    ("blair year:[2005 TO 2006", "a range's bracket is not closed"),
    ("year:2005 TO 2006]", "a range's bracket is not closed"),
    ("year:{2005 TO 2006", "a range's bracket is not closed"),
    # negative cases: closed ranges, open-ended ones
    ("year:[2004 TO 2006]", None),
    ("year:[2017 TO]", None),
    ("year:{2004 TO 2006}", None),
])
def test_an_unclosed_range_is_said(client, q, note):
    answer = client.get("/api/search", query_string={"q": q}).get_json()
    if note is None:
        assert answer["note"] is None
    else:
        assert answer["note"].startswith("Searched for the words") and note in answer["note"]


@pytest.mark.parametrize("q, note", [
    ("speaker:", "Searched for the words “speaker” instead: “speaker:” has no value."),
    ('"ferry timetable', "Searched for the words “ferry timetable” instead: a quotation mark is not closed."),
])
def test_the_plain_words_searched_instead_are_set_apart_from_the_reason(q, note):
    from indexer.engine.query_parsing import parse
    from indexer.engine.schema import make_schema
    assert parse(q, make_schema())[1] == note


@pytest.mark.parametrize("q, note", [
    ("-", "Nothing to search for in “-”: it has no words."),
    ("+", "Nothing to search for in “+”: it has no words."),
    ("-(", "Nothing to search for in “-(”."),  # not 'Searched for the words “NOT”': the reader wrote no NOT
    ("-( police", "Searched for the words “police” instead: a bracket is not closed."),
    # negative cases: a sign before a word is an operator, not a lack of words
    ("-police", None),
    ("+police", None),
])
def test_signs_without_words_say_so(q, note):
    from indexer.engine.query_parsing import parse
    from indexer.engine.schema import make_schema
    assert parse(q, make_schema())[1] == note
