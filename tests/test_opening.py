"""Opening a searcher while commits land: the commit a stamp names is the commit the searcher reads."""
from pathlib import Path

from indexer import generations
from indexer.engine import facet_arrays, opening
from indexer.ingest import ingest


def write_doc(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"note_{n}.txt").write_text(f"Title: Note {n}\n\nThe ferry left the harbour at {n} o'clock.\n",
                                          encoding="utf-8")


class CommitsWhileOpening:
    """A Whoosh index whose every searcher() is followed by another commit, as on a loaded machine."""

    def __init__(self, ix, docs: Path, index_dir: Path):
        self.ix, self.docs, self.index_dir, self.commits = ix, docs, index_dir, 0

    def __getattr__(self, name):
        return getattr(self.ix, name)

    def searcher(self):
        searcher = self.ix.searcher()
        self.commits += 1
        write_doc(self.docs, 100 + self.commits)
        ingest([self.docs], self.index_dir)
        return searcher


def test_a_searcher_is_kept_when_a_commit_lands_after_it_opened(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_doc(docs, 1)
    ingest([docs], index_dir)
    live = generations.live(index_dir)
    racing = CommitsWhileOpening(opening.open_index(live), docs, index_dir)

    searcher, stamp = opening.open_newest(racing, live)

    assert racing.commits == 1  # not given up and reopened after each newer commit
    assert searcher.reader().generation() == facet_arrays.generation_of(stamp)
    assert searcher.doc_count() < racing.ix.searcher().doc_count()  # it reads the older, whole commit
    searcher.close()


def test_generation_of_reads_the_stamp():
    assert facet_arrays.generation_of("g12-1700000000-42") == 12
    assert facet_arrays.generation_of("g0-0-0") == 0
