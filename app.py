"""The archive's Flask application: configuration, blueprints and CLI commands, nothing else."""
from __future__ import annotations

import os
from pathlib import Path

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

    from archive import api, commands, errors, public_links, speaker_commands, state, views
    public_links.configure(app)
    app.json = api.SafeJSONProvider(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    errors.register(app)
    commands.register(app)
    speaker_commands.register(app)
    app.teardown_appcontext(state.close_catalog)
    return app
