"""Citation ids: short, URL-safe, and derived from the cited words alone.

An id is a hash of the normalised text, so it survives re-ingest, a rebuild, paragraphs moving
around it, metadata edits and the file being renamed. Identical text inside one document is told
apart by its occurrence number; identical text in two documents shares the id, and the archive
shows both places (a wire story reprinted by two outlets is one quote).
"""
from __future__ import annotations

import base64
import hashlib
import unicodedata

_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return " ".join(text.split())  # = re.sub(r"\s+", " ", text).strip(): \s is str.isspace()


def make_id(kind: str, text: str, occurrence: int = 1) -> str:
    """10 base32 characters (50 bits): collisions stay unlikely past ten million passages."""
    return _id_of_normalised(kind, normalise(text), occurrence)


def _id_of_normalised(kind: str, normalised: str, occurrence: int) -> str:
    key = f"{kind}:{normalised}" + (f"#{occurrence}" if occurrence > 1 else "")
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:10]


class IdMaker:
    """Hands out ids for one document, numbering repeats of the same text."""

    def __init__(self):
        self._seen: dict[tuple[str, str], int] = {}

    def __call__(self, kind: str, text: str) -> str:
        key = (kind, normalise(text))
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        return _id_of_normalised(kind, key[1], count)
