"""`flask ingest` on a folder as people have them: special files, READMEs, odd names, a spreadsheet."""
import os
import sqlite3
import time
from pathlib import Path

import pytest

from app import create_app

STORY = ("Title: Harbour reopens\nSource: Demo Wire\n\nThe harbour reopened on Monday after the storm.\n\n"
         '"We worked through the night," said Ana Varela, the harbour master.\n')
LATIN1_NAME = os.fsdecode(b"caf\xe9.txt")  # a name written by a Latin-1 system: not valid UTF-8


def _app(tmp_path):
    return create_app({"TESTING": True, "INDEX_DIR": tmp_path / "ix", "BUILD_INDEX_IF_MISSING": False})


def _ingest(app, folder):
    started = time.perf_counter()
    result = app.test_cli_runner().invoke(args=["ingest", str(folder)])
    return result, time.perf_counter() - started


@pytest.fixture()
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(STORY, encoding="utf-8")
    (docs / "other.txt").write_text("BERLIN - Trains ran again after the strike ended on Friday.\n", encoding="utf-8")
    (docs / "README.md").write_text("# About this folder\n\nThe demo collection.\n", encoding="utf-8")
    Path(os.path.join(str(docs), LATIN1_NAME)).write_text("The café reopened after the winter works.\n", encoding="utf-8")
    os.mkfifo(docs / "pipe.txt")
    (docs / "zero.txt").symlink_to("/dev/zero")
    return docs


def test_special_files_are_reported_and_the_rest_indexed_promptly(tmp_path, folder):
    app = _app(tmp_path)
    result, seconds = _ingest(app, folder)
    assert seconds < 30  # the FIFO used to hang ingest forever, /dev/zero to fill memory
    assert result.exit_code == 1
    assert f"failed {folder / 'pipe.txt'}: a named pipe (FIFO)" in result.output
    assert f"failed {folder / 'zero.txt'}: a character device" in result.output
    assert "3 added" in result.output and "1 ignored (README.md)" in result.output
    again, _ = _ingest(app, folder)
    assert "0 added, 0 updated, 0 moved, 3 unchanged" in again.output


def test_a_name_that_is_not_utf8_is_indexed_and_shown(tmp_path, folder):
    app = _app(tmp_path)
    _ingest(app, folder)
    db = sqlite3.connect(tmp_path / "ix" / "catalog.sqlite")
    (doc_id, path), = db.execute("SELECT doc_id, path FROM documents WHERE path LIKE '%caf%'")
    assert path == str(folder / "caf\\xe9.txt")
    client = app.test_client()
    assert "café reopened" in client.get(f"/api/documents/{doc_id}").get_data(as_text=True)
    for url in (f"/d/{doc_id}", f"/api/documents/{doc_id}", "/api/search?q=caf%C3%A9", "/?q=winter"):
        assert client.get(url).status_code == 200, url
    hit = client.get("/api/search?q=winter").get_json()["results"][0]
    assert client.get(f"/p/{hit['id']}").status_code == 200
    assert client.get(f"/p/{hit['id']}/cite.bib").status_code == 200


def test_an_unreadable_folder_fails_the_ingest(tmp_path, folder, monkeypatch):
    (folder / "locked").mkdir()
    (folder / "locked" / "inner.txt").write_text(STORY, encoding="utf-8")
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": (_ for _ in ()).throw(
        PermissionError(13, "Permission denied", os.fspath(path))) if os.fspath(path).endswith("locked")
        else real_scandir(path))
    result, _ = _ingest(_app(tmp_path), folder)
    assert result.exit_code == 1
    assert f"failed {folder / 'locked'}: folder cannot be read: Permission denied" in result.output
