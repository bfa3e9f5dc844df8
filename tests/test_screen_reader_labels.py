"""Links a screen reader lists by name alone say what they lead to: no page of identical "cite" links."""
import re
from collections import Counter

import pytest


def _labels(html: str, css_class: str | None = None, text: str | None = None) -> list[str]:
    found = []
    for tag in re.findall(r"<a [^>]*>[^<]*</a>", html):
        if css_class and f'class="{css_class}"' not in tag:
            continue
        if text and not tag.endswith(f">{text}</a>"):
            continue
        label = re.search(r'aria-label="([^"]*)"', tag)
        found.append(label.group(1) if label else re.sub(r"<[^>]+>", "", tag))
    return found


@pytest.mark.parametrize("text", ["cite", "link"])
def test_a_documents_passage_links_are_named_apart(client, text):
    html = client.get("/d/hrw_reuters_2018-11-01").get_data(as_text=True)
    labels = _labels(html, text=text)
    assert len(labels) > 5
    repeated = [label for label, n in Counter(labels).items() if n > 1]
    assert not repeated, repeated
    assert any(re.fullmatch(rf"(Cite|Link to) paragraph \d+", label) for label in labels)


@pytest.mark.parametrize("q", ["abuse", "kind:quote"])
def test_search_results_cite_links_name_what_they_cite(client, q):
    html = client.get("/", query_string={"q": q}).get_data(as_text=True)
    labels = _labels(html, css_class="cite")
    assert len(labels) > 2
    assert all(label.startswith(("Cite this quote", "Cite this passage of ")) for label in labels), labels
    assert "Cite this quote" not in labels and "Cite this passage" not in labels  # the bare, indistinguishable label


def test_the_copy_buttons_have_a_status_line_to_speak_through(client):
    hit = client.get("/api/search?q=kind:quote").get_json()["results"][0]
    html = client.get(f"/p/{hit['id']}").get_data(as_text=True)
    assert '<p id="copy-status" class="visually-hidden" role="status" aria-live="polite"></p>' in html


def test_the_pager_names_its_links_without_reading_arrows(client):
    html = client.get("/?size=10&page=2").get_data(as_text=True)
    pager = re.search(r'<nav class="pager" aria-label="Pages">(.*?)</nav>', html, re.S).group(1)
    assert '<span aria-hidden="true">←</span> Previous page</a>' in pager
    assert 'Next page <span aria-hidden="true">→</span></a>' in pager
    assert re.search(r'<span aria-current="page">Page 2 of [\d,]+</span>', pager)


@pytest.mark.parametrize("path, focused", [
    ("/", True),
    ("/?q=abuse", False),
    ("/?kind=quote", False),
    ("/?q=abuse&page=2", False),
    ("/?from=2018", False),
])
def test_only_the_empty_search_page_puts_the_focus_in_the_box(client, path, focused):
    box = re.search(r'<input id="q"[^>]*>', client.get(path).get_data(as_text=True)).group(0)
    assert ("autofocus" in box) == focused


@pytest.mark.parametrize("path", ["/", "/?q=abuse", "/?q=zzzxqy", "PASSAGE", "QUOTE"])
def test_every_page_has_one_main_heading(client, path):
    if path in ("PASSAGE", "QUOTE"):
        kind = "quote" if path == "QUOTE" else "narrative"
        path = "/p/" + client.get(f"/api/search?q=kind:{kind}").get_json()["results"][0]["id"]
    html = client.get(path).get_data(as_text=True)
    assert len(re.findall(r"<h1[ >]", html)) == 1, path
    if path.startswith("/?q="):
        assert '<h2 id="results-heading" class="visually-hidden">Results</h2>' in html
