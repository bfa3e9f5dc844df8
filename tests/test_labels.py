"""The metadata a page lists carries the field registry's labels, and the author shows where it exists."""
import html
import re

import pytest

from app import create_app
from indexer.engine.fields import BY_FIELD_NAME
from indexer.ingest import ingest

# Invented articles: one with every header, one with no author, one whose headers carry markup.
DOCUMENTS = {
    "signed.txt": "Title: Sea wall vote\nSource: Coast Ledger\nAuthor: Mira Okafor\nDate: 2021-03-02\n"
                  "Place: Port Wren\n\n\"The wall will hold,\" said Tomas Reyes.\n",
    "unsigned.txt": "Title: Tide tables\nSource: Coast Ledger\nDate: 2021-06-01\n\n"
                    "The harbour office published its tide tables.\n",
    "marked.txt": "Title: Ferry times\nAuthor: Lee <b>Hale</b> & Co\nPlace: <i>Dune</i> Bay\nDate: 2021-07-01\n\n"
                  "The ferry runs twice a day.\n",
    "licensed.txt": "Title: Pier debate\nSource: Harbour Council\nDate: 2021-08-01\n"
                    "License: Open <i>Council</i> Licence v1.0\n\n\"The pier stays,\" said Tomas Reyes.\n",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("labels")
    (folder / "docs").mkdir()
    for name, text in DOCUMENTS.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    assert ingest([folder / "docs"], folder / "ix").failed == 0
    return create_app({"TESTING": True, "INDEX_DIR": folder / "ix", "BUILD_INDEX_IF_MISSING": False}).test_client()


def metadata(page: str) -> dict[str, str]:
    """The doc-meta list of a page: label -> the text shown (tags dropped, entities read)."""
    listed = re.search(r'<dl class="doc-meta">(.*?)</dl>', page, re.S).group(1)
    return {dt: html.unescape(re.sub(r"<[^>]+>", "", dd)).strip()
            for dt, dd in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", listed, re.S)}


def label(name: str) -> str:
    found = BY_FIELD_NAME[name].label
    assert found, f"the registry's {name} field lost its label"
    return found


def passage_page(client, doc: str) -> str:
    records = client.get(f"/api/documents/{doc}").get_json()["records"]
    body = next(r for r in records if r["kind"] != "title")
    return client.get(f"/p/{body['id']}").get_data(as_text=True)


def document_page(client, doc: str) -> str:
    return client.get(f"/d/{doc}").get_data(as_text=True)


# (document, field, what its row shows; None: no row at all)
CASES = [
    ("signed", "source", "Coast Ledger"), ("signed", "author", "Mira Okafor"), ("signed", "date", "2021-03-02"),
    ("signed", "place", "Port Wren"),
    ("unsigned", "author", None), ("unsigned", "place", None), ("unsigned", "source", "Coast Ledger"),
    ("marked", "author", "Lee <b>Hale</b> & Co"), ("marked", "place", "<i>Dune</i> Bay"), ("marked", "source", None),
]


@pytest.mark.parametrize("doc, name, shown", CASES)
@pytest.mark.parametrize("page", [passage_page, document_page])
def test_pages_list_metadata_under_the_registry_labels(client, page, doc, name, shown):
    listed = metadata(page(client, doc))
    assert listed.get(label(name)) == shown


def test_the_passage_page_names_its_document_under_the_registry_label(client):
    assert metadata(passage_page(client, "signed"))[label("doc")] .startswith("Sea wall vote")


@pytest.mark.parametrize("page", [passage_page, document_page])
def test_metadata_rows_keep_their_order(client, page):
    listed = list(metadata(page(client, "signed")))
    order = [label(name) for name in ("source", "author", "date", "place")]
    assert [entry for entry in listed if entry in order] == order


@pytest.mark.parametrize("page", [passage_page, document_page])
def test_document_metadata_is_escaped(client, page):
    text = page(client, "marked")
    assert "Lee &lt;b&gt;Hale&lt;/b&gt; &amp; Co" in text and "<b>Hale</b>" not in text
    assert "&lt;i&gt;Dune&lt;/i&gt; Bay" in text and "<i>Dune</i>" not in text


def test_the_search_page_names_the_date_range_with_the_registry_label(client):
    page = client.get("/?q=ferry&from=2021").get_data(as_text=True)
    assert f"<h2>{label('date')}s</h2>" in page
    assert f">{label('date').lower()}s: 2021 – …" in page


def test_the_speaker_directory_filter_is_labelled_from_the_registry(client):
    page = client.get("/speakers").get_data(as_text=True)
    assert f'<label for="value-name">{label("speaker")} name contains</label>' in page


@pytest.mark.parametrize("query, note", [
    ("speaker:reyes", "speaker"), ("title:vote", "title"), ("source:ledger", "source"),
    ("wall", None),  # the text matched: no note
])
def test_the_matched_note_uses_the_registry_label(client, query, note):
    page = client.get("/", query_string={"q": query}).get_data(as_text=True)
    notes = re.findall(r'<p class="matched-field">matched the (.*?)</p>', page)
    assert set(notes) == ({label(note).lower()} if note else set())


@pytest.mark.parametrize("doc, shown", [
    ("licensed", "Open <i>Council</i> Licence v1.0"),  # shown as text, the markup escaped
    ("signed", None),                                 # negative: no licence, no row
])
@pytest.mark.parametrize("page", [passage_page, document_page])
def test_a_documents_licence_is_listed_where_its_words_are_cited(client, page, doc, shown):
    assert metadata(page(client, doc)).get("Licence") == shown
