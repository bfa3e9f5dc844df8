"""The engine through its front door only: write with writer(), read with search() and records()."""
import pytest

from indexer.engine import FACET_LIST, ColumnFacet, Filters, SearchEngine, SearchRequest, WriterBusy, YearFacet


def record(doc: str, n: int, text: str, kind: str = "narrative", **extra) -> dict:
    return {"id": f"{doc}-{n}", "doc": doc, "kind": kind, "text": text, "start": n * 100, "end": n * 100 + len(text),
            "paragraph": n, **extra}


@pytest.fixture()
def engine(tmp_path):
    engine = SearchEngine(tmp_path / "ix")
    assert not engine.exists()
    with engine.writer() as w:
        w.add(record("a", 1, "The harbour flooded at dawn.", date="2020-05-01"))
        w.add(record("a", 2, "We will rebuild the harbour.", kind="quote", speaker="Ana Ruiz", date="2020-05-01"))
        w.add(record("b", 1, "A quiet year for the harbour.", date="2019-01-01"))
    yield engine
    engine.close()


def test_written_records_are_searched_counted_and_filtered(engine):
    page = engine.search(SearchRequest("harbour"))
    assert page.total == 3
    assert dict(page.facets["kind"]) == {"narrative": 2, "quote": 1}
    assert dict(page.facets["year"]) == {"2020": 2, "2019": 1}
    assert [h.doc for h in engine.search(SearchRequest("harbour", Filters(speaker=("Ana Ruiz",)))).hits] == ["a"]
    assert engine.search(SearchRequest("flooded")).total == 1
    assert engine.search(SearchRequest("tsunami")).total == 0


def test_records_by_document_citation_id_and_both(engine):
    in_a = engine.records(doc_id="a")
    assert [h.id for h in in_a.hits] == ["a-1", "a-2"] and in_a.total == 2
    assert [h.doc for h in engine.records(citation_id="b-1").hits] == ["b"]
    assert engine.records(citation_id="b-1", doc_id="a").total == 0
    with pytest.raises(ValueError):
        engine.records()


def test_deleting_a_document_and_a_cancelled_block(engine):
    with engine.writer() as w:
        w.delete("a")
    assert engine.search(SearchRequest("harbour")).total == 1
    with pytest.raises(RuntimeError):
        with engine.writer() as w:
            w.add(record("c", 1, "Never committed harbour."))
            raise RuntimeError("stop")
    assert engine.search(SearchRequest("harbour")).total == 1


def test_one_snapshot_answers_from_one_commit(engine):
    with engine.snapshot() as snap:
        before = snap.search(SearchRequest("harbour")).total
        with engine.writer() as w:
            w.delete("b")
        assert snap.search(SearchRequest("harbour")).total == before == 3
    assert engine.search(SearchRequest("harbour")).total == 2


def test_a_second_writer_is_refused(engine):
    with engine.writer():
        with pytest.raises(WriterBusy, match="another ingest"):
            with SearchEngine(engine.index_dir).writer():
                pass


@pytest.mark.parametrize("facet", FACET_LIST, ids=[f.name for f in FACET_LIST])
def test_every_registered_facet_is_filtered_counted_and_kept(facet):
    """A facet added to the registry but missing from a stage fails here, naming the stage."""
    from indexer.engine import facet_arrays, posting_arrays
    from indexer.engine.schema import make_schema

    schema = make_schema()
    assert facet.label and hasattr(Filters(), facet.name), "Filters"
    assert facet.field in schema and schema[facet.field].column_type is not None, "schema: an exact field with a column"
    assert facet.field in posting_arrays.FIELDS, "posting_arrays.FIELDS"
    assert facet_arrays.COLUMNS[facet.name] == facet.field, "facet_arrays.COLUMNS"


@pytest.mark.parametrize("facet, counted, listed", [
    (ColumnFacet("kind", "Kind", "kind"), [("quote", 5), ("narrative", 2)], [("quote", 5), ("narrative", 2)]),
    (YearFacet("year", "Year", "year"), [("2019", 5), ("2021", 2), ("2020", 9)], [("2021", 2), ("2020", 9), ("2019", 5)]),
    (YearFacet("year", "Year", "year"), [], []),
])
def test_facets_list_their_counts_in_their_own_order(facet, counted, listed):
    assert facet.listed(counted) == listed


def test_page_facets_follow_the_registry(engine):
    page = engine.search(SearchRequest("harbour"))
    assert list(page.facets) == [facet.name for facet in FACET_LIST]
    assert engine.search(SearchRequest("harbour", facets=False)).facets == {}


@pytest.mark.parametrize("text, filters", [
    ("harbour", Filters()), ("harbour", Filters(kind=("quote",))), ('"the harbour"', Filters()), ("ruiz", Filters()),
    ("", Filters(year=("2020",))), ("NOT flooded", Filters()), ("tsunami", Filters()),
])
def test_the_whoosh_matcher_gives_the_same_answers(engine, text, filters):
    plain = SearchEngine(engine.index_dir, matcher="whoosh")
    with engine.snapshot() as fast, plain.snapshot() as slow:
        assert (fast.matcher, slow.matcher) == ("numpy", "whoosh")
        ours, theirs = fast.search(SearchRequest(text, filters)), slow.search(SearchRequest(text, filters))
    assert (ours.total, ours.hits, ours.facets) == (theirs.total, theirs.hits, theirs.facets)
    plain.close()


@pytest.mark.parametrize("matcher", ["fast", "", "Whoosh"])
def test_an_unknown_matcher_is_refused_by_name(tmp_path, matcher):
    with pytest.raises(ValueError, match="matcher must be one of numpy, whoosh"):
        SearchEngine(tmp_path, matcher=matcher)
