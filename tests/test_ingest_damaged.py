"""A damaged index or catalogue stops `flask ingest` with one clear line, not a traceback (issue 12, item 12)."""
from pathlib import Path

import pytest

from app import create_app
from indexer.catalog import CATALOG_NAME
from indexer.ingest import ingest

STORY = 'Title: Harbour\n\nThe board met about the harbour.\n\n"We will wait," said Chair Lea Moss.\n'


def garble_catalogue(index_dir: Path) -> None:
    (index_dir / CATALOG_NAME).write_bytes(b"this is not a database" * 100)


def truncate_toc(index_dir: Path) -> None:
    (toc,) = sorted(index_dir.glob("_MAIN_*.toc"))
    toc.write_bytes(toc.read_bytes()[:40])


def nothing(index_dir: Path) -> None:
    """The negative case: an undamaged index ingests as usual."""


@pytest.mark.parametrize("damage, words", [
    (garble_catalogue, "catalogue"),
    (truncate_toc, "index"),
    (nothing, None),
])
def test_damage_gives_one_line_and_non_zero_exit(tmp_path, damage, words):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    (docs / "story.txt").write_text(STORY, encoding="utf-8")
    ingest([docs], index_dir)
    damage(index_dir)
    (docs / "story2.txt").write_text(STORY.replace("Harbour", "Bridge"), encoding="utf-8")
    app = create_app({"TESTING": True, "INDEX_DIR": index_dir, "BUILD_INDEX_IF_MISSING": False})
    result = app.test_cli_runner().invoke(args=["ingest", "--quiet", str(docs)])
    if words is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code != 0
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and words in errors[0] and str(index_dir) in errors[0], result.output


def test_rebuild_replaces_an_index_whose_toc_is_truncated(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    (docs / "story.txt").write_text(STORY, encoding="utf-8")
    ingest([docs], index_dir)
    truncate_toc(index_dir)
    assert ingest([docs], index_dir, rebuild=True).added == 1
    assert ingest([docs], index_dir).skipped == 1
