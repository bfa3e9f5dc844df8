"""An index with no segments answers searches and takes the next ingest (issue 12, item 3)."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import create_app
from indexer.engine import SearchEngine, SearchRequest
from indexer.ingest import ingest
from indexer.pause_points import PAUSE_ENV, PAUSED_FILE_ENV

ROOT = Path(__file__).resolve().parent.parent
STORY = 'Title: Harbour\n\nThe board met about the harbour.\n\n"We will wait," said Chair Lea Moss.\n'


def empty_index(tmp_path: Path) -> tuple[Path, Path]:
    """An ingest whose only file is empty: an index committed with no segment."""
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    (docs / "empty.txt").write_text("", encoding="utf-8")
    ingest([docs], index_dir)
    (docs / "empty.txt").unlink()  # the next ingest should report nothing failed
    return docs, index_dir


def killed_first_ingest(tmp_path: Path) -> tuple[Path, Path]:
    """A first ingest SIGKILLed before its first commit."""
    docs, index_dir, paused = tmp_path / "docs", tmp_path / "ix", tmp_path / "paused"
    docs.mkdir()
    (docs / "story.txt").write_text(STORY, encoding="utf-8")
    code = f"from pathlib import Path; from indexer.ingest import ingest; ingest([Path({str(docs)!r})], Path({str(index_dir)!r}))"
    env = {**os.environ, PAUSE_ENV: "before-first-commit:30", PAUSED_FILE_ENV: str(paused)}
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while not paused.exists():
        assert time.monotonic() < deadline and child.poll() is None, "the ingest never reached its first commit"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    (docs / "story.txt").unlink()
    return docs, index_dir


@pytest.mark.parametrize("make", [empty_index, killed_first_ingest])
def test_index_without_segments_answers_and_takes_the_next_ingest(tmp_path, make):
    docs, index_dir = make(tmp_path)
    assert SearchEngine(index_dir).search(SearchRequest("harbour")).total == 0
    client = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False}).test_client()
    assert client.get("/?q=harbour").status_code == 200
    assert client.get("/api/search?q=harbour").status_code == 200
    (docs / "story2.txt").write_text(STORY, encoding="utf-8")
    summary = ingest([docs], index_dir)
    assert summary.added == 1 and summary.failed == 0
    assert SearchEngine(index_dir).search(SearchRequest("harbour")).total > 0
