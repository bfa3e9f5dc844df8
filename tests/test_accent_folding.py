"""A word typed without accents finds it written with them, and the other way round, at query time."""
import pytest
from whoosh import query

from app import create_app
from indexer.engine import Filters, SearchEngine, SearchRequest
from indexer.engine.accent_folding import MAX_PHRASE_SPELLINGS, fold, widened
from indexer.ingest import ingest

ACCENTED = """Title: Town hall plans approved
Source: Valley Courier
Date: 4 May 2021

"We will build the new hall by spring," said Klaus Müller, the mayor.

The council met in the café on Zürichstrasse. Señor Núñez chaired it.
"""

PLAIN = """Title: Bridge reopens
Source: Valley Courier
Date: 5 May 2021

"The bridge is safe again," said Hanna Muller, the engineer.
"""


@pytest.mark.parametrize("text, folded", [
    ("müller", "muller"),
    ("José", "Jose"),
    ("núñez", "nunez"),
    ("straße", "strasse"),
    ("øresund", "oresund"),
    ("łódź", "lodz"),
    ("u\u0308ber", "uber"),  # decomposed: a letter and a combining mark
    # negative cases: ASCII, and letters that are not Latin letters with marks, stay as they are
    ("muller", "muller"),
    ("mueller", "mueller"),
    ("москва", "москва"),
    ("", ""),
])
def test_fold(text, folded):
    assert fold(text) == folded


VARIANTS = {("text", "muller"): frozenset({"müller"}), ("text", "cafe"): frozenset({"café"})}


@pytest.mark.parametrize("q, expected", [
    (query.Term("text", "muller"), query.Or([query.Term("text", "muller"), query.Term("text", "müller")])),
    (query.Term("text", "müller"), query.Or([query.Term("text", "müller"), query.Term("text", "muller")])),
    (query.Term("text", "muller", boost=2.0),
     query.Or([query.Term("text", "muller", boost=2.0), query.Term("text", "müller", boost=2.0)])),
    (query.Phrase("text", ["herr", "muller"]),
     query.Or([query.Phrase("text", ["herr", "muller"]), query.Phrase("text", ["herr", "müller"])])),
    # negative cases: a word with one spelling, an exact field, a word of another field
    (query.Term("text", "mayor"), query.Term("text", "mayor")),
    (query.Term("doc", "muller"), query.Term("doc", "muller")),
    (query.Term("title", "muller"), query.Term("title", "muller")),
    (query.Phrase("text", ["the", "mayor"]), query.Phrase("text", ["the", "mayor"])),
])
def test_widened(q, expected):
    assert widened(q, VARIANTS) == expected


def test_a_phrase_of_many_spellings_is_bounded():
    variants = {("text", w): frozenset({w + "é", w + "è"}) for w in ("a", "b", "c", "d")}
    found = widened(query.Phrase("text", ["a", "b", "c", "d"]), variants)
    assert isinstance(found, query.Or) and len(found.subqueries) == MAX_PHRASE_SPELLINGS


@pytest.fixture(scope="module")
def accented_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("accented")
    (folder / "hall.txt").write_text(ACCENTED, encoding="utf-8")
    (folder / "bridge.txt").write_text(PLAIN, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("accented-index")
    assert ingest([folder], index_dir).failed == 0
    return index_dir


@pytest.mark.parametrize("q, docs", [
    ("muller", {"hall", "bridge"}),
    ("Müller", {"hall", "bridge"}),
    ("MULLER", {"hall", "bridge"}),
    ("nunez", {"hall"}),
    ("cafe", {"hall"}),
    ('"klaus muller"', {"hall"}),
    ('"hanna müller"', {"bridge"}),
    ("speaker:muller kind:quote", {"hall", "bridge"}),
    ("speaker:klaus speaker:muller", {"hall"}),
    ("mull*", {"hall", "bridge"}),
    ("müll*", {"hall", "bridge"}),
    ("nun*", {"hall"}),
    # negative cases: another transliteration, another word, a phrase in the wrong order
    ("mueller", set()),
    ("muel*", set()),
    ("mailer", set()),
    ('"muller klaus"', set()),
])
@pytest.mark.parametrize("matcher", ["numpy", "whoosh"])
def test_searches_fold_accents(accented_index, q, docs, matcher):
    page = SearchEngine(accented_index, matcher=matcher).search(SearchRequest(q))
    assert {hit.doc.split("-")[0] for hit in page.hits} == docs, [h.doc for h in page.hits]


def test_the_accented_word_is_marked_in_the_snippet(accented_index):
    page = SearchEngine(accented_index).search(SearchRequest("muller mayor"))
    assert page.total == 1 and "<mark>Müller</mark>" in str(page.hits[0].snippet)


@pytest.fixture(scope="module")
def accented_client(accented_index):
    return create_app({"TESTING": True, "INDEX_DIR": accented_index}).test_client()


def test_a_speaker_page_typed_without_accents_goes_to_the_speaker(accented_client):
    answer = accented_client.get("/speakers/klaus muller")
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/speakers/Klaus%20M%C3%BCller")


def test_a_speaker_filter_typed_without_accents_names_the_speaker(accented_client):
    api = accented_client.get("/api/search?speaker=klaus+muller").get_json()
    assert api["total"] == 0 and "did you mean “Klaus Müller”?" in api["note"]


def test_the_export_and_facet_listing_fold_too(accented_index):
    engine = SearchEngine(accented_index)
    with engine.snapshot() as snap:
        speakers = dict(snap.facet_values(SearchRequest("muller", Filters()), "speaker"))
        every = list(snap.every_hit(SearchRequest("muller kind:quote")))
    assert {"Klaus Müller", "Hanna Muller"} <= set(speakers)
    assert {hit.speaker for hit in every} == {"Klaus Müller", "Hanna Muller"}


@pytest.mark.parametrize("contains, listed", [
    ("muller", ["Hanna Muller", "Klaus Müller"]),
    ("MÜLLER", ["Hanna Muller", "Klaus Müller"]),
    ("klaus", ["Klaus Müller"]),
    ("mueller", []),  # negative: another transliteration
])
def test_the_speaker_list_filter_folds_accents(accented_client, contains, listed):
    found = accented_client.get("/api/speakers", query_string={"contains": contains, "order": "name"}).get_json()
    assert [v["value"] for v in found["values"]] == listed
