"""Position arrays: captured as segments are written, equal to Whoosh's blocks, and phrases checked on them
give Whoosh's phrase matches, even when the phrase's words fill another field of many records."""
import numpy as np
import pytest
from whoosh import query

from indexer.engine import SearchEngine, SearchRequest, numpy_match, phrases, position_arrays, posting_arrays
from indexer.engine.posting_cache import PostingCache
from indexer.ingest import ingest

# A source name of our own: its words fill the source field of every record of those documents.
SOURCE = "The Harbour Ledger"
DOC = "Source: {source}\nTitle: Port report {n}\n\n{body}\n"
BODIES = [
    "The harbour ledger was closed. Ships left the harbour and the ledger stayed shut.",
    "A ledger of the harbour: harbour ledger harbour ledger, the same words twice over.",
    "Nothing here names the place; the council met on Monday and the council said no.",
    "Said the council, the council said the vote was won by the harbour board.",
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("positions")
    docs = folder / "docs"
    docs.mkdir()
    for n in range(40):
        source = SOURCE if n % 2 else "Evening Courier"
        (docs / f"port_{n:02d}.txt").write_text(DOC.format(source=source, n=n, body=BODIES[n % len(BODIES)]),
                                                encoding="utf-8")
    assert ingest([docs], folder / "ix").failed == 0
    engine = SearchEngine(folder / "ix")
    yield engine
    engine.close()


def whoosh_positions(leaf, fieldname, btext, wanted):
    """The term's positions in the wanted documents, as Whoosh's own matcher decodes them."""
    matcher = leaf.postings(fieldname, btext)
    found = {}
    while matcher.is_active():
        found[matcher.id()] = matcher.value_as("positions")
        matcher.next()
    return [(i, p) for i, doc in enumerate(wanted.tolist()) for p in found[doc]]


def check_captured_positions(index_dir, searcher) -> int:
    """Every phrase-field term's captured positions equal Whoosh's; returns how many terms were checked."""
    checked = 0
    cache = PostingCache(index_dir)  # how a phrase reads a term: its ids, and where its positions start
    for leaf, _ in searcher.reader().leaf_readers():
        kept = position_arrays.load(index_dir / posting_arrays.FOLDER / leaf.segment().segment_id())
        assert kept is not None
        for fieldname in sorted(position_arrays.FIELDS & set(leaf.schema.names())):
            for btext in leaf.lexicon(fieldname):
                ids, _, start = cache.postings(leaf, fieldname, btext)
                assert start is not None, "read from Whoosh's blocks, not the captured arrays"
                which, positions = kept.positions(start + np.arange(len(ids)))
                assert list(zip(which.tolist(), positions.tolist())) == whoosh_positions(leaf, fieldname, btext, ids)
                checked += 1
    return checked


def test_captured_positions_equal_whooshs(archive):
    with archive.lease() as (s, _):
        assert check_captured_positions(archive.index_dir, s) > 50


def test_merged_segments_keep_their_positions(tmp_path):
    from indexer.engine.writing import Index

    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(12):  # three ingests, three segments, then merged into one
        (docs / f"part_{n:02d}.txt").write_text(DOC.format(source=SOURCE, n=n, body=BODIES[n % len(BODIES)] * (n + 1)),
                                                encoding="utf-8")
        if n % 4 == 3:
            ingest([docs], tmp_path / "ix")
    ix = Index(tmp_path / "ix")
    assert len(ix._ix._segments()) == 3
    ix.finish(max_segments=1)
    engine = SearchEngine(tmp_path / "ix")
    try:
        with engine.lease() as (s, _):
            assert len(list(s.reader().leaf_readers())) == 1
            assert check_captured_positions(tmp_path / "ix", s) >= 40
    finally:
        engine.close()


PHRASES = ['"harbour ledger"', '"the harbour ledger"', '"ledger harbour"', '"council said"', '"said the council"',
           '"the council"', '"harbour ledger harbour ledger"', '"ledger of"', '"courier harbour"', '"no such words"',
           # the source field holds the source facet's value: checked once per distinct source
           'source:"harbour ledger"', 'source:"ledger harbour"', 'source:"evening courier"', 'source:"courier evening"',
           'source:"harbour ledger" council', 'source:"evening courier" OR text:"harbour ledger"']


def whoosh_and_ours(archive, text):
    from indexer.engine.query_parsing import parse

    q, _ = parse(text, archive.ix.schema)
    with archive.lease() as (s, stamp):
        arrays = archive.arrays(s, stamp)
        found = numpy_match.Evaluator(s, arrays.everything, PostingCache(archive.index_dir), arrays).match(q)
        ours = sorted(zip(found.ids.tolist(), found.scores.tolist()))
        theirs = sorted((hit.docnum, hit.score) for hit in s.search(q, limit=None, terms=False))
    return ours, theirs


@pytest.mark.parametrize("text", PHRASES)
def test_phrases_on_the_arrays_match_and_score_as_whoosh(archive, text, monkeypatch):
    # Every segment here was captured: a phrase must never fall back to decoding Whoosh's blocks.
    monkeypatch.setattr(phrases, "read_positions", lambda *args: pytest.fail("read Whoosh's blocks"))
    ours, theirs = whoosh_and_ours(archive, text)
    assert [doc for doc, _ in ours] == [doc for doc, _ in theirs]
    assert [score for _, score in ours] == pytest.approx([score for _, score in theirs], rel=1e-9)


def test_a_phrase_filling_the_source_field_finds_every_record_of_that_source(archive):
    every_record = archive.search(SearchRequest(f'source:"{SOURCE}"')).total
    assert every_record > 0
    in_text = archive.search(SearchRequest('text:"harbour ledger"')).total
    either = archive.search(SearchRequest(f'source:"{SOURCE}" OR text:"harbour ledger"')).total
    assert every_record < either < every_record + in_text  # some records have it in both fields
    # plain words search a record's own text (and speaker), not its source: no source record joins in
    assert archive.search(SearchRequest('"harbour ledger"')).total == in_text
    assert archive.search(SearchRequest('source:"ledger harbour"')).total == 0


def test_a_phrase_in_the_source_field_is_checked_once_per_source_not_per_record(archive, monkeypatch):
    checked = []
    value_holds = phrases._value_holds
    monkeypatch.setattr(phrases, "_value_holds", lambda *args: checked.append(args[1]) or value_holds(*args))
    monkeypatch.setattr(phrases, "by_positions", lambda *args: pytest.fail("walked every record's positions"))
    assert archive.search(SearchRequest('source:"harbour ledger"')).total > 10
    assert checked == [SOURCE]
    assert archive.search(SearchRequest('source:"ledger harbour"')).total == 0


@pytest.mark.parametrize("field, facet", sorted(phrases.VALUE_FIELDS.items()))
def test_fields_checked_by_value_hold_their_facets_value(field, facet):
    from indexer.engine.schema import FACET_FIELDS, to_fields

    record = {"id": "c1", "doc": "d1", "kind": "quote", "text": "Words.", "start": 0, "end": 6,
              "speaker": "Ana Castillo-Reyes", "source": "The Western Review", "place": "Buenos Aires"}
    fields = to_fields(record)
    assert fields[field] == fields[FACET_FIELDS[facet]] == record[field]


def test_segments_without_position_arrays_read_whooshs_blocks(archive, tmp_path):
    import shutil

    copy = tmp_path / "ix"
    shutil.copytree(archive.index_dir, copy)
    for gaps in (copy / posting_arrays.FOLDER).glob(f"*/{position_arrays.GAPS_FILE}"):
        gaps.unlink()
    older = SearchEngine(copy)
    try:
        for text in PHRASES:
            assert whoosh_and_ours(older, text) == whoosh_and_ours(archive, text)
    finally:
        older.close()


def test_a_phrase_over_segments_with_and_without_position_arrays_matches_whoosh(tmp_path, monkeypatch):
    """Segments with position arrays are gathered and decoded together, others read from Whoosh's
    blocks; the two kinds mixed must still give every match, in order, with Whoosh's scores, and
    each word's start keys must come out sorted and distinct (the intersection's binary searches
    rely on it; a handful of keys can pass the searches unsorted by luck)."""
    import shutil

    start_keys, pieces = phrases._start_keys, []

    def checked(*args):
        keys = start_keys(*args)
        pieces.append(len(keys))
        assert np.all(np.diff(keys) > 0), keys
        return keys

    monkeypatch.setattr(phrases, "_start_keys", checked)
    of_rows = phrases._start_keys_of_rows

    def checked_rows(*args):  # a word put together across segments: its rows found at once
        keys = of_rows(*args)
        if keys is not None:
            pieces.append(len(keys))
            assert np.all(np.diff(keys) > 0), keys
        return keys

    monkeypatch.setattr(phrases, "_start_keys_of_rows", checked_rows)

    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(12):  # three ingests, three segments
        source = SOURCE if n % 2 else "Evening Courier"
        (docs / f"part_{n:02d}.txt").write_text(DOC.format(source=source, n=n, body=BODIES[n % len(BODIES)]),
                                                encoding="utf-8")
        if n % 4 == 3:
            ingest([docs], tmp_path / "ix")
    complete = SearchEngine(tmp_path / "ix")
    shutil.copytree(tmp_path / "ix", tmp_path / "mixed")
    middle = sorted((tmp_path / "mixed" / posting_arrays.FOLDER).glob(f"*/{position_arrays.GAPS_FILE}"))
    assert len(middle) == 3
    middle[1].unlink()  # one segment of three reads its positions from Whoosh
    mixed = SearchEngine(tmp_path / "mixed")
    try:
        for text in PHRASES:
            ours, theirs = whoosh_and_ours(mixed, text)
            assert [doc for doc, _ in ours] == [doc for doc, _ in theirs], text
            assert [score for _, score in ours] == pytest.approx([score for _, score in theirs], rel=1e-9)
            assert ours == whoosh_and_ours(complete, text)[0]
        assert max(pieces) > 4
    finally:
        complete.close()
        mixed.close()


@pytest.mark.parametrize("postings, gaps_type", [
    ([("text", [3]), ("text", [0, 2, 9])], np.uint8),
    ([("title", [1]), ("doc", None), ("text", [5, 300])], np.uint16),  # a field without positions has none
    ([("text", [0, 70000, 70001]), ("source", [2])], np.int32),  # a very long text: wide gaps
    ([("doc", None)], np.uint8),
])
def test_positions_round_trip_in_the_narrowest_type(tmp_path, postings, gaps_type):
    from whoosh.formats import Positions

    capture = position_arrays.PositionCapture()
    for fieldname, where in postings:
        capture.add(fieldname, Positions().encode(where) if where is not None else None)
    capture.save(tmp_path)
    kept = position_arrays.load(tmp_path)
    assert kept.gaps.dtype == gaps_type and kept.starts.dtype == np.uint32
    which, positions = kept.positions(np.arange(len(postings)))
    expected = [(i, p) for i, (_, where) in enumerate(postings) for p in (where or [])]
    assert list(zip(which.tolist(), positions.tolist())) == expected


def stored_from(tmp_path, name, postings):
    from whoosh.formats import Positions

    capture = position_arrays.PositionCapture()
    for where in postings:
        capture.add("text", Positions().encode(where) if where is not None else None)
    (tmp_path / name).mkdir()
    capture.save(tmp_path / name)
    return position_arrays.load(tmp_path / name)


@pytest.mark.parametrize("segments, wanted", [
    ([[[3], [0, 2, 9]]], [[1]]),
    ([[[3], [0, 2, 9]], [[5, 300], [1]]], [[0, 1], [0, 1]]),  # narrow and wide gaps run together
    ([[[3], [0, 2, 9]], [[7]], [[1, 2], [4]]], [[1], [], [1, 0]]),  # a segment with nothing wanted; out of order
    ([[None, [4]], [[0, 70000]]], [[0, 1], [0]]),  # a posting without positions
    ([[None]], [[0]]),
    ([[[3], [8]], [[0]], [[2], [65000]]], [[1, 0], [0], [0, 1]]),  # one position each: gaps read where they begin
    ([[[5, 6], None]], [[0, 1]]),  # as many positions as postings, not one each: not the one-each path
])
def test_gaps_of_several_segments_are_each_segments_gaps_in_turn(tmp_path, segments, wanted):
    stored = [stored_from(tmp_path, f"s{n}", postings) for n, postings in enumerate(segments)]
    at = [np.array(w, dtype=np.int64) for w in wanted]
    counts, gaps = position_arrays.gaps_of_many(stored, at)
    one_by_one = [kept.gaps_of(a) for kept, a in zip(stored, at)]
    assert counts.tolist() == [c for c, _ in one_by_one for c in c.tolist()]
    assert gaps.tolist() == [g for _, g in one_by_one for g in g.tolist()]
    expected = [p for postings, w in zip(segments, wanted) for i in w for p in (postings[i] or [])]
    assert position_arrays.decode(counts, gaps).tolist() == expected


@pytest.mark.parametrize("wide", [(0,), (1,), (0, 1)])
def test_gaps_read_from_packed_and_wide_starts_agree(tmp_path, wide):
    """Starts too big for uint32 have no packed pairs: those segments, alone or beside narrow ones,
    give the gaps the packed read gives."""
    segments = [[[3], [0, 2, 9], None, [7]], [[5, 300], [1], [4]]]
    at = [np.array([3, 1, 0], dtype=np.int64), np.array([0, 2], dtype=np.int64)]
    narrow = [stored_from(tmp_path, f"s{n}", postings) for n, postings in enumerate(segments)]
    assert all(kept.packed is not None for kept in narrow)
    mixed = [position_arrays.StoredPositions(kept.gaps, kept.starts.astype(np.int64)) if n in wide else kept
             for n, kept in enumerate(narrow)]
    assert [kept.packed is None for kept in mixed] == [n in wide for n in range(len(segments))]
    packed_counts, packed_gaps = position_arrays.gaps_of_many(narrow, at)
    counts, gaps = position_arrays.gaps_of_many(mixed, at)
    assert counts.tolist() == packed_counts.tolist() == [1, 3, 1, 2, 1]
    assert gaps.tolist() == packed_gaps.tolist() == [7, 0, 2, 7, 3, 5, 295, 4]


@pytest.mark.parametrize("text", ['"harbour ledger"', '"the council said"', 'text:"ledger harbour"'])
def test_a_phrase_asks_each_segment_for_its_positions_under_that_segments_own_id(tmp_path, text, monkeypatch):
    """The evaluator passes the segment ids it knows; a wrong one would read another segment's positions."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(12):  # three commits: three segments
        (docs / f"port_{n:02d}.txt").write_text(DOC.format(source=SOURCE, n=n, body=BODIES[n % len(BODIES)]),
                                                encoding="utf-8")
        if n % 4 == 3:
            assert ingest([docs], tmp_path / "ix").failed == 0
    archive = SearchEngine(tmp_path / "ix")
    asked = []
    real = PostingCache.stored_positions

    def checked(self, leaf, fieldname, segment_id=None):
        assert segment_id == leaf.segment().segment_id()
        asked.append(segment_id)
        return real(self, leaf, fieldname, segment_id)

    monkeypatch.setattr(PostingCache, "stored_positions", checked)
    try:
        ours, theirs = whoosh_and_ours(archive, text)
    finally:
        archive.close()
    assert len(set(asked)) == 3  # each segment's position arrays were read
    assert [doc for doc, _ in ours] == [doc for doc, _ in theirs]
