"""The one line `flask ingest` prints about what it did (indexer/ingest_summary.py)."""
import pytest

from indexer.ingest_summary import Summary


@pytest.mark.parametrize("counts, shown, not_shown", [
    ({}, ["0 added, 0 updated, 0 moved, 0 unchanged, 0 removed, 0 failed, 0 ignored;"],
     ["re-written", "catalogue row", "missing", "rebuilt"]),
    ({"added": 3, "skipped": 2, "passages": 40, "quotes": 7, "seconds": 1.26},
     ["3 added", "2 unchanged", "40 passages and 7 quotes written in 1.3s"], ["re-written"]),
    ({"failures": [("a.txt", "not UTF-8"), ("b.txt", "empty")]}, ["2 failed"], ["a.txt"]),  # named on their own lines
    ({"ignored": ["docs/README.md", "docs/.git/"]}, ["2 ignored (README.md, .git/)"], ["docs/"]),
    ({"ignored": [f"n{i}.md" for i in range(7)]}, ["7 ignored (n0.md, n1.md, n2.md, n3.md, n4.md and 2 more)"], ["n5.md"]),
    ({"corrected": 1}, ["; 1 re-written for speaker corrections"], ["catalogue row"]),
    ({"repaired": 2}, ["; 2 documents in the index had no catalogue row"], ["re-written"]),
    ({"missing": 4}, ["; 4 catalogued documents were missing from the index"], ["no catalogue row"]),
    ({"rebuilt": "stems changed"}, ["; index rebuilt from these files: stems changed"], ["missing"]),
])
def test_summary_line(counts, shown, not_shown):
    line = Summary(**counts).line()
    assert all(part in line for part in shown), line
    assert not any(part in line for part in not_shown), line
