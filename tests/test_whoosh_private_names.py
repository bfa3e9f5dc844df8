"""Every private Whoosh name the engine relies on, in one place: an upgrade that renames one fails here.

indexer/engine/ reads these (posting_arrays, numpy_match, whoosh_patches, ingest's merge); a
renamed one would otherwise make terms match nothing or lengths read as zero, with no error.
"""
import shutil

import pytest
import whoosh
from whoosh import index as whoosh_index, multiproc, system, writing
from whoosh.codec import whoosh3
from whoosh.filedb.filestore import FileStorage

from indexer.engine import whoosh_patches

# (owner, name) read or replaced on a class or module.
ON_CLASSES = [
    (whoosh3, "_lenfield"),
    (whoosh3, "LENGTHS_COLUMN"),
    (system, "_INT_SIZE"),
    (whoosh3.W3PerDocReader, "_cached_reader"),
    (whoosh3.W3PerDocReader, "doc_field_length"),
    (whoosh3.W3FieldWriter, "add_postings"),
    (whoosh3.W3FieldWriter, "close"),
    (whoosh3.W3PostingsWriter, "_write_block"),  # term_postings fills the blocks it writes
    (whoosh3.W3LeafMatcher, "_read_data"),
    (whoosh3.W3LeafMatcher, "_next_block"),
    (writing.PostingPool, "add"),
    (writing.SegmentWriter, "add_document"),  # document_writer's copy calls the four below
    (writing.SegmentWriter, "_check_state"),
    (writing.SegmentWriter, "_doc_boost"),
    (writing.SegmentWriter, "_field_boost"),
    (writing.SegmentWriter, "_check_fields"),
    (writing.SegmentWriter, "_finish"),  # IndexWriter.cancel: a cancel that failed on a full disk
    (writing.PostingPool, "save"),
    (multiproc.SubWriterTask, "run"),
    (whoosh_index.TOC, "write"),  # durable_commit.write_toc: through storage.create_file and rename_file
]


@pytest.mark.parametrize("owner, name", ON_CLASSES, ids=[f"{o.__name__}.{n}" for o, n in ON_CLASSES])
def test_private_name_exists(owner, name):
    assert hasattr(owner, name), f"Whoosh no longer has {owner.__name__}.{name}"


@pytest.fixture()
def index(built_index, tmp_path):
    copy = tmp_path / "index"
    shutil.copytree(built_index, copy)
    whoosh_patches.install()
    return FileStorage(str(copy)).open_index()


def test_readers_and_matchers_keep_their_private_attributes(index):
    assert index._segments()
    with index.searcher() as s:
        leaf = next(leaf for leaf, _ in s.reader().leaf_readers())
        perdoc = leaf._perdoc
        for name in ("_readers", "_doccount"):
            assert hasattr(perdoc, name), name
        column = perdoc._cached_reader(whoosh3._lenfield("text"), whoosh3.LENGTHS_COLUMN)
        for name in ("_dbfile", "_basepos", "_count"):
            assert hasattr(column, name), name
        btext = next(iter(leaf.lexicon("text")))
        matcher = leaf._terms.matcher("text", btext, leaf.schema["text"].format)
        assert isinstance(matcher, whoosh3.W3LeafMatcher)
        for name in ("_byteids", "_data", "_blocklength", "_maxid"):
            assert hasattr(matcher, name), name


def test_writers_keep_their_private_attributes(index):
    writer = index.writer()
    try:
        for name in ("fieldnames", "currentsize", "limit", "current"):
            assert hasattr(writer.pool, name), name
        for name in ("perdocwriter", "pool", "docnum", "_added"):
            assert hasattr(writer, name), name
        assert isinstance(writer.fieldwriter, whoosh3.W3FieldWriter)
        for name in ("_storage", "_segment"):
            assert hasattr(writer.fieldwriter, name), name
        # term_postings: a term's postings go straight into the postings writer's block.
        fieldwriter = writer.fieldwriter
        fieldwriter.start_field("text", index.schema["text"])
        fieldwriter.start_term(b"word")
        postwriter = fieldwriter._postwriter
        for name in ("_blocklimit", "_ids", "_weights", "_values", "_maxweight", "_minlength", "_maxlength"):
            assert hasattr(postwriter, name), name
        assert writer.storage.folder
    finally:
        writer.cancel()


def test_install_refuses_another_whoosh_by_name(monkeypatch):
    monkeypatch.setattr(whoosh_patches, "_installed", False)
    monkeypatch.setattr(whoosh, "versionstring", lambda: "2.7.9")
    with pytest.raises(whoosh_patches.WhooshVersionError, match=r"2\.7\.5 and found 2\.7\.9"):
        whoosh_patches.install()


def test_installed_whoosh_is_the_one_written_for():
    assert whoosh.versionstring() == whoosh_patches.WRITTEN_FOR
