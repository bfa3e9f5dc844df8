"""Pages and the JSON API through the Flask test client."""
import re
from html import unescape
from urllib.parse import unquote

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


def test_browse_is_paged_and_lists_every_source(client, monkeypatch):
    from archive import views

    monkeypatch.setattr(views, "DOCUMENTS_PER_PAGE", 3)
    first = client.get("/browse").get_data(as_text=True)
    second = client.get("/browse?page=2").get_data(as_text=True)
    assert "Page 1 of 2" in first and "Page 2 of 2" in second and 'rel="prev"' in second
    links = lambda html: {line for line in html.split('"') if line.startswith("/d/")}  # noqa: E731
    assert len(links(first)) == 3 and len(links(second)) == 1 and not links(first) & links(second)
    assert "Example Wire" in first and "Oral history collection" in first  # the sources list, on every page
    # Past the end: an empty page that says so (as the search page), no longer the last page again.
    past = client.get("/browse?page=99").get_data(as_text=True)
    assert "Page 99 is past the last page of the documents (2)." in past and not links(past)
    assert client.get("/browse?page=0").status_code == 400


def test_speaker_page_is_paged_newest_first(client, monkeypatch):
    from archive import views

    monkeypatch.setattr(views, "RECORDS_PER_PAGE", 2)
    first = client.get("/speakers/Kenneth%20Roth").get_data(as_text=True)
    second = client.get("/speakers/Kenneth%20Roth?page=2").get_data(as_text=True)
    for html in (first, second):
        assert "3 quotes" in html and "of 2" in html
    assert first.count('class="hit"') == 2 and second.count('class="hit"') == 1
    # Newest first: the dated article's quotes, then the undated one's.
    assert 'datetime="2018-11-01"' in first and "<time" not in second.split('class="doc-group"', 1)[1]


def test_words_in_many_documents_list_a_few_places_and_count_the_rest(tmp_path, monkeypatch):
    """A line repeated in thousands of articles must not make a citation page of thousands of links."""
    from app import create_app
    from archive import citation_resolver
    from indexer.ingest import ingest
    from tests.test_ingest import write_docs

    write_docs(tmp_path / "docs", 30)  # thirty stories with the same quotation
    ingest([tmp_path / "docs"], tmp_path / "ix")
    client = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "ix", "BUILD_INDEX_IF_MISSING": False}).test_client()
    monkeypatch.setattr(citation_resolver, "OTHERS_SHOWN", 5)
    quote = client.get("/api/search?q=everything&kind=quote").get_json()["results"][0]
    data = client.get(f"/api/passages/{quote['id']}").get_json()
    assert len(data["also_in"]) == 5 and data["also_in_more"] == 24
    html = client.get(quote["url"]).get_data(as_text=True)
    assert "and 24 more" in html and f"q=id:{quote['id']}" in html
    assert client.get(f"/api/search?q=id:{quote['id']}").get_json()["total"] == 30
    # A link naming a document outside the places listed still shows that document's words.
    last = client.get(f"/api/passages/{quote['id']}?doc=story_029").get_json()
    assert last["doc"] == "story_029" and "story_029" not in last["also_in"]


def _selected_sort(html: str) -> str:
    return re.search(r'<option value="(\w+)" selected>', html).group(1)


@pytest.mark.parametrize("url, selected", [
    ("/", "relevance"),  # the next words typed here are ranked by relevance
    ("/?q=", "relevance"),
    ("/?q=korea", "relevance"),
    ("/?q=korea&sort=newest", "newest"),
    ("/?q=&sort=oldest", "oldest"),
    ("/?sort=newest", "newest"),
])
def test_sort_box_shows_only_what_the_person_chose(client, url, selected):
    html = client.get(url).get_data(as_text=True)
    assert _selected_sort(html) == selected


def test_empty_query_still_lists_newest_first_and_says_so(client):
    html = client.get("/").get_data(as_text=True)
    api = client.get("/api/search").get_json()
    assert api["sort"] == "newest" and "· newest first" in html


PERMALINK = re.compile(r'<code id="permalink">([^<]*)</code>')


def _first_citation_id(client) -> str:
    return client.get("/api/search?q=regime").get_json()["results"][0]["id"]


def _public_app(built_index, **config):
    from app import create_app

    return create_app({"TESTING": True, "INDEX_DIR": built_index, "BUILD_INDEX_IF_MISSING": False, **config})


@pytest.mark.parametrize("host", ["evil.example", "evil.example:443", "127.0.0.1.evil.example", "[::2]"])
def test_a_hostile_host_header_never_reaches_a_citation_or_export(client, host):
    cid = _first_citation_id(client)
    page = client.get(f"/p/{cid}", headers={"Host": host}).get_data(as_text=True)
    assert "evil" not in page and "::2" not in page
    assert PERMALINK.search(page).group(1) == f"/p/{cid}"
    for ext in ("bib", "ris", "json"):
        response = client.get(f"/p/{cid}/cite.{ext}", headers={"Host": host})
        assert response.status_code == 200 and "evil" not in response.get_data(as_text=True)
        assert response.headers["Content-Type"].endswith("charset=utf-8")


@pytest.mark.parametrize("host, root", [("localhost", "http://localhost"), ("127.0.0.1:5000", "http://127.0.0.1:5000"),
                                        ("[::1]:8000", "http://[::1]:8000")])
def test_this_machine_gets_absolute_links_without_configuration(client, host, root):
    cid = _first_citation_id(client)
    page = client.get(f"/p/{cid}", headers={"Host": host}).get_data(as_text=True)
    assert PERMALINK.search(page).group(1) == f"{root}/p/{cid}"


def test_public_url_is_used_in_every_link_that_leaves_the_page(built_index):
    app = _public_app(built_index, PUBLIC_URL="https://archive.example.org/testimony/")
    client = app.test_client()
    cid = _first_citation_id(client)
    public = f"https://archive.example.org/testimony/p/{cid}"
    page = client.get(f"/p/{cid}", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert PERMALINK.search(page).group(1) == public
    assert f'<link rel="canonical" href="{public}">' in page
    assert f'<meta name="citation_public_url" content="{public}">' in page
    assert f'"url": "{public}"' in page.replace('\\/', '/')  # JSON-LD
    assert "evil" not in page and "localhost" not in page
    for ext in ("bib", "ris", "json"):
        body = client.get(f"/p/{cid}/cite.{ext}", headers={"Host": "evil.example"}).get_data(as_text=True)
        assert public in body and "evil" not in body


def test_forwarded_headers_count_only_when_proxy_fix_is_configured(built_index):
    forwarded = {"Host": "localhost", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}
    plain = _public_app(built_index).test_client()
    cid = _first_citation_id(plain)
    page = plain.get(f"/p/{cid}", headers=forwarded).get_data(as_text=True)
    assert PERMALINK.search(page).group(1) == f"http://localhost/p/{cid}"
    proxied = _public_app(built_index, PROXY_FIX={"x_proto": 1, "x_host": 1}, TRUSTED_HOSTS=["archive.example.org"])
    page = proxied.test_client().get(f"/p/{cid}", headers=dict(forwarded, **{"X-Forwarded-Host": "archive.example.org"}))
    assert PERMALINK.search(page.get_data(as_text=True)).group(1) == f"https://archive.example.org/p/{cid}"
    refused = proxied.test_client().get(f"/p/{cid}", headers=forwarded)
    assert refused.status_code == 400


@pytest.mark.parametrize("setting", ["archive.example.org", "javascript:alert(1)", "https://a.example/?x=1",
                                     "https://a b.example", 5])
def test_a_bad_public_url_is_named(built_index, setting):
    with pytest.raises(ValueError, match="PUBLIC_URL"):
        _public_app(built_index, PUBLIC_URL=setting)


@pytest.mark.parametrize("setting", [True, "yes", {"x_for": -1}, {"x_forward": 1}])
def test_a_bad_proxy_fix_setting_is_named(built_index, setting):
    with pytest.raises(ValueError, match="PROXY_FIX"):
        _public_app(built_index, PROXY_FIX=setting)


def test_citation_page_carries_coins_and_citation_author(client):
    from urllib.parse import parse_qs

    api = client.get("/api/search?q=running+out+of+time").get_json()
    hit = next(r for r in api["results"] if r["doc"].startswith("famine"))
    page = client.get(f"/p/{hit['id']}").get_data(as_text=True)
    kev = parse_qs(unescape(re.search(r'<span class="Z3988" title="([^"]*)"></span>', page).group(1)))
    assert kev["rft.atitle"] == ["Aid group warns of famine"] and kev["rft.jtitle"] == ["Example Wire"]
    assert kev["rft.date"] == ["2020-11-03"] and kev["rft_id"] == ["https://example.org/news/famine-warning"]
    transcript = client.get("/api/search?q=mines+dawn").get_json()["results"][0]
    page = client.get(f"/p/{transcript['id']}").get_data(as_text=True)
    assert f'<meta name="citation_author" content="{transcript["speaker"]}">' in page  # the person interviewed


MARKDOWN_DOC = """---
title: Notes from the river towns
source: Example Field Notes
date: 2021-05-04
---

## What we saw

The **water committee** met in the *old school*. "We have waited three years for a pump," said Rosa Mendes, a committee member.

- Wells checked: 14
- Repairs promised: [none on record](https://example.org/records)

| Town | Wells |
|------|-------|
| North | 8 |

Planted: <script>alert(1)</script> <img src=x onerror=alert(2)> [trap](javascript:alert(3)) <a href="javascript:alert(4)" onclick="alert(5)">x</a>
"""


@pytest.fixture(scope="module")
def markdown_client(tmp_path_factory):
    from app import create_app
    from indexer.ingest import ingest

    folder = tmp_path_factory.mktemp("md")
    (folder / "notes.md").write_text(MARKDOWN_DOC, encoding="utf-8")
    plain = MARKDOWN_DOC.replace("---\n", "", 2).replace("title:", "Title:").replace("three years", "four years")
    (folder / "plain_notes.txt").write_text(plain, encoding="utf-8")
    # No header: the first line is the document's title; the bracketed line an editor's note.
    (folder / "untitled.txt").write_text("Pumps Arrive In North Town\n\nThe pumps arrived on Monday, officials said.\n\n"
                                         "[This story was updated with the delivery date.]\n", encoding="utf-8")
    index = tmp_path_factory.mktemp("md-index")
    assert ingest([folder], index).failed == 0
    return create_app({"TESTING": True, "INDEX_DIR": index, "BUILD_INDEX_IF_MISSING": False}).test_client()


def test_markdown_document_page_renders_markdown_and_keeps_anchors(markdown_client):
    api = markdown_client.get("/api/documents/notes").get_json()
    quote = next(r for r in api["records"] if r["kind"] == "quote")
    html = markdown_client.get(f"/d/notes?hl={quote['id']}").get_data(as_text=True)
    assert "<strong>water committee</strong>" in html and "<em>old school</em>" in html
    assert "<li>Wells checked: 14</li>" in html and "<th>Town</th>" in html and "<td>North</td>" in html
    assert '<a href="https://example.org/records" rel="noopener noreferrer nofollow">' in html
    assert f'<span class="inline-quote highlighted" id="q-{quote["id"]}">We have waited' in html
    assert f'href="/p/{quote["id"]}"' in html
    for record in api["records"]:
        if record["passage"] is None:
            assert f'id="p-{record["id"]}"' in html and f'href="/p/{record["id"]}"' in html
    citation = markdown_client.get(f"/p/{quote['id']}").get_data(as_text=True)
    context = citation[citation.index('<section class="context">'):]
    assert "<strong>water committee</strong>" in context and "**" not in context
    assert f'<span class="inline-quote highlighted" id="q-{quote["id"]}">We have waited' in context


def test_markup_planted_in_a_markdown_document_cannot_run(markdown_client):
    from html.parser import HTMLParser

    class Elements(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, dict(attrs)))

    page = Elements()
    page.feed(markdown_client.get("/d/notes").get_data(as_text=True))
    tags = [tag for tag, _ in page.found]
    assert tags.count("script") == 1  # the page's own archive.js
    assert "img" not in tags and "iframe" not in tags
    for tag, attrs in page.found:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not any((value or "").strip().lower().startswith(("javascript:", "data:")) for value in attrs.values())
    assert ("a", {"rel": "noopener noreferrer nofollow"}) in page.found  # the trap link, its href dropped


def test_a_plain_text_document_is_not_rendered_as_markdown(markdown_client):
    html = markdown_client.get("/d/plain_notes").get_data(as_text=True)
    assert "**water committee**" in html and "<strong>" not in html and "&lt;script&gt;" in html


def _kind_facet(html: str) -> list[str]:
    section = re.search(r"<h2>Kind</h2>(.*?)</section>", html, re.S).group(1)
    return [unescape(label) for label in re.findall(r'<li><a href="[^"]*"[^>]*>([^<]+)</a>', section)]


def test_kind_facet_names_kinds_for_people_and_hides_titles_and_notes(markdown_client):
    client = markdown_client
    api = client.get("/api/search").get_json()
    kinds = {f["value"] for f in api["facets"]["kind"]}
    assert {"quote", "narrative", "title", "note"} <= kinds
    html = client.get("/").get_data(as_text=True)
    shown = _kind_facet(html)
    assert "Quotes" in shown and "Reporting" in shown
    assert not set(shown) & (kinds | {"Titles", "Editor's notes"})
    everything = client.get("/?kinds=all").get_data(as_text=True)
    assert {"Titles", "Editor's notes"} <= set(_kind_facet(everything)) and not set(_kind_facet(everything)) & kinds
    chosen = client.get("/?kind=title").get_data(as_text=True)
    assert "Titles" in _kind_facet(chosen) and "Kind: Titles" in chosen
    # Only the facet's list changes, never the results.
    assert f"{api['total']:,} result" in html and f"{api['total']:,} result" in everything


def test_filters_come_before_results_in_a_collapsible_panel(client):
    html = client.get("/?q=korea").get_data(as_text=True)
    assert html.index('<details class="filter-panel" open>') < html.index('<section class="results"')
    assert "<summary>Filter</summary>" in html


@pytest.mark.parametrize("typed, lands_on", [
    ("kenneth roth", "/speakers/Kenneth%20Roth"),
    ("KENNETH  ROTH", "/speakers/Kenneth%20Roth"),
    ("Kenneth Roth", None),  # negative: the name as written is the page itself, no redirect
])
def test_a_speaker_name_typed_in_another_case_leads_to_the_speaker(client, typed, lands_on):
    response = client.get(f"/speakers/{typed}?page=1")
    if lands_on is None:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and response.location == f"{lands_on}?page=1"


@pytest.mark.parametrize("typed, offered", [
    ("roth", ["Kenneth Roth"]),
    ("<script>Roth", []),  # negative: nothing holds it, and the name is shown escaped
    ("Nobody Here", []),
])
def test_a_speaker_page_that_finds_nobody_offers_names_holding_the_words(client, typed, offered):
    response = client.get(f"/speakers/{typed}")
    html = response.get_data(as_text=True)
    assert response.status_code == 404 and "is quoted in this archive" in html
    links = re.findall(r'<li><a href="/speakers/([^"]+)">', html)
    assert [unquote(link) for link in links] == offered
    assert "<script>Roth" not in html


@pytest.mark.parametrize("roles, shown", [
    (["Ms", "ms", None, "Ms"], ["Ms"]),
    (["spokesman", "Prime Minister", "prime minister"], ["Prime Minister", "spokesman"]),
    ([None, ""], []),
    (["Chair", "chairman"], ["Chair", "chairman"]),  # negative: different words both stay
])
def test_a_speaker_page_lists_each_role_once(roles, shown):
    from archive.views import described_as
    assert described_as(roles) == shown


@pytest.mark.parametrize("speaker, kind, creator", [
    ("Kenneth Roth", "person", {"@type": "Person", "name": "Kenneth Roth"}),
    ("Human Rights Watch", "organisation", {"@type": "Organization", "name": "Human Rights Watch"}),
    ("Question", "anonymous", None),  # a questioner in a transcript is no creator of anything
    (None, None, None),
])
def test_json_ld_names_a_creator_only_for_someone_named(app, speaker, kind, creator):
    from types import SimpleNamespace

    from archive.views import json_ld
    hit = SimpleNamespace(id="abc123defg", kind="quote", passage=None, doc="d1", title="T", date=None, source=None,
                          text="Words.", speaker=speaker, speaker_kind=kind)
    with app.test_request_context():
        assert json_ld(hit, None).get("creator") == creator


@pytest.mark.parametrize("url", ["/api/search?q=regime", "/api/documents/hrw_reuters_2018-11-01"])
def test_api_records_carry_the_permalink_to_cite(client, url):
    body = client.get(url).get_json()
    records = body.get("results") or body.get("records")
    assert records and all(r["permalink"] == f"http://localhost/p/{r['id']}" for r in records)
    passage = client.get(f"/api/passages/{records[0]['id']}").get_json()
    assert passage["permalink"] == f"http://localhost/p/{records[0]['id']}"


def test_the_api_permalink_never_takes_an_untrusted_host(client):
    record = client.get("/api/search?q=regime", headers={"Host": "evil.example"}).get_json()["results"][0]
    assert record["permalink"] == f"/p/{record['id']}"


def _form_fields(html: str, form_class: str) -> dict:
    form = re.search(rf'<form[^>]*class="{form_class}"[^>]*>(.*?)</form>', html, re.S).group(1)
    fields = {name: unescape(value) for name, value in re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form)}
    if re.search(r'<select[^>]*name="sort"', form):
        fields["sort"] = re.search(r'<option value="(\w+)"\s*selected', form).group(1)
    return fields


@pytest.mark.parametrize("url, form, kept", [
    ("/?q=roth&sort=newest&kinds=all&size=50&kind=quote", "dates",
     {"q": "roth", "sort": "newest", "kinds": "all", "size": "50", "kind": "quote"}),
    ("/?q=roth&sort=oldest&kinds=all&size=50&kind=quote", "search",
     {"sort": "oldest", "kinds": "all", "size": "50", "kind": "quote"}),
    ("/?q=roth", "dates", {"q": "roth"}),  # negative: nothing chosen, nothing added
])
def test_the_search_forms_keep_the_rest_of_the_search(client, url, form, kept):
    assert _form_fields(client.get(url).get_data(as_text=True), form) == kept


def test_a_document_can_be_searched_and_the_search_shows_it(client):
    page = client.get("/d/hrw_reuters_2018-11-01").get_data(as_text=True)
    form = re.search(r'<form class="search-within"[^>]*>(.*?)</form>', page, re.S).group(1)
    assert 'type="hidden" name="doc" value="hrw_reuters_2018-11-01"' in form and 'name="q"' in form
    found = client.get("/?q=abuse&doc=hrw_reuters_2018-11-01").get_data(as_text=True)
    chip = re.search(r'<a class="chip" href="([^"]*)" aria-label="Remove filter document: ([^"]*)"', found)
    assert chip and unescape(chip.group(1)) == "/?q=abuse"
    for form_class in ("search", "dates"):  # new words or dates keep to the document
        assert _form_fields(found, form_class)["doc"] == "hrw_reuters_2018-11-01"
    api = client.get("/api/search?q=abuse&doc=hrw_reuters_2018-11-01").get_json()
    assert api["total"] > 0 and {r["doc"] for r in api["results"]} == {"hrw_reuters_2018-11-01"}


def test_a_search_without_a_document_shows_no_document_chip(client):
    assert "Remove filter document" not in client.get("/?q=abuse").get_data(as_text=True)


def test_an_untitled_document_is_cited_by_a_description_not_its_file_name(tmp_path):
    from app import create_app
    from indexer.ingest import ingest
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "field_notes_0413.txt").write_text(  # a long first paragraph is no headline: no title
        "Farmers in the valley have waited three seasons for rain, and the wells that served the villages "
        "for a century are failing one after another this spring.\n\n"
        '"The wells are dry," said Ana Ruiz, who runs the cooperative.\n', encoding="utf-8")
    ingest([docs], tmp_path / "ix")
    client = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "ix"}).test_client()
    quote = client.get("/api/search?q=wells&kind=quote").get_json()["results"][0]
    page = unescape(client.get(quote["url"]).get_data(as_text=True))
    citations = " ".join(re.findall(r'<pre id="cite-\w+"[^>]*>(.*?)</pre>', page, re.S))
    assert "[Untitled document]. (n.d.)." in citations and "field_notes_0413" not in citations
    assert '<meta name="citation_title" content="[Untitled document]">' in page
    assert "field_notes_0413" not in client.get(quote["url"] + "/cite.ris").get_data(as_text=True)


@pytest.mark.parametrize("suffix, lands", [
    (".", True), (",", True), (")", True), ("/", True), (".”", True),
    ("", None),         # negative: the id as written is the page itself
    ("x", False),       # negative: another id is not guessed at
])
def test_a_permalink_copied_with_a_citations_full_stop_still_resolves(client, suffix, lands):
    cid = client.get("/api/search?q=regime&kind=quote").get_json()["results"][0]["id"]
    for typed in (cid + suffix, cid.upper() + suffix) if suffix != "x" else (cid + suffix,):
        response = client.get(f"/p/{typed}")
        if lands is None and typed == cid:
            assert response.status_code == 200
        elif lands:
            assert response.status_code in (301, 302) and response.location.endswith(f"/p/{cid}")
        elif lands is False:
            assert response.status_code == 404


def test_flask_search_reads_typographic_quotation_marks_as_the_pages_do(runner, client):
    curly = runner.invoke(args=["search", "“issue regime”"]).output
    api = client.get("/api/search", query_string={"q": '"issue regime"'}).get_json()
    assert curly.splitlines()[0] == f"{api['total']} results"
    loose = client.get("/api/search", query_string={"q": "issue regime"}).get_json()
    assert api["total"] != loose["total"]



@pytest.mark.parametrize("url, location", [
    # a parameter named like the path part gives way to it; url_for's own names stay plain parameters
    ("/speakers/kenneth roth?name=x&_external=1&page=1", "/speakers/Kenneth%20Roth?_external=1&page=1"),
    ("/p/{cid}.?citation_id=x&_anchor=y", "/p/{cid}?_anchor=y"),
    ("/p/{cid}/?doc=hrw_reuters_2018-11-01", "/p/{cid}?doc=hrw_reuters_2018-11-01"),
])
def test_redirects_keep_a_readers_parameters_as_parameters(client, url, location):
    cid = client.get("/api/search?q=regime&kind=quote").get_json()["results"][0]["id"]
    response = client.get(url.format(cid=cid))
    assert response.status_code in (301, 302) and response.location == location.format(cid=cid)


@pytest.mark.parametrize("doc, status, says", [
    (None, 200, None),                          # negative cases: no doc=, an empty one, the doc that holds it
    ("", 200, None),
    ("hrw_skynews_2018-11", 200, None),
    ("nope", 404, "no document has the id 'nope'"),  # before: 200 with the copy in another document
    ("hrw_reuters_2018-11-01", 404, "the document 'hrw_reuters_2018-11-01' does not hold"),
])
def test_a_passage_asked_for_in_a_document_is_that_documents_or_a_clear_404(client, doc, status, says):
    passage = client.get("/api/documents/hrw_skynews_2018-11").get_json()["records"][1]
    query = "" if doc is None else f"?doc={doc}"
    response = client.get(f"/api/passages/{passage['id']}{query}")
    body = response.get_json()
    assert response.status_code == status and response.is_json
    if says is None:
        assert body["doc"] == "hrw_skynews_2018-11" and body["text"] == passage["text"]
    else:
        assert body["error"].startswith(says) and "text" not in body
    if status == 404 and doc != "nope":  # where the passage is, named as a plain answer names it
        assert body["document"]["id"] == "hrw_skynews_2018-11" and body["in_documents"] == ["hrw_skynews_2018-11"]
        assert body["error"].endswith("it is in 'hrw_skynews_2018-11'")


@pytest.mark.parametrize("doc, says", [
    (None, None),                               # negative cases: no doc=, the doc that holds it
    ("hrw_skynews_2018-11", None),
    ("nope<b>", "The document “nope&lt;b&gt;” is not in this archive: they are shown from the document below."),
    ("hrw_reuters_2018-11-01", "The document “hrw_reuters_2018-11-01” does not hold these words"),
])
def test_the_citation_page_says_when_its_doc_does_not_hold_the_words(client, doc, says):
    passage = client.get("/api/documents/hrw_skynews_2018-11").get_json()["records"][1]
    response = client.get(f"/p/{passage['id']}", query_string={"doc": doc} if doc else {})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and passage["text"][:40] in html.replace("&#39;", "'")
    if says is None:
        assert "does not hold these words" not in html and "is not in this archive:" not in html
    else:
        assert says in html and "<b>" not in html


@pytest.mark.parametrize("path, note", [
    ("/api/search?doc=nope", "No document has the id “nope” in this archive."),  # before: nothing said
    ("/api/search?doc=nope&q=abuse", "No document has the id “nope” in this archive."),
    ("/api/search?doc=hrw_skynews_2018-11&q=zzzzqqq", None),  # negative: a known document, no match
    ("/api/search?doc=hrw_skynews_2018-11", None),
])
def test_a_search_in_an_unknown_document_says_so(client, path, note):
    found = client.get(path).get_json()
    assert found["note"] == note
    html = client.get(path.replace("/api/search", "/")).get_data(as_text=True)
    assert (note is not None) == ("No document has the id" in html)
