"""A missing index is built at start-up when serving, never by a request nor by other commands."""
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from app import SAMPLES, _serving, build_sample_archive, create_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("info_name, serving", [("run", True), ("flask", False), ("extract", False)])
def test_only_run_counts_as_serving(info_name, serving):
    with click.Context(click.Command(info_name), info_name=info_name):
        assert _serving() is serving


def test_no_click_context_is_a_wsgi_server():
    assert _serving() is True


def test_start_up_builds_the_samples_and_requests_only_read(tmp_path):
    app = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "ix", "BUILD_INDEX_IF_MISSING": False})
    app.test_client().get("/?q=korea")  # no index yet: whatever it answers, it builds nothing
    assert not (tmp_path / "ix").exists()
    build_sample_archive(app)
    body = app.test_client().get("/?q=korea").get_data(as_text=True)
    assert "Kenneth Roth" in body
    assert {p.name for p in SAMPLES.iterdir()} and (tmp_path / "ix" / "catalog.sqlite").exists()


def test_flask_extract_builds_no_index(tmp_path):
    env = dict(os.environ, FLASK_INDEX_DIR=str(tmp_path / "ix"))
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "app", "extract", str(next(SAMPLES.iterdir()))],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") > 3
    assert not (tmp_path / "ix").exists()
