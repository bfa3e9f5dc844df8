"""Datelines of the common wire forms give the place (and the agency, and a date when written)."""
import pytest

from indexer.datelines import read_dateline


@pytest.mark.parametrize("text, expected, body", [
    ("BERLIN - Trains ran again on Friday.", {"place": "Berlin"}, "Trains"),
    ("NASHUA, N.H. — The council met late.", {"place": "Nashua, N.H."}, "The"),
    ("WASHINGTON (AP) — Lawmakers voted.", {"place": "Washington", "source": "AP"}, "Lawmakers"),
    ("LONDON (Reuters) - Shares fell.", {"place": "London", "source": "Reuters"}, "Shares"),
    ("KYIV, Ukraine (AP) — Sirens sounded.", {"place": "Kyiv, Ukraine", "source": "AP"}, "Sirens"),
    ("SAN JUAN, Puerto Rico — Power returned.", {"place": "San Juan, Puerto Rico"}, "Power"),
    ("WASHINGTON, Jan. 5 (AP) — The vote failed.", {"place": "Washington", "date": "Jan. 5", "source": "AP"}, "The"),
    ("ST. LOUIS -- Rain fell.", {"place": "St. Louis"}, "Rain"),
    ("BEIRUT— The port reopened.", {"place": "Beirut"}, "The"),
    ("date 2018-11-01 Seoul — Officials met.", {"date": "2018-11-01", "place": "Seoul"}, "Officials"),
    ("March 3, 2022 — NAIROBI — Aid arrived.", {"date": "March 3, 2022", "place": "Nairobi"}, "Aid"),
    ("Washington (AFP) – Ana Ruiz spoke.", {"place": "Washington", "source": "AFP"}, "Ana"),
    ("New Delhi (Reuters) - Shares fell.", {"place": "New Delhi", "source": "Reuters"}, "Shares"),
    ("Ana Ruiz (D-Ohio) - who won - spoke.", {}, "Ana"),  # a party tag is no agency: no dash after it
    # Negative cases: a hyphen inside a word, a headline, ordinary sentences.
    ("COVID-19 cases rose in the city.", {}, "COVID-19"),
    ("NATO-led forces entered the town.", {}, "NATO-led"),
    ("US - China talks resumed.", {}, "US"),
    ("The mayor - who was re-elected - spoke.", {}, "The"),
    ("Berlin - a city of bridges.", {}, "Berlin"),
])
def test_datelines(text, expected, body):
    found, after = read_dateline(text, 0)
    assert found == expected
    assert text[after:].startswith(body)
