"""The query help's examples are links that find something in the archive they are shown on."""
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from archive.help_examples import FALLBACK, field_examples


def _help_queries(client) -> list[str]:
    html = client.get("/help").get_data(as_text=True)
    return [parse_qs(urlsplit(unescape(link)).query)["q"][0] for link in re.findall(r'href="(/\?q=[^"]*)"', html)]


def test_every_example_on_the_help_page_finds_something(client):
    facets = client.get("/api/search").get_json()["facets"]
    queries = _help_queries(client)
    assert len(queries) >= 15 and "abuse NOT police" in queries
    for q in queries:
        field = q.split(":", 1)[0] if ":" in q else None
        if field in FALLBACK and not facets.get(field):
            continue  # the archive names no value of it (no document has an author): the fallback is shown
        assert client.get("/api/search", query_string={"q": q}).get_json()["total"] > 0, q


def test_field_examples_come_from_the_archive_not_a_fixed_list(client):
    queries = _help_queries(client)
    assert "source:reuters" not in queries  # the test archive has no Reuters
    assert any(q.startswith("source:") for q in queries)


@pytest.mark.parametrize("facets, field, example", [
    ({"source": [("U.S. Department of State", 13)]}, "source", "state"),
    ({"place": [("St. Ives", 3)]}, "place", "ives"),
    ({"year": [("2023", 8)]}, "year", "2023"),
    ({"speaker": [("Kenneth Roth", 5)]}, "full_name", "kenneth roth"),
    ({"speaker": [("Roth", 9), ("Ana Ruiz", 2)]}, "full_name", "ana ruiz"),  # a whole name for who:"..."
    # negative cases: nothing usable keeps the fallback
    ({}, "source", "reuters"),
    ({"source": [("AP", 2)]}, "source", "reuters"),
    ({"speaker": [('Say "no"', 1)]}, "full_name", "kenneth roth"),
    ({"year": [("undated", 900)]}, "year", "2018"),  # undated is a filter value, not a year to type
    ({"year": [("undated", 900), ("2004", 3)]}, "year", "2004"),
])
def test_field_examples(facets, field, example):
    assert field_examples(facets)[field] == example
