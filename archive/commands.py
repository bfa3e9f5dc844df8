"""`flask extract`, `flask ingest`, `flask search`: thin click wrappers around plain functions."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import Flask

from indexer.extract import UnreadableFile, discover, extract_path
from indexer.records import records


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def extract_command(paths):
    """Print every passage and quote of PATHS as JSON Lines, without touching any index."""
    failed = 0
    out = sys.stdout
    for path in discover(list(paths)):
        try:
            extraction = extract_path(path)
        except UnreadableFile as err:
            failed += 1
            click.echo(f"skipped {path}: {err}", err=True)
            continue
        for warning in extraction.document.warnings:
            click.echo(f"warning {path}: {warning}", err=True)
        for record in records(extraction):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        sys.exit(1)


def register(app: Flask) -> None:
    app.cli.add_command(extract_command)
