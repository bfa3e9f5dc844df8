"""Ingest: incremental, changes, moves, pruning, rebuilds, bad files and the single writer."""
from pathlib import Path

import pytest

from indexer.engine import Filters, SearchRequest
from indexer.engine import SearchEngine as Archive
from indexer.catalog import Catalog, DocumentRow
from indexer.engine import whoosh_patches
from indexer.ingest import IngestBusy, ingest


def open_index(index_dir):
    """The Whoosh index itself, for the tests that count its segments or hold its lock."""
    from whoosh import index

    whoosh_patches.install()
    return index.open_dir(str(index_dir))

GOOD = 'Title: Story {n}\n\nThe council met on Monday to discuss the budget for year {n}.\n\n"We cannot pay for everything this year," said Mayor Ana Ruiz.\n'


def write_docs(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"story_{n:03d}.txt").write_text(GOOD.format(n=n), encoding="utf-8")


def test_incremental_changed_moved_pruned(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 5)
    first = ingest([docs], index_dir)
    assert (first.added, first.failed, first.quotes) == (5, 0, 5)
    again = ingest([docs], index_dir)
    assert (again.added, again.skipped, again.passages) == (0, 5, 0)

    (docs / "story_001.txt").write_text(GOOD.format(n=1) + "\nA new paragraph was added later on.\n", encoding="utf-8")
    (docs / "story_002.txt").rename(docs / "renamed.txt")
    (docs / "story_003.txt").unlink()
    changed = ingest([docs], index_dir, prune=True)
    assert (changed.updated, changed.moved, changed.removed, changed.skipped) == (1, 1, 1, 2)
    catalog = Catalog(index_dir)
    assert {row.doc_id for row in catalog.documents()} == {"story_000", "story_001", "story_002", "story_004"}
    assert catalog.document("story_002").path.endswith("renamed.txt")
    archive = Archive(index_dir)
    assert archive.search(SearchRequest("budget")).total == 4  # one narrative passage in each remaining document
    assert archive.search(SearchRequest('"new paragraph"')).total == 1


def test_bad_files_are_reported_and_the_rest_indexed(tmp_path):
    docs = tmp_path / "docs"
    write_docs(docs, 20)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (docs / "spaces only.txt").write_text("   \n\n  ", encoding="utf-8")
    (docs / "latin1.txt").write_bytes("Caf\xe9 owners said \"prices rose\" in Z\xfcrich.".encode("latin-1"))
    (docs / "unicode name 北朝鮮.txt").write_text(GOOD.format(n=99), encoding="utf-8")
    (docs / "loop").symlink_to(docs, target_is_directory=True)
    summary = ingest([docs], tmp_path / "ix")
    failed = {Path(path).name: reason for path, reason in summary.failures}
    assert set(failed) == {"empty.txt", "image.txt", "spaces only.txt"}
    assert "binary" in failed["image.txt"] and "empty" in failed["empty.txt"]
    assert summary.added == 22


def test_rebuild_keeps_ids_and_history(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 2)
    ingest([docs], index_dir)
    before = {h.id for h in Archive(index_dir).search(SearchRequest("mayor")).hits}
    summary = ingest([docs], index_dir, rebuild=True)
    assert summary.added == 2
    assert {h.id for h in Archive(index_dir).search(SearchRequest("mayor")).hits} == before
    assert all(Catalog(index_dir).cited(i) for i in before)


def test_history_keeps_what_left_the_index_and_only_that(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 3)
    ingest([docs], index_dir)
    count = "SELECT count(*) FROM cited"
    assert Catalog(index_dir).db.execute(count).fetchone()[0] == 0  # current passages live in the index
    old = {h.id: h.text for h in Archive(index_dir).records(doc_id="story_001").hits}
    (docs / "story_001.txt").write_text(GOOD.format(n=1).replace("Monday", "Tuesday"), encoding="utf-8")
    (docs / "story_002.txt").unlink()
    ingest([docs], index_dir, prune=True)
    catalog = Catalog(index_dir)
    kept = {(r["id"], r["doc_id"]) for r in catalog.db.execute("SELECT id, doc_id FROM cited")}
    assert {doc for _, doc in kept} == {"story_001", "story_002"}
    for citation_id, text in old.items():
        assert [r["text"] for r in catalog.cited(citation_id) if r["doc_id"] == "story_001"] == [text]


def test_second_writer_stops_with_a_clear_message(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 1)
    ingest([docs], index_dir)
    writer = open_index(index_dir).writer()
    try:
        with pytest.raises(IngestBusy, match="another ingest"):
            ingest([docs], index_dir)
    finally:
        writer.cancel()
    assert ingest([docs], index_dir).skipped == 1


def test_same_file_name_in_two_folders(tmp_path):
    for section in ("business", "sport"):
        (tmp_path / "docs" / section).mkdir(parents=True)
        (tmp_path / "docs" / section / "001.txt").write_text(f"{section} news\n\nText about {section} today, and more.\n")
    ingest([tmp_path / "docs"], tmp_path / "ix")
    assert {r.doc_id for r in Catalog(tmp_path / "ix").documents()} == {"business-001", "sport-001"}


def test_ingest_command_prints_a_summary_and_names_failures(tmp_path):
    from app import create_app

    docs = tmp_path / "docs"
    write_docs(docs, 3)
    (docs / "broken.txt").write_bytes(b"\x00\x01binary")
    runner = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "ix"}).test_cli_runner()
    first = runner.invoke(args=["ingest", str(docs), str(tmp_path / "missing")])
    assert first.exit_code == 1
    assert "failed " + str(docs / "broken.txt") + ": binary file" in first.stderr
    assert "no such file or folder" in first.stderr
    assert "Documents: 3 added" in first.stdout and "1 failed" in first.stdout
    (docs / "broken.txt").unlink()
    again = runner.invoke(args=["ingest", "--prune", str(docs)])
    assert again.exit_code == 0 and "3 unchanged" in again.stdout


def test_many_segments_are_merged_smallest_first(tmp_path):
    """Past MAX_SEGMENTS the smallest segments become one; nothing is lost, the big one stays."""
    from indexer.ingest import MAX_SEGMENTS

    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs / "big", 30)
    ingest([docs / "big"], index_dir)
    ix = open_index(index_dir)
    (big,) = ix._segments()
    for n in range(MAX_SEGMENTS + 3):  # one small segment per commit, as many separate ingests leave
        writer = ix.writer()
        writer.add_document(id=f"x{n}", doc=f"extra_{n}", kind="narrative",
                            text=f"An extra budget note number {n}.")
        writer.commit(merge=False)
    catalog = Catalog(index_dir)  # described in the catalogue too, or ingest repairs them away as orphans
    for n in range(MAX_SEGMENTS + 3):
        catalog.put_document(DocumentRow(doc_id=f"extra_{n}", path=str(tmp_path / f"extra_{n}.txt"), sha="-"))
    catalog.commit()
    catalog.close()
    assert len(ix._segments()) == MAX_SEGMENTS + 4
    write_docs(docs / "more", 2)
    ingest([docs / "more"], index_dir)
    segments = open_index(index_dir)._segments()
    assert len(segments) <= MAX_SEGMENTS
    assert big.segment_id() in {segment.segment_id() for segment in segments}
    assert Archive(index_dir).search(SearchRequest("budget")).total == 30 + MAX_SEGMENTS + 3 + 2
    # The merged segment's postings were captured as it was written, like any other's.
    from indexer.engine import posting_arrays

    for segment in segments:
        stored = posting_arrays.load(index_dir, segment.segment_id())
        assert stored is not None and stored.complete
    assert sorted(p.name for p in (index_dir / posting_arrays.FOLDER).iterdir()) == \
        sorted(segment.segment_id() for segment in segments)


@pytest.mark.parametrize("runs", [
    [["docs", "docs/sub"]],               # one ingest, a folder and a folder inside it
    [["docs"], ["docs/sub"]],             # the same file reached from another folder next time
    [["docs/sub"], ["docs"], ["docs/sub", "docs"]],
], ids=["nested in one ingest", "outer then inner", "inner then outer"])
def test_a_file_reached_from_two_folders_is_one_document(tmp_path, runs):
    """It was indexed once per folder ('sub-note' and 'note'), every quote of it twice."""
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "top.txt").write_text('Title: Top\n\n"We sail at noon," said Captain Ana Ruiz.\n', encoding="utf-8")
    note = tmp_path / "docs" / "sub" / "note.txt"
    note.write_text('Title: Note\n\n"The harbour is full," said Harbourmaster Ben Ode.\n', encoding="utf-8")
    for run in runs:
        assert ingest([tmp_path / folder for folder in run], tmp_path / "ix").failed == 0
    note.write_text('Title: Note\n\n"The harbour is empty," said Harbourmaster Ben Ode.\n', encoding="utf-8")
    changed = ingest([tmp_path / runs[-1][-1]], tmp_path / "ix")  # an edit, reached from the last folder
    assert (changed.added, changed.updated) == (0, 1)
    catalog = Catalog(tmp_path / "ix", readonly=True)
    try:
        assert sorted(row.path for row in catalog.documents()) == sorted({str(note), str(tmp_path / "docs" / "top.txt")})
    finally:
        catalog.close()
    archive = Archive(tmp_path / "ix")
    assert archive.search(SearchRequest('"harbour is"')).total == 2  # its passage and its quote, once each
