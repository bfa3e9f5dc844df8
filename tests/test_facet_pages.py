"""Whole facet lists and the speaker directory: every value, paged, by count or name, filterable."""
import pytest
from markupsafe import escape

from indexer.engine import FACETS


def every_value(client, url: str, **args) -> list[dict]:
    values, page = [], 1
    while True:
        found = client.get(url, query_string={**args, "page": page}).get_json()
        values += found["values"]
        if page >= found["pages"]:
            return values
        page += 1


@pytest.mark.parametrize("name", FACETS)  # every facet of the field registry
@pytest.mark.parametrize("q", ["", "said", "nothingmatchesthis"])
def test_facet_list_counts_agree_with_filtered_searches(client, name, q):
    values = every_value(client, f"/api/facets/{name}", q=q)
    top = client.get("/api/search", query_string={"q": q}).get_json()["facets"].get(name, [])
    assert {v["value"] for v in top} <= {v["value"] for v in values}
    for v in values[:5]:
        total = client.get("/api/search", query_string={"q": q, name: v["value"]}).get_json()["total"]
        assert total == v["count"] > 0
    counts = [v["count"] for v in values]
    assert counts == sorted(counts, reverse=True)


def test_facet_list_orders_by_name_and_filters_by_a_part_of_it(client):
    by_name = [v["value"] for v in every_value(client, "/api/facets/speaker", q="", order="name")]
    assert by_name == sorted(by_name, key=str.casefold) and len(by_name) > 1
    part = by_name[0][1:4].upper()
    found = every_value(client, "/api/facets/speaker", q="", contains=part)
    assert found and all(part.casefold() in v["value"].casefold() for v in found)
    assert len(found) < len(by_name) or all(part.casefold() in n.casefold() for n in by_name)


def test_speaker_directory_lists_every_speaker_ignoring_the_query(client):
    directory = every_value(client, "/api/speakers", q="nothingmatchesthis")
    assert directory == every_value(client, "/api/facets/speaker", q="")
    page = client.get("/speakers?order=name").get_data(as_text=True)
    assert all(f">{escape(v['value'])}</a>" in page for v in directory[:20]) and "/speakers/" in page


@pytest.mark.parametrize("url, status", [("/api/facets/colour", 404), ("/api/facets/speaker?order=loudest", 400),
                                         ("/api/speakers?page=zero", 400), ("/facets/colour", 404),
                                         ("/speakers?order=loudest", 400)])
def test_bad_listing_parameters_get_a_clear_error(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert (response.get_json() or {}).get("error") if url.startswith("/api") else b"order" in response.data or status == 404


def test_listing_escapes_what_the_reader_typed(client):
    page = client.get("/speakers", query_string={"contains": "<script>x</script>"}).get_data(as_text=True)
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page


def test_search_page_links_a_full_facet_to_its_whole_list(client):
    speakers = client.get("/api/speakers").get_json()["total"]
    assert speakers > 12  # more than the search page lists
    page = client.get("/?q=&kind=quote").get_data(as_text=True)
    assert 'href="/facets/speaker?q=&amp;kind=quote"' in page
    assert 'href="/facets/kind' not in page  # every kind is already listed
