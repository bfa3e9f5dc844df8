"""`ingest --rebuild` builds beside the live archive and swaps it in whole (issue 12, item 2).

Readers see the old archive until the swap and the new one after, never a half-built one; a kill
at any step leaves one of the two whole (index, arrays and catalogue agreeing), and the next
plain ingest works.
"""
import errno
import os
import time
from pathlib import Path

import pytest

from app import create_app
from indexer import generations
from indexer.catalog import Catalog
from indexer.engine.check import check
from indexer.ingest import ingest

from killed_ingest import kill_ingest_at
from searches_during import searches_during
from harbour_stories import TEXT, harbour_total, write_docs


def catalogue_docs(index_dir: Path) -> set[str]:
    catalogue = Catalog(index_dir, readonly=True)
    try:
        return {row.doc_id for row in catalogue.documents()}
    finally:
        catalogue.close()


def whole(index_dir: Path) -> bool:
    """Index, arrays and catalogue agree (what `flask check` verifies)."""
    report = check(index_dir, catalogue_docs(index_dir))
    assert report.ok, report.problems
    return True


def old_and_new(tmp_path: Path) -> tuple[Path, Path, int, int]:
    """An archive of 4 stories, and the folder changed since (one edited, two added): (docs,
    index, total of the archive now, total a rebuild of the changed folder gives)."""
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 4)
    ingest([docs], index_dir)
    old = harbour_total(index_dir)
    write_docs(docs, 6)
    (docs / "story_000.txt").write_text(TEXT.format(n=0) + "\nThe harbour wall was mended.\n", encoding="utf-8")
    ingest([docs], tmp_path / "fresh")
    return docs, index_dir, old, harbour_total(tmp_path / "fresh")


def test_rebuild_swaps_in_a_new_generation_and_removes_the_old(tmp_path):
    docs, index_dir, old, new = old_and_new(tmp_path)
    assert old != new
    ingest([docs], index_dir, rebuild=True)
    first = generations.live(index_dir)
    assert first.parent == index_dir and first.name.startswith(generations.PREFIX)
    assert not list(index_dir.glob("*.toc")) and not (index_dir / "catalog.sqlite").exists()  # the old layout is gone
    assert harbour_total(index_dir) == new and whole(index_dir)
    ingest([docs], index_dir, rebuild=True)
    second = generations.live(index_dir)
    assert second != first and not first.exists()
    assert [p.name for p in index_dir.iterdir() if p.is_dir()] == [second.name]
    assert harbour_total(index_dir) == new and whole(index_dir)
    again = ingest([docs], index_dir)  # a plain ingest writes into the live generation
    assert (again.skipped, again.added) == (6, 0) and harbour_total(index_dir) == new


def test_a_running_engine_follows_the_swap_without_a_restart(tmp_path):
    docs, index_dir, old, new = old_and_new(tmp_path)
    client = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False}).test_client()
    assert client.get("/api/search?q=harbour").get_json()["total"] == old
    ingest([docs], index_dir, rebuild=True)
    assert client.get("/api/search?q=harbour").get_json()["total"] == new
    ingest([docs], index_dir, rebuild=True)  # and again: the generation it read is deleted now
    assert client.get("/api/search?q=harbour").get_json()["total"] == new


def test_searches_during_a_rebuild_see_the_old_or_the_new_archive_whole(tmp_path):
    docs, index_dir, old, new = old_and_new(tmp_path)
    write_docs(docs, 40)
    ingest([docs], tmp_path / "fresh40")
    new = harbour_total(tmp_path / "fresh40")
    client = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False}).test_client()
    def rebuild():
        ingest([docs], index_dir, rebuild=True, batch_docs=3)  # fourteen commits into the new generation
        time.sleep(0.2)

    statuses, totals = searches_during(client, ("/api/search?q=harbour", "/api/search?q=harbour&sort=newest"), rebuild)
    assert len(statuses) > 10 and set(statuses) == {200}
    assert set(totals) == {old, new}  # never a partial archive: the new one appears whole
    assert totals[-1] == new


def record_syncs_and_replaces(monkeypatch) -> list[tuple[str, Path]]:
    """('fsync', path) and ('replace', destination) in the order this process makes them."""
    events, real_fsync, real_replace = [], os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", Path(os.readlink(f"/proc/self/fd/{fd}"))))
        real_fsync(fd)

    def replace(src, dst, **kwargs):
        real_replace(src, dst, **kwargs)
        events.append(("replace", Path(dst)))

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return events


def test_a_rebuild_is_on_disk_before_the_pointer_names_it(tmp_path, monkeypatch):
    """A power cut after the swap must not leave CURRENT naming files still in the page cache."""
    docs, index_dir = tmp_path / "docs", (tmp_path / "ix").resolve()
    write_docs(docs, 4)
    ingest([docs], index_dir)
    events = record_syncs_and_replaces(monkeypatch)
    ingest([docs], index_dir, rebuild=True)
    new = generations.live(index_dir)
    swapped = events.index(("replace", index_dir / generations.POINTER))
    synced_before = {path for what, path in events[:swapped] if what == "fsync"}
    generation = {new, *new.rglob("*")}
    assert len(generation) > 10 and any(path.suffix == ".seg" for path in generation)  # Whoosh's own files too
    assert generation - synced_before == set()
    assert index_dir in synced_before  # the generation's entry in INDEX_DIR
    assert ("fsync", index_dir) in events[swapped + 1:]  # and the rename itself


def test_a_rebuild_whose_files_cannot_be_synced_leaves_the_old_archive_live(tmp_path, monkeypatch):
    docs, index_dir, old, _ = old_and_new(tmp_path)
    real_fsync = os.fsync

    def failing_fsync(fd):
        if "/gen-" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError) as raised:
        ingest([docs], index_dir, rebuild=True)
    monkeypatch.undo()
    assert "/gen-" in raised.value.filename  # what `flask ingest` names in its Error: line
    assert generations.live(index_dir) == index_dir and harbour_total(index_dir) == old and whole(index_dir)
    assert not list(index_dir.glob(f"{generations.PREFIX}*"))  # the unsynced generation is gone


@pytest.mark.heavy
@pytest.mark.parametrize("step, archive", [
    ("rebuild-started", "old"),       # before the build: new generation made, catalogue copied
    ("after-whoosh-commit", "old"),   # mid build: a batch committed in the new generation
    ("rebuild-built", "old"),         # after the build, before the swap
    ("rebuild-swapped", "new"),       # after the swap, before the old generation is deleted
])
def test_rebuild_killed_at_any_step_leaves_one_whole_archive_and_ingest_works(tmp_path, step, archive):
    docs, index_dir, old, new = old_and_new(tmp_path)
    kill_ingest_at(step, docs, index_dir, tmp_path, rebuild=True, batch_docs=2)
    assert harbour_total(index_dir) == {"old": old, "new": new}[archive]
    assert whole(index_dir)
    ingest([docs], index_dir)  # removes the leftover generation and brings the archive up to date
    assert harbour_total(index_dir) == new and whole(index_dir)
    assert len([p for p in index_dir.iterdir() if p.is_dir() and p.name.startswith(generations.PREFIX)]) <= 1
    again = ingest([docs], index_dir)
    assert (again.skipped, again.added, again.updated, again.repaired) == (6, 0, 0, 0)
