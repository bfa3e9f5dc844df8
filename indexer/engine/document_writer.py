"""SegmentWriter.add_document with each field's postings put in the posting pool at once, and
the pool sorted by two stable sorts.

Whoosh's add_document takes a field's postings from field.index() (a generator around the
format's word_values generator, encoding each word) and gives them to PostingPool.add one call at
a time, which sizes each for the pool's memory limit: four Python frames a posting, 850,000
postings per thousand benchmark documents. Here a field's postings are made as one list (for the
words fields, from WordPositions.word_lists without a generator), sized with a few sums, and
appended to the pool together. The pool gets the same tuples in the same order. Only where a run
is cut when the pool is full can differ (after a field rather than in the middle of one); runs
are merged in sorted order, so the postings written are the same.

Everything else is Whoosh's add_document line for line: stored values, lengths, columns, vectors.
"""
from __future__ import annotations

from itertools import repeat
from operator import itemgetter

from whoosh.util.text import utf8encode
from whoosh.analysis import IDTokenizer
from whoosh.fields import FieldType
from whoosh.formats import Existence
from whoosh.system import emptybytes
from whoosh.writing import PostingPool, SegmentWriter

from .analysis import StemmedWords, WordPositions

# PostingPool.add's size estimate for a posting, less its field's, term's and value's bytes:
# 28 + 4 * 5 (tuple) + 21 (str) + 26 (text) + 18 (docnum) + 16 (weight) + 21 (value) = 150.
POSTING_SIZE = 150


def _field_postings(field, fieldname: str, value, docnum: int, fieldboost: float) -> tuple[list, int]:
    """(the field's pool items, the sum of their frequencies) as Whoosh's loop makes them."""
    fmt = field.format
    if (type(fmt) is WordPositions and type(field).index is FieldType.index and isinstance(value, str)
            and type(field.analyzer) is StemmedWords):
        words, counts, weights, values = fmt.word_lists(value, field.analyzer)
        terms = [word.encode("utf-8") for word in words]  # = whoosh.util.text.utf8encode(word)[0]
        weights = [weight * fieldboost for weight in weights]
        return list(zip(repeat(fieldname), terms, repeat(docnum), weights, values)), sum(counts)
    if (type(fmt) is Existence and type(field).index is FieldType.index and isinstance(value, str)
            and type(field.analyzer) is IDTokenizer):  # an ID field: the whole value is its one term
        return [(fieldname, value.encode("utf-8"), docnum, fmt.field_boost * fieldboost, emptybytes)], 1
    items, length = [], 0
    for tbytes, freq, weight, vbytes in field.index(value):
        items.append((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
        length += freq
    return items, length


def _pool_all(pool, fieldname: str, items: list) -> None:
    """PostingPool.add for each item (whoosh_patches.pool_add), the size summed at once."""
    if not items:
        return
    pool.fieldnames.add(fieldname)
    pool.currentsize += ((POSTING_SIZE + len(fieldname)) * len(items)
                         + 2 * sum([len(item[1]) for item in items])
                         + sum([len(item[4]) for item in items if item[4]]))
    pool.current.extend(items)
    if pool.currentsize > pool.limit:
        pool.save()


def add_document(self, **fields):
    self._check_state()
    perdocwriter = self.perdocwriter
    schema = self.schema
    docnum = self.docnum
    pool = self.pool

    docboost = self._doc_boost(fields)
    fieldnames = sorted([name for name in fields.keys() if not name.startswith("_")])
    self._check_fields(schema, fieldnames)

    perdocwriter.start_doc(docnum)
    try:
        for fieldname in fieldnames:
            value = fields.get(fieldname)
            if value is None:
                continue
            field = schema[fieldname]

            length = 0
            if field.indexed:
                fieldboost = self._field_boost(fields, fieldname, docboost)
                items, frequencies = _field_postings(field, fieldname, value, docnum, fieldboost)
                if field.scorable:  # only a scorable field stores its length
                    length = frequencies
                _pool_all(pool, fieldname, items)

            if field.separate_spelling():
                spellfield = field.spelling_fieldname(fieldname)
                for word in field.spellable_words(value):
                    word = utf8encode(word)[0]
                    # Whoosh passes the last posting's value along (never read): the same here.
                    pool.add((spellfield, word, 0, 1, items[-1][4] if items else None))

            vformat = field.vector
            if vformat:
                vitems = vformat.word_values(value, field.analyzer, mode="index")
                vitems = sorted((text, weight, vbytes) for text, _, weight, vbytes in vitems)
                perdocwriter.add_vector_items(fieldname, field, vitems)

            customval = fields.get("_stored_%s" % fieldname, value)
            sv = customval if field.stored else None
            perdocwriter.add_field(fieldname, field, sv, length)

            column = field.column_type
            if column and customval is not None:
                cv = field.to_column_value(customval)
                perdocwriter.add_column_value(fieldname, column, cv)
    except Exception as ex:
        perdocwriter.cancel_doc()
        raise ex

    perdocwriter.finish_doc()
    self._added = True
    self.docnum += 1


def sorted_postings(pool):
    """PostingPool.iter_postings: the pool's postings sorted, as Whoosh's sorted(pool.current).

    A writer pools each document's postings in turn, with a document number one more than the
    last one's (merged segments' postings come in the same order: by reader, then by document),
    and one posting per (field, term) per document. So among the postings of one term the pool
    already holds them in the order of their document numbers, and two stable sorts, by term
    and then by field, give the full tuples' order at half the cost: Python compares a string
    or bytes instead of 5-tuples. term_postings checks each term's numbers rise.
    """
    if pool.runs:  # runs written to disk when the pool was full: Whoosh merges them
        return _whoosh_iter_postings(pool)
    postings = sorted(pool.current, key=itemgetter(1))
    postings.sort(key=itemgetter(0))
    return postings


_whoosh_iter_postings = PostingPool.iter_postings
# Whoosh's own, kept for the test that compares what both write.
whoosh_add_document = SegmentWriter.add_document


def install() -> None:
    """Called by whoosh_patches.install()."""
    SegmentWriter.add_document = add_document
    PostingPool.iter_postings = sorted_postings
