"""The archive's Flask application: configuration, blueprints and CLI commands, nothing else."""
from __future__ import annotations

import os
from pathlib import Path

import click
from flask import Flask

SAMPLES = Path(__file__).resolve().parent / "samples"


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        INDEX_DIR=os.path.join(app.instance_path, "index"),
        SPEAKERS_FILE=os.path.join(app.instance_path, "speakers.toml"),  # see indexer/speaker_corrections.py
        SAMPLE_DIR=str(SAMPLES),
        BUILD_INDEX_IF_MISSING=True,
        PAGE_SIZE=20,
        PUBLIC_URL="",  # the archive's public address, e.g. https://archive.example.org (README)
        PROXY_FIX=0,  # proxies in front whose X-Forwarded-* headers to trust (README)
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env()  # FLASK_INDEX_DIR=/path/to/index
    else:
        app.config.from_mapping(test_config)
    app.config["INDEX_DIR"] = str(app.config["INDEX_DIR"])

    from archive import api, errors, exports, facet_pages, public_links, request_handles, search_command, speaker_commands, views
    from indexer import check_command, cli
    public_links.configure(app)
    app.json = api.SafeJSONProvider(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(exports.bp)
    app.register_blueprint(facet_pages.bp)
    errors.register(app)
    search_command.register(app)
    speaker_commands.register(app)
    for command in cli.commands(lambda: app.config):
        app.cli.add_command(command)
    app.cli.add_command(check_command.command(lambda: app.config))
    app.teardown_appcontext(request_handles.close_catalog)
    if test_config is None and app.config["BUILD_INDEX_IF_MISSING"] and _serving():
        build_sample_archive(app)
    return app


def _serving() -> bool:
    """True under `flask run` or a WSGI server; False for `flask extract`, `flask ingest` and the like.

    Flask loads the app for its other commands while resolving their name, in the `flask` group's
    context; `run` loads it inside its own.
    """
    context = click.get_current_context(silent=True)
    return context is None or context.info_name == "run"


def build_sample_archive(app: Flask) -> None:
    """A fresh clone's first `flask run` serves the bundled samples: ingested here, at start-up,
    once, when INDEX_DIR holds no index, so that no request ever writes."""
    from indexer.engine import SearchEngine
    from indexer.ingest import IngestBusy, ingest

    if SearchEngine(app.config["INDEX_DIR"]).exists() or not app.config.get("SAMPLE_DIR"):
        return
    if Path(app.config["INDEX_DIR"]).exists() or app.config["SAMPLE_DIR"] != str(SAMPLES):
        # A folder without a TOC is a damaged archive, not a fresh clone: never fill it with the
        # samples (`flask check` says what is wrong); and a configured SAMPLE_DIR is not "samples".
        app.logger.warning("No readable index at %s: not building the samples there; run `flask check`",
                           app.config["INDEX_DIR"])
        return
    app.logger.info("No index at %s: ingesting the sample documents", app.config["INDEX_DIR"])
    try:
        summary = ingest([Path(app.config["SAMPLE_DIR"])], Path(app.config["INDEX_DIR"]))
        app.logger.info("Sample archive built: %s", summary.line())
    except IngestBusy:
        pass  # another process is building it; pages say the archive is empty until it commits
