"""Pages and the JSON API through the Flask test client."""
import re

import pytest


def test_search_page_shows_the_roth_quote_with_speaker(client):
    html = client.get("/?q=regime").get_data(as_text=True)
    assert "Kenneth Roth" in html and "<mark>regime</mark>" in html
    assert re.search(r'href="/p/\w+"', html) and 'href="/d/hrw_reuters_2018-11-01' in html


def test_html_and_json_agree(client):
    api = client.get("/api/search?q=korea&kind=quote").get_json()
    html = client.get("/?q=korea&kind=quote").get_data(as_text=True)
    assert f"{api['total']:,} result" in html
    for result in api["results"]:
        assert f'href="{result["url"]}"' in html
    assert set(api) >= {"total", "page", "results", "facets"}
    assert set(api["results"][0]) >= {"id", "kind", "text", "speaker", "source", "date", "doc", "url"}
    assert api["facets"]["kind"] == [{"value": "quote", "count": api["total"]}]


def test_facet_links_narrow_and_chips_remove(client):
    html = client.get("/?q=korea").get_data(as_text=True)
    link = re.search(r'href="(/\?[^"]*speaker=Kenneth\+Roth[^"]*)"', html).group(1).replace("&amp;", "&")
    narrowed = client.get(link).get_data(as_text=True)
    assert 'aria-label="Remove filter speaker: Kenneth Roth"' in narrowed
    chip = re.search(r'href="([^"]*)" aria-label="Remove filter speaker', narrowed).group(1).replace("&amp;", "&")
    assert "speaker=" not in chip


@pytest.mark.parametrize("url", ["/", "/help", "/browse", "/d/hrw_reuters_2018-11-01", "/speakers/Kenneth%20Roth",
                                 "/?q=roth&sort=newest", "/?q=roth&page=2", "/?from=2018&to=2019"])
def test_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("url, status", [
    ("/?page=-1", 400), ("/?sort=sideways", 400), ("/?from=yesterday", 400), ("/d/nope", 404),
    ("/speakers/Nobody%20Here", 404), ("/p/zzzzzzzzzz", 404), ("/p/zzzzzzzzzz/cite.bib", 404),
    ("/sources/Nowhere", 404), ("/api/search?page=0", 400), ("/api/passages/zzz", 404), ("/api/documents/zzz", 404),
])
def test_errors_are_clear_and_in_the_asked_form(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    if url.startswith("/api/"):
        assert response.is_json and response.get_json()["error"]
    else:
        assert "<h1>" in response.get_data(as_text=True)


def test_document_page_anchors_every_passage_and_marks_quotes(client):
    html = client.get("/d/hrw_reuters_2018-11-01").get_data(as_text=True)
    api = client.get("/api/documents/hrw_reuters_2018-11-01").get_json()
    for record in api["records"]:
        if record["passage"] is None:
            assert f'id="p-{record["id"]}"' in html
        else:
            assert f'id="q-{record["id"]}"' in html
    assert api["place"] == "Seoul" and api["date"] == "2018-11-01"


def test_speaker_page_groups_by_document(client):
    html = client.get("/speakers/Kenneth%20Roth").get_data(as_text=True)
    assert html.count('class="doc-group"') == 2 and "3 quotes" in html


def test_passage_api_and_page(client):
    hit = client.get("/api/search?q=regime&kind=quote").get_json()["results"][0]
    page = client.get(hit["url"]).get_data(as_text=True)
    assert "APA 7" in page and "MLA 9" in page and "Chicago" in page
    assert "(Roth, as cited in" in page and "qtd. in" in page and "Kenneth Roth, quoted in" in page
    assert '<link rel="canonical"' in page and 'name="citation_title"' in page and 'name="DC.type"' in page
    data = client.get(f"/api/passages/{hit['id']}").get_json()
    assert data["status"] == "current" and data["speaker"] == "Kenneth Roth"


def test_cli_search(runner):
    result = runner.invoke(args=["search", "regime", "--speaker", "Kenneth Roth"])
    assert result.exit_code == 0 and "Kenneth Roth" in result.output and "1 results" in result.output
