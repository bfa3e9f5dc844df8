"""How the catalogue names a document's file, so that the name means the same from any folder.

A row's path is the file's absolute name (``os.path.abspath``, not ``resolve()``: a symlinked
folder keeps the name the user gave it), so `flask ingest --prune` run from another folder finds
the same files. The path is the catalogue's own: no page, export or API shows it.

Archives written before kept the path as typed, relative to wherever ingest ran ("legacy" rows).
A relative name is read from the current folder when it names a file here. When it names nothing
here, the row may be elsewhere or gone: it is the same document as an absolute file whose name ends
with the relative one (``samples/a.txt`` and ``/proj/samples/a.txt``). It is shown gone only when
this folder is evidently the one it was typed in: the ingest walks a folder that would hold it
(``ingest --prune samples`` run here), or the archive holds documents of the folder its first part
names from here. Otherwise --prune keeps it and says why. Both read "samples" as this folder's
samples/: an archive that once took a relative "samples" from two folders cannot be told apart.
"""
from __future__ import annotations

import os
from pathlib import Path

from .reading import path_of, stored_name

PRESENT, GONE, UNKNOWN = "present", "gone", "unknown"


def stored_path(path: Path | str) -> str:
    """The name the catalogue keeps for ``path``: absolute, as valid text (reading.stored_name)."""
    return stored_name(os.path.abspath(path))


def is_legacy(stored: str) -> bool:
    """A row written before paths were stored absolute: relative to a folder nobody recorded."""
    return not os.path.isabs(stored)


def names_file(stored: str, path: Path) -> bool:
    """True when the catalogue's ``stored`` name is this file: the same name, the same file by
    another name, or a legacy relative name found nowhere here whose parts end this file's name."""
    if stored == stored_path(path):
        return True
    if _same_file(stored, path):
        return True
    return is_legacy(stored) and not path_of(stored).exists() and _ends_with(stored_path(path), stored)


def same_document(stored: str, path: Path) -> bool:
    """A row with this file's id and content is this file's document when it names this file, or
    when its absolute name names nothing any more (its folder moved: the document moved with it)."""
    return names_file(stored, path) or (not is_legacy(stored) and not path_of(stored).exists())


def renamed(stored: str, path: Path) -> bool:
    """True when such a row should now carry this file's name: an old relative one, or one whose file is gone
    (a row naming this same file through a symlinked folder keeps the name it was given)."""
    return stored != stored_path(path) and (is_legacy(stored) or not path_of(stored).exists())


def another_file(stored: str, path: Path) -> bool:
    """True when the catalogued file still exists and is not ``path`` (business/001 and sport/001)."""
    return not names_file(stored, path) and path_of(stored).exists()


def _same_file(stored: str, path: Path) -> bool:
    try:
        return os.path.samefile(path_of(stored), path)
    except OSError:
        return False


def _parts(name: str) -> list[str]:
    """A relative name's parts below its leading '..'s: '../data/a.txt' -> ['data', 'a.txt']."""
    parts = os.path.normpath(name).split(os.sep)
    while parts and parts[0] in ("..", "."):
        parts.pop(0)
    return parts


def _ends_with(absolute: str, relative: str) -> bool:
    tail = _parts(relative)
    return bool(tail) and absolute.split(os.sep)[-len(tail):] == tail


def legacy_folder(stored: str) -> str | None:
    """The absolute folder a legacy row's first part names from here: 'samples/a.txt' -> '<cwd>/samples'."""
    normal = os.path.normpath(stored).split(os.sep)
    ups = 0
    while ups < len(normal) and normal[ups] == "..":
        ups += 1
    if ups + 1 >= len(normal):
        return None  # a bare file name ('a.txt'): no folder to find other documents in
    return os.path.abspath(os.sep.join(normal[:ups + 1]))


class Whereabouts:
    """Whether each catalogued file is present, gone, or (a legacy row) cannot be told from here.

    ``holds_documents_under(folder)`` answers whether the archive has absolute rows below a
    folder; its answers are kept, since a prune asks about the same few folders many times.
    ``walked`` are the folders this ingest reads, as ``stored_path`` names them.
    """

    def __init__(self, holds_documents_under, walked: tuple[str, ...] = ()):
        self._holds = holds_documents_under
        self._walked = tuple(folder.rstrip(os.sep) + os.sep for folder in walked)
        self._answers: dict[str, bool] = {}

    def of(self, stored: str) -> str:
        if path_of(stored).exists():
            return PRESENT
        if not is_legacy(stored):
            return GONE
        if os.path.abspath(stored).startswith(self._walked):
            return GONE  # this ingest read the folder it would be in, from here, and it was not there
        folder = legacy_folder(stored)
        if folder is None:
            return UNKNOWN
        if folder not in self._answers:
            self._answers[folder] = self._holds(folder.rstrip(os.sep) + os.sep)
        return GONE if self._answers[folder] else UNKNOWN


def kept_note(stored: str) -> str:
    """Why --prune kept a legacy row it could not find."""
    return (f"cannot tell where '{stored}' is from here; run once from the folder it was ingested from")
