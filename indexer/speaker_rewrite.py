"""Re-writing the records of documents whose speakers a changed correction file renames or hides.

The records come back from the index's stored fields and the names as found from the ledger, so
no file is read or parsed again: an edit to ``speakers.toml`` that touches ten documents re-writes
ten documents' records, whatever the size of the archive.
"""
from __future__ import annotations

from .speaker_corrections import Corrections
from .speaker_ledger import SpeakerLedger


def documents_to_rewrite(ledger: SpeakerLedger, old: Corrections, new: Corrections) -> list[str]:
    """Documents with a speaker that `new` shows differently from `old`."""
    if old == new:
        return []
    return ledger.documents_naming(old.changed_names(new, ledger.names()))


def rewrite(doc_id: str, stored_records, writer, ledger: SpeakerLedger, rules: Corrections) -> int:
    """Replace one document's records with the same records under `rules`; how many were written.

    The writer's deletions apply to committed segments only, so the caller must not also write
    this document in the same commit.
    """
    found = ledger.found_in(doc_id)
    stored = [dict(fields) for fields in stored_records.fields(doc_id)]
    if not stored:
        return 0
    writer.delete(doc_id)
    for rec in stored:
        original = found.get((rec["id"], rec["start"]))
        if original is not None:
            rec["speaker"] = rules.canonical(original.name)
            hidden = rec["speaker"] is None
            rec["speaker_kind"] = None if hidden else original.speaker_kind
            rec["speaker_role"] = None if hidden else original.role
        writer.add(rec)
    return len(stored)


def backfill(stored_records, ledger: SpeakerLedger) -> None:
    """An index written before the ledger existed: its stored speakers are the names as found."""
    by_doc: dict[str, list[tuple]] = {}
    for fields in stored_records.fields():
        if fields.get("speaker"):
            by_doc.setdefault(fields["doc"], []).append(
                (fields["id"], fields["start"], fields.get("kind"), fields["speaker"],
                 fields.get("speaker_kind"), fields.get("speaker_role")))
    for doc_id, found in by_doc.items():
        ledger.replace(doc_id, found)
