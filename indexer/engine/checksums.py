"""Checksums of the array files the engine writes beside Whoosh's, so damage is seen, not served.

A zero-filled posting array or a garbled facet array otherwise loads fine and answers with wrong
counts. Every folder the engine writes (segment_files.replacing) is sealed with a manifest of
each file's size and CRC-32 just before it appears; readers call `problems` before trusting a
folder. A new kind of array file needs nothing when written through `replacing`; written any
other way, one `seal(folder)` after writing registers it.
"""
from __future__ import annotations

import json
import logging
import threading
import zlib
from pathlib import Path

MANIFEST = "checksums.json"
CHUNK = 1 << 20
log = logging.getLogger(__name__)
_damaged: set[tuple] = set()
_lock = threading.Lock()


def seal(folder: Path) -> None:
    """Write the manifest of every file now in `folder` (the manifest itself excepted)."""
    folder = Path(folder)
    sums = {path.name: _sum(path) for path in sorted(folder.iterdir()) if path.is_file() and path.name != MANIFEST}
    (folder / MANIFEST).write_text(json.dumps(sums, indent=0, sort_keys=True), encoding="utf-8")


def problems(folder: Path) -> list[str]:
    """What is wrong with `folder`'s files against its manifest; [] when all match."""
    folder = Path(folder)
    try:
        expected = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [f"{folder.name}: no {MANIFEST} (written before checksums, or deleted)"]
    except (OSError, ValueError):
        return [f"{folder.name}: {MANIFEST} is unreadable"]
    found = []
    for name, (size, crc) in expected.items():
        path = folder / name
        try:
            if [size, crc] != list(_sum(path)):
                found.append(f"{folder.name}/{name}: checksum mismatch")
        except OSError:
            found.append(f"{folder.name}/{name}: missing")
    return found


def trusted(folder: Path) -> bool:
    """True when `folder` exists and its files match their manifest; logs what is wrong otherwise.

    A damaged folder is remembered per manifest file (inode and mtime), so it is not hashed again
    on every search; a rewritten one has a new manifest and is verified afresh. A sound verdict
    is not remembered: damage done later must still be seen.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return False
    try:
        info = (folder / MANIFEST).stat()
        key = (str(folder), info.st_ino, info.st_mtime_ns)
    except OSError:
        key = None
    with _lock:
        if key in _damaged:
            return False
    found = problems(folder)
    if found and key:
        with _lock:
            if len(_damaged) > 10_000:
                _damaged.clear()
            _damaged.add(key)
    if found:
        log.warning("Not using damaged arrays (%s); answering from Whoosh instead. `flask check --repair` rewrites them.",
                    "; ".join(found))
    return not found


def _sum(path: Path) -> tuple[int, int]:
    crc, size = 0, 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            crc, size = zlib.crc32(chunk, crc), size + len(chunk)
    return size, crc
