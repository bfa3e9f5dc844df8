"""Small generated stories for the ingest tests that run ingest in another process and kill it."""
from __future__ import annotations

from pathlib import Path

from indexer.engine import SearchEngine, SearchRequest

TEXT = 'Title: Story {n}\n\nThe board met on Friday about the harbour, year {n}.\n\n"We will not wait another year," said Chair Lea Moss.\n'


def write_docs(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"story_{n:03d}.txt").write_text(TEXT.format(n=n), encoding="utf-8")


def harbour_total(index_dir: Path) -> int:
    """Records that say 'harbour': every story's narrative passage, once each."""
    return SearchEngine(index_dir).search(SearchRequest("harbour")).total
