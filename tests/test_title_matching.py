"""A passage matches on its own words and its speaker; the document title only lifts it a little."""
import pytest

from indexer.engine import Filters, SearchEngine, SearchRequest


def record(doc, n, text, kind="narrative", **extra):
    return {"id": f"{doc}-{n}", "doc": doc, "kind": kind, "text": text, "start": n * 100,
            "end": n * 100 + len(text), "paragraph": n, **extra}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = SearchEngine(tmp_path_factory.mktemp("title") / "ix")
    with engine.writer() as w:
        title = {"title": "Lighthouse keepers remember the storm", "date": "2020-01-01"}
        w.add(record("a", 1, "The lamp failed twice that winter.", **title))
        w.add(record("a", 2, "Nobody slept; the lighthouse shook.", **title))
        w.add(record("a", 3, "We kept the boats inside.", kind="quote", speaker="Mara Quill", **title))
        w.add(record("b", 1, "A new lighthouse opened in spring.", title="Coastal notes", date="2021-01-01"))
        w.add(record("b", 2, "The ferry timetable changed.", title="Coastal notes", date="2021-01-01"))
    yield engine
    engine.close()


@pytest.mark.parametrize("text, filters, expected", [
    ("lighthouse", Filters(), {"a-2", "b-1"}),            # not every passage of the titled document
    ("storm", Filters(), set()),                          # a word only in a title finds nothing by itself
    ("title:storm", Filters(), {"a-1", "a-2", "a-3"}),    # unless the title is asked for
    ("keepers lamp", Filters(), set()),                   # title words do not complete an AND
    ("storm", Filters(speaker=("Mara Quill",)), set()),   # a speaker filter keeps only what she said
    ("quill", Filters(), {"a-3"}),                        # the speaker's name finds the quote
    ("ferry", Filters(), {"b-2"}),
])
def test_a_passage_matches_on_its_own_words_and_speaker(engine, text, filters, expected):
    page = engine.search(SearchRequest(text, filters, page_size=50))
    assert {h.id for h in page.hits} == expected
    assert page.total == len(expected)


@pytest.mark.parametrize("text, hit, matched", [
    ("quill", "a-3", "speaker"),
    ("title:storm", "a-1", "title"),
    ("lamp", "a-1", None),
    ("lighthouse", "a-2", None),
])
def test_a_hit_says_which_field_it_matched_when_not_its_text(engine, text, hit, matched):
    hits = {h.id: h for h in engine.search(SearchRequest(text, page_size=50)).hits}
    assert hits[hit].matched == matched


def test_a_title_match_lifts_a_passage_above_an_equal_one(tmp_path):
    engine = SearchEngine(tmp_path / "ix")
    with engine.writer() as w:
        w.add(record("a", 1, "The harbour wall held.", title="Quiet weekend"))
        w.add(record("b", 1, "The harbour wall held.", title="Harbour wall repairs"))
    assert [h.doc for h in engine.search(SearchRequest("harbour")).hits] == ["b", "a"]
    engine.close()


def test_the_api_says_which_field_a_result_matched(client):
    results = client.get("/api/search", query_string={"q": "speaker:roth"}).get_json()["results"]
    assert results and {r["matched"] for r in results if "roth" not in r["text"].lower()} <= {"speaker"}
    assert all(r["matched"] is None for r in client.get("/api/search?q=camp").get_json()["results"])


# One record whose text lacks "quay" and whose every other words field has it: the note names the
# first field the query asks for in the registry's match_note order, and never the place or author.
@pytest.mark.parametrize("text, matched", [
    ("speaker:quay OR title:quay OR source:quay", "speaker"),
    ("source:quay OR title:quay", "title"),
    ("title:quay OR speaker:quay", "speaker"),
    ("source:quay", "source"),
    ("place:quay", None),
    ("author:quay", None),
    ("place:quay OR author:quay OR source:quay", "source"),
    ("speaker:quay wall", None),  # the text matched too
])
def test_the_matched_note_names_speaker_then_title_then_source(tmp_path, text, matched):
    engine = SearchEngine(tmp_path / "ix")
    with engine.writer() as w:
        w.add(record("q", 1, "The wall held.", kind="quote", speaker="Ana Quay", title="Quay repairs",
                     source="Quay Weekly", place="Quay Town", author="Lee Quay"))
    hits = engine.search(SearchRequest(text)).hits
    engine.close()
    assert [h.matched for h in hits] == [matched]
