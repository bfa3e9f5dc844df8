"""The kinds of facet: what a facet is called, which exact field it counts, how it lists.

Which fields are facets, and of which kind, is said in the field registry (fields.py, whose
FACETS holds one of these per facet field). A facet is a small class in the shape of Datasette's
ColumnFacet / DateFacet: a new kind of facet overrides how its values are listed.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ColumnFacet:
    """Values of one exact, column-backed field, the most frequent first."""
    name: str  # URL parameter, Filters attribute, key of SearchPage.facets
    label: str  # shown above the facet's list
    field: str  # the exact (ID, sortable) field it counts and filters on
    limit: int = 12  # values listed
    # The value that stands for "none" (a record with no value of the field), listed last and
    # filtered on like any other; None: records without a value are not a facet value.
    missing: str | None = None

    def listed(self, counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """The counted (value, count) pairs in the order a reader sees them."""
        return counts

    def with_missing(self, counts: list[tuple[str, int]], missing: int) -> list[tuple[str, int]]:
        """`counts` and, when this facet has a value for "none" and some records lack a value, it."""
        return [*counts, (self.missing, missing)] if self.missing is not None and missing > 0 else counts


@dataclass(frozen=True)
class YearFacet(ColumnFacet):
    """Years, newest first: a reader scans a timeline, not a popularity list. Undated records
    (a folder of articles without dates, a transcript with none) are one more value, listed last."""
    limit: int = 50
    missing: str | None = "undated"

    def listed(self, counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
        return sorted(counts, key=lambda kv: (kv[0] != self.missing, kv[0]), reverse=True)

