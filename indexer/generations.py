"""Which directory under INDEX_DIR holds the live archive, so a rebuild can be swapped in whole.

`flask ingest --rebuild` used to empty the live index first: readers saw a half-built archive (or
500s) for the whole rebuild, and a kill left it empty. Now a rebuild writes a complete archive
(Whoosh index, arrays, catalogue) into a new generation directory ``INDEX_DIR/gen-<n>/`` and
then replaces the one-line pointer file ``INDEX_DIR/CURRENT`` with os.replace, which is atomic:
a reader resolves the pointer once per request and sees the old archive or the new one, whole.
A kill before the replace leaves the old archive live (the half-built generation is removed by
the next writer); a kill after it leaves the new one. A power cut too: os.replace orders nothing on
disk, and Whoosh closes its segment files without fsync, so the swap first syncs every file and
folder of the new generation (and its entry in INDEX_DIR), and INDEX_DIR again after the rename.

An index never rebuilt has no pointer and lives in INDEX_DIR itself (the layout before
generations), so existing archives need no migration: their first rebuild moves them into one.

A retired generation is deleted once no reader is inside it: each request holds a shared flock
on the generation's READERS file (`reading`), the writer takes it exclusively before deleting
(`retire`). Whoosh opens some files lazily (columns, arrays), so "Linux keeps open files
readable" alone would not cover a request that straddles the swap.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from .stat_memo import StatMemo
from .write_lock import flock_within

POINTER = "CURRENT"
PREFIX = "gen-"
READERS = "READERS"
# A request is bounded by limits.SECONDS (10 s); a reader still inside after this is not waited for.
RETIRE_WAIT = 30.0
# What the layout before generations kept directly in INDEX_DIR (Whoosh's files, the engine's
# arrays, the format stamp, the catalogue): removed from there when its first rebuild is swapped in.
_ROOT_FOLDERS = ("postings", "facets")
_ROOT_FILES = ("FORMAT", "catalog.sqlite", "catalog.sqlite-journal", "catalog.sqlite-wal", "catalog.sqlite-shm",
               READERS)


class GenerationGone(Exception):
    """The generation a reader resolved was retired meanwhile: resolve the pointer again."""


class PointerBroken(Exception):
    """CURRENT names a generation that is not there: nothing may be removed until a person says
    which archive to keep (the next ingest deleted every other generation, the live archive and
    its citation history among them, and started an empty one under the missing name)."""


def broken_pointer(index_dir: Path) -> str | None:
    """What is wrong when the pointer names no generation that exists (a missing one, or no name
    at all: an emptied or garbled file), else None. Not for the root layout: once CURRENT exists,
    a swap has removed whatever lived in INDEX_DIR itself, so guessing it there would delete the rest."""
    index_dir = Path(index_dir)
    try:
        name = _pointer_name(index_dir)
    except OSError:
        name = ""  # a pointer that cannot be read names nothing either
    if name is None:
        return None
    if _is_generation(name) and (index_dir / name).is_dir():
        return None
    names = f"names {name}, which does not exist" if _is_generation(name) else "names no generation"
    others = sorted(path.name for path in index_dir.glob(f"{PREFIX}*") if path.is_dir())
    found = f"the folder holds {', '.join(others)}" if others else "the folder holds no generation"
    return (f"{index_dir / POINTER} {names} ({found}); write the name of the archive to keep into "
            f"{POINTER} (or remove {POINTER} if the archive is in {index_dir} itself)")


def live(index_dir: Path) -> Path:
    """The directory of the live archive: the pointer's generation, or INDEX_DIR itself."""
    index_dir = Path(index_dir)
    name = _pointer_name(index_dir)
    if name is None or not _is_generation(name):
        return index_dir  # no pointer; or one garbled by hand: the root layout is the safer guess to read
    return index_dir / name


def _pointer_name(index_dir: Path) -> str | None:
    """The name the pointer holds; None without a pointer, "" for bytes that are no name at all
    (not ASCII: was a 500 on every request). Other read errors are raised."""
    try:
        data = (index_dir / POINTER).read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        return data.decode("ascii").strip()
    except UnicodeDecodeError:
        return ""


def _is_generation(name: str) -> bool:
    return name.startswith(PREFIX) and "/" not in name


def begin(index_dir: Path) -> Path:
    """A new, empty generation directory to build a rebuild in (the caller holds the write lock).

    Generations no pointer names (a rebuild killed before its swap) are removed first.
    """
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    remove_stale(index_dir)
    numbers = [int(path.name[len(PREFIX):]) for path in index_dir.glob(f"{PREFIX}*") if path.name[len(PREFIX):].isdigit()]
    target = index_dir / f"{PREFIX}{max(numbers, default=0) + 1}"  # never a name a reader may still hold
    target.mkdir()
    (target / READERS).touch()
    return target


def swap(index_dir: Path, target: Path) -> Path:
    """Make `target` the live generation at once, durably; returns the directory that was live before.

    An OSError from a sync stops before the pointer moves: the old archive stays live.
    """
    index_dir = Path(index_dir)
    before = live(index_dir)
    sync_tree(target)
    sync(index_dir, os.O_DIRECTORY)  # the generation's own entry, before the pointer names it
    work = index_dir / f".{POINTER}.tmp"
    with open(work, "w", encoding="ascii") as f:
        f.write(f"{Path(target).name}\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(work, index_dir / POINTER)
    sync(index_dir, os.O_DIRECTORY)  # the rename itself: without it a power cut may bring the old pointer back
    return before


def make_folder(folder: Path) -> None:
    """Create `folder` and its missing parents, each synced into the folder above it.

    A first ingest's INDEX_DIR (and the instance folder around it) is otherwise an entry only in
    memory: every commit inside it is synced, yet a power cut after the ingest returned could take
    the whole archive with it (tests/test_power_cut.py). An existing folder costs one stat.
    """
    folder = Path(folder)
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    if not folder.is_dir():  # else mkdir's "File exists" or "Not a directory" names no cause a person sees
        raise NotADirectoryError(errno.ENOTDIR, "a file is where the archive's folder should be", str(folder))
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        sync(new.parent, os.O_DIRECTORY)


def sync_tree(folder: Path) -> None:
    """fsync every file under `folder`, then each directory after its contents, `folder` last.

    Also what the engine's commits use (indexer/engine/durable_commit.py, segment_files.replacing).
    """
    for root, _, files in os.walk(folder, topdown=False):
        for name in files:
            sync(os.path.join(root, name))
        sync(root, os.O_DIRECTORY)


def sync(path, flags: int = 0) -> None:
    """fsync one file, or a directory with `flags` os.O_DIRECTORY (its entries: creations, renames)."""
    try:
        fd = os.open(path, os.O_RDONLY | flags)  # Linux syncs through a read-only descriptor too
    except FileNotFoundError:
        return  # a temporary file its writer removed meanwhile: nothing of the archive
    try:
        os.fsync(fd)
    except OSError as err:
        err.filename = err.filename or str(path)  # `flask ingest` names the file in its Error: line
        raise
    finally:
        os.close(fd)


def retire(index_dir: Path, old: Path) -> None:
    """Delete a generation that is no longer live, after the readers inside it have left."""
    index_dir, old = Path(index_dir), Path(old)
    if old == live(index_dir):
        return
    if old == index_dir and not (index_dir / POINTER).exists():
        return  # never clear a folder that is not an archive with a pointer to its new generation
    with _exclusive(old):
        if old == index_dir:
            _remove_root_layout(index_dir)
        else:
            shutil.rmtree(old, ignore_errors=True)


def remove_stale(index_dir: Path) -> None:
    """Remove every generation (and old root-layout file) the pointer does not name; the caller
    holds the write lock. Left by a rebuild killed before or during its swap's cleanup; and the
    pointer a swap was writing when it stopped."""
    index_dir = Path(index_dir)
    current = live(index_dir)
    if not index_dir.is_dir():
        return
    broken = broken_pointer(index_dir)
    if broken:
        raise PointerBroken(broken)
    (index_dir / f".{POINTER}.tmp").unlink(missing_ok=True)  # a swap stopped before its rename (a full disk)
    for path in index_dir.iterdir():
        if path.name.startswith(PREFIX) and path.is_dir() and path != current:
            retire(index_dir, path)
    if current != index_dir:
        retire(index_dir, index_dir)
    if current.is_dir():
        (current / READERS).touch()  # what readers hold (reading); created by writers only


# Readers' view of each INDEX_DIR's pointer, (live directory, its READERS file): read again only
# when a stat of CURRENT changes (a swap replaces it; stat_memo says why one stat is enough).
# Writers, who hold the write lock, read the pointer itself (live).
_pointers = StatMemo()


def _pointed_at(index_dir: Path) -> tuple[Path, str]:
    current = live(index_dir)
    return current, os.path.join(current, READERS)


@contextmanager
def reading(index_dir: Path):
    """The live generation's directory, kept from deletion until the block ends.

    GenerationGone when the generation was retired between reading the pointer and locking it.
    """
    pointer = os.path.join(index_dir, POINTER)
    current, readers = _pointers.get(pointer, lambda: _pointed_at(index_dir))
    try:
        fd = os.open(readers, os.O_RDONLY)  # never created here: readers write nothing
    except FileNotFoundError:
        if current != live(index_dir) or not current.is_dir():
            raise GenerationGone(str(current)) from None
        yield current  # an archive no ingest of this version has written yet: none can retire it either
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            raise GenerationGone(str(current)) from None  # being retired right now
        if current != _pointers.get(pointer, lambda: _pointed_at(index_dir))[0]:
            raise GenerationGone(str(current))  # swapped between the two reads: it is on its way out
        yield current
    finally:
        os.close(fd)


@contextmanager
def _exclusive(folder: Path):
    try:
        fd = os.open(folder / READERS, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        flock_within(fd, RETIRE_WAIT, pause=0.05)  # else go on: a stuck reader must not keep two archives on disk forever
        yield
    finally:
        os.close(fd)


def _remove_root_layout(index_dir: Path) -> None:
    """Whoosh's files, arrays, format stamp and catalogue of an archive kept in INDEX_DIR itself."""
    for path in index_dir.iterdir():
        whoosh_file = path.is_file() and (path.name.startswith("_MAIN_") or path.name.startswith("MAIN_"))
        if path.name in _ROOT_FOLDERS and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif whoosh_file or path.name in _ROOT_FILES:
            path.unlink(missing_ok=True)
