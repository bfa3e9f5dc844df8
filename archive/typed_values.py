"""Facet values as a reader types them: "tony blair" for Tony Blair, "hewitt" for two Hewitts.

Filters and speaker pages match a value exactly, as the facet links write it; a value typed into
a URL or an API call in another case found nothing and said nothing. These look-ups run only when
something found nothing, so a search that finds its records never pays for them.
"""
from __future__ import annotations

import re

from indexer.engine import FIELDS, Filters, SearchEngine, SearchRequest, fold
from indexer.speaker_corrections import name_key

from .labels import FACET_LABELS, KIND_LABELS

# Names offered when a typed value is nobody's: a typed name is often a part or a misspelling.
VALUES_OFFERED = 10


def archive_values(engine: SearchEngine, name: str) -> list[tuple[str, int]]:
    """Every value of facet `name` in the whole archive with its count, most frequent first."""
    with engine.snapshot() as snap:
        return snap.facet_values(SearchRequest("", Filters(), facets=False), name)


def typed_key(value: str) -> str:
    """What a typed value and the archive's share when they are one name: case, spacing and
    accents aside ("muller" is "Müller": readers type what their keyboard makes easy)."""
    return fold(name_key(value))


def spelt_as_archived(values: list[tuple[str, int]], typed: str) -> str | None:
    """The one value that is `typed` but for case, spacing and accents, or None (none, or several)."""
    same = [value for value, _ in values if typed_key(value) == typed_key(typed)]
    return same[0] if len(same) == 1 else None


def values_holding(values: list[tuple[str, int]], typed: str) -> list[tuple[str, int]]:
    """Up to VALUES_OFFERED values whose text holds `typed` (accents aside), most frequent first."""
    wanted = typed_key(typed)
    return [(value, count) for value, count in values if wanted and wanted in typed_key(value)][:VALUES_OFFERED]


def unknown_filters_note(engine: SearchEngine, filters) -> str | None:
    """Why a filtered search found nothing when a chosen value is in no record: said, with the
    archive's spelling when it differs only in case ("speaker=tony blair")."""
    notes = []
    for name, value in filters.active():
        values = archive_values(engine, name)
        if any(v == value for v, _ in values):
            continue
        label = FACET_LABELS.get(name, name).lower()
        spelt = spelt_as_archived(values, value)
        notes.append(f"No {label} is “{value}” in this archive; did you mean “{spelt}”?" if spelt
                     else f"No {label} is “{value}” in this archive.")
    return " ".join(notes) or None


_KIND_NAMES = next(("kind", *f.aliases) for f in FIELDS if f.name == "kind")
_KIND_IN_QUERY = re.compile(rf"\b({'|'.join(_KIND_NAMES)}):(\w+)", re.I)
# What a reader may type for a kind: its own name, or either of its labels as the pages show them.
_KIND_SPELLINGS = {spelling.casefold(): kind for kind, labels in KIND_LABELS.items() for spelling in (kind, *labels)}


def unknown_kind_note(q: str) -> str | None:
    """kind:quotes (the facet's label) or kind:turn found nothing and said nothing: a kind is one
    of a few names. Says which one was meant, or lists them."""
    for name, typed in _KIND_IN_QUERY.findall(re.sub(r'"[^"]*"', " ", q)):
        if typed.lower() in KIND_LABELS:
            continue
        meant = _KIND_SPELLINGS.get(typed.casefold())
        if meant:
            return f"{name}:{typed} matches nothing: write {name}:{meant}."
        return f"{name}:{typed} matches nothing: a kind is one of {', '.join(sorted(KIND_LABELS))}."
    return None
