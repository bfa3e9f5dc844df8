"""A page past the last has no results and says so: it never repeats the last page."""
import pytest


@pytest.mark.parametrize("path, listed", [
    ("/api/search?q=abuse&size=10&page={page}", "results"),
    ("/api/search?size=10&page={page}", "results"),
    ("/api/documents/hrw_skynews_2018-11?page={page}", "records"),
    ("/api/speakers?page={page}", "values"),
    ("/api/facets/speaker?page={page}", "values"),
])
def test_a_client_paging_until_nothing_is_left_stops(client, path, listed):
    seen, page = [], 1
    while page < 50:
        answer = client.get(path.format(page=page)).get_json()
        assert answer["page"] == page
        if not answer[listed]:
            break
        seen += [str(item) for item in answer[listed]]
        page += 1
    assert page < 50, "the last page came back again and again"
    assert len(seen) == len(set(seen)) > 0  # every page new, none repeated
    # negative case: the last page itself still has its results
    assert client.get(path.format(page=page - 1)).get_json()[listed]


def test_the_search_api_says_where_the_results_end(client):
    first = client.get("/api/search?q=abuse&size=10").get_json()
    past = client.get(f"/api/search?q=abuse&size=10&page={first['pages'] + 5}").get_json()
    assert past["results"] == [] and past["total"] == first["total"]
    assert past["note"] == f"Page {first['pages'] + 5} is past the last page of these results ({first['pages']})."
    assert client.get("/api/search?q=abuse&size=10&page=1").get_json()["note"] is None


def test_the_search_page_past_the_end_links_back_to_the_last(client):
    html = client.get("/?size=10&page=99999").get_data(as_text=True)
    assert "Page 99,999 is past the last page of these results" in html
    pages = client.get("/api/search?size=10").get_json()["pages"]
    assert pages > 1 and f'rel="prev" href="/?size=10&amp;page={pages}"' in html
    assert 'rel="next"' not in html


def test_a_page_deeper_than_the_engine_pages_says_so(client, monkeypatch):
    monkeypatch.setattr("indexer.engine.search.MAX_PAGE", 2)
    found = client.get("/api/search?size=10&page=4").get_json()
    assert found["pages"] > 4 and found["results"] == [] and found["page"] == 4
    assert found["note"].startswith("Page 4 is not shown: results can be paged to page 2")


@pytest.mark.parametrize("path, of, items", [
    ("/browse?page={page}", "the documents", 'href="/d/'),
    ("/sources/Example%20Wire?page={page}", "the documents from this source", 'href="/d/'),
    ("/speakers/Kenneth%20Roth?page={page}", "these results", 'class="hit"'),
    ("/d/hrw_skynews_2018-11?page={page}", "this document", 'class="passage-links"'),
])
def test_the_html_pages_past_the_end_are_empty_and_link_back_to_the_last(client, monkeypatch, path, of, items):
    from archive import views

    monkeypatch.setattr(views, "DOCUMENTS_PER_PAGE", 3)
    monkeypatch.setattr(views, "RECORDS_PER_PAGE", 2)
    last = 1
    while 'rel="next"' in client.get(path.format(page=last)).get_data(as_text=True):
        last += 1
    last_html = client.get(path.format(page=last)).get_data(as_text=True)
    assert items in last_html and "past the last page" not in last_html  # negative case: the last page is full
    response = client.get(path.format(page=last + 7))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f"Page {last + 7} is past the last page of {of} ({last})." in html
    assert items not in html
    assert 'rel="next"' not in html
    back = path.format(page=last)
    if last > 1:
        assert f'rel="prev" href="{back}"' in html
    else:  # a single page has no pager: the note and the page's own heading take the reader back
        assert 'rel="prev"' not in html
