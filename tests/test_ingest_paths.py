"""A document's catalogued path means the same from any folder: ingest relative, prune from
elsewhere, and nothing whose file exists is dropped; an old archive's relative rows are upgraded
without parsing; a deleted file is pruned; a moved one keeps its id (indexer.stored_paths)."""
import sqlite3
from pathlib import Path

import pytest

import indexer.ingest as ingest_module
from indexer.catalog import Catalog, catalog_path
from indexer.ingest import ingest

STORY = 'Title: Story {n}\n\nThe council met on Monday about item {n}.\n\n"We cannot pay for it," said Mayor Ana Ruiz.\n'


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """tmp/proj/samples with three stories, tmp/proj/other with one, tmp/elsewhere; in tmp/proj."""
    samples = tmp_path / "proj" / "samples"
    samples.mkdir(parents=True)
    for n in range(3):
        (samples / f"story_{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    (tmp_path / "proj" / "other").mkdir()
    (tmp_path / "proj" / "other" / "note.txt").write_text(STORY.format(n=9), encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "proj")
    return tmp_path


def _rows(index_dir: Path) -> dict[str, str]:
    catalog = Catalog(index_dir)
    try:
        return {row.doc_id: row.path for row in catalog.documents()}
    finally:
        catalog.close()


def _make_rows_relative(index_dir: Path, typed_from: Path) -> None:
    """The catalogue as ingest wrote it before paths were stored absolute: as typed, from `typed_from`."""
    db = sqlite3.connect(catalog_path(index_dir))
    for doc_id, path in db.execute("SELECT doc_id, path FROM documents").fetchall():
        relative = Path(path).relative_to(typed_from) if Path(path).is_absolute() else Path(path)
        db.execute("UPDATE documents SET path = ? WHERE doc_id = ?", (str(relative), doc_id))
    db.commit()
    db.close()


def _old_archive(project: Path, *folders: str) -> Path:
    """An archive ingested from tmp/proj by an ingest that kept the relative names it was given."""
    index_dir = project / "ix"
    ingest([Path(folder) for folder in folders or ("samples",)], index_dir)
    _make_rows_relative(index_dir, project / "proj")
    return index_dir


@pytest.fixture()
def parses(monkeypatch):
    """How many files ingest parses."""
    calls = []
    real = ingest_module.extract_path
    monkeypatch.setattr(ingest_module, "extract_path", lambda *args, **kw: calls.append(args[0]) or real(*args, **kw))
    return calls


@pytest.mark.parametrize("second_cwd, second_name, added, skipped", [
    ("elsewhere", "/proj/other", 1, 0),  # the documents of samples/ are not in this ingest's paths
    ("/", "/proj/other", 1, 0),
    ("elsewhere", "../proj/other", 1, 0),
    ("proj", "other", 1, 0),
    ("elsewhere", "/proj/samples", 0, 3),
    ("elsewhere", "../proj/samples", 0, 3),
    ("proj", "samples", 0, 3),
])
def test_prune_from_another_folder_drops_nothing(project, monkeypatch, second_cwd, second_name, added, skipped):
    index_dir = project / "ix"
    ingest([Path("samples")], index_dir)
    monkeypatch.chdir(project / second_cwd)
    named = Path(str(project) + second_name) if second_name.startswith("/") else Path(second_name)
    again = ingest([named], index_dir, prune=True)
    assert (again.added, again.removed, again.skipped) == (added, 0, skipped)
    assert {"story_0", "story_1", "story_2"} <= set(_rows(index_dir))
    assert again.kept == []


def test_rows_are_absolute_whatever_folder_ingest_ran_in(project):
    ingest([Path("samples")], project / "ix")
    assert set(_rows(project / "ix").values()) == {str(project / "proj" / "samples" / f"story_{n}.txt") for n in range(3)}


@pytest.mark.parametrize("cwd, named", [
    ("proj", "samples"),
    ("elsewhere", "absolute"),
    ("elsewhere", "../proj/samples"),
])
def test_old_relative_rows_are_upgraded_without_parsing(project, monkeypatch, parses, cwd, named):
    index_dir = _old_archive(project)
    assert _rows(index_dir)["story_0"] == "samples/story_0.txt"
    parses.clear()
    monkeypatch.chdir(project / cwd)
    again = ingest([project / "proj" / "samples" if named == "absolute" else Path(named)], index_dir, prune=True)
    assert (again.added, again.updated, again.moved, again.removed, again.skipped) == (0, 0, 0, 0, 3)
    assert parses == []
    assert _rows(index_dir)["story_0"] == str(project / "proj" / "samples" / "story_0.txt")


def test_an_old_row_edited_since_is_updated_under_its_absolute_name(project, monkeypatch):
    index_dir = _old_archive(project)
    (project / "proj" / "samples" / "story_1.txt").write_text(STORY.format(n=1) + "\nAdded later.\n", encoding="utf-8")
    monkeypatch.chdir(project / "elsewhere")
    again = ingest([project / "proj" / "samples"], index_dir)
    assert (again.added, again.updated, again.skipped) == (0, 1, 2)
    assert _rows(index_dir)["story_1"] == str(project / "proj" / "samples" / "story_1.txt")


@pytest.mark.parametrize("cwd", ["proj", "elsewhere", "/"])
def test_a_deleted_file_is_pruned_from_any_folder(project, monkeypatch, cwd):
    index_dir = project / "ix"
    ingest([Path("samples")], index_dir)
    (project / "proj" / "samples" / "story_2.txt").unlink()
    monkeypatch.chdir(project / cwd)
    again = ingest([project / "proj" / "samples"], index_dir, prune=True)
    assert (again.removed, again.skipped) == (1, 2)
    assert sorted(_rows(index_dir)) == ["story_0", "story_1"]
    assert again.kept == []


def test_an_old_row_not_found_from_here_is_kept_and_named(project, monkeypatch):
    """From elsewhere, 'samples/story_2.txt' may be a file in a folder nobody recorded: kept."""
    index_dir = _old_archive(project)
    (project / "proj" / "samples" / "story_2.txt").unlink()
    monkeypatch.chdir(project / "elsewhere")
    again = ingest([project / "proj" / "samples"], index_dir, prune=True)
    assert (again.removed, again.skipped) == (0, 2)
    assert [path for path, _ in again.kept] == ["samples/story_2.txt"]
    assert "cannot tell where 'samples/story_2.txt' is from here" in again.kept[0][1]
    assert "story_2" in _rows(index_dir)
    # run from the folder it was ingested from, the old name reads as that folder's: gone, pruned
    monkeypatch.chdir(project / "proj")
    last = ingest([Path("samples")], index_dir, prune=True)
    assert (last.removed, last.kept) == (1, [])
    assert sorted(_rows(index_dir)) == ["story_0", "story_1"]


def test_an_old_folder_emptied_is_pruned_when_given_from_its_folder(project, monkeypatch):
    """Every file of other/ deleted: no document of it is left to recognise the folder by, but
    `ingest --prune samples other` run where it was first typed walks ./other and finds it gone."""
    index_dir = _old_archive(project, "samples", "other")
    (project / "proj" / "other" / "note.txt").unlink()
    monkeypatch.chdir(project / "elsewhere")
    kept = ingest([project / "proj" / "samples"], index_dir, prune=True)
    assert (kept.removed, [path for path, _ in kept.kept]) == (0, ["other/note.txt"])
    monkeypatch.chdir(project / "proj")
    again = ingest([Path("samples"), Path("other")], index_dir, prune=True)
    assert (again.removed, again.kept) == (1, [])
    assert sorted(_rows(index_dir)) == ["story_0", "story_1", "story_2"]


def test_an_old_row_of_another_folder_is_not_read_as_this_folders(project, monkeypatch):
    """A relative row whose first folder holds no document of the archive from here is not gone."""
    index_dir = _old_archive(project, "samples", "other")
    monkeypatch.chdir(project / "elsewhere")
    again = ingest([project / "proj" / "samples"], index_dir, prune=True)
    assert again.removed == 0 and "note" in _rows(index_dir)
    assert [path for path, _ in again.kept] == ["other/note.txt"]


@pytest.mark.parametrize("cwd, old_rows", [("elsewhere", False), ("proj", True)])
def test_a_moved_file_keeps_its_document(project, monkeypatch, cwd, old_rows):
    index_dir = _old_archive(project) if old_rows else project / "ix"
    if not old_rows:
        ingest([Path("samples")], index_dir)
    samples = project / "proj" / "samples"
    (samples / "story_1.txt").rename(samples / "renamed.txt")
    monkeypatch.chdir(project / cwd)
    again = ingest([samples], index_dir, prune=True)
    assert (again.moved, again.added, again.removed) == (1, 0, 0)
    assert _rows(index_dir)["story_1"] == str(samples / "renamed.txt")


def test_a_moved_folder_is_renamed_without_parsing_and_survives_a_later_prune(project, parses):
    """The README's 'document folders moved as well': unchanged files keep their documents; their
    rows now name the new place, so a later --prune of another folder does not drop them."""
    index_dir = project / "ix"
    ingest([project / "proj" / "samples"], index_dir)
    moved = project / "moved"
    (project / "proj" / "samples").rename(moved)
    parses.clear()
    again = ingest([moved], index_dir)
    assert (again.added, again.moved, again.skipped, parses) == (0, 0, 3, [])
    assert _rows(index_dir)["story_0"] == str(moved / "story_0.txt")
    later = ingest([project / "proj" / "other"], index_dir, prune=True)
    assert (later.added, later.removed) == (1, 0)


def test_the_ingest_command_names_what_prune_kept(project, monkeypatch):
    from app import create_app

    index_dir = _old_archive(project)
    (project / "proj" / "samples" / "story_0.txt").unlink()
    monkeypatch.chdir(project / "elsewhere")
    runner = create_app({"TESTING": True, "INDEX_DIR": index_dir}).test_cli_runner()
    result = runner.invoke(args=["ingest", "--prune", str(project / "proj" / "samples")])
    assert result.exit_code == 0
    assert "kept: cannot tell where 'samples/story_0.txt' is from here" in result.stderr
    assert "0 removed" in result.stdout and "1 kept" in result.stdout


@pytest.mark.parametrize("notes, named, more", [(1, 1, None), (10, 10, None), (12, 10, "kept: 2 more like these")])
def test_the_ingest_command_names_at_most_ten_kept_rows(project, monkeypatch, notes, named, more):
    from app import create_app

    for n in range(notes):
        (project / "proj" / "other" / f"note_{n:02d}.txt").write_text(STORY.format(n=100 + n), encoding="utf-8")
    (project / "proj" / "other" / "note.txt").unlink()
    index_dir = _old_archive(project, "samples", "other")
    monkeypatch.chdir(project / "elsewhere")
    runner = create_app({"TESTING": True, "INDEX_DIR": index_dir}).test_cli_runner()
    result = runner.invoke(args=["ingest", "--prune", str(project / "proj" / "samples")])
    kept = [line for line in result.stderr.splitlines() if line.startswith("kept: ")]
    assert kept[:named] == [f"kept: cannot tell where 'other/note_{n:02d}.txt' is from here; run once from the "
                            "folder it was ingested from" for n in range(named)]
    assert kept[named:] == ([more] if more else [])
    assert "0 removed" in result.stdout and f"{notes} kept" in result.stdout
