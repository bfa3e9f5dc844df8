"""What people read for the archive's internal names: facet names and record kinds, in one place."""
from __future__ import annotations

from indexer.engine import FACET_LIST, FIELDS

BY_FACET = {facet.name: facet for facet in FACET_LIST}
FACET_LABELS = {facet.name: facet.label for facet in FACET_LIST}  # from the field registry
# field -> its label in the registry, for the metadata a page lists (Source, Author, Date, Place ...)
FIELD_LABELS = {field.name: field.label for field in FIELDS if field.label}

# kind -> (one, many). A kind missing here is shown as it is, so a new kind is never hidden.
KIND_LABELS = {
    "quote": ("Quote", "Quotes"),
    "narrative": ("Reporting", "Reporting"),
    "heading": ("Heading", "Headings"),
    "caption": ("Caption", "Captions"),
    "teaser": ("Teaser", "Teasers and links"),
    "title": ("Title", "Titles"),
    "note": ("Editor's note", "Editor's notes"),
}

# Kinds left out of the kind facet unless asked for (kinds=all) or already chosen: every document
# has a title and many a note, and listing them beside quotes tells a reader nothing. Searching is
# unchanged: only the facet's list of values is shorter.
FACET_HIDDEN_KINDS = frozenset({"title", "note"})


def kind_label(kind: str | None, many: bool = False) -> str:
    labels = KIND_LABELS.get(kind or "")
    return (labels[1] if many else labels[0]) if labels else (kind or "")


# A facet's value for "none", as a reader sees it (the URL and the API keep the value itself).
MISSING_LABELS = {"undated": "No date"}


def facet_value_label(name: str, value: str) -> str:
    if name == "kind":
        return kind_label(value, many=True)
    facet = BY_FACET.get(name)
    return MISSING_LABELS.get(value, value) if facet is not None and value == facet.missing else value


def shown_facet_values(name: str, values: list, chosen: list[str], show_all: bool) -> list:
    """A facet's (value, count) pairs as listed: the kind facet without its hidden kinds."""
    if name != "kind" or show_all:
        return values
    return [(v, c) for v, c in values if v not in FACET_HIDDEN_KINDS or v in chosen]
