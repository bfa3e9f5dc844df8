"""The correction file's names that match no speaker of the archive, for ingest's note.

A rule whose name is spelt unlike every name the indexer found ('Tom Kalle' for 'Tom Kale', a
hidden "Veteran" the archive writes "A veteran") changes nothing, and nothing said so: the person
who wrote it believed the archive corrected. Names are compared the way the rules match them
(speaker_corrections.name_key), against the names as found (the ledger), so a name the file
renames away still counts as found.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Iterable

from .speaker_corrections import Corrections, name_key


def unmatched_keys(rules: Corrections, found_names: Iterable[str]) -> set[str]:
    """Keys of the names the rules rename, merge or hide that no speaker as found has."""
    wanted = {key for key, _ in rules.aliases} | set(rules.hidden)
    return wanted - {name_key(name) for name in found_names}


def as_written(path: Path, keys: set[str]) -> list[str]:
    """The names of `keys` as the file writes them (the key itself if the file cannot say), sorted."""
    written: dict[str, str] = {}
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        data = {}  # the ingest read it a moment ago; a file changed since only loses the spelling
    names = list(_strings(data.get("hide"))) + list(data.get("rename", {}) if isinstance(data.get("rename"), dict) else [])
    for aliases in (data.get("merge") or {}).values() if isinstance(data.get("merge"), dict) else ():
        names += _strings(aliases)
    for name in names:
        written.setdefault(name_key(name), name)
    return sorted(written.get(key, key) for key in keys)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
