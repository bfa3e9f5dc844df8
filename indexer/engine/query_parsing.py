"""The user's query as a Whoosh query: hostile input is searched as plain words, with a note."""
from __future__ import annotations

import re
import threading
from collections import OrderedDict

from whoosh import query
from whoosh.qparser import AndGroup, FieldAliasPlugin, GtLtPlugin, MultifieldParser, OrGroup

from . import fields
from .fields import FACET_FIELDS, FACET_NAMES
from .types import Filters

# A passage matches on its own words and its speaker (the registry's fields with a boost). The
# title and source belong to the whole document: searched for every passage, a title word made
# every passage of that document a hit. They are searched when asked for (title:, source:); the
# title's words only lift a passage.
SEARCH_FIELDS = list(fields.SEARCHED)
FIELD_BOOSTS = dict(fields.SEARCHED)
TITLE_LIFT = 0.3  # a title that shares the query's words ranks a passage a little higher


def parse(text: str, schema):
    """(query, note): the user's query, or its plain words when it cannot be parsed."""
    parser = MultifieldParser(SEARCH_FIELDS, schema, fieldboosts=FIELD_BOOSTS, group=AndGroup)
    parser.add_plugin(FieldAliasPlugin(fields.ALIASES))
    parser.remove_plugin_class(GtLtPlugin)
    text = text.strip()
    if not text:
        return query.Every(), None
    signed = signs_as_operators(text)
    problem = _query_problem(signed)
    if problem is None:
        try:
            parsed = parser.parse(_lower_field_values(signed))
            if parsed is query.NullQuery or isinstance(parsed, query.qcore._NullQuery):
                # '-' or '+' alone: no word at all, which found nothing and said nothing.
                return query.NullQuery, f"Nothing to search for in “{text}”: it has no words."
            if not _has_errors(parsed):
                return _lifted_by_title(_missing_values(parsed)), None
            problem = "part of it could not be read as search syntax"
        except Exception:  # Whoosh raises many kinds on odd input; all mean "not syntax"
            problem = "it could not be read as search syntax"
    # The words as typed: a minus read as NOT is no word the reader wrote ('-(' is not "NOT").
    words = re.findall(r"\w+", text)
    # "blair AND" searched as blair OR and (11,059 hits of 'and'): an operator the reader wrote is
    # no word they wanted, unless operators are all there is ("AND" alone is searched as 'and').
    meant = [w for w in words if w not in _OPERATOR_WORDS]
    words = meant or words
    if not words:
        return query.NullQuery, f"Nothing to search for in “{text}”."
    plain = MultifieldParser(SEARCH_FIELDS, schema, fieldboosts=FIELD_BOOSTS, group=OrGroup)
    return _lifted_by_title(plain.parse(" ".join(words))), f"Searched for the words “{' '.join(words)}” instead: {problem}."


# A sign before a word, a phrase, a bracket or a field at the start of a query word: a dash inside
# a word (e-mail), before a number (-1) or alone is text. The Unicode minus and an en dash are what
# a word processor or phone makes of a typed minus.
_SIGN = re.compile(r"(?:^|(?<=[\s(]))([-\u2212\u2013+])(?=[^\W\d_]|[(]|$)")


def signs_as_operators(text: str) -> str:
    """`text` with -word written NOT word and +word written word, as every search box reads them.

    Whoosh reads a minus as part of the word, so `-police` searched for police, the opposite of
    what was asked; a plus is what the archive does anyway (every word is required). Inside a
    phrase both are the phrase's text. A sign right before a phrase ends its stretch of text.
    """
    if "-" not in text and "+" not in text and "\u2212" not in text and "\u2013" not in text:
        return text
    pieces = re.split(r'("[^"]*")', text)
    out = []
    for number, piece in enumerate(pieces):
        if number % 2:  # a phrase, as written
            out.append(piece)
            continue
        before_phrase = number + 1 < len(pieces)
        after_phrase = number > 0

        def operator(match: re.Match) -> str:
            if match.start() == 0 and after_phrase:  # '"a b"-c': written together, not a sign
                return match.group(0)
            if match.end() == len(piece) and not before_phrase:  # a sign with nothing after it
                return match.group(0)
            return "NOT " if match.group(1) != "+" else ""
        out.append(_SIGN.sub(operator, piece))
    return "".join(out)


class ParseCache:
    """parse()'s answers for one commit, by query text.

    The same words come back (the next page, the API beside the HTML page, a facet's "more" list,
    a popular word) and Whoosh's parser takes a third of a millisecond each time. Whoosh's query
    objects are never changed once built, so one can answer several requests. A new commit starts
    afresh (a rebuilt archive may have another schema); at most SIZE texts are kept.
    """

    SIZE = 512

    def __init__(self):
        self._stamp: str | None = None
        self._parsed: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def parse(self, stamp: str, text: str, schema, rewrite=None):
        """parse(text, schema) for commit `stamp`, whose schema `schema` is; its query passed
        through `rewrite` (the commit's other spellings of its words) before it is kept."""
        with self._lock:
            if stamp != self._stamp:
                self._stamp, self._parsed = stamp, OrderedDict()
            found = self._parsed.get(text)
            if found is not None:
                self._parsed.move_to_end(text)
                return found
        found = parse(text, schema)
        if rewrite is not None:
            found = (rewrite(found[0]), found[1])
        with self._lock:
            if stamp == self._stamp:
                self._parsed[text] = found
                if len(self._parsed) > self.SIZE:
                    self._parsed.popitem(last=False)
        return found


def _lifted_by_title(q):
    """q, scored a little higher where the document's title has q's text words; never more matches."""
    words = sorted({t for f, t in q.iter_all_terms() if f == "text"}) if hasattr(q, "iter_all_terms") else []
    if not words:
        return q
    # The boost on each term: Whoosh drops a boost on an Or of one clause when it simplifies it.
    lift = query.Or([query.Term("title", w, boost=TITLE_LIFT) for w in words])
    return query.AndMaybe(q, lift)


def filter_query(filters: Filters):
    parts = []
    for name in FACET_NAMES:
        values = getattr(filters, name)
        if values:
            parts.append(query.Or([_facet_value(name, v) for v in values]))
    if filters.date_from or filters.date_to:
        parts.append(query.TermRange("date", filters.date_from or None, filters.date_to and filters.date_to + "\uffff"))
    if filters.doc:
        parts.append(query.Term("doc", filters.doc))
    return query.And(parts) if parts else None


# An undated record is written with the date that sorts last (fields: date_asc): the one exact
# term every undated record has, so "undated" is a filter like any year.
_UNDATED = query.Term("date_asc", "9999")


def _facet_value(name: str, value: str):
    """The query for one chosen facet value; a facet's value for "none" (the year facet's
    "undated") matches the records without a value."""
    if value == fields.BY_NAME[name].missing:
        if name != "year":
            raise ValueError(f"no query for the records without a {name}")
        return _UNDATED
    return query.Term(FACET_FIELDS[name], value)


def _missing_values(q):
    """q with year:undated (a facet's value for "none", as its filter links write it) matching the
    records without a value, as the filter does; any other term as it is."""
    missing = fields.BY_NAME[q.fieldname].missing if type(q) is query.Term and q.fieldname in FACET_NAMES else None
    if missing is not None and isinstance(q.text, str) and q.text.lower() == missing:
        return _facet_value(q.fieldname, missing)
    return q.apply(_missing_values)


_FIELD_NAMES = fields.TYPED_NAMES  # what a user may type before a colon
_LOWER_CASE = re.compile(rf"\b({'|'.join(fields.LOWER_CASE_NAMES)}):(\w+)")


_OPERATOR_WORDS = frozenset(("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"))


def _query_problem(text: str) -> str | None:
    """Why a query would be misread, checked before Whoosh gets to guess."""
    if text.count('"') % 2:
        return "a quotation mark is not closed"
    if text.count("(") != text.count(")"):
        return "a bracket is not closed"
    # A range's brackets: 'year:[2005 TO' searched the year "[2005", which no record has, and said nothing.
    if text.count("[") != text.count("]") or text.count("{") != text.count("}"):
        return "a range's bracket is not closed (a range reads year:[2004 TO 2006])"
    tokens = text.split()
    if tokens and all(t in ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE") for t in tokens):
        return "it has only operators"
    if tokens and (tokens[0] in ("AND", "OR", "ANDNOT", "ANDMAYBE") or tokens[-1] in ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")):
        return "an operator has nothing on one side"
    for match in re.finditer(r"(\w+):(\S*)", text):
        name, value = match.group(1).lower(), match.group(2)
        if name in _FIELD_NAMES and not value.strip('"'):
            return f"“{match.group(1)}:” has no value"
    return None


_FIELD_NAME = re.compile(r"(?<![\w\"])([A-Za-z]+):(?=\S)")


def _lower_field_values(text: str) -> str:
    """kind:Quote matches the stored ID, which is lower case and exact (fields.Field.lower_in_queries);
    Year:2005 or SPEAKER:blair is the field a reader named (a capital from a phone or a habit
    searched the words 'year' and '2005' instead)."""
    text = _FIELD_NAME.sub(lambda m: f"{m.group(1).lower()}:" if m.group(1).lower() in _FIELD_NAMES else m.group(0), text)
    return _LOWER_CASE.sub(lambda m: f"{m.group(1)}:{m.group(2).lower()}", text)


def _has_errors(q) -> bool:
    if isinstance(q, query.qcore._NullQuery):
        return False
    if type(q).__name__ == "ErrorQuery":
        return True
    return any(_has_errors(child) for child in q.children()) if hasattr(q, "children") else False
