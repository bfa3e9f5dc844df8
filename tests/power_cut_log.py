"""A log of what a folder looks like around every file-system call that orders data on disk.

The power-cut test (tests/test_power_cut.py) needs, for every moment of an ingest, two views of
the folder it writes: what the folder holds now (as a SIGKILL would leave it) and what has
reached the disk for sure (what fsync made durable). `DiskRecorder` wraps, in this process, the
calls that change either: os.fsync / os.fdatasync (a file's bytes, or a directory's entries,
become durable), os.rename / os.replace, os.unlink / os.remove, os.mkdir (os.makedirs and
Path.mkdir go through it), os.rmdir (shutil.rmtree's too, with dir_fd), and the catalogue's
commits. Around each call it takes a `Point`: the folder's tree (directory -> name -> node), each
file's bytes, and what was last synced.

Writes are not wrapped one by one: Whoosh writes through Python file objects, numpy's np.save
through C (ndarray.tofile), so no wrapper sees them all. They need not be seen: a file created
or written between two wrapped calls is in the tree at the second call's first Point, and until
an fsync its bytes count as lost anyway (the model's worst case) or as they are then.

Files are known by node, not path: a node is an inode from the moment it appears in the tree, so
a folder renamed into place keeps its synced bytes; an inode missing from the previous Point's
tree is a new node, so a number the file system reuses after a deletion (a Point of its own, in
this process) is not mistaken for the file deleted.

The multiprocess writer's sub-writers are forked with the wrappers in place: each of their fsyncs
is reported (inode and bytes, or a folder's entries) through a file outside the root, and counted
from the recording process's next Point on; their other calls simply show in that Point's tree.

SQLite writes the catalogue through its own C code and fsyncs it itself; it is atomic at its
commits (rollback journal, synchronous=EXTRA). So the catalogue is not part of the tree: each
Point holds every catalogue's last committed bytes (read through a read-only connection, which
sees committed data only), and Catalog.commit is wrapped so that every commit is a Point.
"""
from __future__ import annotations

import fcntl
import itertools
import os
import pickle
import sqlite3
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from indexer.catalog import CATALOG_NAME, Catalog


@dataclass(frozen=True)
class Point:
    """The folder at one moment of the recording."""
    label: str                                  # the call it was taken before or after
    step: str                                   # that call: "rename", "sync-file", "sync-folder", "commit" ...
    after: bool                                 # taken after it (else just before)
    root: int                                   # the root folder's node
    entries: Mapping[int, Mapping[str, int]]    # every directory now: node -> {name: node}
    data: Mapping[int, bytes]                   # every file now: node -> bytes
    synced_entries: Mapping[int, Mapping[str, int]]  # each directory as its last fsync saw it
    synced_data: Mapping[int, bytes]            # each file's bytes at its last fsync
    catalogues: Mapping[str, bytes]             # path under the root -> last committed database
    directories: frozenset[int]                 # every node seen as a directory so far


class DiskRecorder:
    """`with DiskRecorder(root) as log:` records every Point of what the block does under `root`.

    What is in `root` when the block starts counts as durable (a folder fully synced before).
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self.points: list[Point] = []
        self._node_of: dict[tuple[int, int], int] = {}
        self._new_node = itertools.count()
        self._seen: set[tuple[int, int]] = set()  # inodes in the last tree taken
        self._read: dict[int, tuple[tuple, bytes]] = {}  # node -> ((size, mtime, ctime), bytes)
        self._catalogue_read: dict[str, tuple[bytes, bytes]] = {}  # path -> change counter, bytes
        self._synced_entries: dict[int, dict[str, int]] = {}
        self._synced_data: dict[int, bytes] = {}
        self._saved: dict[str, object] = {}
        self._directories: set[int] = set()
        self._pid = os.getpid()
        handle, self._children_log = tempfile.mkstemp(prefix="power-cut-sub-writers-")  # outside the root
        os.close(handle)
        self._children_read = 0

    def __enter__(self) -> "DiskRecorder":
        entries, data, catalogues = self._tree()
        self._synced_entries = {node: dict(names) for node, names in entries.items()}
        self._synced_data = dict(data)
        self._point("start", "start", True, entries, data, catalogues)
        self._install()
        return self

    def __exit__(self, *exc) -> None:
        for name, real in self._saved.items():
            if name == "commit":
                Catalog.commit = real
            else:
                setattr(os, name, real)
        self._saved.clear()
        self._take("end", "end", True)
        os.unlink(self._children_log)

    # the wrapped calls
    def _install(self) -> None:
        for name in ("rename", "replace", "unlink", "remove", "mkdir", "rmdir"):
            self._saved[name] = getattr(os, name)
            setattr(os, name, self._around(name, getattr(os, name)))
        for name in ("fsync", "fdatasync"):
            self._saved[name] = getattr(os, name)
            setattr(os, name, self._syncing(name, getattr(os, name)))
        self._saved["commit"] = Catalog.commit
        commit = Catalog.commit

        def recorded_commit(catalog):
            commit(catalog)
            self._take("after catalogue commit", "commit", True)
        Catalog.commit = recorded_commit

    def _around(self, name: str, real):
        def call(path, *args, **kwargs):
            if os.getpid() != self._pid:  # a sub-writer: its calls show in this process's next Point
                return real(path, *args, **kwargs)
            where = _described(path, kwargs.get("dir_fd"))
            if name in ("rename", "replace"):
                where += f" -> {os.fsdecode(args[0] if args else kwargs['dst'])}"
            self._take(f"before {name} {where}", name, False)
            try:
                return real(path, *args, **kwargs)
            finally:
                self._take(f"after {name} {where}", name, True)
        return call

    def _syncing(self, name: str, real):
        def call(fd):
            if os.getpid() != self._pid:
                real(fd)
                self._tell_parent(fd)
                return
            entries, data, catalogues = self._tree()
            found = os.fstat(fd)
            key = (found.st_dev, found.st_ino)
            if key not in self._seen:
                return real(fd)  # a file outside the folder (a temporary of Whoosh's pool, the lock beside it)
            node = self._node_of[key]
            step = "sync-folder" if node in entries else "sync-file"
            where = os.readlink(f"/proc/self/fd/{fd}")
            self._point(f"before {name} {where}", step, False, entries, data, catalogues)
            real(fd)
            entries, data, catalogues = self._tree()
            if step == "sync-folder":
                self._synced_entries[node] = dict(entries[node])
            else:
                self._synced_data[node] = data[node]
            self._point(f"after {name} {where}", step, True, entries, data, catalogues)
        return call

    # taking Points
    def _take(self, label: str, step: str, after: bool) -> None:
        self._point(label, step, after, *self._tree())

    def _point(self, label, step, after, entries, data, catalogues) -> None:
        self._hear_children()
        self.points.append(Point(label, step, after, self._node(os.stat(self.root)), entries, data,
                                 {node: dict(names) for node, names in self._synced_entries.items()},
                                 dict(self._synced_data), catalogues, frozenset(self._directories)))

    # the multiprocess writer's sub-writers (forked with these wrappers in place)
    def _tell_parent(self, fd: int) -> None:
        """In a sub-writer: what this fsync made durable, for the recording process to read."""
        found = os.fstat(fd)
        where = os.readlink(f"/proc/self/fd/{fd}")
        if stat.S_ISDIR(found.st_mode):
            payload = {}
            with os.scandir(where) as listing:
                for entry in listing:
                    if not entry.name.startswith(CATALOG_NAME):
                        child = entry.stat(follow_symlinks=False)
                        payload[entry.name] = (child.st_dev, child.st_ino)
        else:
            with open(where, "rb") as f:
                payload = f.read()
        record = pickle.dumps(((found.st_dev, found.st_ino), stat.S_ISDIR(found.st_mode), payload))
        out = os.open(self._children_log, os.O_WRONLY | os.O_APPEND)
        try:
            fcntl.flock(out, fcntl.LOCK_EX)  # two sub-writers append
            os.write(out, len(record).to_bytes(8, "little") + record)
        finally:
            os.close(out)

    def _hear_children(self) -> None:
        """Apply the sub-writers' fsyncs since the last Point. A sync is counted from the first
        Point after it, never before: a cut between the two loses it, as if it had not happened."""
        with open(self._children_log, "rb") as f:
            fcntl.flock(f, fcntl.LOCK_SH)
            f.seek(self._children_read)
            written = f.read()
        at = 0
        while at + 8 <= len(written):
            size = int.from_bytes(written[at:at + 8], "little")
            key, is_dir, payload = pickle.loads(written[at + 8:at + 8 + size])
            at += 8 + size
            if key not in self._seen:
                continue  # gone from the folder since: left as never synced, the more pessimistic
            node = self._node_of[key]
            if is_dir:  # its entries whose files are still in the folder (others: as if not synced)
                self._synced_entries[node] = {name: self._node_of[k] for name, k in payload.items() if k in self._seen}
            else:
                self._synced_data[node] = payload
        self._children_read += at

    def _node(self, found: os.stat_result) -> int:
        key = (found.st_dev, found.st_ino)
        if key not in self._seen or key not in self._node_of:
            self._node_of[key] = next(self._new_node)
        return self._node_of[key]

    def _tree(self):
        """(directory entries, file bytes, catalogues) of the folder now; nodes for new inodes."""
        entries: dict[int, dict[str, int]] = {}
        data: dict[int, bytes] = {}
        catalogues: dict[str, bytes] = {}
        seen: set[tuple[int, int]] = set()
        root_stat = os.stat(self.root)
        seen.add((root_stat.st_dev, root_stat.st_ino))
        pending = [(self.root, self._node(root_stat))]
        while pending:
            folder, folder_node = pending.pop()
            names = entries[folder_node] = {}
            with os.scandir(folder) as listing:
                for entry in listing:
                    if entry.name.startswith(CATALOG_NAME):  # SQLite's own: see the module docstring
                        if entry.name == CATALOG_NAME:
                            relative = os.path.relpath(entry.path, self.root)
                            catalogues[relative] = self._committed(relative, entry.path)
                        continue
                    found = entry.stat(follow_symlinks=False)
                    node = self._node(found)
                    seen.add((found.st_dev, found.st_ino))
                    names[entry.name] = node
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((Path(entry.path), node))
                    else:
                        data[node] = self._bytes(node, entry.path, found)
        self._seen = seen
        self._directories.update(entries)
        return entries, data, catalogues

    def _bytes(self, node: int, path: str, found: os.stat_result) -> bytes:
        # Files here are written once: a rewrite of the same size within one tick of the clock
        # would be missed, and none is made.
        stamp = (found.st_size, found.st_mtime_ns, found.st_ctime_ns)
        known = self._read.get(node)
        if known is None or known[0] != stamp:
            with open(path, "rb") as f:
                known = self._read[node] = (stamp, f.read())
        return known[1]

    def _committed(self, relative: str, path: str) -> bytes:
        with open(path, "rb") as f:
            counter = f.read(28)[24:28]  # SQLite's file change counter: every commit moves it
        known = self._catalogue_read.get(relative)
        if known is None or known[0] != counter or not counter:
            reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                known = self._catalogue_read[relative] = (counter, reader.serialize())
            finally:
                reader.close()
        return known[1]


def _described(path, dir_fd: int | None) -> str:
    if dir_fd is not None:
        return os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), os.fsdecode(path))
    return os.fsdecode(path)
