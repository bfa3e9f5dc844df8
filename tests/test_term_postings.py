"""term_postings writes a segment a term at a time, and document_writer pools a field's postings at
once: the same files, byte for byte, as Whoosh's posting-at-a-time loops with the capture around
them, and the same captured arrays."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from whoosh.codec import whoosh3
from whoosh.writing import PostingPool, SegmentWriter

import indexer.ingest as ingest_module
from indexer.engine import document_writer, posting_arrays, position_arrays, term_postings, whoosh_patches

DOC = "Title: Shift report {n}\nSource: {source}\n\n{body}\n"
# Some words in every document (more than a block of 128 postings), some once, some repeated
# (several positions), lengths that vary (different length bytes per block).
SENTENCES = [
    "The river rose overnight and the river crossed the road.",
    "Crews worked on the levee until dawn, said the foreman.",
    "Nobody was hurt; the levee held and the levee was patched again and again and again.",
    "A second crew from {place} arrived with sandbags.",
]
PLACES = ["Ashford", "Brill", "Carrow", "Dunmore", "Elston"]


def write_docs(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        body = " ".join(SENTENCES[k].format(place=PLACES[n % len(PLACES)]) for k in range(n % 4 + 1))
        paragraphs = "\n\n".join([body] * (n % 3 + 1)) + f"\n\nEntry {n} closes with word{n}."
        (folder / f"report_{n:03d}.txt").write_text(
            DOC.format(n=n, source=f"Desk {n % 7}", body=paragraphs), encoding="utf-8")


def segment_files(index_dir: Path) -> dict[str, bytes]:
    """Every file of the index's one segment (inside its compound file) and of its arrays, by name
    with the segment id taken out. The compound file itself is not compared: its directory is a
    pickled dict whose order differs from one run of Whoosh to the next."""
    from whoosh.filedb.compound import CompoundStorage
    from whoosh.filedb.filestore import FileStorage

    (segment_id,) = [p.name for p in (index_dir / posting_arrays.FOLDER).iterdir()]
    files = {}
    for path in sorted((index_dir / posting_arrays.FOLDER / segment_id).iterdir()):
        if path.name != "checksums.json":  # it names the folder's files, with their times
            files["postings/" + path.name] = path.read_bytes()
    compound = CompoundStorage(FileStorage(str(index_dir)).open_file(f"{segment_id}.seg"), use_mmap=False)
    for name in compound._dir:
        with compound.open_file(name) as part:
            files[name.replace(segment_id, "SEGMENT")] = part.read(compound.file_length(name))
    return files


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    folder = tmp_path_factory.mktemp("term_postings")
    write_docs(folder / "docs", 170)
    whoosh_patches.install()
    patch = pytest.MonkeyPatch()
    patch.setattr(ingest_module, "PARALLEL_FROM_DOCS", 10**9)  # one writer, one segment each
    try:
        assert ingest_module.ingest([folder / "docs"], folder / "ours").failed == 0
        patch.setattr(whoosh3.W3FieldWriter, "add_postings", posting_arrays.capturing_add_postings)
        patch.setattr(SegmentWriter, "add_document", document_writer.whoosh_add_document)
        patch.setattr(PostingPool, "iter_postings", document_writer._whoosh_iter_postings)
        assert ingest_module.ingest([folder / "docs"], folder / "whooshs").failed == 0
    finally:
        patch.undo()
    return folder / "ours", folder / "whooshs"


def test_installed_on_the_segment_writer():
    whoosh_patches.install()
    assert whoosh3.W3FieldWriter.add_postings is term_postings.add_postings
    assert SegmentWriter.add_document is document_writer.add_document
    assert PostingPool.iter_postings is document_writer.sorted_postings


class Pool:  # what sorted_postings reads of a PostingPool
    def __init__(self, current):
        self.current, self.runs = current, []


@pytest.mark.parametrize("documents", [
    [["b", "a"], ["a", "c"], ["c", "b", "a"]],
    [["x"], [], ["x", "y"], ["y"], ["x"]],
    [[]],
])
def test_the_pool_sorts_as_whoosh_sorts_it(documents):
    # Postings pooled document after document, fields in order, each (field, term) once per document.
    current = [(field, term.encode(), docnum, 1.0, b"")
               for docnum, terms in enumerate(documents) for field in ("title", "text") for term in terms]
    assert document_writer.sorted_postings(Pool(current)) == sorted(current)


def test_postings_out_of_document_order_are_refused(tmp_path):
    from whoosh.filedb.filestore import FileStorage
    from indexer.engine.schema import make_schema

    writer = FileStorage(str(tmp_path)).create_index(make_schema()).writer()
    try:
        items = [("text", b"word", 3, 1.0, None), ("text", b"word", 1, 1.0, None)]
        with pytest.raises(ValueError, match="out of document order"):
            term_postings.add_postings(writer.fieldwriter, writer.schema, None, iter(items))
    finally:
        writer.cancel()


def test_the_segment_is_written_byte_for_byte_as_whoosh_writes_it(both):
    ours, whooshs = (segment_files(d) for d in both)
    assert sorted(ours) == sorted(whooshs)
    assert {"SEGMENT.pst", "SEGMENT.trm", "postings/ids.npy", "postings/position_gaps.npy"} <= set(ours)
    different = [name for name in ours if ours[name] != whooshs[name]]
    assert different == []


def test_the_corpus_has_terms_over_several_blocks_and_repeated_words(both):
    from whoosh.filedb.filestore import FileStorage

    with FileStorage(str(both[0])).open_index().searcher() as s:
        assert s.doc_frequency("text", "river") > 128
        matcher = s.postings("text", "again")
        assert max(len(matcher.value_as("positions")) for _ in [0]) > 1


@pytest.mark.parametrize("fieldname, values, gaps, starts", [
    ("text", [None, b""], [], [0, 0, 0]),
    ("doc", [b"x", b"y"], [], [0, 0, 0]),
])
def test_a_terms_positions_are_kept_as_posting_by_posting(fieldname, values, gaps, starts):
    capture = position_arrays.PositionCapture()
    capture.add_term(fieldname, values)
    assert list(capture.gaps) == gaps and list(capture.starts) == starts


@pytest.mark.parametrize("where", [[[3], [0], [7]], [[3], [1, 4], [2]], [[5000]], [[2, 9, 11]], []])
def test_add_term_keeps_what_add_keeps(where):
    from whoosh.formats import Positions

    values = [Positions().encode(w) for w in where]
    one_by_one, at_once = position_arrays.PositionCapture(), position_arrays.PositionCapture()
    for value in values:
        one_by_one.add("text", value)
    at_once.add_term("text", values)
    assert list(at_once.gaps) == list(one_by_one.gaps)
    assert list(at_once.starts) == list(one_by_one.starts)
    assert np.array_equal(np.frombuffer(at_once.starts, dtype=np.int64), np.frombuffer(one_by_one.starts, dtype=np.int64))
