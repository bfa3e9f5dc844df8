"""Damaged engine files: `flask check` finds them, --repair rewrites them, searches stay right."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from app import build_sample_archive, create_app
from indexer.ingest import ingest
from indexer.pause_points import PAUSE_ENV, PAUSED_FILE_ENV


def write_docs(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"doc_{n:03d}.txt").write_text(
            f"Title: Bulletin {n}\nSource: {'North' if n % 3 else 'South'} Wire\n\n"
            f"Farmers reported a poor harvest in district {n}.\n\n"
            f'"We lost half the crop," said Omar Haddad.\n', encoding="utf-8")


@pytest.fixture()
def built(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 30)
    assert ingest([docs], index_dir).failed == 0
    app = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False})
    return app, index_dir


def answers(client) -> tuple:
    body = client.get("/api/search?q=harvest").get_json()
    return body["total"], body["facets"]


def zero_fill(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:128] + bytes(path.stat().st_size - 128))  # header kept, data zeroed


def garble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[128:] = np.random.default_rng(0).integers(0, 255, len(data) - 128, dtype=np.uint8).tobytes()
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("folder, name, damage", [
    ("postings", "ids.npy", zero_fill),
    ("postings", "weights.npy", garble),
    ("facets", "source.npy", garble),
    ("facets", "values.json", lambda path: path.write_text("{}", encoding="utf-8")),
])
def test_damaged_array_is_found_repaired_and_never_served(built, folder, name, damage):
    app, index_dir = built
    client, runner = app.test_client(), app.test_cli_runner()
    before = answers(client)
    assert runner.invoke(args=["check"]).exit_code == 0
    damaged = next((index_dir / folder).iterdir()) / name
    damage(damaged)
    app_after = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False})
    assert answers(app_after.test_client()) == before  # answered from Whoosh, not the bad arrays
    found = runner.invoke(args=["check"])
    assert found.exit_code == 1 and f"{folder}/" in found.output and name in found.output
    repaired = runner.invoke(args=["check", "--repair"])
    assert repaired.exit_code == 0 and "rewrote" in repaired.output
    assert runner.invoke(args=["check"]).exit_code == 0
    fresh = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False})
    assert answers(fresh.test_client()) == before


def test_catalogue_and_index_disagreeing_is_reported(built):
    app, index_dir = built
    from indexer.catalog import Catalog
    catalogue = Catalog(index_dir)
    catalogue.drop_document(catalogue.documents()[0].doc_id)
    catalogue.commit()
    catalogue.close()
    found = app.test_cli_runner().invoke(args=["check"])
    assert found.exit_code == 1 and "not in the catalogue" in found.output


def test_deleted_toc_is_reported_and_never_rebuilt_from_the_samples(built):
    app, index_dir = built
    for toc in index_dir.glob("_MAIN_*.toc"):
        toc.unlink()
    found = app.test_cli_runner().invoke(args=["check", "--repair"])
    assert found.exit_code == 1 and "TOC" in found.output and "flask ingest --rebuild" in found.output
    fresh = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False})
    for url in ("/api/search?q=harvest", "/?q=harvest"):
        answer = fresh.test_client().get(url)
        assert answer.status_code == 503 and "table of contents is missing" in answer.get_data(as_text=True)
    build_sample_archive(fresh)  # what `flask run` does at start-up
    assert not list(index_dir.glob("_MAIN_*.toc"))  # the user's folder was not filled with samples


@pytest.mark.parametrize("damage, words", [
    (lambda path: path.write_bytes(bytes(range(256)) * 12), "is damaged (file is not a database); move it aside"),
    (lambda path: path.write_bytes(b""), "holds no document list"),
    (lambda path: path.unlink(), None),  # no catalogue: nothing to compare, not a problem
], ids=["not sqlite", "empty file", "absent"])
def test_a_catalogue_that_cannot_be_read_is_a_problem_named_not_a_traceback(built, damage, words):
    app, index_dir = built
    from indexer.catalog import catalog_path
    damage(catalog_path(index_dir))
    found = app.test_cli_runner().invoke(args=["check"])
    assert found.exception is None or isinstance(found.exception, SystemExit), found.exception
    if words is None:
        assert found.exit_code == 0, found.output
    else:
        assert found.exit_code == 1 and words in found.output and str(catalog_path(index_dir)) in found.output
        assert "--repair" not in found.output  # it rewrites arrays only: no help here
    if words:  # what the message advises works: the next ingest brings back a catalogue that agrees
        if "move it aside" in words:
            catalog_path(index_dir).rename(index_dir / "catalog.damaged")
        assert app.test_cli_runner().invoke(args=["ingest", "--quiet", str(index_dir.parent / "docs")]).exit_code == 0
        assert app.test_cli_runner().invoke(args=["check"]).exit_code == 0


def test_no_index_says_how_to_build_one_not_to_repair(tmp_path):
    app = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "none", "BUILD_INDEX_IF_MISSING": False})
    found = app.test_cli_runner().invoke(args=["check"])
    assert found.exit_code == 1 and "`flask ingest` builds one" in found.output and "--repair" not in found.output


def test_check_waits_for_no_ingest_and_repair_never_writes_beside_one(built, tmp_path):
    """Mid-ingest the index holds a batch the catalogue does not yet: no damage, and --repair
    writing arrays beside the ingest's could race its merge. Both say an ingest is writing."""
    app, index_dir = built
    docs, paused = tmp_path / "docs", tmp_path / "paused"
    write_docs(docs, 33)  # three more: the next ingest has a batch to commit
    code = f"from indexer.ingest import ingest; ingest([{str(docs)!r}], {str(index_dir)!r})"
    child = subprocess.Popen([sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent,
                             env={**os.environ, PAUSE_ENV: "after-whoosh-commit:60",
                                  PAUSED_FILE_ENV: str(paused)})
    try:
        deadline = time.monotonic() + 60
        while not paused.exists():
            assert child.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        for args in (["check"], ["check", "--repair"]):
            busy = app.test_cli_runner().invoke(args=args)
            assert busy.exit_code == 3 and "an ingest is writing to" in busy.output, busy.output
            assert "problem:" not in busy.output and "rewrote" not in busy.output
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert ingest([docs], index_dir).failed == 0  # what the next ingest does after a kill
    assert app.test_cli_runner().invoke(args=["check"]).exit_code == 0


def test_repair_on_a_folder_it_cannot_write_says_so_in_one_line(built, monkeypatch):
    """A read-only folder or a full disk under `flask check --repair` was a traceback."""
    app, index_dir = built
    client, runner = app.test_client(), app.test_cli_runner()
    before = answers(client)
    garble(next((index_dir / "postings").iterdir()) / "weights.npy")
    replace = os.replace

    def read_only(src, dst, *args, **kwargs):
        if ".tmp-" in os.fsdecode(src):
            raise OSError(30, os.strerror(30), src)
        return replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", read_only)
    failed = runner.invoke(args=["check", "--repair"])
    assert failed.exit_code == 4 and isinstance(failed.exception, (SystemExit, type(None))), failed.exception
    lines = [line for line in failed.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"Error: cannot write the archive in {index_dir}: Read-only file system")
    fresh = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False})
    assert answers(fresh.test_client()) == before  # what was not rewritten is answered by Whoosh
    monkeypatch.setattr(os, "replace", replace)
    assert runner.invoke(args=["check", "--repair"]).exit_code == 0
    assert runner.invoke(args=["check"]).exit_code == 0
