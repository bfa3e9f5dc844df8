"""Spelling variants of one name are one speaker across the archive; nothing else is merged."""
from __future__ import annotations

import pytest

from indexer.speaker_variants import variant_aliases


@pytest.mark.parametrize("counts, expected", [
    ({"José Mourinho": 2, "Jose Mourinho": 9}, {"Jose Mourinho": "José Mourinho"}),
    ({"George W. Bush": 3, "George W Bush": 5}, {"George W Bush": "George W. Bush"}),
    ({"Claire McCaskill": 1, "Claire Mccaskill": 4, "CLAIRE MCCASKILL": 2},
     {"Claire Mccaskill": "Claire McCaskill", "CLAIRE MCCASKILL": "Claire McCaskill"}),
    ({"Jean-Pierre Raffarin": 1, "Jean Pierre Raffarin": 1}, {"Jean Pierre Raffarin": "Jean-Pierre Raffarin"}),
    ({"Kenneth  Roth": 1, "Kenneth Roth": 2}, {"Kenneth  Roth": "Kenneth Roth"}),
    # different people, or not provably the same: left alone
    ({"Blair": 13, "Tony Blair": 157}, {}),
    ({"Bill Clinton": 3, "Hillary Clinton": 4, "Clinton": 2}, {}),
    ({"Mr Trump": 1, "Donald Trump": 5}, {}),
    ({"Ana Silva": 1}, {}),
])
def test_variants(counts, expected):
    assert variant_aliases(counts) == expected
