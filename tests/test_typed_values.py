"""Facet values typed by a reader: found in another case, offered when partial, said when unknown."""
import pytest

from archive.typed_values import spelt_as_archived, values_holding

VALUES = [("Tony Blair", 233), ("Lleyton Hewitt", 26), ("Patricia Hewitt", 19), ("ROSS", 2), ("Ross", 1)]


@pytest.mark.parametrize("typed, spelt", [
    ("tony blair", "Tony Blair"),
    ("  TONY   blair ", "Tony Blair"),
    # negative cases: a part of a name, two spellings that fold alike, nothing at all
    ("blair", None),
    ("ross", None),
    ("", None),
])
def test_spelt_as_archived(typed, spelt):
    assert spelt_as_archived(VALUES, typed) == spelt


@pytest.mark.parametrize("typed, offered", [
    ("hewitt", ["Lleyton Hewitt", "Patricia Hewitt"]),
    ("HEWITT", ["Lleyton Hewitt", "Patricia Hewitt"]),
    ("patricia  hewitt", ["Patricia Hewitt"]),
    ("nobody", []),
    ("", []),
])
def test_values_holding(typed, offered):
    assert [v for v, _ in values_holding(VALUES, typed)] == offered


@pytest.mark.parametrize("query, note", [
    ("speaker=kenneth+roth", "No speaker is “kenneth roth” in this archive; did you mean “Kenneth Roth”?"),
    ("source=Nowhere+Wire", "No source is “Nowhere Wire” in this archive."),
    ("kind=QUOTE", "did you mean “quote”?"),
    # negative cases: values that exist (one filter combined with another that empties it) say nothing
    ("speaker=Kenneth+Roth", None),
    ("speaker=Kenneth+Roth&kind=caption", None),
])
def test_a_filter_value_no_record_has_is_named(client, query, note):
    api = client.get(f"/api/search?{query}").get_json()
    if note is None:
        assert api["note"] is None
    else:
        assert api["total"] == 0 and note in api["note"]
        assert note.replace("“", "").split("”")[0] in client.get(f"/?{query}").get_data(as_text=True).replace("“", "")


@pytest.mark.parametrize("q, note", [
    ("kind:quotes", "kind:quotes matches nothing: write kind:quote."),
    ("roth type:Reporting", "type:Reporting matches nothing: write type:narrative."),
    ("kind:turn", "kind:turn matches nothing: a kind is one of caption, heading, narrative, note, quote, teaser, title."),
    # negative cases: real kinds in any case, a phrase, no kind at all
    ("kind:quote", None),
    ("KIND:Quote roth", None),
    ('"kind:quotes"', None),
    ("quotes", None),
])
def test_a_kind_that_is_no_kind_is_named(client, q, note):
    from archive.typed_values import unknown_kind_note
    found = unknown_kind_note(q)
    if note is None:
        assert found is None
    else:
        assert found == note
        assert found in client.get("/api/search", query_string={"q": q}).get_json()["note"]
