"""The speaker correction file: its rules, and an edit to it applied end to end by `flask ingest`."""
from __future__ import annotations

import html

import pytest

from app import create_app
from indexer.speaker_corrections import Corrections, CorrectionsError, parse

FIRST = """Title: Council votes on the bridge
Source: Example Wire
Date: 2021-03-04

The council voted on Tuesday to rebuild the old bridge.

"The bridge will open again next spring," said Maria Okafor, the council's leader.
"""
SECOND = """Title: Bridge works begin
Source: Example Wire
Date: 2021-06-09

Work on the old bridge began on Monday.

"We kept our promise to the town," said M. Okafor, the council leader.

"Nobody asked us," said Pat Doyle, who lives by the bridge.
"""
RULES = """
hide = ["pat doyle"]

[merge]
"Maria Okafor" = ["M. Okafor", "Okafor"]
"""


@pytest.mark.parametrize("text, name, expected", [
    (RULES, "M. Okafor", "Maria Okafor"),
    (RULES, "m.  okafor", "Maria Okafor"),  # case and spacing do not matter
    (RULES, "Maria Okafor", "Maria Okafor"),
    (RULES, "Pat Doyle", None),
    (RULES, "Okafors", "Okafors"),  # only whole names
    ('[rename]\n"Wong Kar-" = "Wong Kar-wai"\n', "Wong Kar-", "Wong Kar-wai"),
    ('[rename]\n"A" = "B"\n"B" = "C"\n', "A", "C"),  # a chain ends at its last name
    ('[rename]\n"Ana" = "Ana Silva"\n', "ANA", "Ana Silva"),
    ('hide = ["X"]\n[merge]\n"X" = ["Y"]\n', "Y", None),  # an alias of a hidden name is hidden too
    ("", "Anyone", "Anyone"),
])
def test_rules(text, name, expected):
    assert parse(text).canonical(name) == expected


@pytest.mark.parametrize("text, message", [
    ("hide = [", "not valid TOML"),
    ("[aliases]\n", "unknown section"),
    ('hide = ["A"]\n[rename]\n"A" = "B"\n', "both hidden"),
    ('[rename]\n"A" = "B"\n[merge]\n"C" = ["A"]\n', "two names"),
    ('[rename]\n"A" = "B"\n"B" = "A"\n', "circle"),
    ("hide = 3\n", "expected a name"),
    ('[rename]\n"A" = ""\n', "empty name"),
])
def test_bad_files_are_refused_with_a_reason(text, message):
    with pytest.raises(CorrectionsError, match=message):
        parse(text)


def test_rules_survive_the_catalogue():
    rules = parse(RULES)
    assert Corrections.from_json(rules.to_json()) == rules
    assert rules.changed_names(Corrections(), ["M. Okafor", "Pat Doyle", "Ana"]) == {"M. Okafor", "Pat Doyle"}


@pytest.fixture()
def archive_app(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bridge_vote.txt").write_text(FIRST, encoding="utf-8")
    (docs / "bridge_works.txt").write_text(SECOND, encoding="utf-8")
    app = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "ix", "BUILD_INDEX_IF_MISSING": False,
                      "SPEAKERS_FILE": tmp_path / "speakers.toml"})
    return app, docs, tmp_path / "speakers.toml"


def _speaker_facet(client) -> dict[str, int]:
    return {f["value"]: f["count"] for f in client.get("/api/search?q=").get_json()["facets"]["speaker"]}


def test_an_edited_correction_file_merges_and_hides_on_the_next_ingest(archive_app):
    app, docs, speakers_file = archive_app
    runner, client = app.test_cli_runner(), app.test_client()
    first = runner.invoke(args=["ingest", "--quiet", str(docs)])
    assert first.exit_code == 0, first.output
    assert set(_speaker_facet(client)) == {"Maria Okafor", "M. Okafor", "Pat Doyle"}

    speakers_file.write_text(RULES, encoding="utf-8")
    again = runner.invoke(args=["ingest", "--quiet", str(docs)])
    assert again.exit_code == 0, again.output
    assert "2 unchanged" in again.output and "1 re-written for speaker corrections" in again.output  # only the document naming them

    assert _speaker_facet(client) == {"Maria Okafor": 2}  # one person, both quotes; Pat Doyle hidden
    page = client.get("/speakers/Maria Okafor")
    assert page.status_code == 200
    assert "We kept our promise to the town" in html.unescape(page.get_data(as_text=True))
    assert client.get("/speakers/M. Okafor").status_code == 404
    assert client.get("/speakers/Pat%20Doyle").status_code == 404

    hits = client.get("/api/search?q=promise").get_json()["results"]
    quote = next(hit for hit in hits if hit["kind"] == "quote")
    assert quote["speaker"] == "Maria Okafor"
    assert "Maria Okafor" in html.unescape(client.get(f"/p/{quote['id']}").get_data(as_text=True))
    for ext in ("json", "ris", "bib"):  # the downloads cite the quote by its speaker's canonical name
        cited = client.get(f"/p/{quote['id']}/cite.{ext}").get_data(as_text=True)
        assert "Maria Okafor" in cited and "M. Okafor" not in cited, ext
    hidden = next(hit for hit in client.get("/api/search?q=nobody").get_json()["results"] if hit["kind"] == "quote")
    assert hidden["speaker"] is None  # the quote stays; only the false speaker goes
    for ext in ("json", "ris", "bib"):  # ... and its citation credits nobody
        cited = client.get(f"/p/{hidden['id']}/cite.{ext}").get_data(as_text=True)
        assert "Nobody asked us" in cited and "Doyle" not in cited, ext
    directory = html.unescape(client.get("/speakers").get_data(as_text=True))  # the speaker directory agrees
    assert "Maria Okafor" in directory and "M. Okafor" not in directory and "Pat Doyle" not in directory

    listed = runner.invoke(args=["speakers"])
    assert "Maria Okafor" in listed.output and "Pat Doyle" not in listed.output

    speakers_file.unlink()  # taking a rule back restores the names as found, again without re-reading
    undone = runner.invoke(args=["ingest", "--quiet", str(docs)])
    assert "2 unchanged" in undone.output and "1 re-written" in undone.output
    assert set(_speaker_facet(client)) == {"Maria Okafor", "M. Okafor", "Pat Doyle"}


def test_a_bad_correction_file_stops_ingest_before_it_writes(archive_app):
    app, docs, speakers_file = archive_app
    speakers_file.write_text('[rename]\n"A" = "B"\n"B" = "A"\n', encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["ingest", "--quiet", str(docs)])
    assert result.exit_code != 0 and "circle" in result.output


@pytest.mark.parametrize("make, message", [
    (lambda path: path.mkdir(), "is a folder, not the correction file"),
    (lambda path: path.write_bytes('[rename]\n"Kale" = "Tom K\u00e4le"\n'.encode("latin-1")),
     "not UTF-8 text (byte 25 cannot be read); save it as UTF-8"),
], ids=["folder", "latin-1"])
def test_a_correction_file_that_cannot_be_read_says_why_in_plain_words(archive_app, make, message):
    """Python's own text ('[Errno 21] Is a directory: ...', "'utf-8' codec can't decode byte 0xe4
    in position 24: invalid continuation byte") was passed on as the reason."""
    app, docs, speakers_file = archive_app
    make(speakers_file)
    result = app.test_cli_runner().invoke(args=["ingest", "--quiet", str(docs)])
    assert result.exit_code == 3 and f"Error: {speakers_file}: {message}" in result.output, result.output
    assert "Errno" not in result.output and "codec" not in result.output


def test_spellings_of_one_name_in_different_documents_are_one_speaker(tmp_path):
    from indexer.engine import SearchEngine, SearchRequest
    from indexer.ingest import ingest

    docs = tmp_path / "docs"
    docs.mkdir()
    story = 'Title: Match {n}\n\nThe team won on Saturday.\n\n"We played well," said {name}, the manager.\n'
    (docs / "one.txt").write_text(story.format(n=1, name="Jose Mourinho"), encoding="utf-8")
    (docs / "two.txt").write_text(story.format(n=2, name="Alan Pardew"), encoding="utf-8")
    ingest([docs], tmp_path / "ix")
    (docs / "three.txt").write_text(story.format(n=3, name="José Mourinho"), encoding="utf-8")
    summary = ingest([docs], tmp_path / "ix")
    assert (summary.added, summary.corrected) == (1, 1)  # the earlier document takes the better spelling
    facet = dict(SearchEngine(tmp_path / "ix").search(SearchRequest("played")).facets["speaker"])
    assert facet == {"José Mourinho": 2, "Alan Pardew": 1}


def test_an_index_from_before_the_ledger_gets_its_speakers_listed_and_corrected(archive_app):
    import sqlite3

    from archive.speaker_list import list_speakers

    app, docs, speakers_file = archive_app
    runner = app.test_cli_runner()
    runner.invoke(args=["ingest", "--quiet", str(docs)])
    index_dir = app.config["INDEX_DIR"]
    db = sqlite3.connect(f"{index_dir}/catalog.sqlite")
    db.executescript("DROP TABLE found_speakers; DROP TABLE speaker_rules;")  # as older versions left it
    db.close()
    speakers_file.write_text(RULES, encoding="utf-8")
    result = runner.invoke(args=["ingest", "--quiet", str(docs)])
    assert "2 unchanged" in result.output and "1 re-written" in result.output
    assert [(row.name, row.quotes) for row in list_speakers(index_dir)] == [("Maria Okafor", 2)]
