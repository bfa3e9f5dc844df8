"""The one way the indexer reads a document's bytes, and how it names a file in text.

Every read (ingest's hashing, parsing, `flask extract`, the benchmark corpus) goes through
``read_bytes``, so the same rules hold everywhere: only regular files are read (a FIFO would
block forever, a link to /dev/zero would fill memory), and the size is checked before reading.

File names on Linux are bytes, not text. A name that is not valid UTF-8 (``caf\\xe9.txt`` written
by a Latin-1 system) reaches Python with lone surrogates, which SQLite, JSON and web pages all
refuse; ``stored_name`` turns it into text that they accept and that maps back to the file.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

# One limit for every document: a larger text file is almost always a dump or a log, and the
# indexer holds a document's text, passages and quotes in memory at once (about 6x its size).
MAX_BYTES = 64 * 1024 * 1024
MAX_MB = MAX_BYTES // (1024 * 1024)


class UnreadableFile(Exception):
    """A file the indexer skips, with the reason it gives the person running it."""


_KINDS = [(stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The whole file, or UnreadableFile saying why not.

    Opened without blocking (opening a FIFO for reading otherwise waits for a writer), then
    checked on the open descriptor, so a file swapped for a device after the check is refused too.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise UnreadableFile(err.strerror or str(err)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            raise UnreadableFile(f"{kind}, not a document file; skipped")
        if info.st_size > limit:
            raise UnreadableFile(f"larger than {limit // (1024 * 1024)} MB ({info.st_size / 2**20:.0f} MB); "
                                 "split it or leave it out")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)  # a file growing while it is read still stops at the limit
    except OSError as err:
        raise UnreadableFile(err.strerror or str(err)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UnreadableFile(f"larger than {limit // (1024 * 1024)} MB; split it or leave it out")
    return data


def stored_name(path: Path | str) -> str:
    """The path as valid text: itself when it is, else its undecodable bytes written as \\xNN.

    ``caf\\xe9.txt`` names the file in the catalogue, JSON and pages; ``path_of`` maps it back.
    """
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


_ESCAPED_BYTE = re.compile(r"\\x([89a-f][0-9a-f])")  # backslashreplace escapes only bytes >= 0x80


def path_of(name: str) -> Path:
    """The file a ``stored_name`` names (the name itself when no such escaped file exists)."""
    plain = Path(name)
    if "\\x" not in name or plain.exists():
        return plain
    return Path(_ESCAPED_BYTE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), name))  # surrogateescape
