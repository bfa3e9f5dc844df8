"""The author facet, added through the field registry: filtered, counted, shown, in the API and CLI."""
import pytest

from app import create_app
from indexer.engine import Filters, SearchEngine, SearchRequest
from indexer.ingest import ingest

# Invented articles: two by one author, one by another (the byline header), one with none.
DOCUMENTS = {
    "harbour_a.txt": "Title: Harbour wall gives way\nAuthor: Mira Okafor\nDate: 2021-03-02\n\n"
                     "The harbour wall gave way overnight.\n\nBoats were moved inland before the tide.\n",
    "harbour_b.txt": "Title: Harbour repairs begin\nAuthors: Mira Okafor\nDate: 2021-04-10\n\n"
                     "Repairs to the harbour began on Monday.\n",
    "harbour_c.txt": "Title: Fishing season opens\nByline: Tom Hale\nDate: 2021-05-01\n\n"
                     "The harbour was busy as the fishing season opened.\n",
    "harbour_d.txt": "Title: Tide tables\nDate: 2021-06-01\n\nThe harbour office published its tide tables.\n",
}


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("authors")
    for name, text in DOCUMENTS.items():
        (folder / "docs").mkdir(exist_ok=True)
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    summary = ingest([folder / "docs"], folder / "ix")
    assert summary.failed == 0
    return folder / "ix"


@pytest.fixture()
def engine(index_dir):
    engine = SearchEngine(index_dir)
    yield engine
    engine.close()


@pytest.fixture()
def app(index_dir):
    return create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False})


def docs(page) -> set[str]:
    return {hit.doc for hit in page.hits}


@pytest.mark.parametrize("author, expected", [
    ("Mira Okafor", {"harbour_a", "harbour_b"}), ("Tom Hale", {"harbour_c"}),
    ("Okafor", set()),  # a filter is the exact value, not a word of it
])
def test_filter_by_author(engine, author, expected):
    page = engine.search(SearchRequest("harbour", Filters(author=(author,)), page_size=50))
    assert docs(page) == expected
    assert all(hit.author == author for hit in page.hits)


def test_author_counts_equal_filtered_totals_and_leave_out_unsigned_documents(engine):
    page = engine.search(SearchRequest("harbour"))
    counts = dict(page.facets["author"])
    assert set(counts) == {"Mira Okafor", "Tom Hale"}
    for author, count in counts.items():
        assert engine.search(SearchRequest("harbour", Filters(author=(author,)))).total == count
    assert sum(counts.values()) < page.total  # harbour_d has no author and is in no count


@pytest.mark.parametrize("text, expected", [
    ("author:okafor", {"harbour_a", "harbour_b"}), ("author:hale harbour", {"harbour_c"}), ("author:nobody", set()),
])
def test_author_is_searchable_by_name(engine, text, expected):
    assert docs(engine.search(SearchRequest(text, page_size=50))) == expected


def test_search_page_shows_the_author_facet_with_its_label_and_narrows(app):
    client = app.test_client()
    page = client.get("/?q=harbour").get_data(as_text=True)
    assert "<h2>Author</h2>" in page and "Mira Okafor" in page and "Tom Hale" in page
    narrowed = client.get("/?q=harbour&author=Tom+Hale").get_data(as_text=True)
    assert "Author: Tom Hale" in narrowed and "Fishing season opens" in narrowed
    assert "Harbour wall gives way" not in narrowed


def test_api_has_the_author_facet_and_each_hits_author(app):
    found = app.test_client().get("/api/search?q=harbour&author=Mira+Okafor").get_json()
    assert found["facets"]["author"] == [{"value": "Mira Okafor", "count": found["total"]}]
    assert found["total"] > 0 and {r["author"] for r in found["results"]} == {"Mira Okafor"}
    assert app.test_client().get("/api/facets/author?q=harbour").get_json()["values"]


def test_flask_search_by_author(app):
    result = app.test_cli_runner().invoke(args=["search", "harbour", "--author", "Tom Hale", "--json"])
    assert result.exit_code == 0 and "1 results" in result.output and "harbour_c" in result.output
    assert "harbour_a" not in result.output
