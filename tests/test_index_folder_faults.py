"""The archive's folder taken away, emptied or named wrong while the web app serves or an ingest
starts: a clear 503 or one line, never a 500, a traceback or a wait for a swap that is not coming."""
from __future__ import annotations

import shutil
import time

import pytest

from app import create_app
from indexer.catalog import catalog_path
from indexer.ingest import ingest

from harbour_stories import write_docs


def serving(index_dir):
    return create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False}).test_client()


def delete_folder(index_dir):
    shutil.rmtree(index_dir)


def file_in_its_place(index_dir):
    shutil.rmtree(index_dir)
    index_dir.write_text("not an archive", encoding="utf-8")


def tocs_deleted(index_dir):
    for toc in index_dir.glob("_MAIN_*.toc"):
        toc.unlink()


@pytest.mark.parametrize("damage, words", [
    (delete_folder, "its folder is missing"),
    (file_in_its_place, "is not a folder"),
    (tocs_deleted, "its table of contents is missing"),
])
def test_an_archive_taken_away_while_serving_answers_503_at_once_and_comes_back(tmp_path, damage, words):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 3)
    ingest([docs], index_dir)
    client = serving(index_dir)
    assert client.get("/api/search?q=harbour").get_json()["total"] == 3
    damage(index_dir)
    started = time.monotonic()
    for url in ("/api/search?q=harbour", "/?q=harbour", "/speakers"):
        answer = client.get(url)
        assert answer.status_code == 503, (url, answer.status_code)
        assert words in answer.get_data(as_text=True).replace("&#39;", "'"), url
    assert time.monotonic() - started < 1.0  # no waiting out a rebuild's swap that is not happening
    if index_dir.is_file():
        index_dir.unlink()
    ingest([docs], index_dir, rebuild=damage is tocs_deleted)  # the administrator's fix
    assert client.get("/api/search?q=harbour").get_json()["total"] == 3  # the same app serves again


def test_an_index_dir_that_is_a_file_stops_ingest_with_one_line(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 2)
    index_dir.write_text("notes", encoding="utf-8")
    for target in (index_dir, index_dir / "inner"):
        app = create_app({"TESTING": True, "INDEX_DIR": target, "BUILD_INDEX_IF_MISSING": False})
        done = app.test_cli_runner().invoke(args=["ingest", "--quiet", str(docs)])
        assert done.exit_code == 4, done.output
        assert f"{index_dir} is a file, not a folder; set INDEX_DIR to a folder" in done.stderr
        assert "File exists" not in done.stderr and "Not a directory" not in done.stderr
    assert index_dir.read_text(encoding="utf-8") == "notes"  # the file is left as it was


@pytest.mark.parametrize("damage", [
    lambda path: path.write_bytes(bytes(range(256)) * 20),  # overwritten: "file is not a database"
    lambda path: path.write_bytes(b""),                      # emptied: "no such table: documents"
], ids=["overwritten", "emptied"])
def test_a_catalogue_damaged_while_serving_answers_503_and_search_goes_on(tmp_path, damage):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 3)
    ingest([docs], index_dir)
    client = serving(index_dir)
    assert client.get("/d/story_001").status_code == 200
    damage(catalog_path(index_dir))
    for url in ("/d/story_001", "/api/documents/story_001", "/speakers/Lea%20Moss"):
        answer = client.get(url)
        assert answer.status_code == 503, (url, answer.status_code)  # was a 500: sqlite3's error unhandled
        assert "catalogue cannot be read" in answer.get_data(as_text=True).replace("&#39;", "'"), url
    assert client.get("/api/search?q=harbour").get_json()["total"] == 3  # the index still answers


@pytest.mark.parametrize("pointer, said, page", [
    (b"gen-9\n", "names gen-9, which does not exist", "names a generation that is missing"),
    (b"", "names no generation", "table of contents is missing"),          # emptied
    (b"\xff\xfe\x00", "names no generation", "table of contents is missing"),  # not text (was a 500)
    (b"gen-1/../elsewhere\n", "names no generation", "table of contents is missing"),
], ids=["missing", "empty", "not text", "not a name"])
def test_a_pointer_to_no_generation_deletes_nothing(tmp_path, pointer, said, page):
    """CURRENT naming a generation that is not there, or nothing (edited by hand, restored from an
    old backup, damaged): the next ingest removed every other generation, the live archive and its
    citation history among them, and started an empty one."""
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 3)
    ingest([docs], index_dir, rebuild=True)
    (index_dir / "CURRENT").write_bytes(pointer)
    app = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False})
    runner = app.test_cli_runner()
    said = f"{index_dir / 'CURRENT'} {said} (the folder holds gen-1)"
    for args in (["ingest", "--quiet", str(docs)], ["ingest", "--rebuild", "--quiet", str(docs)], ["check"]):
        done = runner.invoke(args=args)
        assert done.exit_code in (1, 4) and said in done.output, (args, done.output)
    assert sorted(path.name for path in index_dir.iterdir()) == ["CURRENT", "gen-1"]  # nothing removed
    started = time.monotonic()
    answer = app.test_client().get("/api/search?q=harbour")
    assert answer.status_code == 503 and page in answer.get_json()["error"]
    assert time.monotonic() - started < 1.0
    (index_dir / "CURRENT").write_text("gen-1\n", encoding="ascii")  # what the message says to do
    assert app.test_client().get("/api/search?q=harbour").get_json()["total"] == 3
    assert runner.invoke(args=["ingest", "--quiet", str(docs)]).exit_code == 0
