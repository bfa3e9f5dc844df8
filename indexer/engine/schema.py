"""The one Whoosh schema, derived from the field registry (fields.py), and records as its values.

Each passage and each quote is one Whoosh document. Facet fields are exact IDs with columns
(``sortable=True``) so that facet counts read a column instead of stored fields; a facet over a
words field (speaker, source) gets an exact twin, `speaker_facet`, while the words field keeps
`speaker:roth` and `source:reuters` searchable word by word.
"""
from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, Schema

from . import fields
from .analysis import StemmedWords, WordPositions

FACETS = fields.FACET_NAMES
FACET_FIELDS = fields.FACET_FIELDS

# Stop words are kept: "to be or not to be" and "it is not" are phrases people cite.
_TEXT = StemmedWords()  # = StemmingAnalyzer(stoplist=None), faster


def _words(**options) -> TEXT:
    """A TEXT field analysed by _TEXT, with positions gathered the fast way (indexer.analysis)."""
    field = TEXT(analyzer=_TEXT, **options)
    field.format = WordPositions(field_boost=field.format.field_boost)
    return field


def _whoosh_field(field: fields.Field):
    # No spelling graph on words fields: it cost a third of ingest time; "did you mean" reads the stemmed lexicon.
    if field.index == fields.WORDS:
        return _words(stored=field.stored)
    if field.index == fields.PLAIN_WORDS:
        return TEXT(stored=field.stored)
    if field.index == fields.EXACT:
        return ID(stored=field.stored, sortable=field.column)
    return STORED


def make_schema() -> Schema:
    found = {}
    for field in fields.FIELDS:
        found[field.name] = _whoosh_field(field)
        if field.facet_field and field.facet_field != field.name:
            found[field.facet_field] = ID(sortable=True)
    return Schema(**found)


def to_fields(record: dict) -> dict:
    """A record from indexer.records as Whoosh field values (None fields are left out)."""
    found = {}
    for field in fields.FIELDS:
        found[field.name] = field.from_record(record)
        if field.facet_field and field.facet_field != field.name:
            found[field.facet_field] = found[field.name]
    return {k: v for k, v in found.items() if v is not None and v != ""}
