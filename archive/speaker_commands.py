"""`flask speakers`: a thin click wrapper around archive.speaker_list, registered on its own."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from indexer.engine import SearchEngine
from indexer.speaker_corrections import CorrectionsError

from .speaker_list import list_speakers
from .speaker_merges import merge_lines, merge_report


@click.command("speakers")
@click.option("--suspect", is_flag=True, help="Only names that look like fragments of a sentence, and why.")
@click.option("--merges", is_flag=True,
              help="Likely merges (a surname alone and the one full name it ends) as lines for the correction file.")
@with_appcontext
def speakers_command(suspect, merges):
    """List the archive's speakers with their quote counts, most quoted first.

    Wrong, split or junk names can be merged, renamed or hidden in the speaker correction file
    (instance/speakers.toml; see the README); the next `flask ingest` applies it. `--merges` prints
    the likely merges as lines for that file, with their evidence; nothing is merged until pasted.
    """
    index_dir = Path(current_app.config["INDEX_DIR"])
    if merges:
        _print_merges(index_dir, current_app.config.get("SPEAKERS_FILE"))
        return
    rows = list_speakers(index_dir, suspect_only=suspect)
    if not rows and not suspect:
        click.echo(f"No speakers in {index_dir}: run `flask ingest` first.", err=True)
        sys.exit(2)
    click.echo(f"{'quotes':>7} {'turns':>6}  speaker")
    for row in rows:
        why = f"    ({row.suspect})" if suspect else ""
        click.echo(f"{row.quotes:>7} {row.turns:>6}  {row.name}{why}")
    click.echo(f"{len(rows)} {'suspect ' if suspect else ''}speakers", err=True)


def _print_merges(index_dir: Path, speakers_file: str | None) -> None:
    engine = SearchEngine(index_dir)  # to read the stories of each proposed surname
    try:
        report = merge_report(index_dir, Path(speakers_file) if speakers_file else None,
                              engine=engine if engine.exists() else None)
    except CorrectionsError as err:
        click.echo(f"{err}\nFix the correction file first: proposals are made against what it says.", err=True)
        sys.exit(2)
    finally:
        engine.close()
    if report is None:
        click.echo(f"No speakers in {index_dir}: run `flask ingest` first.", err=True)
        sys.exit(2)
    for line in merge_lines(report):
        click.echo(line)
    doubtful = sum(m.doubt is not None for m in report.proposals.merges)
    likely = len(report.proposals.merges) - doubtful
    click.echo(f"{likely} likely merge{'' if likely == 1 else 's'}, {doubtful} to check (commented out), "
               f"{len(report.proposals.ambiguous)} ambiguous; paste what you agree with into "
               f"{speakers_file or 'the correction file'} and run `flask ingest`", err=True)


def register(app: Flask) -> None:
    app.cli.add_command(speakers_command)
