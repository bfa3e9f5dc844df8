"""Passages and quotes as flat records: the lines `flask extract` prints and the index stores."""
from __future__ import annotations

from typing import Iterator

from .model import Extraction, Passage, Quote


def records(extraction: Extraction) -> Iterator[dict]:
    """One dict per passage and quote, in document order, each passage before its quotes."""
    doc = extraction.document
    for item in extraction.in_order():
        speaker = item.speaker
        record = {
            "doc": doc.doc_id,
            "id": item.id,
            "kind": "quote" if isinstance(item, Quote) else item.kind,
            "text": item.text,
            "speaker": speaker.name if speaker else None,
            "speaker_kind": speaker.kind if speaker else None,
            "speaker_role": speaker.role if speaker else None,
            "source": doc.source,
            "date": doc.date,
            "place": doc.place,
            "title": doc.title,
            "author": doc.author,
            "start": item.start,
            "end": item.end,
            "paragraph": item.number,
        }
        if isinstance(item, Quote):
            record["passage"] = item.passage_id
            record["cue"] = item.cue
        elif isinstance(item, Passage) and item.kind == "quote":
            record["turn"] = True
        yield record
