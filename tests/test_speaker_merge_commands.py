"""`flask speakers --merges` and the speaker page's "possibly the same person", on a tiny archive."""
from __future__ import annotations

import os
import time
import tomllib

import pytest
from flask import render_template
from markupsafe import escape

from app import create_app
from archive import speaker_merges
from archive.speaker_merges import SameAs, SpeakerHints, settled_names
from indexer.catalog import catalog_path

STORIES = {
    "harbour_plan.txt": ("Harbour plan approved", "2021-03-04", "The council approved the harbour plan on Tuesday.",
                         '"The harbour will be busy again by the summer," said Tom Kale, the council leader.'),
    "harbour_works.txt": ("Harbour works start", "2021-06-09", "Work on the harbour began on Monday.",
                          '"We kept our promise to the town," said Mr Kale.\n\n"The boats will be back soon," Kale added.'),
    "ferry_fares.txt": ("Ferry fares rise", "2021-07-01", "Ferry fares will rise next month.",
                        '"Nobody likes paying more," said Ana Ruiz, who runs the ferry company.'),
    "ferry_strike.txt": ("Ferry strike ends", "2021-08-01", "The ferry strike ended on Friday.",
                         '"The crews are going back," said Luis Ruiz, the union\'s organiser.'),
    "ferry_timetable.txt": ("Ferry timetable", "2021-09-01", "A new timetable starts next week.",
                            '"It will suit the early workers," said Ruiz.'),
}


@pytest.fixture()
def archive_app(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, (title, date, lead, quotes) in STORIES.items():
        (docs / name).write_text(f"Title: {title}\nSource: Example Wire\nDate: {date}\n\n{lead}\n\n{quotes}\n",
                                 encoding="utf-8")
    app = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "ix", "BUILD_INDEX_IF_MISSING": False,
                      "SPEAKERS_FILE": tmp_path / "speakers.toml"})
    result = app.test_cli_runner().invoke(args=["ingest", "--quiet", str(docs)])
    assert result.exit_code == 0, result.output
    return app, docs, tmp_path / "speakers.toml"


def _speakers(runner) -> dict[str, int]:
    rows = [line.split(None, 2) for line in runner.invoke(args=["speakers"]).output.splitlines()[1:]]
    return {row[2]: int(row[0]) for row in rows if len(row) == 3 and row[0].isdigit()}


def _merge_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line and not line.startswith(("#", "["))]


def test_merges_are_printed_as_lines_for_the_correction_file_and_applied_only_once_pasted(archive_app):
    app, docs, speakers_file = archive_app
    runner = app.test_cli_runner()
    assert _speakers(runner) == {"Kale": 2, "Ana Ruiz": 1, "Luis Ruiz": 1, "Ruiz": 1, "Tom Kale": 1}

    result = runner.invoke(args=["speakers", "--merges"])
    assert result.exit_code == 0, result.output
    out = result.stdout  # what `flask speakers --merges >> speakers.toml` would append; the summary is on stderr
    assert "1 likely merge, 0 to check (commented out), 1 ambiguous" in result.stderr
    assert out.startswith("[merge]\n")
    assert _merge_lines(out) == ['"Tom Kale" = ["Kale"]']
    assert '# "Kale" 2 quotes in 1 document; written \'Mr Kale\'; "Tom Kale" 1 quote in 1 document' in out
    assert '# "Ruiz" 1 quote in 1 document (2 full names end in \'Ruiz\'): "Ana Ruiz" (1), "Luis Ruiz" (1)' in out
    assert tomllib.loads(out.split("\n\n")[0]) == {"merge": {"Tom Kale": ["Kale"]}}  # pastes as it is
    assert _speakers(runner)["Kale"] == 2  # nothing merged behind the reviewer's back

    speakers_file.write_text(out, encoding="utf-8")  # the whole answer, comments and all
    again = runner.invoke(args=["ingest", "--quiet", str(docs)])
    assert again.exit_code == 0 and "1 re-written for speaker corrections" in again.output, again.output
    assert _speakers(runner) == {"Tom Kale": 3, "Ana Ruiz": 1, "Luis Ruiz": 1, "Ruiz": 1}

    after = runner.invoke(args=["speakers", "--merges"]).stdout
    assert _merge_lines(after) == [] and "Kale" not in after  # settled: not proposed again
    assert "Ruiz" in after and "[merge]" not in after.splitlines()  # the file has its own table now
    assert "under the correction file's own [merge] table" in after


def test_a_name_renamed_to_itself_is_kept_out_of_the_proposals(archive_app):
    app, _, speakers_file = archive_app
    speakers_file.write_text('[rename]\n"Kale" = "Kale"\n', encoding="utf-8")  # "looked at: two people"
    out = app.test_cli_runner().invoke(args=["speakers", "--merges"]).output
    assert '"Tom Kale" = ["Kale"]' not in out and "Ruiz" in out


def test_merges_need_an_index_and_a_readable_correction_file(archive_app, tmp_path):
    app, _, speakers_file = archive_app
    speakers_file.write_text('[rename]\n"A" = "B"\n"B" = "A"\n', encoding="utf-8")
    broken = app.test_cli_runner().invoke(args=["speakers", "--merges"])
    assert broken.exit_code == 2 and "circle" in broken.output
    empty = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "none", "BUILD_INDEX_IF_MISSING": False})
    missing = empty.test_cli_runner().invoke(args=["speakers", "--merges"])
    assert missing.exit_code == 2 and "run `flask ingest` first" in missing.output


def test_the_page_of_a_bare_surname_names_the_likely_full_name(archive_app, monkeypatch):
    app, docs, speakers_file = archive_app
    client = app.test_client()
    calls = []
    real = speaker_merges.merge_report
    monkeypatch.setattr(speaker_merges, "merge_report", lambda *a, **k: calls.append(1) or real(*a, **k))
    settle(catalog_path(app.config["INDEX_DIR"]))  # kept only once its stat can be trusted (indexer/stat_memo)

    page = client.get("/speakers/Kale").get_data(as_text=True)
    assert 'Possibly the same person</h2>\n<ul><li><a href="/speakers/Tom%20Kale">Tom Kale</a> (1 quote).' in page
    assert "add <code>&#34;Tom Kale&#34; = [&#34;Kale&#34;]</code> under <code>[merge]</code>" in page
    assert "Nothing is merged by the archive itself" in page
    # the full name points back to the surname, with the same line
    full = client.get("/speakers/Tom Kale").get_data(as_text=True)
    assert '<li><a href="/speakers/Kale">Kale</a> (2 quotes).' in full and "&#34;Tom Kale&#34; = [&#34;Kale&#34;]" in full
    # an ambiguous surname lists its full names without calling any of them the same person
    ruiz = client.get("/speakers/Ruiz").get_data(as_text=True)
    assert "Possibly the same person" not in ruiz and "Other speakers of this surname" in ruiz
    assert '<a href="/speakers/Ana%20Ruiz">Ana Ruiz</a> (1 quote), <a href="/speakers/Luis%20Ruiz">Luis Ruiz</a>' in ruiz
    # negative case: a full name of an ambiguous surname is pointed to from it, not to it
    assert "same-person" not in client.get("/speakers/Ana Ruiz").get_data(as_text=True)
    assert len(calls) == 1  # worked out once for the archive as it stands, not per page

    speakers_file.write_text('[merge]\n"Tom Kale" = ["Kale"]\n', encoding="utf-8")
    app.test_cli_runner().invoke(args=["ingest", "--quiet", str(docs)])
    assert client.get("/speakers/Kale").status_code == 404
    assert "Possibly the same person" not in client.get("/speakers/Tom Kale").get_data(as_text=True)
    assert len(calls) == 2  # the commit changed the catalogue: worked out again


def test_a_correction_file_saved_twice_in_one_clock_tick_is_read_again(archive_app):
    """Two saves within one mtime tick leave the same size and mtime: a key taken from a stat of the
    first would be trusted for the second. Nothing is kept while a file's mtime is that recent."""
    app, _, speakers_file = archive_app
    client = app.test_client()
    settle(catalog_path(app.config["INDEX_DIR"]))
    speakers_file.write_text('[rename]\n"Ruiz" = "Ruiz"\n', encoding="utf-8")
    first = speakers_file.stat().st_mtime_ns
    assert "Possibly the same person</h2>" in client.get("/speakers/Kale").get_data(as_text=True)
    speakers_file.write_text('[rename]\n"Kale" = "Kale"\n', encoding="utf-8")  # same size
    os.utime(speakers_file, ns=(first, first))  # ... and the same tick
    assert "Possibly the same person" not in client.get("/speakers/Kale").get_data(as_text=True)


def settle(path) -> None:
    an_hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(path, ns=(an_hour_ago, an_hour_ago))


def test_the_hint_is_escaped(archive_app):
    app, _, _ = archive_app
    with app.test_request_context("/speakers/Kale"):
        page = render_template("speaker.html", name="Kale", groups={}, total=1, quotes=1, roles=[], kind="person",
                               page=1, pages=1, same_person=SpeakerHints((SameAs(
                                   '<script>alert("x")</script> Kale', 2, '"<script>" = ["Kale"]'),)))
    assert "<script>" not in page and str(escape('<script>alert("x")</script> Kale')) in page


@pytest.mark.parametrize("text, expected", [
    ('hide = ["You"]\n[rename]\n"Wong Kar-" = "Wong Kar-wai"\n[merge]\n"Tom Kale" = ["KALE", "Mr  Kale"]\n',
     {"you", "wong kar-", "wong kar-wai", "tom kale", "kale", "mr kale"}),
    ('[rename]\n"Kale" = "Kale"\n', {"kale"}),
    ("hide = [", set()),  # not TOML: ingest and --merges say so; the page just has no exclusions
    ("", set()),
])
def test_settled_names(tmp_path, text, expected):
    path = tmp_path / "speakers.toml"
    path.write_text(text, encoding="utf-8")
    assert settled_names(path) == expected
