"""The README is the only manual: its Commands section and its contents links must stay true.

The Commands block is compared with the app's own click commands (every command and option
documented, none documented that does not exist); every in-page link must land on a heading.
"""
import re
from pathlib import Path

import pytest

from app import create_app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
FLASKS_OWN = {"routes", "shell"}  # Flask's commands, not the archive's: named in a sentence only


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


@pytest.mark.parametrize("heading, slug", [
    ("Add your own documents", "add-your-own-documents"),
    ("metadata.csv: metadata without a header", "metadatacsv-metadata-without-a-header"),
    ("Serving it to others (public address)", "serving-it-to-others-public-address"),
    ("Pages, links and citations", "pages-links-and-citations"),
    # Negative: hyphens stay, they are not spaces; case is folded.
    ("Back up or move an archive", "back-up-or-move-an-archive"),
])
def test_github_slug(heading, slug):
    assert github_slug(heading) == slug


def _headings(text: str) -> set[str]:
    return {github_slug(m.group(1)) for m in re.finditer(r"^#{1,4} (.+)$", text, re.MULTILINE)}


def test_every_in_page_link_lands_on_a_heading():
    anchors = set(re.findall(r"\]\(#([^)]+)\)", README))
    assert anchors, "the README's contents links are gone"
    assert sorted(anchors - _headings(README)) == []


@pytest.mark.parametrize("text, broken", [
    ("## Search\n[Search](#search)", []),
    ("## Search\n[Find](#find)", ["find"]),
])
def test_broken_links_are_seen(text, broken):
    anchors = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert sorted(anchors - _headings(text)) == broken


def _commands_block() -> dict[str, set[str]]:
    """Each command the README's Commands block names, with the --options written for it."""
    section = README.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    documented: dict[str, set[str]] = {}
    current = None
    for line in section.splitlines():
        if not line.startswith("    "):
            continue
        code = line.split("#", 1)[0]  # what follows '#' is a comment, with examples of its own
        first = code.split()[0] if code.split() else ""
        if re.fullmatch(r"[a-z]+", first) and line[4] != " ":
            current = first
            documented.setdefault(current, set())
        if current:
            documented[current] |= set(re.findall(r"--[a-z][a-z-]*", code))
    return documented


def documented_options(name: str) -> set[str]:
    return _commands_block().get(name, set())


def _app_commands() -> dict[str, set[str]]:
    app = create_app({"INDEX_DIR": "/nonexistent-index", "TESTING": True})
    found = {}
    for name, command in app.cli.commands.items():
        found[name] = {opt for param in command.params for opt in getattr(param, "opts", ())
                       if opt.startswith("--")}
    return found


def test_every_archive_command_is_in_the_readme():
    documented = _commands_block()
    assert sorted(set(_app_commands()) - documented.keys() - FLASKS_OWN - {"run"}) == []
    assert "run" in documented


@pytest.mark.parametrize("name", sorted(set(_app_commands()) - FLASKS_OWN - {"run"}))
def test_each_commands_options_match_the_readme(name):
    """Both ways: an option the command has but the README omits, or one the README invents."""
    assert documented_options(name) == _app_commands()[name]


def test_the_readme_names_no_command_the_app_lacks():
    assert sorted(_commands_block().keys() - _app_commands().keys() - {"run"}) == []


def test_the_first_two_commands_open_the_readme():
    """The guide's promise: install-and-start, then install-and-test, before anything else."""
    blocks = re.findall(r"^    (python3 -m venv .+)$", README.split("\n## ", 1)[0], re.MULTILINE)
    assert blocks == [
        "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/flask --app app run",
        "python3 -m venv .venv && .venv/bin/pip install -r requirements-dev.txt && .venv/bin/python -m pytest",
    ]
    root = Path(__file__).resolve().parent.parent
    assert (root / "requirements.txt").is_file() and (root / "requirements-dev.txt").is_file()
    assert list((root / "samples").glob("*.txt")), "the first command promises bundled samples"
