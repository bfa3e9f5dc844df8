"""Searches while commits follow each other: each request reads one whole commit, never a 500."""
from pathlib import Path

import pytest

from app import create_app
from indexer.ingest import ingest

from searches_during import searches_during


def write_docs(folder: Path, start: int, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (folder / f"doc_{n:05d}.txt").write_text(
            f"Title: Bulletin {n}\n\nFarmers reported rain in district {n}.\n\n"
            f'"We lost the crop in district {n}," said a farmer.\n', encoding="utf-8")


@pytest.mark.heavy
def test_no_search_fails_during_back_to_back_commits(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 0, 10)
    ingest([docs], index_dir)
    write_docs(docs, 10, 120)
    client = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False}).test_client()
    urls = ("/api/search?q=district", "/api/search?q=farmer&sort=newest", "/api/search?q=rain", "/api/search?q=crop")
    statuses, _ = searches_during(client, urls, lambda: ingest([docs], index_dir, batch_docs=2))  # some sixty commits
    assert len(statuses) > 20
    assert statuses.count(500) == 0 and set(statuses) == {200}
    assert client.get("/api/search?q=district").get_json()["total"] >= 130
