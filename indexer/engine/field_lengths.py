"""A segment's field lengths as bytes, read once: for BM25F in numpy_match and Whoosh's own lengths."""
from __future__ import annotations

from whoosh.codec import whoosh3

_MISSING = object()


def length_bytes(perdoc, fieldname: str) -> bytes | None:
    """A segment's stored field-length bytes, one per document, read once per reader.

    None when the field keeps no lengths. Documents after the last stored byte have length 0.
    """
    cache = perdoc.__dict__.setdefault("_length_bytes", {})
    lengths = cache.get(fieldname, _MISSING)
    if lengths is _MISSING:
        column = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        lengths = None if column is None else column._dbfile.get(column._basepos, column._count)
        cache[fieldname] = lengths
    return lengths
