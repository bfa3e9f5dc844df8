"""Long documents are paged: 500 passages a page on /d/<id> and /api/documents/<id>."""
import re

import pytest

from app import create_app
from indexer.ingest import ingest


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    docs, index_dir = tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("ix")
    paragraphs = [f'In district {n} the farmers met. "We need rain number {n}," said Omar Haddad.' for n in range(1200)]
    (docs / "long.txt").write_text("Title: A long hearing\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    (docs / "short.txt").write_text('Title: A short note\n\n"Rain came," said Omar Haddad.\n', encoding="utf-8")
    assert ingest([docs], index_dir).failed == 0
    return create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False}).test_client()


def doc_id(client, title):
    query = f'title:"{title}"'  # plain words search a passage's own text, not its document's title
    hit = next(h for h in client.get("/api/search", query_string={"q": query}).get_json()["results"])
    return hit["doc"]


@pytest.mark.parametrize("page, sections, prev, nxt", [
    ("1", 500, False, True),
    ("2", 500, True, True),
    ("3", 200, True, False),
    ("9", 0, True, False),     # past the end: empty with a note and a link back to page 3 (was page 3 again)
])
def test_document_page_shows_500_passages_with_links(client, page, sections, prev, nxt):
    doc = doc_id(client, "long hearing")
    html = client.get(f"/d/{doc}", query_string={"page": page}).get_data(as_text=True)
    assert len(re.findall(r'<section id="p-', html)) == sections
    assert ('rel="prev"' in html) == prev and ('rel="next"' in html) == nxt


def test_short_document_has_one_page_and_no_pager(client):
    html = client.get(f"/d/{doc_id(client, 'short note')}").get_data(as_text=True)
    assert 'class="pager"' not in html and "Rain came" in html


@pytest.mark.parametrize("page, count, links", [
    (1, 500, {"next"}),
    (2, 500, {"prev", "next"}),
    (3, 200, {"prev"}),
])
def test_api_document_pages_passages_with_their_quotes(client, page, count, links):
    doc = doc_id(client, "long hearing")
    body = client.get(f"/api/documents/{doc}", query_string={"page": page}).get_json()
    passages = [r for r in body["records"] if not (r["kind"] == "quote" and r.get("passage"))]
    assert body["page"] == page and body["pages"] == 3 and len(passages) == count
    assert {name for name in ("prev", "next") if name in body} == links
    if "next" in body:
        assert client.get(body["next"]).get_json()["page"] == page + 1


@pytest.mark.parametrize("page", ["0", "-1", "x", "1e9"])
def test_bad_page_is_a_clear_400(client, page):
    doc = doc_id(client, "long hearing")
    for url in (f"/api/documents/{doc}", f"/d/{doc}"):
        answer = client.get(url, query_string={"page": page})
        assert answer.status_code == 400 and "page" in answer.get_data(as_text=True)


def test_permalink_highlight_lands_on_the_page_holding_the_passage(client):
    doc = doc_id(client, "long hearing")
    last = client.get(f"/api/documents/{doc}", query_string={"page": 3}).get_json()["records"][-1]["id"]
    html = client.get(f"/d/{doc}", query_string={"hl": last}).get_data(as_text=True)
    assert "Page 3 of 3" in html and (f'id="q-{last}"' in html or f'id="p-{last}"' in html)
