"""The speaker correction file: people merge aliases, rename and hide speakers the indexer found.

The file is TOML (read with the standard library's tomllib), for example ``instance/speakers.toml``::

    hide = ["Veteran", "Their president"]      # not speakers: their quotes keep no speaker

    [rename]
    "Wong Kar-" = "Wong Kar-wai"

    [merge]                                      # canonical name = its aliases
    "Claire McCaskill" = ["McCaskill", "Sen. McCaskill"]

Names are matched as written, ignoring case and runs of white space, so "you" hides "You". A
rule that contradicts another (a name both hidden and renamed, or renamed to two names, or a
cycle) is refused with a message naming it: ingest then changes nothing.

This module is a text rule: no Whoosh, no Flask. Ingest applies `Corrections.canonical` to every
record it writes and keeps the names as found (indexer.speaker_ledger), so a later change to the
file re-writes only the records whose speaker it changes.
"""
from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .speaker_variants import variant_aliases

_SECTIONS = {"hide", "rename", "merge"}


class CorrectionsError(Exception):
    """The correction file cannot be applied; the message says where and why."""


def name_key(name: str) -> str:
    """A name as written, but for case and spacing: how the file's names match the archive's, and
    how a name a reader types matches a speaker."""
    return re.sub(r"\s+", " ", name).strip().casefold()


@dataclass(frozen=True)
class Corrections:
    """name (matched case-insensitively) -> canonical name, and the names that are no speaker."""

    aliases: tuple[tuple[str, str], ...] = ()  # (key of a name as found, canonical name), sorted
    hidden: frozenset[str] = field(default_factory=frozenset)  # keys
    # (name as found, its best spelling) for spelling variants across the archive (speaker_variants);
    # not from the file: ingest recomputes them from every name found.
    variants: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _aliases(self) -> dict[str, str]:
        return dict(self.aliases)

    @cached_property
    def _variants(self) -> dict[str, str]:
        return dict(self.variants)

    def canonical(self, name: str | None) -> str | None:
        """The name the archive shows for `name`; None when the file hides it.

        The file's rules apply to a name and to its best spelling, so hiding "José Mourinho"
        hides "Jose Mourinho" too.
        """
        if name is None:
            return None
        for spelling in (name, self._variants.get(name)):
            if spelling is None:
                continue
            key = name_key(spelling)
            if key in self.hidden:
                return None
            if key in self._aliases:
                return self._aliases[key]
        return self._variants.get(name, name)

    def from_file(self) -> "Corrections":
        """These rules without the spelling variants: what the correction file said."""
        return dataclasses.replace(self, variants=())

    def with_variants(self, counts: dict[str, int]) -> "Corrections":
        """These rules, and every spelling variant among `counts` (name as found -> records) merged."""
        return dataclasses.replace(self, variants=tuple(sorted(variant_aliases(counts).items())))

    def to_json(self) -> str:
        return json.dumps({"aliases": list(self.aliases), "hidden": sorted(self.hidden),
                           "variants": list(self.variants)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> "Corrections":
        if not text:
            return cls()
        data = json.loads(text)
        return cls(tuple(tuple(pair) for pair in data["aliases"]), frozenset(data["hidden"]),
                   tuple(tuple(pair) for pair in data.get("variants", [])))

    def changed_names(self, other: "Corrections", names) -> set[str]:
        """The names (as found) that `other` shows differently from this one."""
        return {name for name in names if self.canonical(name) != other.canonical(name)}


def parse(text: str, where: str = "speakers.toml") -> Corrections:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise CorrectionsError(f"{where}: not valid TOML ({err})") from None
    unknown = set(data) - _SECTIONS
    if unknown:
        raise CorrectionsError(f"{where}: unknown section {sorted(unknown)[0]!r}; use hide, rename and merge")
    hidden = {name_key(n) for n in _strings(data.get("hide", []), f"{where}: hide")}
    aliases: dict[str, str] = {}

    def alias(name: str, canonical: str, rule: str) -> None:
        key = name_key(name)
        if not key or not canonical.strip():
            raise CorrectionsError(f"{where}: {rule} has an empty name")
        if key in hidden:
            raise CorrectionsError(f"{where}: {name!r} is both hidden and given a name in {rule}")
        if aliases.get(key, canonical) != canonical:
            raise CorrectionsError(f"{where}: {name!r} is given two names, {aliases[key]!r} and {canonical!r}")
        if key != name_key(canonical) or name != canonical:
            aliases[key] = canonical

    for old, new in _table(data.get("rename", {}), f"{where}: [rename]").items():
        alias(old, _strings([new], f"{where}: [rename] {old!r}")[0].strip(), "[rename]")
    for canonical, names in _table(data.get("merge", {}), f"{where}: [merge]").items():
        for name in _strings(names, f"{where}: [merge] {canonical!r}"):
            alias(name, canonical.strip(), "[merge]")
    return Corrections(tuple(sorted(_follow(aliases, hidden, where).items())), frozenset(hidden))


def _follow(aliases: dict[str, str], hidden: set[str], where: str) -> dict[str, str]:
    """A -> B and B -> C make A -> C; a cycle is an error; an alias of a hidden name is hidden too."""
    resolved = {}
    for key, canonical in aliases.items():
        path = [key]
        while (step := name_key(canonical)) in aliases and aliases[step] != canonical:
            if step in path:
                raise CorrectionsError(f"{where}: the names {path} rename each other in a circle")
            path.append(step)
            canonical = aliases[step]
        if name_key(canonical) in hidden:
            hidden.add(key)
            continue
        resolved[key] = canonical
    return resolved


def _strings(value, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CorrectionsError(f"{where}: expected a name or a list of names in quotes")
    return value


def _table(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise CorrectionsError(f"{where}: expected a table of \"name\" = ... lines")
    return value


def load(path: Path) -> Corrections:
    """The file's rules; no file means no corrections."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Corrections()
    except IsADirectoryError:  # Python's own words repeated the path: "[Errno 21] Is a directory: '...'"
        raise CorrectionsError(f"{path}: is a folder, not the correction file") from None
    except UnicodeDecodeError as err:
        raise CorrectionsError(f"{path}: not UTF-8 text (byte {err.start + 1} cannot be read); save it as UTF-8") from None
    except OSError as err:
        raise CorrectionsError(f"{path}: cannot be read ({err.strerror or err})") from None
    return parse(text, str(path))


def correct_records(recs: list[dict], rules: Corrections) -> list[tuple]:
    """Give `recs` (indexer.records dicts) their canonical speakers, in place.

    Returns (id, start, kind, name, speaker_kind, role) of every record that had a speaker, as
    found: what a later change to the file needs to re-write the record without re-reading it.
    """
    found = []
    for rec in recs:
        name = rec.get("speaker")
        if not name:
            continue
        found.append((rec["id"], rec["start"], rec["kind"], name, rec.get("speaker_kind"), rec.get("speaker_role")))
        shown = rules.canonical(name)
        rec["speaker"] = shown
        if shown is None:
            rec["speaker_kind"] = rec["speaker_role"] = None
    return found
