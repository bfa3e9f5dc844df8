"""Notes on how a query was read (a minus sign, a wildcard in a phrase) and the any-of-the-words offer."""
import pytest


@pytest.mark.parametrize("q, note", [
    ("-police abuse", "-police: a minus sign is not an operator, so this word was searched for; write NOT police"),
    ("abuse (−police OR -crime)", "-police, -crime: a minus sign is not an operator, so these words were searched for"),
    ("abuse -police -police", "-police: a minus sign"),
    # negative cases: a dash inside a word, a number, a phrase, or an operator already written
    ("e-mail", None),
    ("won 2-1 after -1", None),
    ('"well -known"', None),
    ("abuse NOT police", None),
    ("", None),
])
def test_a_minus_sign_before_a_word_is_explained(q, note):
    from archive.query_notes import minus_note
    found = minus_note(q)
    assert (found is None) if note is None else (found is not None and found.startswith(note))


def test_the_minus_note_reaches_the_page_and_the_api_beside_the_engines_own(client):
    api = client.get("/api/search", query_string={"q": "-police abuse"}).get_json()
    assert api["note"].startswith("-police: a minus sign is not an operator")
    page = client.get("/", query_string={"q": "-police abuse"}).get_data(as_text=True)
    assert "write NOT police to leave it out" in page
    both = client.get("/api/search", query_string={"q": '"abuse -police'}).get_json()["note"]
    assert both.startswith("Searched for the words") and "write NOT police" in both
    assert client.get("/api/search", query_string={"q": "abuse"}).get_json()["note"] is None


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
