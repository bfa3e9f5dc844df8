"""The benchmark's FTS5 and tantivy adapters count facets and filter like the archive would."""
from __future__ import annotations

import pytest

from bench import fts5_engine, tantivy_engine
from bench.mix import Query
from bench.spool import Record


def rec(n: int, text: str, speaker: str = "", source: str = "The Daily Wire", year: str = "2019") -> Record:
    return Record(f"d{n}|p{n}|paragraph", text, "", speaker, source, "paragraph", year, "Lima", f"{year}-01-0{n}")


RECORDS = [
    rec(1, "The minister said the harvest failed.", "Ana Silva"),
    rec(2, "Farmers said prices rose again.", "Ana Silva", year="2020"),
    rec(3, "Nobody expected the harvest to fail twice.", "Omar Haddad"),
    rec(4, "Prices of grain fell after the harvest.", "", source="The Evening Post"),
    rec(5, "A quiet week in the capital."),
]

CASES = [
    (Query("word", ("harvest",)), 3, {"Ana Silva": 1, "Omar Haddad": 1}),
    (Query("stemmed word", ("failed",)), 2, {"Ana Silva": 1, "Omar Haddad": 1}),  # "failed" and "fail"
    (Query("two words", ("said", "prices")), 1, {"Ana Silva": 1}),
    (Query("phrase", ("harvest", "failed"), phrase=True), 1, {"Ana Silva": 1}),
    (Query("phrase, words apart", ("harvest", "fail"), phrase=False), 2, {"Ana Silva": 1, "Omar Haddad": 1}),
    (Query("speaker filter", ("said",), speaker="Ana Silva"), 2, {"Ana Silva": 2}),
    (Query("source+year filter", ("harvest",), source="The Daily Wire", year="2019"), 2,
     {"Ana Silva": 1, "Omar Haddad": 1}),
    (Query("filter matching nothing", ("harvest",), speaker="Nobody Known"), 0, {}),
    (Query("absent word", ("drought",)), 0, {}),
    (Query("empty query"), 5, {"Ana Silva": 2, "Omar Haddad": 1}),
]


@pytest.fixture(scope="module")
def fts5(tmp_path_factory):
    path = tmp_path_factory.mktemp("fts5") / "bench.sqlite"
    built = fts5_engine.build(path, [RECORDS[:2], RECORDS[2:]])
    assert built.records == len(RECORDS)
    engine = fts5_engine.Fts5(path)
    yield engine
    engine.close()


@pytest.mark.parametrize("query, total, speakers", CASES, ids=[c[0].kind for c in CASES])
def test_fts5_counts_facets_over_every_match(fts5, query, total, speakers):
    answer = fts5.search(query)
    assert answer.total == total
    assert dict(answer.facets["speaker"]) == speakers
    assert sum(c for _, c in answer.facets["year"]) == total
    assert len(answer.top) == min(total, 20)


def test_fts5_top_page_holds_every_match_of_a_small_result(fts5):
    top = fts5.search(Query("word", ("harvest",))).top
    assert set(top) == {"d1|p1|paragraph", "d3|p3|paragraph", "d4|p4|paragraph"}


@pytest.mark.parametrize("query, total, speakers", CASES, ids=[c[0].kind for c in CASES])
def test_tantivy_agrees_with_fts5(tmp_path, query, total, speakers):
    pytest.importorskip("tantivy")
    tantivy_engine.build(tmp_path / "tantivy", [RECORDS])
    answer = tantivy_engine.Tantivy(tmp_path / "tantivy").search(query)
    assert answer.total == total
    assert dict(answer.facets["speaker"]) == speakers
    assert len(answer.top) == min(total, 20)


def test_records_read_back_from_the_index_are_the_extracted_records(tmp_path):
    from dataclasses import astuple

    from bench import archive_engine
    from indexer.ingest import ingest

    docs = tmp_path / "docs"
    docs.mkdir()
    for n, (source, speaker) in enumerate([("The Daily Wire", "Ana Silva"), ("The Evening Post", "Omar Haddad")]):
        (docs / f"story_{n}.txt").write_text(
            f"Source: {source}\nTitle: Harvest report {n}\nDate: 2019-03-0{n + 1}\n\n"
            f"The harvest failed in the north.\n\n\"Prices will rise again,\" said {speaker}, a farmer.\n",
            encoding="utf-8")
    assert ingest([docs], tmp_path / "ix").failed == 0
    extracted = sorted(archive_engine.extract(docs, archive_engine.Extraction()), key=astuple)
    assert len(extracted) >= 4 and any(r.speaker for r in extracted)
    assert sorted(archive_engine.stored(tmp_path / "ix"), key=astuple) == extracted


@pytest.mark.parametrize("engine", ["FTS5", "tantivy"])
def test_a_title_word_alone_matches_nothing_as_in_the_archive(tmp_path, engine):
    titled = [Record("d1|p1|paragraph", "Prices rose again.", "Drought report", "", "The Daily Wire", "paragraph",
                     "2019", "Lima", "2019-01-01"), rec(2, "The drought ended.")]
    if engine == "FTS5":
        fts5_engine.build(tmp_path / "t.sqlite", [titled])
        found = fts5_engine.Fts5(tmp_path / "t.sqlite")
    else:
        if not tantivy_engine.available():
            pytest.skip("tantivy is not installed (requirements-bench.txt)")
        tantivy_engine.build(tmp_path / "t", [titled])
        found = tantivy_engine.Tantivy(tmp_path / "t")
    try:
        answer = found.search(Query("word", ("drought",)))
        assert (answer.total, answer.top) == (1, ("d2|p2|paragraph",))
    finally:
        found.close()


def test_a_kept_index_reports_the_records_it_holds_not_a_stale_saved_count(tmp_path):
    import json

    from bench import archive_engine
    from bench.run import archive_ingest

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "story.txt").write_text("Title: Harvest report\n\nThe harvest failed.\n\n\"Prices will rise,\" "
                                    "said Ana Silva, a farmer.\n", encoding="utf-8")
    saved = tmp_path / "ingest.json"
    first = archive_ingest(docs, tmp_path / "ix", saved, keep=True)
    held = archive_engine.count(tmp_path / "ix")
    assert first["row"]["records"] == held > 0
    stale = json.loads(saved.read_text())
    stale["row"]["records"] = held + 21  # as an index built before re-written documents were counted once
    saved.write_text(json.dumps(stale))
    again = archive_ingest(docs, tmp_path / "ix", saved, keep=True)
    assert again["row"]["records"] == held
    assert "saved by the run that built the index" in again["row"]["engine"]
