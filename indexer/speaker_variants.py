"""One person, several spellings: "José Mourinho" and "Jose Mourinho", "George W. Bush" and "George W Bush".

Across the archive, names that differ only in accents, case, full stops, hyphens or spacing are
one speaker, shown under its best spelling. Nothing else is merged automatically: a bare surname
and a full name found in different documents may be two people (the Blairs, the Clintons), so that
merge is left to the correction file. A text rule: no Whoosh, no Flask.
"""
from __future__ import annotations

import re
import unicodedata


def variant_key(name: str) -> str:
    """What two spellings of one name share: no accents, case, full stops, hyphens or extra spaces."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return re.sub(r"[\s.\-‐–]+", " ", plain).strip().casefold()


def _preference(name: str, count: int) -> tuple:
    """Accents kept, then mixed case over capitals or lower case, then internal capitals (McCaskill), then use."""
    letters = [ch for ch in name if ch.isalpha()]
    mixed = any(ch.isupper() for ch in letters) and any(ch.islower() for ch in letters)
    return (not name.isascii(), mixed, sum(ch.isupper() for ch in letters) if mixed else 0,
            name.count(".") + name.count("-"), count)


def variant_aliases(counts: dict[str, int]) -> dict[str, str]:
    """name -> the spelling shown for it, for every name with a better-spelled variant in `counts`."""
    groups: dict[str, list[str]] = {}
    for name in counts:
        groups.setdefault(variant_key(name), []).append(name)
    aliases = {}
    for names in groups.values():
        if len(names) < 2:
            continue
        best = max(sorted(names), key=lambda n: _preference(n, counts[n]))
        aliases.update({name: best for name in names if name != best})
    return aliases
