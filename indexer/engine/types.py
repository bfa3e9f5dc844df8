"""The engine's face: the frozen values that go in and come out. No Whoosh object crosses it."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .schema import FACETS

SORTS = ("relevance", "newest", "oldest")


@dataclass(frozen=True)
class Hit:
    id: str
    doc: str
    kind: str
    text: str
    snippet: Markup
    speaker: str | None
    speaker_kind: str | None
    speaker_role: str | None
    source: str | None
    date: str | None
    title: str | None
    place: str | None
    paragraph: int
    passage: str | None
    start: int
    end: int
    matched: str | None = None  # "speaker", "title" or "source" when the hit matched there, not in its text


@dataclass(frozen=True)
class Filters:
    speaker: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    doc: str | None = None

    def active(self) -> list[tuple[str, str]]:
        return [(name, value) for name in FACETS for value in getattr(self, name)]


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
