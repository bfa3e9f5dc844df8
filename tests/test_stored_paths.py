"""The catalogue's names for files: absolute from any folder; old relative names read from here,
matched by their tail when they name nothing here, and gone only when this folder is theirs."""
import os
from pathlib import Path

import pytest

from indexer.stored_paths import (GONE, PRESENT, UNKNOWN, Whereabouts, another_file, is_legacy, legacy_folder,
                                  names_file, renamed, same_document, stored_path)


@pytest.fixture()
def here(tmp_path, monkeypatch):
    """tmp/proj/samples/a.txt and tmp/elsewhere/samples/a.txt (another file), in tmp/proj."""
    for folder in ("proj", "elsewhere"):
        (tmp_path / folder / "samples").mkdir(parents=True)
        (tmp_path / folder / "samples" / "a.txt").write_text(folder, encoding="utf-8")
    (tmp_path / "proj" / "link").symlink_to(tmp_path / "proj" / "samples", target_is_directory=True)
    monkeypatch.chdir(tmp_path / "proj")
    return tmp_path


@pytest.mark.parametrize("typed, expected", [
    ("samples/a.txt", "proj/samples/a.txt"),
    ("./samples/../samples/a.txt", "proj/samples/a.txt"),
    ("../elsewhere/samples/a.txt", "elsewhere/samples/a.txt"),
    ("link/a.txt", "proj/link/a.txt"),  # the symlink's name is kept, not resolved
])
def test_stored_path_is_absolute_and_keeps_the_given_names(here, typed, expected):
    assert stored_path(Path(typed)) == str(here / expected)


def test_stored_path_of_an_undecodable_name_is_text(here):
    name = os.fsdecode(b"caf\xe9.txt")
    assert stored_path(Path(name)).endswith("caf\\xe9.txt")


@pytest.mark.parametrize("stored, expected", [
    ("samples/a.txt", True),
    ("a.txt", True),
    ("../x/a.txt", True),
    ("/srv/samples/a.txt", False),
])
def test_is_legacy(stored, expected):
    assert is_legacy(stored) is expected


@pytest.mark.parametrize("stored, file, expected", [
    ("{here}/proj/samples/a.txt", "samples/a.txt", True),  # the same name
    ("samples/a.txt", "{here}/proj/samples/a.txt", True),  # an old relative row naming this file from here
    ("{here}/proj/link/a.txt", "samples/a.txt", True),  # the same file through a symlinked folder
    ("samples/a.txt", "{here}/elsewhere/samples/a.txt", False),  # from here it names another file
    ("b/a.txt", "{here}/elsewhere/b/a.txt", True),  # names nothing here; the file's name ends with it
    ("../../b/a.txt", "{here}/elsewhere/b/a.txt", True),  # leading '..' are not part of the tail
    ("gone/b/a.txt", "{here}/elsewhere/b/a.txt", False),  # names nothing here; another tail
    ("b/a.txt", "{here}/elsewhere/xb/a.txt", False),  # parts compared whole, not as text
    ("{here}/elsewhere/samples/a.txt", "samples/a.txt", False),  # two absolute names, two files
])
def test_names_file(here, stored, file, expected):
    assert names_file(stored.format(here=here), Path(file.format(here=here))) is expected


@pytest.mark.parametrize("stored, file, expected", [
    ("{here}/elsewhere/samples/a.txt", "samples/a.txt", True),  # both exist: business/001 and sport/001
    ("{here}/proj/old.txt", "samples/a.txt", False),  # the catalogued file is gone: a rename, same document
    ("samples/a.txt", "{here}/elsewhere/samples/a.txt", True),  # read from here, it is another file
    ("b/a.txt", "{here}/elsewhere/b/a.txt", False),
])
def test_another_file(here, stored, file, expected):
    assert another_file(stored.format(here=here), Path(file.format(here=here))) is expected


@pytest.mark.parametrize("stored, file, same, new_name", [
    ("{here}/proj/samples/a.txt", "samples/a.txt", True, False),
    ("{here}/proj/link/a.txt", "samples/a.txt", True, False),  # a symlinked folder's name is kept
    ("samples/a.txt", "{here}/proj/samples/a.txt", True, True),  # an old relative row
    ("{here}/old/samples/a.txt", "samples/a.txt", True, True),  # its folder moved
    ("{here}/elsewhere/samples/a.txt", "samples/a.txt", False, False),  # another file that exists: not this one
    ("gone/b/a.txt", "samples/a.txt", False, True),  # an old row naming nothing here, another tail
])
def test_same_document_and_renamed(here, stored, file, same, new_name):
    stored, file = stored.format(here=here), Path(file.format(here=here))
    assert same_document(stored, file) is same
    assert renamed(stored, file) is new_name


@pytest.mark.parametrize("stored, expected", [
    ("samples/a.txt", "proj/samples"),
    ("samples/deep/a.txt", "proj/samples"),
    ("./samples/a.txt", "proj/samples"),
    ("../elsewhere/samples/a.txt", "elsewhere"),
    ("a.txt", None),  # a file typed alone: no folder to recognise
    ("../a.txt", None),
])
def test_legacy_folder(here, stored, expected):
    assert legacy_folder(stored) == (None if expected is None else str(here / expected))


@pytest.mark.parametrize("stored, walked, expected", [
    ("samples/gone.txt", ["{here}/proj/samples"], GONE),  # `ingest --prune samples` run here
    ("samples/gone.txt", ["{here}/proj"], GONE),
    ("samples/deep/gone.txt", ["{here}/proj/samples/"], GONE),
    ("gone.txt", ["{here}/proj"], GONE),
    ("samples/gone.txt", ["{here}/elsewhere/samples"], UNKNOWN),  # another folder's samples/
    ("samples/gone.txt", ["{here}/proj/sample"], UNKNOWN),
    ("samples/gone.txt", ["{here}/proj/samples/deep"], UNKNOWN),  # walked below it, not where it would be
    ("samples/a.txt", ["{here}/proj/samples"], PRESENT),
])
def test_whereabouts_of_a_folder_this_ingest_walks(here, stored, walked, expected):
    where = Whereabouts(lambda folder: False, tuple(name.format(here=here) for name in walked))
    assert where.of(stored.format(here=here)) == expected


@pytest.mark.parametrize("stored, held, expected", [
    ("samples/a.txt", [], PRESENT),
    ("{here}/proj/samples/a.txt", [], PRESENT),
    ("{here}/proj/samples/gone.txt", [], GONE),  # an absolute name means the same from everywhere
    ("samples/gone.txt", ["{here}/proj/samples/"], GONE),  # the archive holds documents of ./samples
    ("samples/gone.txt", [], UNKNOWN),  # it may be another folder's samples/
    ("samples/gone.txt", ["{here}/proj/sample"], UNKNOWN),  # a name that begins alike is not the folder
    ("gone.txt", ["{here}/proj/"], UNKNOWN),
])
def test_whereabouts(here, stored, held, expected):
    folders = [name.format(here=here) for name in held]
    asked = []

    def holds(folder):
        asked.append(folder)
        return any(name == folder for name in folders)

    where = Whereabouts(holds)
    assert where.of(stored.format(here=here)) == expected
    assert where.of(stored.format(here=here)) == expected
    assert len(asked) <= 1  # one question per folder, however many rows are in it
