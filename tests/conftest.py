"""Fixtures: a tiny archive built from the bundled samples plus a few documents written here."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import SAMPLES, create_app
from indexer.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


# Two tiers. `pytest` runs the fast one (a few minutes on a 2-core machine); tests marked
# heavy (ingests of a thousand documents or more, Chromium) run with --heavy, as .ci/run does.
def pytest_addoption(parser):
    parser.addoption("--heavy", action="store_true", help="also run the tests marked heavy")


def pytest_configure(config):
    config.addinivalue_line("markers", "heavy: a slow test (1,000+ document ingests, Chromium); runs with --heavy")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--heavy"):
        return
    skip = pytest.mark.skip(reason="heavy: run with --heavy (.ci/run does)")
    for item in items:
        if "heavy" in item.keywords:
            item.add_marker(skip)

TRANSCRIPT = """Title: Interview with a former detainee
Source: Oral history collection
Date: 12 June 2019
Interviewer: Ana Lopez
Interviewee: Min-jun Park

INTERVIEWER: When did you arrive at the camp?

W-17: In the winter of 2009. A guard told us, "Nobody leaves this place alive."

INTERVIEWER: What happened next?

W-17: We worked in the mines from dawn.
"""

ARTICLE = """Title: Aid group warns of famine
Source: Example Wire
Date: Nov. 3, 2020
URL: https://example.org/news/famine-warning

NAIROBI (Example Wire) — Aid workers said on Tuesday that a famine was likely.

"We are running out of time," said Jane Achieng, director of the Relief Coalition. "The rains failed twice."

Achieng added that the government had not responded. "Nobody is listening to us," she said.

Image: Women queue for water in Turkana. Pic: Example Wire
"""


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for sample in SAMPLES.iterdir():
        shutil.copy(sample, folder / sample.name)
    (folder / "interview_2019.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (folder / "famine_2020.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def built_index(corpus, tmp_path_factory) -> Path:
    index_dir = tmp_path_factory.mktemp("index")
    summary = ingest([corpus], index_dir)
    assert summary.failed == 0, summary.failures
    return index_dir


@pytest.fixture()
def app(built_index):
    return create_app({"TESTING": True, "INDEX_DIR": built_index, "BUILD_INDEX_IF_MISSING": False})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()
