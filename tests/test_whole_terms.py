"""A term's postings put together across segments (whole_terms), the commit's length norms in one
array (PostingCache.whole_norms), and the words a search looked up answering "did you mean":
the same matches and scores as Whoosh whichever way a term is read, and nothing kept past its commit."""
import numpy as np
import pytest
from whoosh import query

from indexer.engine import SearchEngine, SearchRequest, numpy_match, suggestions, whole_terms
from indexer.engine.posting_cache import B, K1, LENGTH_OF_BYTE, PostingCache
from indexer.engine.whole_terms import TermPostings, WholeTerm
from indexer.ingest import ingest

DOC = "Source: {source}\nTitle: Dock notes {n}\n\n{body}\n"
BODIES = [
    "The tide came in early. The harbour master said the tide would turn by noon.",
    "Fishing boats waited at the quay while the harbour master counted the nets.",
    "The council met on Monday; the council said the quay repairs would wait.",
    "Nets, boats and a quay: the harbour was quiet when the tide went out.",
]


def part(number, offset, ids, weights=None):
    ids = np.array(ids, dtype=np.int32)
    weights = np.ones(len(ids), dtype=np.float32) if weights is None else np.array(weights, dtype=np.float32)
    return TermPostings(number, None, offset, ids, weights, 0)


@pytest.mark.parametrize("parts, ids, weights", [
    ([], [], []),
    ([part(0, 0, [1, 4], [2, 1])], [1, 4], [2, 1]),
    ([part(0, 0, [0, 9], [1, 3]), part(2, 30, [0, 5, 6], [1, 1, 2])], [0, 9, 30, 35, 36], [1, 3, 1, 1, 2]),
    ([part(1, 10, [3]), part(3, 1_000_000, [7])], [13, 1_000_007], [1, 1]),
])
@pytest.mark.parametrize("sliced_from", [0, 10 ** 9], ids=["a slice at a time", "in one step"])
def test_a_terms_segments_become_one_sorted_array_of_document_numbers(parts, ids, weights, sliced_from, monkeypatch):
    monkeypatch.setattr(whole_terms, "SLICED_FROM", sliced_from)
    term = WholeTerm(parts)
    assert term.frequency == len(ids)
    assert not term.gathered
    assert term.ids.tolist() == ids and term.ids.dtype == np.int64
    assert term.weights.tolist() == weights
    assert term.gathered


@pytest.mark.parametrize("frequency, visited, gathered, expected", [
    (10, 1, False, True),
    (whole_terms.POSTINGS_PER_STEP * 3, 3, False, True),
    (whole_terms.POSTINGS_PER_STEP * 3 + 1, 3, False, False),  # a common word asked about a few documents
    (whole_terms.POSTINGS_PER_STEP * 3 + 1, 3, True, True),  # already put together: no reason not to use it
    (whole_terms.POSTINGS_PER_STEP + 1, 0, False, False),
])
def test_worth_gathering(frequency, visited, gathered, expected):
    term = WholeTerm([part(0, 0, range(frequency))])
    if gathered:
        term.ids
    assert term.worth_gathering(visited) is expected


@pytest.fixture(scope="module")
def segmented(tmp_path_factory):
    """Four ingests: four segments, so terms span several of them."""
    folder = tmp_path_factory.mktemp("whole")
    docs = folder / "docs"
    docs.mkdir()
    for n in range(16):
        source = "The Quay Gazette" if n % 3 else "Evening Courier"
        (docs / f"dock_{n:02d}.txt").write_text(DOC.format(source=source, n=n, body=BODIES[n % len(BODIES)]),
                                                encoding="utf-8")
        if n % 4 == 3:
            assert ingest([docs], folder / "ix").failed == 0
    engine = SearchEngine(folder / "ix")
    yield engine
    engine.close()


QUERIES = ['"harbour master"', '"the tide"', "harbour", "quay nets", "council AND quay", '"the quay" source:courier',
           'title:notes "the harbour"', "tide OR boats", '"master counted the nets"', '"tide harbour"']


@pytest.mark.parametrize("per_step", [0, 10 ** 9], ids=["segment by segment", "gathered"])
@pytest.mark.parametrize("text", QUERIES)
def test_gathered_or_per_segment_terms_match_and_score_as_whoosh(segmented, text, per_step, monkeypatch):
    from indexer.engine.query_parsing import parse

    monkeypatch.setattr(whole_terms, "POSTINGS_PER_STEP", per_step)
    q, _ = parse(text, segmented.ix.schema)
    with segmented.lease() as (s, stamp):
        assert len(numpy_match.Evaluator(s, np.arange(s.doc_count_all()), PostingCache(), None).leaves) == 4
        arrays = segmented.arrays(s, stamp)
        found = numpy_match.Evaluator(s, arrays.everything, PostingCache(segmented.index_dir), arrays).match(q)
        theirs = sorted((hit.docnum, hit.score) for hit in s.search(q, limit=None, terms=False))
    ours = sorted(zip(found.ids.tolist(), found.scores.tolist()))
    assert [doc for doc, _ in ours] == [doc for doc, _ in theirs]
    # Whoosh adds a long phrase's word scores in its own order: the last bit may differ (as test_position_arrays)
    assert [score for _, score in ours] == pytest.approx([score for _, score in theirs], rel=1e-9)
    assert theirs or text == '"tide harbour"'


def test_whole_norms_are_each_segments_norms_in_document_order(segmented):
    cache = PostingCache(segmented.index_dir)
    with segmented.lease() as (s, _):
        evaluator = numpy_match.Evaluator(s, np.arange(s.doc_count_all()), cache, None)
        avgfl = s.avg_field_length("text")
        norms = cache.whole_norms(evaluator.leaves, evaluator.segment_ids, "text", avgfl)
        assert len(norms) == s.doc_count_all()
        for leaf, offset in evaluator.leaves:
            expected = K1 * ((1 - B) + B * LENGTH_OF_BYTE[cache.lengths(leaf, "text")] / avgfl)
            assert norms[offset:offset + leaf.doc_count_all()].tolist() == expected.tolist()


def test_whole_norms_are_dropped_when_the_commit_changes(segmented):
    cache = PostingCache(segmented.index_dir)
    with segmented.lease() as (s, _):
        evaluator = numpy_match.Evaluator(s, np.arange(s.doc_count_all()), cache, None)
        first = cache.whole_norms(evaluator.leaves, evaluator.segment_ids, "text", 3.0)
        assert cache.whole_norms(evaluator.leaves, evaluator.segment_ids, "text", 3.0) is first  # kept per commit
        other = cache.whole_norms(evaluator.leaves, evaluator.segment_ids, "text", 4.0)
        assert other is not first and not np.array_equal(other, first)  # another average length: another array
        fewer = frozenset(evaluator.segment_ids[1:])  # as after a merge
        cache.keep_only(fewer)
        assert not [key for key in cache._items if key[0] == "n"]
        assert [key for key in cache._items if key[0] == "l"]  # the surviving segments' lengths stay
        assert cache.whole_norms(evaluator.leaves, evaluator.segment_ids, "text", 3.0) is not first


def test_a_new_commit_is_scored_with_its_own_norms(tmp_path):
    """The server's cache answered the first commit; the second (more, longer records) must not
    be scored with the first one's norms."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(DOC.format(source="Evening Courier", n=1, body=BODIES[0]), encoding="utf-8")
    ingest([docs], tmp_path / "ix")
    engine = SearchEngine(tmp_path / "ix")
    tide = query.Term("text", "tide")

    def ours_and_whoosh():
        with engine.lease() as (s, stamp):
            arrays = engine.arrays(s, stamp)
            found = numpy_match.Evaluator(s, arrays.everything, engine._postings, arrays).match(tide)
            theirs = sorted((hit.docnum, hit.score) for hit in s.search(tide, limit=None, terms=False))
        return sorted(zip(found.ids.tolist(), found.scores.tolist())), theirs

    try:
        ours, theirs = ours_and_whoosh()
        assert ours == theirs and theirs
        (docs / "b.txt").write_text(DOC.format(source="Evening Courier", n=2, body=" ".join(BODIES)), encoding="utf-8")
        ingest([docs], tmp_path / "ix")
        ours_after, theirs_after = ours_and_whoosh()
        assert ours_after == theirs_after and len(theirs_after) > len(theirs)
    finally:
        engine.close()


@pytest.mark.parametrize("text, expected", [
    ("harbuor", "harbour"),
    ('"harbuor master"', '"harbour master"'),
    ("harbour master", None),  # every word is in the archive
    ("zzzzqqq", None),  # nothing close
    ("harbuor mastre", "harbour master"),  # a transposition in a six-letter word is still two edits
    ("hzrbour", "harbour"),
    ("tyd", None),  # two edits to a three-letter word would make it any word ('tide'): no suggestion
    ("noxx", None),  # nor to a four-letter one ('noon')
    ('"harbuor mas*"', '"harbour mas*"'),  # a pattern's start is left alone, the misspelling beside it not
    ('"tide harbuo*"', None),
])
def test_did_you_mean_asks_the_words_the_search_looked_up(segmented, text, expected, monkeypatch):
    with segmented.lease() as (s, stamp):
        theirs = suggestions.suggest(s, text)
        evaluator = numpy_match.Evaluator(s, segmented.arrays(s, stamp).everything, PostingCache(segmented.index_dir))
        monkeypatch.setattr(s, "doc_frequency", lambda *args: pytest.fail("asked Whoosh's term tables"))
        assert suggestions.suggest(s, text, evaluator.doc_frequency) == theirs == expected


@pytest.mark.parametrize("parts, at, expected", [
    ([part(0, 0, [1, 4])._replace(start=10)], [0, 1], ([0, 0], [10, 11])),
    ([part(0, 0, [1, 4])._replace(start=10), part(2, 50, [0, 3, 9])._replace(start=0)], [1, 2, 4], ([0, 1, 1], [11, 0, 2])),
    ([part(1, 20, [5])._replace(start=7), part(3, 90, [2, 8])._replace(start=30)], [2], ([1], [31])),
    ([part(0, 0, [1])._replace(start=None), part(1, 9, [2])], [1], None),  # decoded from Whoosh: no rows
])
def test_rows_are_each_postings_segment_and_row_in_its_arrays(parts, at, expected):
    found = WholeTerm(parts).rows(np.array(at, dtype=np.int64))
    assert (None if found is None else (found[0].tolist(), found[1].tolist())) == expected


def test_a_phrase_of_gathered_words_finds_its_rows_at_once(segmented, monkeypatch):
    from indexer.engine import phrases
    from indexer.engine.query_parsing import parse

    monkeypatch.setattr(phrases, "_start_keys", lambda *args: pytest.fail("read segment by segment"))
    for text in ['"harbour master"', '"the quay"', '"master counted the nets"', '"tide harbour"']:
        q, _ = parse(text, segmented.ix.schema)
        with segmented.lease() as (s, stamp):
            arrays = segmented.arrays(s, stamp)
            found = numpy_match.Evaluator(s, arrays.everything, PostingCache(segmented.index_dir), arrays).match(q)
            theirs = sorted(hit.docnum for hit in s.search(q, limit=None, terms=False))
        assert found.ids.tolist() == theirs
