"""The commit's term directory finds a term's span in exactly the segments whose own tables have
it, tells a colliding hash from the term, and is built again for a new commit; entry by entry
and with every entry of a hash checked at once (term_directory.VECTOR_FROM), the same spans."""
import numpy as np
import pytest

from indexer.engine import SearchEngine, posting_arrays, term_directory
from indexer.engine.posting_arrays import StoredPostings
from indexer.engine.posting_cache import PostingCache
from indexer.engine.term_directory import TermDirectory
from indexer.ingest import ingest


def table(entries, complete=True, fields=("text",)):
    """A segment's term table from (key, hash, (start, end)) rows, in hash order."""
    entries = sorted(entries, key=lambda e: e[1])
    keys = b"".join(key for key, _, _ in entries)
    return StoredPostings(ids=np.arange(100, dtype=np.int32), weights=np.ones(100, dtype=np.float32),
                          hashes=np.array([h for _, h, _ in entries], dtype=np.uint64),
                          spans=np.array([span for _, _, span in entries], dtype=np.int64).reshape(-1, 2),
                          keys=np.frombuffer(keys, dtype=np.uint8),
                          key_ends=np.cumsum([len(key) for key, _, _ in entries]).astype(np.int64),
                          complete=complete, fields=frozenset(fields))


SEGMENTS = [
    table([(b"text\0tide", 7, (0, 3)), (b"text\0quay", 9, (3, 5))]),
    table([(b"text\0nets", 7, (0, 2)), (b"text\0tide", 20, (2, 4))]),  # 'nets' shares 'tide''s hash 7 there
    table([]),
    table([(b"text\0quay", 9, (0, 1)), (b"text\0nets", 7, (1, 6)), (b"text\0mast", 7, (6, 8))]),
]


# Entry by entry (VECTOR_FROM never reached) and all at once (from one entry on).
BOTH_WAYS = pytest.mark.parametrize("vector_from", [10 ** 9, 1])


@BOTH_WAYS
@pytest.mark.parametrize("key, hashed, expected", [
    (b"text\0tide", 7, {0: (0, 3)}),  # segment 1 has 7 for another word, and 'tide' under another hash
    (b"text\0tide", 20, {1: (2, 4)}),
    (b"text\0nets", 7, {1: (0, 2), 3: (1, 6)}),
    (b"text\0mast", 7, {3: (6, 8)}),  # the third entry of hash 7 in segment 3's table
    (b"text\0quay", 9, {0: (3, 5), 3: (0, 1)}),
    (b"text\0boat", 7, {}),  # the hash is there, the word is not
    (b"text\0boat", 11, {}),
    (b"text\0tides", 7, {}),  # a longer key under the hash: its first bytes are another word's
    (b"text\0tid", 7, {}),
])
def test_spans_are_where_each_segments_own_table_has_the_term(key, hashed, expected, vector_from, monkeypatch):
    monkeypatch.setattr(term_directory, "VECTOR_FROM", vector_from)
    directory = TermDirectory(SEGMENTS)
    assert directory.spans(key, hashed) == expected
    assert ("keys" in directory.__dict__) == (vector_from == 1 and hashed in (7, 9, 20))  # the way taken
    own = {n: t.find(key, hashed) for n, t in enumerate(SEGMENTS) if t.find(key, hashed) is not None}
    assert own == expected  # what each segment's own look-up says


@pytest.mark.parametrize("tables, fieldname, expected", [
    (SEGMENTS, "text", []),
    (SEGMENTS, "title", [0, 1, 2, 3]),
    ([table([]), table([], complete=False)], "text", [1]),  # older segments keep frequent terms only
])
def test_incomplete_segments_are_asked_one_by_one(tables, fieldname, expected):
    assert TermDirectory(tables).incomplete(fieldname) == expected


def test_many_segments_holding_a_term_and_its_colliders_are_told_apart():
    """A word in many segments, with another word of the same length under its hash in some."""
    tables = [table([(b"text\0tide", 7, (n, n + 2)), *([(b"text\0nets", 7, (0, 1))] if n % 3 == 0 else []),
                     (b"text\0quay", 9, (2 * n, 2 * n + 1))]) for n in range(20)]
    directory = TermDirectory(tables)
    assert directory.spans(b"text\0tide", 7) == {n: (n, n + 2) for n in range(20)}
    assert directory.spans(b"text\0nets", 7) == {n: (0, 1) for n in range(0, 20, 3)}
    assert "keys" in directory.__dict__  # 27 entries of hash 7: checked at once
    assert directory.spans(b"text\0boat", 7) == {}
    assert directory.found(b"text\0quay", 9) == (list(range(20)), [2 * n for n in range(20)],
                                                  [2 * n + 1 for n in range(20)])


@BOTH_WAYS
def test_every_term_of_a_real_index_is_found_where_its_segment_has_it(tmp_path, vector_from, monkeypatch):
    monkeypatch.setattr(term_directory, "VECTOR_FROM", vector_from)
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(6):
        (docs / f"d{n}.txt").write_text(f"Title: Note {n}\n\nThe tide turned at {n} and the quay was wet {n * 7}.\n",
                                        encoding="utf-8")
        if n % 2:
            ingest([docs], tmp_path / "ix")
    engine = SearchEngine(tmp_path / "ix")
    cache = PostingCache(engine.index_dir)
    try:
        with engine.lease() as (s, _):
            leaves = [leaf for leaf, _ in s.reader().leaf_readers()]
            ids = tuple(leaf.segment().segment_id() for leaf in leaves)
            assert len(ids) == 3
            directory = cache.directory(ids)
            assert cache.directory(ids) is directory  # once per commit
            checked = 0
            for leaf in leaves:
                for fieldname in ("text", "title", "speaker"):
                    for btext in leaf.lexicon(fieldname) if fieldname in leaf.schema else []:
                        key = posting_arrays.term_key(fieldname, btext)
                        hashed = posting_arrays.key_hash(key)
                        expected = {n: directory.stored[n].span(fieldname, btext) for n in range(3)}
                        assert directory.spans(key, hashed) == {n: span for n, span in expected.items() if span != (0, 0)}
                        checked += 1
            assert checked > 20
            assert ("keys" in directory.__dict__) == (vector_from == 1)  # built only when a look-up needs it
            cache.keep_only(frozenset(ids[1:]))  # as after a merge: the directory goes, its keys with it
            assert cache._directory is None
            again = cache.directory(ids)
            assert again is not directory
            assert "keys" not in again.__dict__  # lazy again for the new commit
    finally:
        engine.close()
