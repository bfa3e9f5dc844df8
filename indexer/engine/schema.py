"""The one Whoosh schema, imported by the indexer (to write) and the archive (to read).

Each passage and each quote is one Whoosh document. Facet fields are exact IDs with columns
(``sortable=True``) so that facet counts read a column instead of stored fields; the matching
TEXT fields make `speaker:roth` and `source:reuters` searchable word by word.
"""
from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, Schema

from . import facets
from .analysis import StemmedWords, WordPositions

FACETS = tuple(facet.name for facet in facets.FACETS)
# The exact, column-backed field each facet counts and filters on.
FACET_FIELDS = {facet.name: facet.field for facet in facets.FACETS}

# Stop words are kept: "to be or not to be" and "it is not" are phrases people cite.
_TEXT = StemmedWords()  # = StemmingAnalyzer(stoplist=None), faster


def _words(**options) -> TEXT:
    """A TEXT field analysed by _TEXT, with positions gathered the fast way (indexer.analysis)."""
    field = TEXT(analyzer=_TEXT, **options)
    field.format = WordPositions(field_boost=field.format.field_boost)
    return field


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True),  # the citation id
        doc=ID(stored=True, sortable=True),
        kind=ID(stored=True, sortable=True),
        # No spelling graph: it cost a third of ingest time; "did you mean" reads the stemmed lexicon.
        text=_words(stored=True, phrase=True),
        speaker=_words(stored=True),
        speaker_facet=ID(sortable=True),
        speaker_kind=STORED,
        speaker_role=STORED,
        source=TEXT(stored=True),
        source_facet=ID(sortable=True),
        title=_words(stored=True),
        place=TEXT(stored=True),
        place_facet=ID(sortable=True),
        date=ID(stored=True, sortable=True),
        date_asc=ID(sortable=True),  # the date for oldest-first, undated documents last
        year=ID(stored=True, sortable=True),
        start=STORED,
        end=STORED,
        paragraph=STORED,  # shown and cited, never searched (NUMERIC indexed 8 terms per record)
        passage=STORED,
        cue=STORED,
    )


def to_fields(record: dict) -> dict:
    """A record from indexer.records as Whoosh field values (None fields are left out)."""
    year = (record.get("date") or "")[:4]
    fields = {
        "id": record["id"],
        "doc": record["doc"],
        "kind": record["kind"],
        "text": record["text"],
        "speaker": record.get("speaker"),
        "speaker_facet": record.get("speaker"),
        "speaker_kind": record.get("speaker_kind"),
        "speaker_role": record.get("speaker_role"),
        "source": record.get("source"),
        "source_facet": record.get("source"),
        "title": record.get("title"),
        "place": record.get("place"),
        "place_facet": record.get("place"),
        "date": record.get("date"),
        "date_asc": record.get("date") or "9999",
        "year": year if year.isdigit() else None,
        "start": record["start"],
        "end": record["end"],
        "paragraph": record.get("paragraph", 0),
        "passage": record.get("passage"),
        "cue": record.get("cue"),
    }
    return {k: v for k, v in fields.items() if v is not None and v != ""}
