"""`flask speakers`: a thin click wrapper around archive.speaker_list, registered on its own."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from .speaker_list import list_speakers


@click.command("speakers")
@click.option("--suspect", is_flag=True, help="Only names that look like fragments of a sentence, and why.")
@with_appcontext
def speakers_command(suspect):
    """List the archive's speakers with their quote counts, most quoted first.

    Wrong, split or junk names can be merged, renamed or hidden in the speaker correction file
    (instance/speakers.toml; see the README); the next `flask ingest` applies it.
    """
    index_dir = Path(current_app.config["INDEX_DIR"])
    rows = list_speakers(index_dir, suspect_only=suspect)
    if not rows and not suspect:
        click.echo(f"No speakers in {index_dir}: run `flask ingest` first.", err=True)
        sys.exit(2)
    click.echo(f"{'quotes':>7} {'turns':>6}  speaker")
    for row in rows:
        why = f"    ({row.suspect})" if suspect else ""
        click.echo(f"{row.quotes:>7} {row.turns:>6}  {row.name}{why}")
    click.echo(f"{len(rows)} {'suspect ' if suspect else ''}speakers", err=True)


def register(app: Flask) -> None:
    app.cli.add_command(speakers_command)
