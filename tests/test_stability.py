"""Citation links survive re-ingest, rebuilds, edits around them, moves; edited or removed text says so."""
import re
import shutil

import pytest

from app import create_app
from indexer.ingest import ingest

STORY = ("Title: Council budget row\nSource: Example Wire\nDate: 2021-03-04\nURL: https://example.org/budget\n\n"
         "The council met on Monday to discuss the budget.\n\n"
         '"We cannot pay for everything this year," said Mayor Ana Ruiz.\n\n'
         "Opposition members walked out of the meeting in protest.\n")


@pytest.fixture()
def setup(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    (docs / "budget.txt").write_text(STORY, encoding="utf-8")
    ingest([docs], index_dir)
    app = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False})
    client = app.test_client()
    quote = client.get("/api/search?q=pay&kind=quote").get_json()["results"][0]
    passage = client.get('/api/search?q="walked out"').get_json()["results"][0]
    return docs, index_dir, client, quote, passage


def reingest(docs, index_dir, **options):
    summary = ingest([docs], index_dir, **options)
    assert summary.failed == 0
    return summary


def words_on(client, url):
    page = client.get(url)
    assert page.status_code == 200
    return page.get_data(as_text=True)


def test_links_survive_reingest_and_rebuild(setup):
    docs, index_dir, client, quote, passage = setup
    reingest(docs, index_dir)
    reingest(docs, index_dir, rebuild=True)
    assert "We cannot pay for everything this year," in words_on(client, quote["url"])
    assert "walked out of the meeting" in words_on(client, passage["url"])


@pytest.mark.parametrize("edit", [
    lambda s: s.replace("The council met", "Snow fell all night.\n\nThe council met"),  # paragraph inserted
    lambda s: s.replace("The council met on Monday to discuss the budget.\n\n", ""),  # paragraph removed
    lambda s: s.replace("Opposition members walked out of the meeting in protest.\n", "")
                .replace("The council met", "Opposition members walked out of the meeting in protest.\n\nThe council met"),
    lambda s: s.replace("Date: 2021-03-04", "Date: 2021-03-05").replace("Example Wire", "Example Daily"),  # metadata
])
def test_links_survive_edits_around_them(setup, edit):
    docs, index_dir, client, quote, passage = setup
    path = docs / "budget.txt"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert reingest(docs, index_dir).updated == 1
    assert client.get(f"/api/passages/{quote['id']}").get_json()["status"] == "current"
    assert client.get(f"/api/passages/{passage['id']}").get_json()["status"] == "current"


def test_links_survive_a_move_and_rename(setup):
    docs, index_dir, client, quote, _ = setup
    (docs / "2021").mkdir()
    shutil.move(docs / "budget.txt", docs / "2021" / "council-budget.txt")
    summary = reingest(docs, index_dir, prune=True)
    assert summary.moved == 1 and summary.removed == 0
    data = client.get(f"/api/passages/{quote['id']}").get_json()
    assert data["status"] == "current" and data["doc"] == quote["doc"]
    assert client.get(data["document_url"].split("#")[0]).status_code == 200


def test_edited_text_resolves_to_the_revision_with_a_note(setup):
    docs, index_dir, client, quote, passage = setup
    path = docs / "budget.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("walked out of the meeting", "walked out of the session"),
                    encoding="utf-8")
    reingest(docs, index_dir, rebuild=True)
    data = client.get(f"/api/passages/{passage['id']}").get_json()
    assert data["status"] == "revised" and "session" in data["text"] and "meeting" in data["cited_text"]
    html = words_on(client, passage["url"])
    assert "revised after this link was made" in html
    assert "<del>meeting</del>" in html and "<ins>session</ins>" in html


def test_removed_text_shows_the_words_as_cited(setup):
    docs, index_dir, client, quote, passage = setup
    path = docs / "budget.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Opposition members walked out of the meeting in protest.\n", "Everyone went home at six.\n"), encoding="utf-8")
    reingest(docs, index_dir)
    html = words_on(client, passage["url"])
    assert "no longer in the archive" in html
    assert "Opposition members walked out of the meeting in protest." in html
    assert f'href="/d/{passage["doc"]}"' in html


def test_document_link_places_and_highlights_the_passage(setup):
    _, _, client, quote, _ = setup
    url = quote["document_url"]
    html = words_on(client, url.replace("#", f"?hl={quote['id']}#"))
    anchor = url.split("#")[1]
    assert f'id="{anchor}"' in html and re.search(rf'id="{anchor}" class="[^"]*highlighted', html)


def test_citation_page_links_to_the_original_at_the_quote(setup):
    _, _, client, quote, _ = setup
    html = words_on(client, quote["url"])
    assert 'href="https://example.org/budget#:~:text=We%20cannot%20pay%20for%20everything%20this%20year"' in html
    assert "Ruiz, as cited in" in html and "Example Wire" in html


def test_json_ld_cannot_be_broken_out_of(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    (docs / "evil.txt").write_text('Title: </script><script>alert(1)</script>\n\n'
                                   '"Close the tag </script><script>alert(2)</script> now," said Ana Ruiz.\n',
                                   encoding="utf-8")
    ingest([docs], index_dir)
    client = create_app({"TESTING": True, "INDEX_DIR": index_dir}).test_client()
    quote = client.get("/api/search?q=close&kind=quote").get_json()["results"][0]
    html = words_on(client, quote["url"])
    assert "<script>alert" not in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "\\u003c/script\\u003e" in block
