"""Searching during an ingest, two ingests at once, and an ingest killed halfway."""
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app import create_app
from indexer.engine import Filters, SearchRequest
from indexer.engine import SearchEngine as Archive
from indexer.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent


def write_docs(folder: Path, start: int, count: int, word: str = "harvest") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (folder / f"doc_{n:05d}.txt").write_text(
            f"Title: Bulletin {n}\n\nFarmers reported a poor {word} in district {n}.\n\n"
            f'"We lost half the crop in district {n}," said Omar Haddad.\n', encoding="utf-8")


@pytest.mark.heavy
def test_search_keeps_answering_during_ingest_and_sees_new_documents(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 0, 50)
    ingest([docs], index_dir)
    write_docs(docs, 50, 600, word="drought")
    client = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False}).test_client()
    errors, answers, done = [], [], threading.Event()

    def searching():
        while not done.is_set():
            response = client.get("/api/search?q=district")
            if response.status_code != 200:
                errors.append(response.status_code)
            answers.append(response.get_json()["total"])

    reader = threading.Thread(target=searching)
    reader.start()
    try:
        ingest([docs], index_dir, batch_docs=100)
    finally:
        done.set()
        reader.join()
    assert not errors and len(answers) > 5
    assert client.get("/api/search?q=drought").get_json()["total"] == 600  # found without a restart


def test_second_ingest_stops_with_a_message(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 0, 5)
    ingest([docs], index_dir)
    env = dict(os.environ, FLASK_INDEX_DIR=str(index_dir))
    holder = Archive(index_dir).ix.writer()  # another ingest holding the lock
    try:
        result = subprocess.run([sys.executable, "-m", "flask", "--app", "app", "ingest", str(docs)], cwd=ROOT,
                                env=env, capture_output=True, text=True, timeout=120)
    finally:
        holder.cancel()
    assert result.returncode == 3 and "another ingest is writing" in result.stderr
    assert Archive(index_dir).search(SearchRequest("district", Filters(kind=("quote",)))).total == 5


@pytest.mark.heavy
def test_ingest_killed_halfway_leaves_a_usable_index(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 0, 1200)
    script = ("import sys; sys.path.insert(0, %r)\n"
              "from pathlib import Path\nfrom indexer.ingest import ingest\n"
              "ingest([Path(%r)], Path(%r), batch_docs=100)\n") % (str(ROOT), str(docs), str(index_dir))
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    deadline = time.time() + 120
    # Wait until at least one batch has been committed after creation (generation 1 or later;
    # Whoosh deletes the older TOC files, so there is only ever one to see).
    while time.time() < deadline and not any(int(toc.stem.rsplit("_", 1)[1]) >= 1
                                             for toc in index_dir.glob("_MAIN_*.toc")):
        time.sleep(0.05)
    assert time.time() < deadline, "no batch was committed in 120 s"
    time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    committed = Archive(index_dir).search(SearchRequest("district", Filters(kind=("quote",)))).total
    assert committed > 0
    summary = ingest([docs], index_dir)
    assert summary.failed == 0 and summary.added + summary.skipped == 1200
    assert Archive(index_dir).search(SearchRequest("district", Filters(kind=("quote",)))).total == 1200  # each once


@pytest.mark.parametrize("parallel", [False, True])
def test_kill_between_whoosh_and_catalogue_commits_indexes_nothing_twice(tmp_path, monkeypatch, parallel):
    from indexer import catalog as catalog_module
    from indexer import ingest as ingest_module

    # With the two-process writer the recovery's deletions once went to a writer that was then
    # cancelled, and the interrupted batch was indexed twice.
    monkeypatch.setattr(ingest_module, "PARALLEL_FROM_DOCS", 10 if parallel else 10**9)
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 0, 40)

    def die(self):
        raise KeyboardInterrupt("killed after Whoosh committed")

    clear_inflight = catalog_module.Catalog.clear_inflight

    monkeypatch.setattr(catalog_module.Catalog, "clear_inflight", die)
    with pytest.raises(KeyboardInterrupt):
        ingest([docs], index_dir)
    monkeypatch.setattr(catalog_module.Catalog, "clear_inflight", clear_inflight)
    ingest([docs], index_dir)
    assert Archive(index_dir).search(SearchRequest("district", Filters(kind=("quote",)))).total == 40
