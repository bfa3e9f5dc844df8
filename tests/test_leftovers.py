"""Files a crash leaves behind are cleaned by the next commit (issue 12, item 12): superseded
segment files, a half-written merge, a writer's sort files, arrays of segments never committed,
a half-built generation. Made by hand here as a SIGKILL leaves them (tests/test_ingest_kills.py
and tests/test_rebuild.py kill real ingests)."""
from pathlib import Path

import pytest

from indexer import generations
from indexer.engine import SearchEngine, SearchRequest
from indexer.ingest import ingest

from harbour_stories import write_docs


def live_files(index_dir: Path) -> set[str]:
    """What a clean ingest of the same documents leaves, by name pattern (segment ids differ)."""
    return {str(p.relative_to(index_dir)) for p in index_dir.rglob("*")}


def plant(live: Path) -> list[Path]:
    """Leftovers of a killed ingest, beside a live archive in `live`."""
    made = [live / "MAIN_deadbeef0000aaaa.seg", live / "MAIN_deadbeef0000bbbb.pst", live / "MAIN_deadbeef0000bbbb.trm",
            live / "MAIN_deadbeef0000bbbb._stored.col", live / "_MAIN_0.toc", live / "MAIN.tmp" / "x1.ctmp",
            live / "postings" / "MAIN_deadbeef0000aaaa" / "ids.npy", live / "facets" / "MAIN_deadbeef0000aaaa" / "date.npy",
            live / "postings" / ".tmp-MAIN_deadbeef0000cccc-4242" / "ids.npy"]
    for path in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\0" * 50_000)
    return made


@pytest.mark.parametrize("rebuilt", [False, True], ids=["root layout", "after a rebuild"])
def test_leftovers_of_a_crash_are_removed_by_the_next_commit(tmp_path, rebuilt):
    docs, index_dir, clean_dir = tmp_path / "docs", tmp_path / "ix", tmp_path / "clean"
    write_docs(docs, 3)
    ingest([docs], index_dir)
    if rebuilt:
        ingest([docs], index_dir, rebuild=True)
    live = generations.live(index_dir)
    half_built = index_dir / f"{generations.PREFIX}99"
    (half_built / "postings").mkdir(parents=True)
    (half_built / "MAIN_deadbeef0000dddd.seg").write_bytes(b"\0" * 50_000)
    made = plant(live)
    write_docs(docs, 4)  # one new file: the next ingest commits
    ingest([docs], index_dir)
    ingest([docs], clean_dir)
    assert not [path for path in made if path.exists()] and not half_built.exists()
    kinds = lambda folder: sorted({p.suffix or p.name for p in folder.rglob("*") if p.is_file() and p.name != "READERS"})
    assert kinds(generations.live(index_dir)) == kinds(clean_dir)
    assert SearchEngine(index_dir).search(SearchRequest("harbour")).total == 4


def test_leftovers_are_left_when_nothing_is_written(tmp_path):
    """Negative case: an ingest of unchanged files still commits nothing new and must not delete live files."""
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 3)
    ingest([docs], index_dir)
    before = live_files(index_dir)
    assert ingest([docs], index_dir).skipped == 3
    after = live_files(index_dir)
    assert {p for p in before if p.endswith(".seg")} == {p for p in after if p.endswith(".seg")}
    assert SearchEngine(index_dir).search(SearchRequest("harbour")).total == 3


@pytest.mark.parametrize("changed, rewritten", [(4, True), (1, False)])
def test_segments_mostly_of_deleted_records_are_rewritten(tmp_path, changed, rewritten):
    """What a crash's recovery leaves (its batch deleted again) and a re-ingest of most files:
    Whoosh keeps deleted records' bytes until a merge. A few deletions are left for later (negative case)."""
    from whoosh import index

    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 4)
    ingest([docs], index_dir)
    for n in range(changed):
        (docs / f"story_{n:03d}.txt").write_text(f"Title: Story {n}\n\nThe harbour was quiet, year {n}.\n",
                                                  encoding="utf-8")
    ingest([docs], index_dir)
    segments = index.open_dir(str(index_dir))._segments()
    assert (sum(segment.deleted_count() for segment in segments) == 0) == rewritten
    assert SearchEngine(index_dir).search(SearchRequest("harbour")).total == 4
