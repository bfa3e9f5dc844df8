"""Nothing a file or a visitor sends breaks the archive, loses work, or runs in a reader's browser."""
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from indexer.catalog import Catalog
from indexer.engine import FACETS
from indexer.ingest import ingest

EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)>"

HOSTILE_FILES = {
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500),
    "invalid-utf8.txt": b'Caf\xc3 owners said "prices rose sharply this year" in the old town.\n',
    "latin1.txt": 'Z\xfcrich traders said "business is slow this winter, very slow" today.'.encode("latin-1"),
    "utf16.txt": '\ufeffKyiv residents said "the shelling went on all night long" on Monday.'.encode("utf-16"),
    "empty.txt": b"",
    "blank.txt": b"   \n\n\t  \n",
    "paragraph-1mb.txt": ("Officials said \"nothing happened\" and left. " * 24000).encode(),
    "unclosed.txt": ("“" + " word “" * 10000).encode(),
    "evil.md": (f"---\ntitle: {EVIL}\nsource: {EVIL}\nurl: javascript:alert(1)\n---\n# {EVIL}\n\n"
                f'"{EVIL} is what they wrote," said {EVIL} Smith.\n\n<iframe src="https://evil.example"></iframe>\n').encode(),
    "broken-front-matter.md": b"---\ntitle: never closed\n\nBody text here, long enough to be a passage.\n",
    "date-yesterday.txt": b"Title: Old news\nDate: yesterday\n\nThe council said nothing new.\n",
    "name with spaces.txt": b"Title: Spaces\n\nA document whose file name has spaces in it.\n",
    "北朝鮮 보고서.txt": "Title: 北朝鮮\n\n\"人権侵害は深刻だ\" said Kim Min-ji, a researcher.\n".encode(),
}

pytestmark = pytest.mark.heavy  # a 1,000-document ingest with a 20 MB file


@pytest.fixture(scope="module")
def hostile_archive(tmp_path_factory):
    docs = tmp_path_factory.mktemp("hostile")
    for n in range(1000):
        (docs / f"good_{n:04d}.txt").write_text(
            f'Title: Report {n}\n\nThe committee met for session {n}.\n\n"We agreed on item {n}," said Ana Ruiz.\n',
            encoding="utf-8")
    for name, data in HOSTILE_FILES.items():
        (docs / name).write_bytes(data)
    (docs / "20mb.txt").write_text("Title: Long\n\n" + ("A long article paragraph with words. " * 1400 + "\n\n") * 400,
                                   encoding="utf-8")  # 20 MB in 400 long paragraphs
    (docs / "loop").symlink_to(docs, target_is_directory=True)
    index_dir = tmp_path_factory.mktemp("hostile-ix")
    summary = ingest([docs], index_dir)
    return docs, index_dir, summary


def test_every_good_file_is_indexed_and_bad_ones_named(hostile_archive):
    docs, index_dir, summary = hostile_archive
    failed = {Path(p).name: reason for p, reason in summary.failures}
    assert set(failed) == {"image.txt", "empty.txt", "blank.txt"}
    assert all(reason for reason in failed.values())
    ids = {row.doc_id for row in Catalog(index_dir).documents()}
    assert all(f"good_{n:04d}" in ids for n in range(1000))
    assert {"latin1", "utf16", "invalid-utf8", "paragraph-1mb", "unclosed", "20mb", "evil"} <= ids
    yesterday = Catalog(index_dir).document("date-yesterday")
    assert yesterday.date is None and yesterday.date_text == "yesterday"


@pytest.fixture()
def client(hostile_archive):
    _, index_dir, _ = hostile_archive
    return create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False}).test_client()


def _pages(client):
    quote = client.get("/api/search?q=wrote&kind=quote").get_json()["results"][0]
    pages = ["/?q=wrote", "/?q=%3Cscript%3E", "/d/evil", quote["url"], "/browse", "/api/search?q=wrote",
             "/api/documents/evil", "/?q=wrote&source=" + quote["source"]]
    return pages + [f"/speakers/{quote['speaker']}"] * bool(quote["speaker"]) + [f"/sources/{quote['source']}"]


def test_markup_is_text_everywhere(client):
    for url in _pages(client):
        body = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in body and "<img src=x" not in body and "<iframe" not in body, url
        assert 'href="javascript:' not in body, url


def test_highlighted_snippets_stay_escaped(client):
    body = client.get("/?q=script").get_data(as_text=True)
    assert "&lt;<mark>script</mark>&gt;" in body or "&lt;script&gt;" in body
    assert "<script>alert" not in body


@pytest.mark.parametrize("url", ["/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/app.py",
                                 "/d/..%2F..%2Fetc%2Fpasswd", "/d/../../etc/passwd", "/p/..%2Fcatalog.sqlite",
                                 "/sources/..%2F..%2Fetc%2Fpasswd", "/speakers/%2Fetc%2Fpasswd",
                                 "/api/documents/..%2F..%2Fetc%2Fpasswd", "//etc/passwd"])
def test_no_path_outside_the_archive(client, url):
    response = client.get(url)
    body = response.get_data()
    assert response.status_code in (404, 400, 308, 301)
    assert b"root:" not in body and b"create_app" not in body


FIELDS = ["q", "page", "size", "sort", *FACETS, "from", "to", "doc"]  # every facet of the field registry
hostile_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["-1", "0", str(10**9), "1e9", "NaN", "AND", "OR NOT", '"', "(", ":", "*", "speaker:", "\x00",
                     "</script>", "%00", "..", "'; DROP TABLE documents; --", "a" * 600]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(FIELDS), hostile_text, max_size=5),
       path=st.sampled_from(["/", "/api/search"]))
def test_fuzzed_search_parameters_never_fail(client, params, path):
    response = client.get(path, query_string=params)
    assert response.status_code in (200, 400), (params, response.status_code)
    if path.startswith("/api"):
        assert response.is_json


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segment=st.text(min_size=1, max_size=40).filter(lambda s: "/" not in s and s not in (".", "..")),
       route=st.sampled_from(["/d/{}", "/p/{}", "/p/{}/cite.bib", "/p/{}/cite.json", "/speakers/{}", "/sources/{}",
                              "/api/passages/{}", "/api/documents/{}"]))
def test_fuzzed_ids_give_helpful_404s(client, segment, route):
    response = client.get(route.format(segment))
    assert response.status_code in (200, 404), (route, segment, response.status_code)
