"""A page's links back to itself or a sibling with some search arguments changed (changed_url)."""
import re
from urllib.parse import parse_qsl

import pytest
from werkzeug.datastructures import MultiDict

from app import create_app
from archive.search_arguments import changed_url


@pytest.fixture(scope="module")
def request_context(tmp_path_factory):
    app = create_app({"TESTING": True, "INDEX_DIR": tmp_path_factory.mktemp("ix"), "BUILD_INDEX_IF_MISSING": False})
    with app.test_request_context():
        yield


@pytest.mark.parametrize("endpoint, query, changes, expected", [
    ("views.search", "q=roth&speaker=Ann&page=3", {"speaker": None}, "/?q=roth"),  # a change starts at page 1
    ("views.search", "q=roth&page=3", {"page": 4}, "/?q=roth&page=4"),
    ("views.search", "q=roth&kind=quote", {"kind": ["quote", "turn"]}, "/?q=roth&kind=quote&kind=turn"),
    ("views.search", "q=Kenneth Roth&speaker=O'Brien", {}, "/?q=Kenneth+Roth&speaker=O'Brien"),
    ("views.search", "q=roth&from=2018&to=2019", {"from": None, "to": None}, "/?q=roth"),
    ("views.search", "q=roth", {"q": None}, "/"),
    ("facet_pages.facet_page", "q=x&kind=quote&page=2", {"name": "speaker", "order": "name"},
     "/facets/speaker?q=x&kind=quote&order=name"),
    ("facet_pages.facet_page", "name=source&q=x", {"name": "speaker"}, "/facets/speaker?q=x"),  # the path part is the page's
    ("facet_pages.speaker_directory", "order=name&page=2", {"page": 3}, "/speakers?order=name&page=3"),
    ("exports.export", "q=x&page=2&size=50&sort=newest", {"fmt": "csv", "size": None}, "/export.csv?q=x&sort=newest"),
    ("exports.export", "q=x&fmt=json", {"fmt": "csv"}, "/export.csv?q=x"),
    # negative cases: a reader's parameters named like url_for's own arguments stay plain parameters
    ("views.search", "q=x&endpoint=y", {}, "/?q=x&endpoint=y"),
    ("views.search", "q=x&_external=1&_anchor=top&_scheme=javascript&_method=POST", {},
     "/?q=x&_external=1&_anchor=top&_scheme=javascript&_method=POST"),
])
def test_changed_url(request_context, endpoint, query, changes, expected):
    args = MultiDict(parse_qsl(query, keep_blank_values=True))
    assert changed_url(endpoint, args, **changes) == expected
    assert changed_url(endpoint, args.to_dict(flat=False), **changes) == expected  # the search page's dict of lists


def test_changed_url_leaves_the_arguments_it_was_given_alone(request_context):
    args = MultiDict([("q", "roth"), ("kind", "quote"), ("page", "2")])
    changed_url("views.search", args, kind=["turn"], q=None)
    assert list(args.items(multi=True)) == [("q", "roth"), ("kind", "quote"), ("page", "2")]


@pytest.mark.parametrize("url", ["/?q=said&endpoint=x", "/?q=said&_external=1", "/?q=said&_anchor=x",
                                 "/?q=said&_scheme=javascript", "/?q=said&_method=POST", "/?q=said&fmt=x",
                                 "/facets/speaker?q=said&endpoint=x", "/facets/speaker?q=said&_anchor=x",
                                 "/speakers?_external=1"])
def test_parameters_named_like_url_fors_arguments_neither_fail_nor_redirect_links(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    changed_links = re.findall(r'href="([^"]*\?[^"]*)"', html)
    assert changed_links and all(link.startswith("/") for link in changed_links)  # never to the Host header's site


@pytest.mark.parametrize("query, message", [
    ("from=2018-13", "from is not a date of the calendar: '2018-13'"),
    ("to=2018-02-30", "to is not a date of the calendar: '2018-02-30'"),
    ("from=2018-00-10", "from is not a date of the calendar"),
    ("from=2019&to=2012", "from (2019) is after to (2012)"),
    ("from=2018-12-05&to=2018-12-01", "from (2018-12-05) is after to (2018-12-01)"),
    ("from=abc", "from must be a date like 2018"),
    # negative cases: real dates, and a range whose ends share a year or month, are searched
    ("from=2016-02-29&to=2018", None),
    ("from=2018-11&to=2018", None),
    ("from=2018&to=2018-06", None),
    ("from=2018-11-01&to=2018-11-01", None),
])
def test_a_date_range_that_cannot_be_meant_is_refused_with_the_reason(client, query, message):
    api = client.get(f"/api/search?q=abuse&{query}")
    page = client.get(f"/?q=abuse&{query}")
    if message is None:
        assert api.status_code == 200 and page.status_code == 200
    else:
        assert api.status_code == 400 and message in api.get_json()["error"]
        assert page.status_code == 400 and message.replace("'", "&#39;") in page.get_data(as_text=True)


@pytest.mark.parametrize("url, shown, not_shown", [
    ("/?q=zzzxqy+roth&kind=quote", ['href="/?q=zzzxqy+roth"', 'href="/?q=zzzxqy+OR+roth&amp;kind=quote"', 'href="/help"'], []),
    ("/?q=zzzxqy", ['href="/help"'], ["without the filters", "any of the words"]),
    ("/?q=roth", [], ["empty-help"]),  # negative: results, no advice
])
def test_an_empty_result_says_what_to_try_next(client, url, shown, not_shown):
    html = client.get(url).get_data(as_text=True)
    assert all(s in html for s in shown) and not any(s in html for s in not_shown)
    if shown:
        assert 'class="empty-help"' in html


LONG_WORDS = " ".join(f"word{n:03d}" for n in range(120))  # 959 characters


@pytest.mark.parametrize("q, kept_end, words", [
    (LONG_WORDS, "word061", 62),                       # cut at a word's end, never inside word062
    ('"' + LONG_WORDS + '"', 'word061"', 62),          # a phrase cut open is closed: still a phrase
    ("(" + LONG_WORDS + ")", "word061)", 62),
    (" ".join(["abuse AND"] * 60), "abuse", None),     # no operator left dangling at the end
    ("x" * 5000, "x" * 500, "500 characters were searched"),  # one word cut short: "the first 1 words" was said
    # negative cases: a query within the limit is searched as written, with no note
    ("sexual abuse", "sexual abuse", 0),
    ("x" * 500, "x" * 500, 0),
])
def test_a_long_query_is_cut_at_a_word_and_says_so(q, kept_end, words):
    from archive.search_arguments import MAX_QUERY, within_limit
    cut, note = within_limit(q)
    assert cut.endswith(kept_end) and len(cut) <= MAX_QUERY + 2
    if words == 0:
        assert cut == q and note is None
    else:
        assert note.startswith(f"Only the first {words if words else ''}") and f"this one was {len(q):,}" in note


def test_a_pasted_paragraph_finds_its_passage(client):
    passage = max((r for r in client.get("/api/search?size=100&kind=narrative").get_json()["results"]),
                  key=lambda r: len(r["text"]))
    assert len(passage["text"]) > 150
    pasted = " ".join([passage["text"]] * (-(-600 // len(passage["text"]))))  # past the limit, mid-word
    found = client.get("/api/search", query_string={"q": pasted}).get_json()
    assert passage["id"] in [r["id"] for r in found["results"]] and found["note"].startswith("Only the first")


@pytest.mark.parametrize("url, retry", [
    ("/?q=abuse&kind=quote&from=2018-13", "/?q=abuse&kind=quote"),
    ("/?q=abuse&from=2019&to=2012&sort=newest", "/?q=abuse&sort=newest"),
    ("/?q=abuse&page=x", "/?q=abuse"),
    ("/?q=abuse&sort=sideways&size=50", "/?q=abuse&size=50"),
])
def test_a_bad_parameter_page_offers_the_same_search_without_it(client, url, retry):
    from html import unescape
    response = client.get(url)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert unescape(re.search(r'<a class="retry" href="([^"]*)"', html).group(1)) == retry
    assert client.get(retry).status_code == 200


def test_a_good_search_has_no_retry_link(client):
    assert 'class="retry"' not in client.get("/?q=abuse").get_data(as_text=True)


@pytest.mark.parametrize("typed", ["“issue regime”", "„issue regime“", "«issue regime»", "＂issue regime＂"])
def test_a_phrase_in_typographic_quotation_marks_is_a_phrase(client, typed):
    straight = client.get("/api/search", query_string={"q": '"issue regime"'}).get_json()
    loose = client.get("/api/search", query_string={"q": "issue regime"}).get_json()
    assert straight["total"] != loose["total"]  # the test means something: order matters in a phrase
    curly = client.get("/api/search", query_string={"q": typed}).get_json()
    assert curly["total"] == straight["total"] and curly["note"] is None


@pytest.mark.parametrize("q, expected", [
    ("“a b” c", '"a b" c'),
    ("it’s ‘fine’", "it’s ‘fine’"),  # negative: single marks are apostrophes, kept
])
def test_straight_quotes(q, expected):
    from archive.search_arguments import straight_quotes
    assert straight_quotes(q) == expected

@pytest.mark.parametrize("count, status", [(21, 400), (40, 400), (20, 200), (1, 200)])
def test_more_facet_values_than_allowed_is_an_error_not_a_silent_cut(client, count, status):
    values = "&".join(f"speaker=Name{n}" for n in range(count))
    api = client.get(f"/api/search?{values}")
    assert api.status_code == status
    if status == 400:
        assert api.get_json()["error"] == f"at most 20 values of speaker can be chosen at once, not {count}"
        assert client.get(f"/?{values}").status_code == 400


@pytest.mark.parametrize("page, error", [
    ("9999999999", "page is too large: 9999999999 (at most 999,999,999)"),
    ("12345678901234567890", "page is too large: 12345678901234567890 (at most 999,999,999)"),
    ("2.5", "page must be a whole number, not '2.5'"),  # negative cases: not whole numbers at all
    ("two", "page must be a whole number, not 'two'"),
])
def test_a_page_too_large_is_not_called_no_number(client, page, error):
    api = client.get("/api/search", query_string={"q": "abuse", "page": page})
    assert api.status_code == 400 and api.get_json()["error"] == error
