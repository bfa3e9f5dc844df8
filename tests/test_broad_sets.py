"""A very common word's OR and title lift (broad_sets): the same ids and the same floats, bit for bit,
as adding each document's scores one part after another, which is what bincount did."""
import numpy as np
import pytest

from indexer.engine import SearchEngine, SearchRequest, broad_sets, numpy_match


def _summed_in_order(ids, scores):
    """Each id's scores added in part order, from 0.0: bincount's sums."""
    sums = {}
    for part, part_scores in zip(ids, scores):
        for i, x in zip(part.tolist(), part_scores.tolist()):
            sums[i] = sums.get(i, 0.0) + x
    union = sorted(sums)
    return union, [sums[i] for i in union]


def _bits(values):
    return np.asarray(values, dtype=np.float64).view(np.uint64).tolist()


def _part(ids, seed):
    ids = np.array(sorted(set(ids)), dtype=np.int64)
    return ids, np.random.default_rng(seed).random(len(ids)) * 7.3


@pytest.mark.parametrize("parts", [
    [range(0, 1000, 2), [4, 10]],  # a few, all in the large part
    [range(0, 1000, 2), [3, 10, 999, 1001]],  # some not in it: inserted in order
    [[5, 9], range(100, 900)],  # the large part need not come first
    [range(1000), [0, 1], [1, 2, 2000]],  # three parts, an id in all three
    [range(50), []],
    [range(10, 60), [0]],  # before every id of the large part
    [[1, 2, 3, 700], [2, 3, 4], range(0, 500)],  # the large part third: the first two are added first
    [[2, 3, 4], range(0, 500), [1, 2, 3, 700]],
])
@pytest.mark.parametrize("zeros", [False, True], ids=["positive", "some -0.0"])
def test_the_union_onto_the_largest_part_sums_in_part_order(parts, zeros):
    made = [_part(p, seed=n) for n, p in enumerate(parts)]
    ids, scores = [m[0] for m in made], [m[1] for m in made]
    if zeros:
        for part_scores in scores:
            part_scores[::3] = -0.0
    union, summed = broad_sets.union_onto_largest(ids, scores)
    expected_ids, expected_sums = _summed_in_order(ids, scores)
    assert union.tolist() == expected_ids
    assert _bits(summed) == _bits(expected_sums)
    assert broad_sets.union_onto_largest(ids, None)[1] is None
    assert broad_sets.union_onto_largest(ids, None)[0].tolist() == expected_ids


@pytest.mark.parametrize("required, lifted", [
    (range(0, 100), [3, 50, 99]),
    (range(0, 100, 3), [1, 3, 4, 150]),  # lift on documents outside the required set: ignored
    (range(10), []),
    ([], [1, 2]),
])
def test_a_lift_read_from_one_array_adds_only_where_the_lift_has_the_document(required, lifted):
    req_ids, req_scores = _part(required, seed=1)
    req_scores[::4] = -0.0  # kept as it is where nothing is added
    lift_ids, lift_scores = _part(lifted, seed=2)
    got = broad_sets.lift_everywhere(req_ids, req_scores, lift_ids, lift_scores, 200)
    lift = dict(zip(lift_ids.tolist(), lift_scores.tolist()))
    expected = [x + lift[i] if i in lift else x for i, x in zip(req_ids.tolist(), req_scores.tolist())]
    assert _bits(got) == _bits(expected)


DOC = "Source: {source}\nTitle: {title}\n\n{body}\n"


@pytest.fixture(scope="module")
def broad(tmp_path_factory):
    """Most records hold 'the'; a few speakers and titles do too."""
    from indexer.ingest import ingest
    folder = tmp_path_factory.mktemp("broad")
    docs = folder / "docs"
    docs.mkdir()
    for n in range(12):
        title = "The harbour news" if n % 3 == 0 else "Harbour news"
        body = "\n\n".join(f"The tide turned {'the ' * (k % 3)}at dawn number {n} {k}." for k in range(6))
        (docs / f"d{n:02d}.txt").write_text(DOC.format(source="The Courier", title=title, body=body), encoding="utf-8")
    ingest([docs], folder / "ix")
    engine = SearchEngine(folder / "ix")
    yield engine
    engine.close()


@pytest.mark.parametrize("text", ["the", "tide", "the OR harbour", "title:the OR tide", "the OR title:harbour OR dawn"])
def test_broad_words_score_as_the_general_path_does(broad, text, monkeypatch):
    """The same ids and floats with the broad ways on and off (DENSE_SHARE 0 and LOPSIDED huge: no
    set counts as broad)."""
    from indexer.engine.query_parsing import parse

    def answer():
        with broad.lease() as (s, stamp):
            q, _ = parse(text, s.schema)
            arrays = broad.arrays(s, stamp)
            found = numpy_match.Evaluator(s, arrays.everything, broad._postings, arrays).match(q)
            return found.ids.tolist(), _bits(found.scores)

    used = []
    for name in ("union_onto_largest", "lift_everywhere"):
        real = getattr(broad_sets, name)
        monkeypatch.setattr(broad_sets, name, lambda *args, real=real, name=name: used.append(name) or real(*args))
    ids, bits = answer()
    assert "lift_everywhere" in used  # every query here is broad enough
    monkeypatch.setattr(numpy_match, "DENSE_SHARE", 0)
    monkeypatch.setattr(numpy_match, "LOPSIDED", 10 ** 9)
    used.clear()
    assert answer() == (ids, bits) and ids
    assert not used
    assert broad.search(SearchRequest(text)).total == len(ids)
