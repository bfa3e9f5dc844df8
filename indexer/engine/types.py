"""The engine's face: the frozen values that go in and come out. No Whoosh object crosses it."""
from __future__ import annotations

from dataclasses import dataclass, make_dataclass
from dataclasses import field as dataclass_field

from markupsafe import Markup

from . import fields

SORTS = ("relevance", "newest", "oldest")
# How a SearchEngine matches, ranks and counts (SearchEngine(index_dir, matcher=...)).
MATCHERS = {
    "numpy": "the commit's arrays (NumPy), and Whoosh's own searcher until they are written",
    "whoosh": "Whoosh's own searcher and columns only, every match scored: the plain reference the "
              "arrays are checked against, and a way round them should they ever be in doubt",
}


def _hit_type():
    """Hit: one record as a search answers it, an attribute per stored field of the registry.

    Beside the registry's fields (fields.HIT_FIELDS: id, doc, kind, text, speaker, ...): the
    snippet (escaped text, query words marked) and `matched`, the field it matched through when
    not its text (one of fields.MATCH_NOTE_FIELDS: speaker, title, source).
    """
    stored = [(field.name, field.hit_type, dataclass_field(default=field.empty)) for field in fields.HIT_FIELDS]
    extra = [("snippet", "Markup", dataclass_field(default=Markup(""))),
             ("matched", "str | None", dataclass_field(default=None))]
    return make_dataclass("Hit", stored + extra, frozen=True,
                          namespace={"__doc__": _hit_type.__doc__, "__module__": __name__})


def _filters_type():
    """Filters: the values chosen for each facet of the registry (any of them matches), a date range, a document."""
    chosen = [(name, "tuple[str, ...]", dataclass_field(default=())) for name in fields.FACET_NAMES]
    rest = [("date_from", "str | None", dataclass_field(default=None)),
            ("date_to", "str | None", dataclass_field(default=None)),
            ("doc", "str | None", dataclass_field(default=None))]

    def active(self) -> list[tuple[str, str]]:
        """(facet, value) of every chosen value, in the registry's order."""
        return [(name, value) for name in fields.FACET_NAMES for value in getattr(self, name)]

    return make_dataclass("Filters", chosen + rest, frozen=True,
                          namespace={"__doc__": _filters_type.__doc__, "__module__": __name__, "active": active})


# Made from the registry, so a field or facet added there is a Hit attribute and a filter here.
Hit = _hit_type()
Filters = _filters_type()


@dataclass(frozen=True)
class SearchPage:
    query: str
    total: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    filters: Filters
    sort: str = "relevance"
    note: str | None = None
    suggestion: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


@dataclass(frozen=True)
class SearchRequest:
    """One search: words (the query syntax of the help page), filters, sort and page.

    `facets` False skips the facet counts (the CLI prints none).
    """
    text: str = ""
    filters: Filters = Filters()
    page: int = 1
    page_size: int = 20
    sort: str = "relevance"
    facets: bool = True


@dataclass(frozen=True)
class Records:
    """Records asked for by citation id and/or document: at most `limit` of them, and how many in all."""
    hits: tuple[Hit, ...]
    total: int
