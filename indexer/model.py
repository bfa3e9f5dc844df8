"""The frozen records that pass between the indexer's stages and into the index."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One decoded file with the metadata its text supports.

    ``text`` is the whole decoded file (BOM removed, line ends untouched), so every
    offset in a Passage or Quote indexes into it.
    """

    doc_id: str
    path: str
    text: str
    body_start: int
    title: str | None = None
    source: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd, only when the date text parsed cleanly
    date_text: str | None = None  # the date as written, kept even when it did not parse
    place: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    form: str = "article"  # article, markdown, transcript
    meta: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speaker:
    """Who said something, as the document lets a careful reader know it."""

    name: str
    kind: str = "person"  # person, organisation, anonymous, descriptive
    role: str | None = None


@dataclass(frozen=True)
class Passage:
    id: str
    doc_id: str
    kind: str  # narrative, quote (a transcript turn), title, heading, caption, teaser, note
    text: str
    start: int
    end: int
    number: int  # paragraph number in the document, 1-based, the citation pinpoint
    speaker: Speaker | None = None


@dataclass(frozen=True)
class Quote:
    id: str
    doc_id: str
    passage_id: str
    text: str
    start: int
    end: int
    number: int
    speaker: Speaker | None = None
    cue: str | None = None  # how the speaker was found, for debugging and trust


@dataclass(frozen=True)
class Extraction:
    """Everything the indexer learned from one document."""

    document: Document
    passages: tuple[Passage, ...] = ()
    quotes: tuple[Quote, ...] = field(default_factory=tuple)

    @property
    def quote_count(self) -> int:
        """Records of kind quote: quoted spans and transcript turns, as the kind facet counts them."""
        return len(self.quotes) + sum(p.kind == "quote" for p in self.passages)

    def in_order(self):
        """Passages and quotes in document order, each passage before its quotes."""
        items = [(p.start, 0, p) for p in self.passages] + [(q.start, 1, q) for q in self.quotes]
        return [item for _, _, item in sorted(items, key=lambda t: (t[0], t[1]))]
