"""Facet values as a reader types them: "tony blair" for Tony Blair, "hewitt" for two Hewitts.

Filters and speaker pages match a value exactly, as the facet links write it; a value typed into
a URL or an API call in another case found nothing and said nothing. These look-ups run only when
something found nothing, so a search that finds its records never pays for them.
"""
from __future__ import annotations

from indexer.engine import Filters, SearchEngine, SearchRequest

from .labels import FACET_LABELS

# Names offered when a typed value is nobody's: a typed name is often a part or a misspelling.
VALUES_OFFERED = 10


def archive_values(engine: SearchEngine, name: str) -> list[tuple[str, int]]:
    """Every value of facet `name` in the whole archive with its count, most frequent first."""
    with engine.snapshot() as snap:
        return snap.facet_values(SearchRequest("", Filters(), facets=False), name)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def spelt_as_archived(values: list[tuple[str, int]], typed: str) -> str | None:
    """The one value that is `typed` but for case and spacing, or None (none, or several)."""
    same = [value for value, _ in values if _folded(value) == _folded(typed)]
    return same[0] if len(same) == 1 else None


def values_holding(values: list[tuple[str, int]], typed: str) -> list[tuple[str, int]]:
    """Up to VALUES_OFFERED values whose text holds `typed`, most frequent first."""
    wanted = _folded(typed)
    return [(value, count) for value, count in values if wanted and wanted in _folded(value)][:VALUES_OFFERED]


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
