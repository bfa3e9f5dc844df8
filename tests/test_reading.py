"""Reading a document's bytes: regular files only, the size checked first, names made text."""
import os
import time
from pathlib import Path

import pytest

from indexer.loading import load
from indexer.reading import MAX_BYTES, UnreadableFile, path_of, read_bytes, stored_name


def _regular(folder: Path) -> Path:
    path = folder / "story.txt"
    path.write_bytes(b"The harbour reopened on Monday.\n")
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _dev_zero_link(folder: Path) -> Path:
    path = folder / "zero.txt"
    path.symlink_to("/dev/zero")
    return path


def _folder(folder: Path) -> Path:
    path = folder / "sub.txt"
    path.mkdir()
    return path


def _link_to_regular(folder: Path) -> Path:
    path = folder / "link.txt"
    path.symlink_to(_regular(folder))
    return path


@pytest.mark.parametrize("make, reason", [
    (_fifo, "named pipe"),
    (_dev_zero_link, "character device"),
    (_folder, "folder"),
    (lambda folder: folder / "absent.txt", "No such file"),
])
def test_special_files_are_refused_at_once(tmp_path, make, reason):
    path = make(tmp_path)
    started = time.perf_counter()
    with pytest.raises(UnreadableFile, match=reason):
        read_bytes(path)
    assert time.perf_counter() - started < 2  # a FIFO's open used to wait for a writer forever


@pytest.mark.parametrize("make", [_regular, _link_to_regular])
def test_regular_files_and_links_to_them_are_read(tmp_path, make):
    assert read_bytes(make(tmp_path)) == b"The harbour reopened on Monday.\n"


def test_the_size_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    with pytest.raises(UnreadableFile, match="larger than"):
        read_bytes(path, limit=1000)
    assert len(read_bytes(path, limit=1500)) == 1500


def test_load_keeps_to_the_one_limit(tmp_path):
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as stream:  # sparse: 64 MB + 1 byte without writing them
        stream.truncate(MAX_BYTES + 1)
    with pytest.raises(UnreadableFile, match="larger than 64 MB"):
        load(path)


@pytest.mark.parametrize("raw, expected", [
    (b"caf\xe9.txt", "caf\\xe9.txt"),
    (b"\xff\xfe.txt", "\\xff\\xfe.txt"),
    ("café.txt".encode(), "café.txt"),
    (b"plain.txt", "plain.txt"),
])
def test_names_that_are_not_utf8_become_text_and_map_back(tmp_path, raw, expected):
    path = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), raw)))
    path.write_bytes(b"Some words.\n")
    name = stored_name(path)
    assert name == os.path.join(str(tmp_path), expected)
    name.encode("utf-8")  # SQLite, JSON and pages accept it
    assert path_of(name) == path and path_of(name).exists()
