"""Exports: every matching record, in every format, with every filter, safe in a spreadsheet."""
import csv
import io
import json

import pytest

from archive.exports import safe_cell


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("plain words", "plain words"),
    ("a = b", "a = b"), ("", ""), (None, ""), ("2019-06-12", "2019-06-12"),
])
def test_safe_cell_neutralises_formula_starts(value, expected):
    assert safe_cell(value) == expected


def parse(fmt: str, body: str) -> list[dict]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(body)))
    if fmt == "json":
        return json.loads(body)
    return [json.loads(line) for line in body.splitlines()]


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
@pytest.mark.parametrize("args", [{"q": ""}, {"q": "said"}, {"q": "", "kind": "quote"},
                                  {"q": "", "sort": "oldest"}, {"q": "nothingmatchesthis"}])
def test_export_has_every_matching_record_in_page_order(client, fmt, args):
    pages, page = [], 1
    while True:
        found = client.get("/api/search", query_string={**args, "page": page, "size": 50}).get_json()
        pages += [(h["id"], h["doc"]) for h in found["results"]]
        if page >= found["pages"]:
            break
        page += 1
    response = client.get(f"/export.{fmt}", query_string=args)
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    rows = parse(fmt, response.get_data(as_text=True))
    assert [(r["id"], r["doc"]) for r in rows] == pages
    assert len(rows) == found["total"]
    for row in rows:
        assert row["citation"].startswith("http://localhost/p/" + row["id"])
        assert set(row) >= {"speaker", "source", "date", "doc", "text"}


def test_export_respects_the_speaker_filter(client):
    everyone = parse("jsonl", client.get("/export.jsonl?q=").get_data(as_text=True))
    speaker = next(r["speaker"] for r in everyone if r["speaker"])
    rows = parse("jsonl", client.get("/export.jsonl", query_string={"q": "", "speaker": speaker}).get_data(as_text=True))
    assert rows and {r["speaker"] for r in rows} == {speaker} and len(rows) < len(everyone)


@pytest.mark.parametrize("url, status", [("/export.xlsx?q=", 404), ("/export.csv?sort=sideways", 400),
                                         ("/export.csv?from=yesterday", 400)])
def test_export_refuses_bad_input_with_a_message(client, url, status):
    response = client.get(url)
    assert response.status_code == status and response.get_json()["error"]


def test_search_page_links_to_its_exports(client):
    page = client.get("/?q=nobody&kind=quote&page=2").get_data(as_text=True)
    for fmt in ("csv", "json", "jsonl"):
        assert f"/export.{fmt}?q=nobody&amp;kind=quote\"" in page
