"""Undated documents are one more value of the year facet: counted, listed last, and a filter."""
import pytest

from app import create_app
from indexer.engine import Filters, SearchEngine, SearchRequest
from indexer.ingest import ingest

DATED = """Title: Harbour dredging begins
Source: Coast Gazette
Date: 3 March 2019

The harbour board said dredging would take a month.
"""

UNDATED = """Harbour fees rise

The harbour board raised mooring fees for the winter.

Fishermen said the harbour was now too dear.
"""


@pytest.fixture(scope="module")
def mixed_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "dredging.txt").write_text(DATED, encoding="utf-8")
    (folder / "fees.txt").write_text(UNDATED, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("mixed-index")
    assert ingest([folder], index_dir).failed == 0
    return index_dir


@pytest.fixture(scope="module")
def mixed_client(mixed_index):
    return create_app({"TESTING": True, "INDEX_DIR": mixed_index}).test_client()


@pytest.mark.parametrize("matcher", ["numpy", "whoosh"])
def test_the_year_facet_counts_undated_records_last(mixed_index, matcher):
    page = SearchEngine(mixed_index, matcher=matcher).search(SearchRequest("harbour"))
    years = page.facets["year"]
    assert [value for value, _ in years] == ["2019", "undated"]
    assert dict(years)["undated"] == sum(1 for hit in page.hits if hit.date is None) > 0


@pytest.mark.parametrize("chosen, dated, undated", [
    (("undated",), False, True),
    (("2019",), True, False),
    (("2019", "undated"), True, True),
])
@pytest.mark.parametrize("matcher", ["numpy", "whoosh"])
def test_undated_is_a_filter(mixed_index, matcher, chosen, dated, undated):
    page = SearchEngine(mixed_index, matcher=matcher).search(SearchRequest("harbour", Filters(year=chosen)))
    assert any(hit.date for hit in page.hits) == dated
    assert any(hit.date is None for hit in page.hits) == undated


def test_matches_that_are_all_dated_list_no_undated(mixed_client):
    years = mixed_client.get("/api/search?q=dredging").get_json()["facets"]["year"]
    assert [entry["value"] for entry in years] == ["2019"]


def test_the_page_offers_no_date_and_the_api_filters_on_it(mixed_client):
    page = mixed_client.get("/?q=harbour").get_data(as_text=True)
    assert "year=undated" in page and ">No date</a>" in page
    api = mixed_client.get("/api/search?q=harbour&year=undated").get_json()
    assert api["total"] > 0 and all(result["date"] is None for result in api["results"])
    chip = mixed_client.get("/?q=harbour&year=undated").get_data(as_text=True)
    assert "Year: No date" in chip and 'aria-label="Remove filter year: No date"' in chip


@pytest.mark.parametrize("q, dated, undated", [
    ("harbour year:undated", False, True),
    ("harbour Year:Undated", False, True),
    ("harbour year:2019", True, False),
    ("harbour NOT year:undated", True, False),
])
@pytest.mark.parametrize("matcher", ["numpy", "whoosh"])
def test_year_undated_typed_in_a_query_is_the_filter(mixed_index, matcher, q, dated, undated):
    page = SearchEngine(mixed_index, matcher=matcher).search(SearchRequest(q))
    assert page.total and page.note is None
    assert any(hit.date for hit in page.hits) == dated
    assert any(hit.date is None for hit in page.hits) == undated
