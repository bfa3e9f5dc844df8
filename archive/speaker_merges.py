"""Likely merges of the archive's speakers: for `flask speakers --merges` and the speaker page.

The rule is indexer.speaker_merges, over the names the catalogue's ledger of speakers holds; this
module gathers its evidence (quotes, documents, forms of address) and writes the answer as lines
for the correction file. Nothing here merges: a person pastes the lines, and the next ingest applies
them. The name rules load on first use only, so `import archive.views` stays free of text rules.
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from indexer.catalog import Catalog, catalog_path
from indexer.speaker_corrections import Corrections, name_key
from indexer.speaker_corrections import load as load_corrections
from indexer.speaker_ledger import SpeakerLedger
from indexer.stat_memo import stat_key

if TYPE_CHECKING:
    from indexer.engine import SearchEngine
    from indexer.speaker_merges import MergeProposals, SpeakerFacts

# Documents of one bare surname read for the full names they give: its evidence, not an inventory
# (the first ones by id; a name quoted in hundreds of stories would take seconds to read whole).
STORIES_READ = 20


@dataclass(frozen=True)
class MergeReport:
    proposals: "MergeProposals"
    facts: dict[str, "SpeakerFacts"]  # shown name -> its evidence, for every name the proposals mention
    file_merges: frozenset[str]  # canonical names the file's [merge] table already has a line for
    file_has_merge_table: bool


def settled_names(path: Path | None) -> set[str]:
    """Every name the correction file speaks of (hidden, renamed, merged, or named as canonical), case-folded.

    A name renamed to itself ('"Parry" = "Parry"') changes nothing in the archive but says a person
    looked at it: it is how a proposal that was wrong is kept from coming back."""
    data = _file_table(path)
    found = set()

    def add(value) -> None:
        if isinstance(value, str):
            found.add(name_key(value))
        elif isinstance(value, list):
            for item in value:
                add(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                add(key)
                add(item)

    add(data)
    return found - {"hide", "rename", "merge"}


def _file_table(path: Path | None) -> dict:
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8")) if path else {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}  # load_corrections says what is wrong with it where that matters


def merge_report(index_dir: str | Path, speakers_file: Path | None, pending: bool = True,
                 engine: "SearchEngine | None" = None) -> MergeReport | None:
    """The likely merges among the archive's speakers; None when there is no index (or no ledger) yet.

    With the archive's `engine`, the stories of each proposed surname are read too (up to
    STORIES_READ of them), so a story that introduced someone else of that name ('Chris Fox') puts
    the merge in doubt.

    `pending`: the names as the next ingest will show them, under the correction file as it is now
    (what a person editing the file wants); otherwise as the index shows them now (what pages link
    to). Raises CorrectionsError for a correction file that cannot be applied, when `pending`."""
    from indexer.speaker_merges import full_names_in_text, pairing, propose_merges, short_form  # on first use

    if not catalog_path(index_dir).exists():
        return None
    catalog = Catalog(index_dir, readonly=True)
    try:
        ledger = SpeakerLedger(catalog.db, create=False)
        if not ledger.exists():
            return None
        found_counts = ledger.name_counts()
        rules = (load_corrections(speakers_file) if speakers_file else Corrections()).with_variants(found_counts) \
            if pending else ledger.applied()
        shown_of = {name: rules.canonical(name) for name in found_counts}
        pairs = pairing({shown for shown in shown_of.values() if shown})
        wanted = pairs.names()
        found_as = defaultdict(set)  # shown name -> its names as found
        for found, shown in shown_of.items():
            if shown in wanted:
                found_as[shown].add(found)
        facts = _facts(ledger.role_counts(set().union(*found_as.values())), shown_of)
        settled = settled_names(speakers_file)
        proposals = propose_merges(pairs, facts, settled)
        # documents only for the names the answer shows with them: a common surname's candidates
        # may speak in thousands
        shown_with = {n for m in proposals.merges for n in (m.alias, m.canonical)} | {
            a.alias for a in proposals.ambiguous}
        documents = defaultdict(set)
        for found, doc_id in ledger.documents_of(set().union(*(found_as[n] for n in shown_with))):
            documents[shown_of[found]].add(doc_id)
    finally:
        catalog.close()
    for name, docs in documents.items():
        facts[name] = dataclasses.replace(facts[name], documents=frozenset(docs))
    if engine is not None and proposals.merges:
        for merge in proposals.merges:
            surname = short_form(merge.alias)[1]
            named = set()
            for doc_id in sorted(facts[merge.alias].documents)[:STORIES_READ]:
                named |= full_names_in_text(_story_text(engine, doc_id), surname)
            facts[merge.alias] = dataclasses.replace(facts[merge.alias], story_names=frozenset(named))
        proposals = propose_merges(pairs, facts, settled)  # the same pairs, judged with what the stories say
    file_merge = _file_table(speakers_file).get("merge")
    return MergeReport(proposals, facts,
                       frozenset(file_merge) if isinstance(file_merge, dict) else frozenset(),
                       isinstance(file_merge, dict))


def _story_text(engine: "SearchEngine", doc_id: str) -> str:
    return "\n".join(hit.text for hit in engine.records(doc_id=doc_id).hits if hit.kind != "quote")


def _facts(rows, shown_of: dict[str, str | None]) -> dict[str, "SpeakerFacts"]:
    """Quotes, records and forms of address by shown name, from the ledger's (name, is a quote, role, records)."""
    from indexer.speaker_merges import ADDRESS_TITLES, SpeakerFacts

    quotes, records, titles = defaultdict(int), defaultdict(int), defaultdict(set)
    for found, is_quote, role, n in rows:
        shown = shown_of[found]
        records[shown] += n
        quotes[shown] += n if is_quote else 0
        # the ledger keeps what came off before the name as its role: a form of address ends it
        last = (role or "").split()[-1:] or [""]
        if last[0].lower().rstrip(".") in ADDRESS_TITLES:
            titles[shown].add(last[0].lower().rstrip("."))
    return {name: SpeakerFacts(quotes[name], records[name], titles=frozenset(titles[name])) for name in records}


def _merge_line(canonical: str, alias: str) -> str:
    """The correction file's [merge] line that makes `alias` the speaker `canonical`."""
    return f"{_toml(canonical)} = [{_toml(alias)}]"


def _toml(name: str) -> str:
    """A TOML basic string: JSON's escapes (\\", \\\\, \\n, \\uXXXX) are TOML's too."""
    return json.dumps(name, ensure_ascii=False)


def _evidence(name: str, facts: "SpeakerFacts | None") -> str:
    if facts is None:
        return _toml(name)
    docs = len(facts.documents)
    said = f"{facts.quotes} quote{'' if facts.quotes == 1 else 's'}"
    if facts.records > facts.quotes:
        said += f" and {facts.records - facts.quotes} other record{'' if facts.records - facts.quotes == 1 else 's'}"
    written = "; written " + ", ".join(f"'{t.capitalize()} {name.split()[-1]}'" for t in sorted(facts.titles)) \
        if facts.titles else ""
    told = "; its stories name " + ", ".join(_toml(n) for n in sorted(facts.story_names)) if facts.story_names else ""
    return f"{_toml(name)} {said} in {docs} document{'' if docs == 1 else 's'}{written}{told}"


def merge_lines(report: MergeReport) -> list[str]:
    """The report as lines to paste into the correction file: merges first, then comments."""
    facts = report.facts
    certain = [m for m in report.proposals.merges if m.doubt is None]
    doubtful = [m for m in report.proposals.merges if m.doubt is not None]
    lines = []
    if not report.proposals.merges and not report.proposals.ambiguous:
        return ["# No likely merges: no one-word speaker is the surname of exactly one full name."]
    if report.file_has_merge_table:
        lines.append("# Paste these under the correction file's own [merge] table (TOML allows one).")
    else:
        lines.append("[merge]")
    for merge in certain + doubtful:
        together = len(facts[merge.alias].documents & facts[merge.canonical].documents)
        lines.append(f"# {_evidence(merge.alias, facts.get(merge.alias))}; "
                     f"{_evidence(merge.canonical, facts.get(merge.canonical))}; "
                     f"named together in {together or 'no'} document{'' if together == 1 else 's'}")
        line = _merge_line(merge.canonical, merge.alias)
        if merge.canonical in report.file_merges:
            lines.append(f"# {_toml(merge.canonical)} has a [merge] line already: add {_toml(merge.alias)} to it")
        elif merge.doubt:
            lines.append(f"# Read the stories first: {merge.doubt}")
            lines.append(f"# {line}")
        else:
            lines.append(line)
    if report.proposals.ambiguous:
        lines.append("")
        lines.append("# Ambiguous: not proposed. Merge by hand after reading the stories.")
    for unsure in report.proposals.ambiguous:
        names = ", ".join(f"{_toml(c)} ({facts[c].quotes})" if c in facts else _toml(c) for c in unsure.candidates[:8])
        more = f" and {len(unsure.candidates) - 8} more" if len(unsure.candidates) > 8 else ""
        also = f"; first name of {', '.join(_toml(n) for n in unsure.first_name_of[:4])}" if unsure.first_name_of else ""
        lines.append(f"# {_evidence(unsure.alias, facts.get(unsure.alias))} ({unsure.reason}): {names}{more}{also}")
    return lines


@dataclass(frozen=True)
class SameAs:
    """A speaker a speaker page points to: possibly the same person, and how to say so if it is."""

    name: str
    quotes: int
    merge_line: str  # the correction file's [merge] line that would make them one ('"Rick Parry" = ["Parry"]')
    doubt: str | None = None  # why to read the stories first, when the rule found a reason


@dataclass(frozen=True)
class SpeakerHints:
    """What a speaker page says of other names: `same` are likely this person (a bare surname and
    the one full name it ends, either way round); `one_of` the full names a bare surname could be,
    when there are several. Nothing is merged: a person adds the line and re-ingests."""

    same: tuple[SameAs, ...] = ()
    one_of: tuple[SameAs, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.same or self.one_of)


def same_person_hints(extensions: dict, engine: "SearchEngine", index_dir: str | Path, speakers_file: Path | None,
                      name: str) -> SpeakerHints:
    """The names the speaker `name` may be the same person as, for its page; empty for most.

    Worked out once per state of the catalogue and the correction file (a commit changes the
    catalogue's file), kept in `extensions` (the app's), never per request over the whole ledger."""
    key = _files_key([catalog_path(index_dir)] + ([Path(speakers_file)] if speakers_file else []))
    cached = extensions.get("speaker_merge_hints")
    if key is None or cached is None or cached[0] != key:
        try:
            report = merge_report(index_dir, speakers_file, pending=False, engine=engine)
        except sqlite3.Error:
            return SpeakerHints()  # a catalogue being replaced under us: the hint is a courtesy, the page still shows
        cached = extensions["speaker_merge_hints"] = (key, _hints(report) if report else {})
    return cached[1].get(name, SpeakerHints())


def _hints(report: MergeReport) -> dict[str, SpeakerHints]:
    """name -> its page's hints, for every name a proposal mentions."""
    same: dict[str, list[SameAs]] = defaultdict(list)
    one_of: dict[str, list[SameAs]] = defaultdict(list)

    def quotes(name: str) -> int:
        return report.facts[name].quotes if name in report.facts else 0

    for merge in report.proposals.merges:
        line = _merge_line(merge.canonical, merge.alias)
        same[merge.alias].append(SameAs(merge.canonical, quotes(merge.canonical), line, merge.doubt))
        same[merge.canonical].append(SameAs(merge.alias, quotes(merge.alias), line, merge.doubt))
    for unsure in report.proposals.ambiguous:
        for candidate in unsure.candidates:
            line = _merge_line(candidate, unsure.alias)
            one_of[unsure.alias].append(SameAs(candidate, quotes(candidate), line))
    return {name: SpeakerHints(tuple(same.get(name, ())), tuple(one_of.get(name, ())))
            for name in set(same) | set(one_of)}


def _files_key(paths: list[Path]) -> tuple | None:
    """The files' stat keys, or None while one was changed too recently to trust its stat (a second
    change in the same mtime tick, an edit of the correction file saved twice within a tick, would
    keep its size and mtime: indexer/stat_memo says why) or cannot be read: worked out afresh then."""
    now = time.time_ns()
    try:
        keys = [(path.as_posix(), *stat_key(path, now)) for path in paths]
    except OSError:
        return None
    return tuple((path, key) for path, key, _ in keys) if all(settled for *_, settled in keys) else None
