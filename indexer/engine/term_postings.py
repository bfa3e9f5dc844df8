"""A segment's postings given to Whoosh's block writer a term at a time, and captured in the same pass.

Whoosh's FieldWriter.add_postings takes the sorted postings one by one: for each it asks the
document's field length (three calls), then W3FieldWriter.add -> W3PostingsWriter.add_posting
type-checks it and updates its block's statistics, and posting capture (posting_arrays.Capture)
saw each through a generator and a call of its own: about six Python calls a posting, and a
thousand benchmark documents have 850,000 postings. Here a term's postings are gathered in three
lists (list appends, no calls), then Whoosh's blocks are filled a block at a time (128 postings)
with the same contents and the same statistics, and the capture is given the whole term.

What Whoosh writes is unchanged, byte for byte (tests/test_term_postings.py writes the same
records both ways and compares every file); so is what the capture saves.
"""
from __future__ import annotations

from whoosh.codec import whoosh3
from whoosh.codec.base import OutOfOrderError
from whoosh.util.numeric import byte_to_length

from . import posting_arrays
from .field_lengths import length_bytes

# A stored length byte -> the length add_posting is given (0: the document lacks the field, which
# Whoosh reports as None; both leave the block's statistics alone).
_LENGTH_OF_BYTE = [0] + [byte_to_length(b) for b in range(1, 256)]


def add_postings(self, schema, lengths, items):
    """W3FieldWriter.add_postings: Whoosh's FieldWriter.add_postings, a term at a time."""
    if lengths is not None and type(lengths) is not whoosh3.W3PerDocReader:
        # Not the per-document reader of a segment being written: Whoosh's own loop.
        return posting_arrays.capturing_add_postings(self, schema, lengths, items)
    capture = None
    if getattr(self._storage, "folder", None) is not None:  # an in-memory index: nothing to keep
        capture = self.__dict__.setdefault("_capture", posting_arrays.Capture())
    keep = posting_arrays.FIELDS if capture is not None else ()
    lastfn = lasttext = None
    ids = weights = values = None
    field_lengths = None
    for fieldname, btext, docnum, weight, value in items:
        if fieldname != lastfn:
            if lastfn is not None and fieldname < lastfn:
                raise OutOfOrderError("Field %r .. %r" % (lastfn, fieldname))
            if lasttext is not None:
                _write_term(self, lastfn, lasttext, ids, weights, values, field_lengths, lengths,
                            capture if lastfn in keep else None)
            if lastfn is not None:
                self.finish_field()
            self.start_field(fieldname, schema[fieldname])
            lastfn, lasttext = fieldname, None
            field_lengths = length_bytes(lengths, fieldname) if lengths is not None else None
        elif lasttext and btext < lasttext:
            raise OutOfOrderError("Term %s:%r .. %s:%r" % (lastfn, lasttext, fieldname, btext))
        if docnum == -1:  # Whoosh's mark for a spelling word, not a posting
            continue
        if btext != lasttext:
            if lasttext is not None:
                _write_term(self, lastfn, lasttext, ids, weights, values, field_lengths, lengths,
                            capture if lastfn in keep else None)
            lasttext = btext
            ids, weights, values = [docnum], [weight], [value]
        else:
            ids.append(docnum)
            weights.append(weight)
            values.append(value)
    if lasttext is not None:
        _write_term(self, lastfn, lasttext, ids, weights, values, field_lengths, lengths,
                    capture if lastfn in keep else None)


def _write_term(self, fieldname, btext, ids, weights, values, field_lengths, lengths, capture):
    """One term's postings (ascending document numbers) into Whoosh's blocks, then the capture."""
    if len(ids) > 1 and ids != sorted(ids):  # document_writer.sorted_postings relies on this order
        raise ValueError(f"postings of {fieldname}:{btext!r} out of document order")
    if lengths is not None and ids[-1] > lengths._doccount:  # as W3PerDocReader.doc_field_length
        raise IndexError("Asked for docnum %r of %d" % (ids[-1], lengths._doccount))
    self.start_term(btext)
    writer = self._postwriter
    limit = writer._blocklimit
    for at in range(0, len(ids), limit):
        if at:  # the block before is full: add_posting writes it before adding the next posting
            writer._write_block()
        block_ids = ids[at:at + limit]
        block_weights = weights[at:at + limit]
        writer._ids.extend(block_ids)
        writer._weights.extend(block_weights)
        # add_posting keeps the first weight above the one before, starting from 0: max() returns
        # the first of equal largest weights, and 0 stays when none is above it.
        top = max(block_weights)
        writer._maxweight = top if top > 0 else 0
        writer._values.extend(filter(None, values[at:at + limit]))  # an empty value is not kept
        if field_lengths is not None:
            known = len(field_lengths)
            found = [length for length in
                     [_LENGTH_OF_BYTE[field_lengths[d]] if d < known else 0 for d in block_ids] if length]
            if found:
                writer._minlength = min(found)
                writer._maxlength = max(found)
    self.finish_term()
    if capture is not None:
        capture.add_term(fieldname, btext, ids, weights, values)


def install() -> None:
    """Called by whoosh_patches.install(), with the capture's close."""
    whoosh3.W3FieldWriter.add_postings = add_postings

