"""The field registry: every field a record has in the index, one entry each, in one place.

What derives from it: the Whoosh schema and the record -> Whoosh values step (schema.py), the
Hit and Filters types (types.py), the facets (FACETS below: counted, filtered, kept as arrays),
the fields searched without a name and their boosts, the names a user may type before a colon
and their aliases (query_parsing.py), the fields whose postings are kept as arrays
(posting_arrays, position_arrays), the facet labels the web pages show (archive/labels.py), the
API's hit fields and the export columns (archive/), `flask search`'s filter options, and which
fields a "matched the ..." note may name (match_fields.py).

Adding a facet is one entry here with `facet=ColumnFacet` (and the records carrying its value).
The order matters twice: facets are listed on the search page in this order, and exported
columns are written in this order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .facets import ColumnFacet, YearFacet

# How a field is indexed.
WORDS = "words"  # stemmed words with positions: searched word by word and as phrases
PLAIN_WORDS = "plain words"  # Whoosh's standard analysis, not stemmed: names of publications, places, people
EXACT = "exact"  # one exact term (an ID): filters, facets, sorting
STORED = "stored"  # kept to show, never searched


@dataclass(frozen=True)
class Field:
    name: str  # the record's key, the Whoosh field, the Hit attribute
    index: str  # WORDS, PLAIN_WORDS, EXACT or STORED
    label: str = ""  # what a reader sees
    stored: bool = True  # kept in the index, so a Hit carries it
    column: bool = False  # an EXACT field with a Whoosh column (sorting, counting)
    required: bool = False  # every record has it (a record without one is a bug, not an empty value)
    on_hit: bool = True  # a Hit attribute (when stored)
    hit_type: Any = "str | None"
    empty: Any = None  # a Hit's value when the record has none
    in_api: bool = True  # in the JSON API's hits
    exported: bool = False  # a column of the CSV/JSON exports
    boost: float | None = None  # searched when a query names no field, with this weight
    typed: bool | None = None  # a user may type `name:`; None: yes for words and facets
    aliases: tuple[str, ...] = ()  # other names a user may type for it
    lower_in_queries: bool = False  # its stored values are lower case: `kind:Quote` means kind:quote
    arrays: bool = False  # its postings are kept as NumPy arrays (fast matching, phrases, dates)
    facet: type[ColumnFacet] | None = None  # counted and filtered as this kind of facet
    # A hit matched here and not in its text says "matched the <name>"; when several matched, the
    # lowest number is named. None: never named (a place or author match says nothing).
    match_note: int | None = None
    value: Callable[[dict], Any] | None = None  # its value from a record; None: record.get(name)

    @property
    def facet_field(self) -> str | None:
        """The exact, column-backed field a facet counts: the field itself when exact, else a twin."""
        if self.facet is None:
            return None
        return self.name if self.index == EXACT else f"{self.name}_facet"

    @property
    def typed_in_queries(self) -> bool:
        return self.typed if self.typed is not None else (self.index in (WORDS, PLAIN_WORDS) or self.facet is not None)

    def from_record(self, record: dict):
        if self.value is not None:
            return self.value(record)
        return record[self.name] if self.required else record.get(self.name, self.empty)


def _year(record: dict) -> str | None:
    year = (record.get("date") or "")[:4]
    return year if year.isdigit() else None


FIELDS: tuple[Field, ...] = (
    Field("id", EXACT, "Citation id", required=True, hit_type=str, exported=True),
    # The passage's speaker is its own, so it is named before the document's title and source.
    Field("speaker", WORDS, "Speaker", boost=2.0, aliases=("who", "by"), arrays=True, exported=True,
          facet=ColumnFacet, match_note=1),
    Field("speaker_kind", STORED),
    Field("speaker_role", STORED),
    Field("source", PLAIN_WORDS, "Source", arrays=True, exported=True, facet=ColumnFacet, match_note=3),
    Field("date", EXACT, "Date", column=True, arrays=True, exported=True),
    # Oldest first puts undated documents last, as newest first does.
    Field("date_asc", EXACT, stored=False, column=True, value=lambda record: record.get("date") or "9999"),
    Field("doc", EXACT, "Document", column=True, required=True, hit_type=str, exported=True, typed=True),
    Field("title", WORDS, "Title", aliases=("headline",), arrays=True, exported=True, match_note=2),
    Field("kind", EXACT, "Kind", column=True, required=True, hit_type=str, empty="", exported=True,
          aliases=("type",), lower_in_queries=True, facet=ColumnFacet),
    Field("text", WORDS, "Text", required=True, hit_type=str, empty="", exported=True, boost=1.0, arrays=True),
    Field("year", EXACT, "Year", column=True, on_hit=False, value=_year, facet=YearFacet),
    Field("place", PLAIN_WORDS, "Place", facet=ColumnFacet),
    Field("author", PLAIN_WORDS, "Author", exported=True, facet=ColumnFacet),
    # Shown and cited, never searched (NUMERIC indexed 8 terms per record).
    Field("paragraph", STORED, hit_type=int, empty=0),
    Field("passage", STORED),
    Field("start", STORED, required=True, hit_type=int, empty=0, in_api=False),
    Field("end", STORED, required=True, hit_type=int, empty=0, in_api=False),
    Field("cue", STORED, on_hit=False),
)
BY_FIELD_NAME = {field.name: field for field in FIELDS}

FACETS: tuple[ColumnFacet, ...] = tuple(field.facet(field.name, field.label, field.facet_field)
                                        for field in FIELDS if field.facet is not None)
BY_NAME = {facet.name: facet for facet in FACETS}
FACET_NAMES = tuple(facet.name for facet in FACETS)
FACET_FIELDS = {facet.name: facet.field for facet in FACETS}  # facet -> the exact field it counts

HIT_FIELDS = tuple(field for field in FIELDS if field.stored and field.on_hit)
API_FIELDS = tuple(field.name for field in HIT_FIELDS if field.in_api)
EXPORTED = tuple(field.name for field in FIELDS if field.exported)
# The fields a "matched the ..." note may name, in the order they are asked (match_fields.py).
MATCH_NOTE_FIELDS = tuple(field.name for field in sorted((f for f in FIELDS if f.match_note is not None),
                                                         key=lambda f: f.match_note))

# field -> boost, the plain text first and the fields that weigh more after it: the order Whoosh's
# parser builds its Or clauses in (and sums their scores in), as it was before the registry.
SEARCHED = dict(sorted(((field.name, field.boost) for field in FIELDS if field.boost is not None),
                       key=lambda name_boost: name_boost[1]))
ALIASES = {field.name: list(field.aliases) for field in FIELDS if field.aliases}
QUERY_FIELDS = tuple(field for field in FIELDS if field.typed_in_queries)  # listed on the help page
TYPED_NAMES = frozenset(name for field in FIELDS if field.typed_in_queries for name in (field.name, *field.aliases))
LOWER_CASE_NAMES = tuple(name for field in FIELDS if field.lower_in_queries for name in (field.name, *field.aliases))

# Words fields whose postings (with positions) are kept as arrays, and every field kept as arrays.
ARRAY_WORD_FIELDS = tuple(field.name for field in FIELDS if field.arrays and field.index in (WORDS, PLAIN_WORDS))
ARRAY_FIELDS = (*ARRAY_WORD_FIELDS, *FACET_FIELDS.values(),
                *(field.name for field in FIELDS if field.arrays and field.index == EXACT))
