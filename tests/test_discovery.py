"""Which files of a folder are documents: defaults, .archiveignore, folders that cannot be read."""
import os
from pathlib import Path

import pytest

from indexer.discovery import find_documents
from indexer.ingest import ingest


def _tree(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _relative(found, folder: Path):
    documents = sorted(str(path.relative_to(folder)) for path, _ in found.files)
    ignored = sorted(os.path.relpath(name, folder) + ("/" if name.endswith("/") else "") for name in found.ignored)
    return documents, ignored


STORY = "The council met on Monday.\n"


@pytest.mark.parametrize("files, documents, ignored", [
    ({"a.txt": STORY, "README.md": "About.", "LICENSE": "MIT", "CHANGELOG.md": "v1", "readme.txt": "x",
      "Licence-2.txt": "x", "CONTRIBUTING": "x", "COPYING": "x"},
     ["a.txt"], ["CHANGELOG.md", "CONTRIBUTING", "COPYING", "LICENSE", "Licence-2.txt", "README.md", "readme.txt"]),
    ({".hidden.txt": STORY, ".git/HEAD": "ref", "b.md": STORY, ".notes/c.txt": STORY},
     ["b.md"], [".git/", ".hidden.txt", ".notes/"]),
    # Negative cases: names that only start like a README are documents; other formats are not candidates.
    ({"readmission-rates.txt": STORY, "licensed-taxis.txt": STORY, "report.pdf": "x", "metadata.csv": "file\n"},
     ["licensed-taxis.txt", "readmission-rates.txt"], []),
    # .archiveignore: gitignore syntax, folders, negation taking a default back.
    ({".archiveignore": "drafts/\n*.md\n!README.md\n", "a.txt": STORY, "b.md": STORY, "README.md": STORY,
      "drafts/d.txt": STORY, "sub/e.md": STORY},
     ["README.md", "a.txt"], ["b.md", "drafts/", "sub/e.md"]),
    # A deeper .archiveignore wins, as in git.
    ({".archiveignore": "*.md\n", "sub/.archiveignore": "!keep.md\n", "sub/keep.md": STORY, "sub/drop.md": STORY},
     ["sub/keep.md"], ["sub/drop.md"]),
])
def test_what_is_a_document(tmp_path, files, documents, ignored):
    _tree(tmp_path, files)
    found = find_documents([tmp_path])
    assert _relative(found, tmp_path) == (documents, ignored)
    assert found.problems == ()


def test_a_file_named_on_the_command_line_is_read(tmp_path):
    _tree(tmp_path, {"README.md": STORY})
    assert [path for path, _ in find_documents([tmp_path / "README.md"]).files] == [tmp_path / "README.md"]


def test_links_to_folders_are_not_followed(tmp_path):
    _tree(tmp_path, {"docs/a.txt": STORY})
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs")
    found = find_documents([tmp_path / "docs"])
    assert _relative(found, tmp_path / "docs") == (["a.txt"], ["loop/"])


def test_metadata_tables_are_found_not_read_as_documents(tmp_path):
    _tree(tmp_path, {"a.txt": STORY, "metadata.csv": "file\n", "sub/metadata.jsonl": "{}\n"})
    found = find_documents([tmp_path])
    assert sorted(found.metadata_tables) == [tmp_path / "metadata.csv", tmp_path / "sub" / "metadata.jsonl"]


def test_a_folder_that_cannot_be_read_is_reported(tmp_path, monkeypatch):
    _tree(tmp_path, {"a.txt": STORY, "locked/b.txt": STORY})
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root reads every folder, so chmod cannot show it
    found = find_documents([tmp_path])
    assert [path.name for path, _ in found.files] == ["a.txt"]
    assert found.problems == ((str(tmp_path / "locked"), "folder cannot be read: Permission denied"),)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_a_folder_without_permission_is_reported(tmp_path):
    _tree(tmp_path, {"a.txt": STORY, "locked/b.txt": STORY})
    (tmp_path / "locked").chmod(0)
    try:
        found = find_documents([tmp_path])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert [name for name, _ in found.problems] == [str(tmp_path / "locked")]


@pytest.mark.parametrize("index_at, left_out", [
    ("docs/instance/index", True),    # the instance folder kept beside the documents
    ("docs/index", True),             # beside docs/indexes, a folder of documents it does not hide
    ("index", False),                 # outside the documents: nothing to leave out
])
def test_the_archive_folder_inside_the_documents_is_left_out(tmp_path, index_at, left_out):
    """Its FORMAT file was indexed as a document and its empty lock files failed every ingest."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "story.txt").write_text('Title: A\n\n"We will wait," said Chair Lea Moss.\n', encoding="utf-8")
    (docs / "indexes").mkdir()
    (docs / "indexes" / "notes.txt").write_text("Title: Notes\n\nThe harbour reopened.\n", encoding="utf-8")
    index_dir = tmp_path / index_at
    first = ingest([docs], index_dir)
    again = ingest([docs], index_dir)  # now with the archive's own files in place
    assert (first.added, first.failed, again.added, again.failed) == (2, 0, 0, 0)
    assert again.skipped == 2
    relative = os.path.relpath(index_dir, docs)
    assert any(name.endswith(relative + "/") for name in again.ignored) == left_out
    found = {path.name for path, _ in find_documents([docs], archive=Path(os.path.relpath(index_dir))).files}
    assert found == {"story.txt", "notes.txt"}  # a relative INDEX_DIR names the same folder
