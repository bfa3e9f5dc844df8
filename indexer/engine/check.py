"""`flask check`: the index, the engine's arrays and the catalogue verified against each other.

What it verifies: Whoosh's TOC opens and every segment of the current commit reads; every
segment has posting and facet arrays whose files match their checksums (checksums.py); the
catalogue and the index name the same documents. What --repair restores: arrays (rewritten from
Whoosh's own segments). What it cannot: a lost TOC or segment (re-ingest: `flask ingest
--rebuild`), and catalogue rows (re-ingest those documents); both are reported with that advice.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from whoosh import index
from whoosh.filedb.filestore import FileStorage

from .. import generations
from . import checksums, facet_arrays, posting_arrays


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...]     # what is wrong now (after a repair: what is still wrong)
    repaired: tuple[str, ...]     # what --repair rewrote

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def arrays_damaged(self) -> bool:
        """Whether --repair would help: it rewrites arrays, nothing else."""
        return any(p.startswith((f"{posting_arrays.FOLDER}/", f"{facet_arrays.FOLDER}/")) for p in self.problems)


def check(index_dir: Path, catalogue_docs: set[str] | None, repair: bool = False) -> CheckReport:
    """Verify `index_dir`; with `repair`, rewrite damaged or missing arrays, then verify again.

    `catalogue_docs` are the document ids the catalogue lists (None: no catalogue to compare).
    """
    index_dir = generations.live(Path(index_dir))  # the archive readers see (a rebuild swaps in a new one)
    repaired: list[str] = []
    if repair and index.exists_in(str(index_dir)):
        damaged = _array_problems(index_dir)
        if damaged:
            for kind in (posting_arrays.FOLDER, facet_arrays.FOLDER):
                for segment_id in _segment_ids(index_dir):
                    folder = index_dir / kind / segment_id
                    if folder.is_dir() and checksums.problems(folder):
                        shutil.rmtree(folder, ignore_errors=True)  # build() rewrites what is missing
            posting_arrays.build(index_dir)
            facet_arrays.build(index_dir)
            repaired = [f"rewrote: {problem}" for problem in damaged]
    return CheckReport(tuple(_problems(index_dir, catalogue_docs)), tuple(repaired))


def _problems(index_dir: Path, catalogue_docs: set[str] | None) -> list[str]:
    if not index.exists_in(str(index_dir)):
        if any(index_dir.glob("*.seg")) or (index_dir / "catalog.sqlite").exists():
            return ["Whoosh's TOC (_MAIN_*.toc) is missing: the index cannot be opened and --repair cannot "
                    "restore it; rebuild with `flask ingest --rebuild` on the archive's documents"]
        return [f"no index at {index_dir}; `flask ingest` builds one"]
    try:
        indexed = _indexed_docs(index_dir)
    except Exception as error:  # Whoosh raises many kinds for damaged segment files
        return [f"Whoosh's segments cannot be read ({type(error).__name__}: {error}); --repair cannot restore "
                "them: rebuild with `flask ingest --rebuild`"]
    found = _array_problems(index_dir)
    if catalogue_docs is not None:
        for doc in sorted(indexed - catalogue_docs)[:20]:
            found.append(f"document {doc} is in the index but not in the catalogue (re-ingest it)")
        for doc in sorted(catalogue_docs - indexed)[:20]:
            found.append(f"document {doc} is in the catalogue but has no passages in the index (re-ingest it)")
    return found


def _array_problems(index_dir: Path) -> list[str]:
    found = []
    for kind in (posting_arrays.FOLDER, facet_arrays.FOLDER):
        for segment_id in _segment_ids(index_dir):
            folder = index_dir / kind / segment_id
            if not folder.is_dir():
                found.append(f"{kind}/{segment_id}: missing")
            else:
                found.extend(f"{kind}/{problem}" for problem in checksums.problems(folder))
    return found


def _segment_ids(index_dir: Path) -> list[str]:
    ix = FileStorage(str(index_dir), supports_mmap=False).open_index()
    return [segment.segment_id() for segment in ix._segments()]


def _indexed_docs(index_dir: Path) -> set[str]:
    with FileStorage(str(index_dir), supports_mmap=False).open_index().searcher() as s:
        return {fields.get("doc") for _, fields in s.reader().iter_docs() if fields.get("doc")}
