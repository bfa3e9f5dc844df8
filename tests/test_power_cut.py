"""A power cut at any moment of an ingest leaves an archive that opens, searches, and that the
next plain ingest brings to the whole archive: no document lost, none doubled.

Unlike a SIGKILL (tests/test_ingest_kills.py), a power cut loses what was written but not
fsynced, and may undo a rename whose folder was not fsynced after it; a kill test cannot catch a
missing fsync. So the ingest runs in this process under a DiskRecorder (tests/power_cut_log.py),
which notes the folder around every fsync, rename, replace, unlink, mkdir and rmdir, and
tests/power_cut_states.py builds, for every moment, the states a power cut could leave there
(each file's bytes as last synced or later, each folder's entries as last synced or later; the
worst cases: everything unsynced lost, renames kept but unsynced data lost). Each distinct state
is written to a folder of its own and checked. The fast tier takes the worst cases at each
rename, replace, folder fsync and catalogue commit (63 states of a second ingest, 49 of the same
by sub-writers, 26 of a rebuild, torn writes included, about 10 s); the heavy tier every moment, and each folder, each
unsynced change of a folder (a file system may write a folder's entries in any order) and each
file on its own.

SQLite (the catalogue) writes and fsyncs through its own C code, which Python cannot wrap. It is
treated as atomic at its commits, which is what it promises in rollback-journal mode with
synchronous=EXTRA (indexer/catalog.py): every state holds the catalogue as of its last commit
before the cut, read with a read-only connection at every recorded moment and at every
Catalog.commit.

The multiprocess writer ("sub-writers") is recorded too: its sub-writer processes, forked with
the wrappers in place, report each fsync to the recording process, which counts it from its own
next moment on (a cut in between loses it: the more pessimistic); their renames and creations
show in the recording process's next moment, so no moment falls inside a sub-writer's work (the
serial scenarios have those moments of the same code).

Torn writes: a file's unsynced bytes may also survive in part, as a prefix of its new bytes cut
at TORN_CUTS (empty, one byte, half, all but one byte) or, for a file rewritten in place, that
prefix over its old bytes (tests/power_cut_states.py). The fast tier cuts every unsynced file at
once at one byte and at all but one byte (the case of a file that looks whole); the heavy tier
every cut at every moment, and each file torn alone at each ordering point. No file of an ingest
is rewritten in place (each is written once, under a new name), so only prefixes occur there.

Not modelled: a file holding a version between its last fsync and the moment of the cut other
than a prefix of its last one (a file written, then rewritten before any fsync), and two or more
unsynced changes of one folder surviving without the others.
"""
from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner
from whoosh import index

from indexer import generations
from indexer import ingest as ingest_module
from indexer.catalog import Catalog, catalog_path
from indexer.check_command import command as check_command
from indexer.engine import SearchEngine, SearchRequest
from indexer.ingest import ingest

from harbour_stories import TEXT, write_docs
from power_cut_log import DiskRecorder
from power_cut_states import TORN_CUTS, crash_states, materialise, ordering_points, state_at

# What `flask check` may report after a cut, all of which the next plain ingest repairs (README,
# "Commands"): a batch Whoosh committed and the catalogue had not (the catalogue's journal names
# its documents), a Whoosh commit lost after the catalogue's, and no index at all yet (a first
# ingest cut before its first table of contents).
REPAIRED_BY_NEXT_INGEST = ("is in the index but not in the catalogue", "is in the catalogue but has no passages",
                           "no index at")


def records(index_dir: Path) -> Counter:
    """Every record the archive holds, as stored: (document, citation id, kind, text, speaker)."""
    live = generations.live(index_dir)
    if not index.exists_in(str(live)):
        return Counter()
    with index.open_dir(str(live)).searcher() as searcher:
        return Counter((f["doc"], f["id"], f.get("kind"), f.get("text"), f.get("speaker"))
                       for _, f in searcher.reader().iter_docs())


def by_document(held: Counter) -> dict[str, Counter]:
    found: dict[str, Counter] = {}
    for record, count in held.items():
        found.setdefault(record[0], Counter())[record] = count
    return found


def catalogue(index_dir: Path) -> set[tuple]:
    if not catalog_path(index_dir).exists():
        return set()
    rows = Catalog(index_dir, readonly=True)
    try:
        return {(row.doc_id, row.path, row.sha, row.passages, row.quotes) for row in rows.documents()}
    finally:
        rows.close()


def flask_check(index_dir: Path) -> list[str]:
    """The problems `flask check` reports."""
    result = CliRunner().invoke(check_command(lambda: {"INDEX_DIR": str(index_dir)}))
    problems = [line[len("problem: "):] for line in result.output.splitlines() if line.startswith("problem: ")]
    assert (result.exit_code == 0) == (not problems), result.output
    return problems


def change_story(docs: Path, n: int) -> None:
    (docs / f"story_{n:03d}.txt").write_text(TEXT.format(n=n) + "\nThe vote moved to the spring.\n", encoding="utf-8")


class Scenario:
    """An archive of `before` stories, then an ingest of `after` (one changed) under the recorder."""

    def __init__(self, tmp_path: Path, before: int, after: int, rebuild: bool = False, batch_docs: int = 2,
                 sub_writers: bool = False):
        self.tmp_path, self.rebuild, self.batch_docs, self.sub_writers = tmp_path, rebuild, batch_docs, sub_writers
        self.docs, self.root = tmp_path / "docs", tmp_path / "root"
        self.root.mkdir()
        write_docs(self.docs, before)
        if before:
            ingest([self.docs], self.root / "ix")
        untouched = {f"story_{n:03d}" for n in range(1, before)}  # story 0 is changed below
        was = by_document(records(self.root / "ix"))
        write_docs(self.docs, after)
        change_story(self.docs, 0)
        clean = tmp_path / "clean"
        ingest([self.docs], clean)
        self.whole, self.rows = records(clean), catalogue(clean)
        will_be = by_document(self.whole)
        self.versions = {doc: (was.get(doc), will_be.get(doc)) for doc in was.keys() | will_be.keys()}
        self.untouched = {doc: sum(n for (d, *_), n in self.whole.items() if d == doc) for doc in untouched}
        assert len(self.untouched) == max(before - 1, 0) and all(self.untouched.values())

    def record(self):
        # the multiprocess writer (two sub-writer processes) for these few documents, as for 200 and more
        parallel_from = 1 if self.sub_writers else ingest_module.PARALLEL_FROM_DOCS
        with mock.patch.object(ingest_module, "PARALLEL_FROM_DOCS", parallel_from), DiskRecorder(self.root) as log:
            summary = ingest([self.docs], self.root / "ix", rebuild=self.rebuild, batch_docs=self.batch_docs)
        assert summary.failed == 0
        return log.points

    def assert_survives(self, state, number: int) -> None:
        try:
            self._survives(state, number)
        except AssertionError:
            raise
        except Exception as error:  # Whoosh's own errors on a damaged segment say nothing of the cut
            raise AssertionError(f"{state.label}: {type(error).__name__}: {error}") from error

    def _survives(self, state, number: int) -> None:
        folder = self.tmp_path / f"cut-{number}"
        materialise(state, folder)
        index_dir = folder / "ix"
        if self.untouched or index.exists_in(str(generations.live(index_dir))):
            # (a first ingest cut before its first TOC leaves no index: `flask check` says so below)
            engine = SearchEngine(index_dir)
            assert engine.search(SearchRequest("harbour")).total >= len(self.untouched), state.label
            for doc, count in self.untouched.items():  # what the ingest did not touch is whole at every moment
                assert engine.records(doc_id=doc).total == count, f"{state.label}: {doc} lost records"
            engine.close()
        for doc, held in by_document(records(index_dir)).items():  # Whoosh's commits are whole: no half, no double
            assert held in self.versions[doc], f"{state.label}: {doc} is neither as before nor as after"
        unrepairable = [p for p in flask_check(index_dir) if not any(ok in p for ok in REPAIRED_BY_NEXT_INGEST)]
        assert not unrepairable, f"{state.label}: {unrepairable}"
        summary = ingest([self.docs], index_dir)
        assert summary.failed == 0, f"{state.label}: {summary.failures}"
        assert records(index_dir) == self.whole, f"{state.label}: the next ingest did not restore the archive"
        assert catalogue(index_dir) == self.rows, f"{state.label}: the catalogue differs from a clean ingest's"
        assert flask_check(index_dir) == [], state.label
        shutil.rmtree(folder)


# The fast tier's torn writes: a sliver of a file, and a file that looks whole but is not.
FAST_TORN_CUTS = ("one byte", "all but one byte")

SCENARIOS = {
    # the archive's first ingest: three stories in two commits
    "first-ingest": dict(before=0, after=3),
    # two stories indexed; one changed and two added: two commits, the first segment mostly
    # deleted and merged away at the end (its files and arrays removed)
    "next-ingest": dict(before=2, after=4),
    # the same as a rebuild: a new generation, swapped in by the pointer, the old layout removed
    "rebuild": dict(before=2, after=3, rebuild=True, batch_docs=100),
    # next-ingest written by the multiprocess writer: two sub-writers write and sync the segments
    "sub-writers": dict(before=2, after=4, sub_writers=True),
}


@pytest.fixture
def without_fsync(monkeypatch):
    """The checks' own ingests skip fsync: their durability is not what is tested, and on a busy
    disk hundreds of them cost seconds of waiting. The recording is done before this is asked."""
    def apply():
        monkeypatch.setattr(os, "fsync", lambda fd: None)
    return apply


@pytest.mark.parametrize("name", [
    pytest.param("first-ingest", marks=pytest.mark.heavy),  # the state it once lost: the last test, fast
    "next-ingest",
    "rebuild",
    "sub-writers",
])
def test_a_power_cut_at_any_ordering_point_leaves_what_the_next_ingest_restores(tmp_path, name, without_fsync):
    """The two worst cases at each rename, folder fsync and commit (a kill's state: tests/test_ingest_kills.py)."""
    scenario = Scenario(tmp_path, **SCENARIOS[name])
    points = ordering_points(scenario.record())
    without_fsync()
    for number, state in enumerate(crash_states(points, as_written=False, torn=FAST_TORN_CUTS)):
        scenario.assert_survives(state, number)


@pytest.mark.heavy
@pytest.mark.parametrize("name", ["next-ingest", "rebuild", "sub-writers"])  # a first ingest's: its ordering points
def test_a_power_cut_anywhere_leaves_what_the_next_ingest_restores(tmp_path, name, without_fsync):
    """Every Point with the worst cases and torn writes, and the ordering points with each folder,
    change and file alone, each file torn alone too (1272, 484 and 628 states; about 110, 85 and
    105 s on a busy machine)."""
    scenario = Scenario(tmp_path, **SCENARIOS[name])
    points = scenario.record()
    states = {state.fingerprint: state for state in crash_states(points, torn=tuple(TORN_CUTS))}
    states.update((state.fingerprint, state)
                  for state in crash_states(ordering_points(points), thorough=True, torn=tuple(TORN_CUTS)))
    without_fsync()
    for number, state in enumerate(states.values()):
        scenario.assert_survives(state, number)


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_power_cut_after_an_ingest_returns_loses_nothing(tmp_path, name):
    """A first ingest lost everything here until its new INDEX_DIR was synced into its parent."""
    scenario = Scenario(tmp_path, **SCENARIOS[name])
    last = scenario.record()[-1]
    materialise(state_at(last, "unsynced lost"), tmp_path / "cut")
    index_dir = tmp_path / "cut" / "ix"
    assert records(index_dir) == scenario.whole
    assert catalogue(index_dir) == scenario.rows
    assert flask_check(index_dir) == []
