"""What a power cut could leave on disk at each Point of a DiskRecorder log (tests/power_cut_log.py).

The model is the conservative one of ALICE and CrashMonkey, per node:

- a file's bytes are those of its last fsync, or any later version (a file never synced since it
  was created may come back empty);
- a directory's entries (a file created in it, a rename into or out of it, a deletion) are those
  of its last fsync, or any later set: a rename not followed by an fsync of its folder may be
  undone, or may survive anyway.

Every file and every folder can land on either side independently, so the states are sampled, not
enumerated. Each Point gives the worst cases, all its folders at once:

- "unsynced lost": every folder and every file as last synced;
- "renames kept, data lost": every folder as it is now (each rename and creation survived), every
  file's bytes as last synced (a file renamed into place without an fsync comes back empty);
- "as written": everything as it is now, what a SIGKILL leaves;

and with `thorough`, each folder alone on the other side of the first two ("only ix/postings's
changes kept", "only ix's changes lost"), each unsynced change of a folder surviving alone (a file
system may write a folder's entries in any order: "only ix/_MAIN_2.toc's change kept"), and each
file alone losing its unsynced bytes while everything else survives. The catalogue (SQLite) is atomic at its commits: every state holds its
last committed database, where its folder exists.

Torn writes (`torn`): a write in flight when the power goes may reach the disk in part, so a file's
unsynced bytes may come back as a prefix of its new bytes ("every unsynced file torn: half"; each
file alone with `thorough`), cut at TORN_CUTS; a file rewritten in place, as that prefix over the
rest of its old bytes ("... over its old bytes").
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from power_cut_log import Point


@dataclass(frozen=True)
class CrashState:
    """One state a power cut could leave: every path under the root, a file's bytes or None for a folder."""
    label: str
    files: tuple[tuple[str, bytes | None], ...]
    catalogues: tuple[tuple[str, bytes], ...]

    @property
    def fingerprint(self) -> bytes:
        digest = hashlib.blake2b(digest_size=16)
        for path, data in (*self.files, ("//catalogues", b""), *self.catalogues):
            digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
            digest.update(b"/" if data is None else hashlib.blake2b(data, digest_size=16).digest())
        return digest.digest()


def crash_states(points: list[Point], as_written: bool = True, thorough: bool = False,
                 torn: tuple[str, ...] = ()) -> list[CrashState]:
    """The distinct states of every Point, in the order they first appear; without `as_written`,
    the two worst cases only. With `torn` (names of TORN_CUTS), every unsynced file cut short at
    each of those cuts too (all at once; with `thorough`, each file alone as well)."""
    found: dict[bytes, CrashState] = {}
    for number, point in enumerate(points):
        for case, entries_of, data_of in _cases(point, as_written, thorough, torn):
            state = _state(point, f"#{number} {point.label}: {case}", entries_of, data_of)
            found.setdefault(state.fingerprint, state)
    return list(found.values())


ORDERING_STEPS = ("rename", "replace", "sync-folder", "commit", "start", "end")


def ordering_points(points: list[Point]) -> list[Point]:
    """The Points just before and after each call that publishes or orders something: a rename or
    replace, a folder's fsync, a catalogue commit; and the first and last. A missing fsync of a
    file shows at the rename that names it; a missing fsync of a folder, at the next commit."""
    return [point for point in points if point.step in ORDERING_STEPS]


def state_at(point: Point, case: str) -> CrashState:
    """One worst case ("unsynced lost", "renames kept, data lost", "as written") at `point`."""
    for label, entries_of, data_of in _cases(point, as_written=True, thorough=False):
        if label == case:
            return _state(point, f"{point.label}: {label}", entries_of, data_of)
    raise ValueError(f"no case {case!r}")


def materialise(state: CrashState, folder: Path) -> None:
    """Write `state` under `folder` (which must not exist yet)."""
    folder.mkdir(parents=True)
    for path, data in state.files:
        target = folder / path
        if data is None:
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    for path, data in state.catalogues:  # only where the catalogue's folder survived (_state)
        (folder / path).write_bytes(data)


Entries = Callable[[int], dict]
Data = Callable[[int], bytes]


# Where a write in flight may stop: a file's new bytes reach the disk in pages and blocks in any
# order, so a cut leaves a prefix of them (or, rewritten in place, a prefix over the old bytes);
# these cut points stand for "nothing", "a little", "some" and "all but the end".
TORN_CUTS = {"empty": lambda size: 0, "one byte": lambda size: 1, "half": lambda size: size // 2,
             "all but one byte": lambda size: size - 1}


def torn_bytes(old: bytes, new: bytes, cut: int, over_old: bool) -> bytes:
    """`new` written as far as `cut`: alone (the file was truncated or new), or over `old`'s bytes
    (a rewrite in place: the rest of the old version is still there)."""
    cut = max(0, min(cut, len(new)))
    return new[:cut] + (old[cut:] if over_old else b"")


def _cases(point: Point, as_written: bool, thorough: bool,
           torn: tuple[str, ...] = ()) -> Iterator[tuple[str, Entries, Data]]:
    def synced_entries(node):
        return point.synced_entries.get(node, {})  # a folder never synced may come back empty

    def entries_now(node):
        return point.entries.get(node, synced_entries(node))  # a removed folder: as last synced

    def synced_data(node):
        return point.synced_data.get(node, b"")  # a file never synced may come back empty

    def data_now(node):
        return point.data.get(node, synced_data(node))

    yield "unsynced lost", synced_entries, synced_data
    yield "renames kept, data lost", entries_now, synced_data
    if as_written:
        yield "as written", entries_now, data_now
    unsynced = sorted(node for node, data in point.data.items() if data != synced_data(node))
    overwritten = [node for node in unsynced if synced_data(node)]
    if torn:
        for cut_name in torn:
            cut = TORN_CUTS[cut_name]
            for over_old in (False, True) if overwritten else (False,):
                label = f"every unsynced file torn: {cut_name}{' over its old bytes' if over_old else ''}"
                yield label, entries_now, _torn(unsynced, cut, over_old, synced_data, data_now)
    if not thorough:
        return
    names = _paths(point)
    if torn:
        for node in unsynced:
            for cut_name in torn:
                cut = TORN_CUTS[cut_name]
                for over_old in (False, True) if node in overwritten else (False,):
                    label = f"only {names.get(node, node)} torn: {cut_name}{' over its old bytes' if over_old else ''}"
                    yield label, entries_now, _torn([node], cut, over_old, synced_data, data_now)
    for folder in sorted(point.directories):
        if synced_entries(folder) == entries_now(folder):
            continue
        name = names.get(folder, f"folder #{folder}")
        yield (f"only {name}'s changes kept", _one_side(folder, entries_now, synced_entries), synced_data)
        yield (f"only {name}'s changes lost", _one_side(folder, synced_entries, entries_now), synced_data)
        before, now = synced_entries(folder), entries_now(folder)
        for entry in sorted(set(before) | set(now)):
            if before.get(entry) != now.get(entry):  # this one change alone, the folder's others lost
                alone = {**before, entry: now[entry]} if entry in now else {k: v for k, v in before.items() if k != entry}
                yield (f"only {name}/{entry}'s change kept", _one_side(folder, lambda _: alone, entries_now), synced_data)
    for node, data in sorted(point.data.items()):
        if data != synced_data(node):
            yield (f"only {names.get(node, node)}'s unsynced bytes lost", entries_now,
                   _one_side(node, synced_data, data_now))


def _torn(nodes: list[int], cut: Callable[[int], int], over_old: bool, synced_data: Data, data_now: Data) -> Data:
    chosen = set(nodes)

    def data_of(node: int) -> bytes:
        if node not in chosen:
            return data_now(node)
        new = data_now(node)
        return torn_bytes(synced_data(node), new, cut(len(new)), over_old)
    return data_of


def _one_side(chosen: int, for_it: Callable, for_others: Callable) -> Callable:
    return lambda node: for_it(node) if node == chosen else for_others(node)


def _state(point: Point, label: str, entries_of: Entries, data_of: Data) -> CrashState:
    files: list[tuple[str, bytes | None]] = []
    pending = [(point.root, "", frozenset({point.root}))]
    while pending:
        folder, prefix, above = pending.pop()
        for name, node in entries_of(folder).items():
            path = prefix + name
            if node in point.directories:
                if node not in above:  # a folder renamed into itself cannot be walked forever
                    files.append((path, None))
                    pending.append((node, path + "/", above | {node}))
            else:
                files.append((path, data_of(node)))
    folders = {path for path, data in files if data is None}
    catalogues = tuple(sorted((path, data) for path, data in point.catalogues.items()
                              if _parent(path) in folders or _parent(path) == ""))
    return CrashState(label, tuple(sorted(files)), catalogues)


def _parent(path: str) -> str:
    return path.rpartition("/")[0]


def _paths(point: Point) -> dict[int, str]:
    """Each node's path now (or as last synced), for labels."""
    names: dict[int, str] = {point.root: "."}
    pending = [(point.root, "")]
    while pending:
        folder, prefix = pending.pop()
        for name, node in {**point.synced_entries.get(folder, {}), **point.entries.get(folder, {})}.items():
            if node not in names:
                names[node] = prefix + name
                if node in point.directories:
                    pending.append((node, prefix + name + "/"))
    return names

