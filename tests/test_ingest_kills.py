"""An ingest SIGKILLed at a named step leaves an archive the next plain ingest repairs exactly
(issue 12, items 2 and 8): nothing doubled, nothing lost, and the run after says "unchanged"."""

import pytest

from indexer.ingest import ingest

from killed_ingest import kill_ingest_at
from harbour_stories import TEXT, harbour_total, write_docs


@pytest.mark.heavy
@pytest.mark.parametrize("step, rebuild", [
    ("rebuild-started", True),      # before the build beside the live index (tests/test_rebuild.py: every step)
    ("after-whoosh-commit", True),  # after the first Whoosh commit, before the catalogue's
    ("after-whoosh-commit", False),
    ("before-speaker-rewrite", False),
])
def test_kill_at_any_step_then_plain_ingest_restores_the_clean_archive(tmp_path, step, rebuild):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 4)
    ingest([docs], index_dir)
    (docs / "story_000.txt").write_text(TEXT.format(n=0) + "\nA changed line about the harbour.\n", encoding="utf-8")
    ingest([docs], tmp_path / "clean")
    clean = harbour_total(tmp_path / "clean")  # what the changed folder gives in a fresh index
    kill_ingest_at(step, docs, index_dir, tmp_path, rebuild=rebuild)
    ingest([docs], index_dir)
    assert harbour_total(index_dir) == clean
    again = ingest([docs], index_dir)
    assert (again.skipped, again.added, again.updated, again.repaired) == (4, 0, 0, 0)
    assert harbour_total(index_dir) == clean
