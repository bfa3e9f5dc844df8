"""The correction file's names that match no speaker: named in a note after ingest, not silently ignored."""
from __future__ import annotations

import pytest

from app import create_app
from indexer.ingest_unmatched import as_written, unmatched_keys
from indexer.speaker_corrections import parse

FOUND = ["Lea Moss", "Tom Kale", "Kale", "Veteran"]


@pytest.mark.parametrize("toml, expected", [
    ('[rename]\n"Tom Kalle" = "Tom Kale"\n', ["Tom Kalle"]),                 # a typo: matches nobody
    ('[rename]\n"tom  KALE" = "Thomas Kale"\n', []),                          # case and spacing as the rules match
    ('hide = ["Veteran", "A veteran"]\n', ["A veteran"]),
    ('[merge]\n"Tom Kale" = ["Kale", "Mr Kale"]\n', ["Mr Kale"]),            # the canonical name need not be found
    ('[merge]\n"Sir Tom Kale" = ["Tom Kale"]\n[rename]\n"Kale" = "Tom Kale"\n', []),  # a chain: both found
    ("", []),
])
def test_names_the_archive_has_no_speaker_for(tmp_path, toml, expected):
    path = tmp_path / "speakers.toml"
    path.write_text(toml, encoding="utf-8")
    assert as_written(path, unmatched_keys(parse(toml), FOUND)) == expected


def test_ingest_notes_them_and_still_succeeds(tmp_path):
    docs, speakers = tmp_path / "docs", tmp_path / "speakers.toml"
    docs.mkdir()
    (docs / "a.txt").write_text('Title: A\n\n"We will not wait," said Chair Lea Moss.\n', encoding="utf-8")
    speakers.write_text('hide = ["Ghost"]\n[rename]\n"LEA MOSS" = "Lea Moss (chair)"\n"Nobody Here" = "X"\n',
                        encoding="utf-8")
    app = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "ix", "BUILD_INDEX_IF_MISSING": False,
                      "SPEAKERS_FILE": speakers})
    done = app.test_cli_runner().invoke(args=["ingest", "--quiet", str(docs)])
    assert done.exit_code == 0, done.output
    assert (f'note {speakers}: 2 name(s) match no speaker in the archive, so their rules change nothing '
            '(spelt differently?): "Ghost", "Nobody Here"') in done.stderr
    speakers.write_text('[rename]\n"LEA MOSS" = "Lea Moss (chair)"\n', encoding="utf-8")
    again = app.test_cli_runner().invoke(args=["ingest", "--quiet", str(docs)])
    assert again.exit_code == 0 and "note" not in again.stderr
