"""One file named two ways (relative and absolute, as `flask run`'s sample build and a typed
`flask ingest samples` name it) is one document; a real copy elsewhere is still a second one."""
from pathlib import Path

import pytest

from indexer.catalog import Catalog
from indexer.ingest import ingest

STORY = 'Title: Budget\n\nThe council met on Monday.\n\n"We cannot pay for everything," said Mayor Ana Ruiz.\n'


def _forms(tmp_path: Path) -> dict[str, Path]:
    return {"relative": Path("docs"), "absolute": tmp_path / "docs", "dotted": Path("./docs/../docs")}


@pytest.mark.parametrize("first, second", [
    ("absolute", "relative"),
    ("relative", "absolute"),
    ("absolute", "dotted"),
])
def test_one_file_named_two_ways_is_unchanged(tmp_path, monkeypatch, first, second):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "story.txt").write_text(STORY, encoding="utf-8")
    forms = _forms(tmp_path)
    ingest([forms[first]], tmp_path / "ix")
    again = ingest([forms[second]], tmp_path / "ix")
    assert (again.added, again.skipped) == (0, 1)
    catalog = Catalog(tmp_path / "ix")
    assert [row.doc_id for row in catalog.documents()] == ["story"]
    catalog.close()


def test_one_file_named_two_ways_and_edited_is_updated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    story = tmp_path / "docs" / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    ingest([tmp_path / "docs"], tmp_path / "ix")
    story.write_text(STORY + "\nA paragraph added later.\n", encoding="utf-8")
    again = ingest([Path("docs")], tmp_path / "ix")
    assert (again.added, again.updated) == (0, 1)


def test_a_copy_in_another_folder_is_a_second_document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for folder in ("docs", "copy"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(STORY, encoding="utf-8")
    ingest([tmp_path / "docs"], tmp_path / "ix")
    again = ingest([Path("copy")], tmp_path / "ix")
    assert (again.added, again.skipped) == (1, 0)
