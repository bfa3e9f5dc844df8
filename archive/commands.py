"""`flask extract`, `flask ingest`, `flask search`: thin click wrappers around plain functions."""
from __future__ import annotations

import json
import multiprocessing
import os
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from indexer.extract import UnreadableFile, discover, extract_path
from indexer.records import records


def _extract_lines(job: tuple[Path, Path]) -> tuple[Path, list[str], list[str], str | None]:
    """(path, JSON lines, warnings, error): one file's records, safe to run in a worker process."""
    path, root = job
    try:
        extraction = extract_path(path, root)
    except UnreadableFile as err:
        return path, [], [], str(err)
    except Exception as err:  # one document's bug must not stop the others
        return path, [], [], f"internal error ({type(err).__name__}: {err})"
    lines = [json.dumps(record, ensure_ascii=False) for record in records(extraction)]
    return path, lines, list(extraction.document.warnings), None


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def extract_command(paths):
    """Print every passage and quote of PATHS as JSON Lines, without touching any index.

    Many files are parsed on every core, in order: the output is the same as one by one.
    """
    jobs = list(discover(list(paths)))
    if len(jobs) > 50 and (os.cpu_count() or 1) > 1:
        pool = multiprocessing.get_context("fork").Pool(os.cpu_count())
        results = pool.imap(_extract_lines, jobs, chunksize=16)
    else:
        pool, results = None, map(_extract_lines, jobs)
    failed = 0
    try:
        for path, lines, warnings, error in results:
            if error:
                failed += 1
                click.echo(f"skipped {path}: {error}", err=True)
            for warning in warnings:
                click.echo(f"warning {path}: {warning}", err=True)
            if lines:
                sys.stdout.write("\n".join(lines) + "\n")
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    if failed:
        sys.exit(1)


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Start the index over (citation history is kept).")
@click.option("--prune", is_flag=True, help="Remove documents whose files are gone.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@with_appcontext
def ingest_command(paths, rebuild, prune, quiet):
    """Index PATHS (files and folders; default: the bundled samples) into the archive."""
    from indexer.ingest import IngestBusy, ingest

    paths = list(paths) or [Path(current_app.config["SAMPLE_DIR"])]
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        click.echo(f"failed {path}: no such file or folder", err=True)
    paths = [p for p in paths if p.exists()]
    total = sum(1 for _ in discover(paths))
    index_dir = Path(current_app.config["INDEX_DIR"])
    click.echo(f"Ingesting {total} files into {index_dir}")
    try:
        with click.progressbar(length=total, label="Indexing", file=sys.stderr,
                               hidden=quiet or not sys.stderr.isatty()) as bar:
            summary = ingest(paths, index_dir, rebuild=rebuild, prune=prune,
                             on_file=lambda path, status: bar.update(1))
    except IngestBusy as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(3)
    for path, reason in summary.failures:
        click.echo(f"failed {path}: {reason}", err=True)
    click.echo(f"Documents: {summary.line()}")
    if summary.failures or missing:
        sys.exit(1)


@click.command("search")
@click.argument("words", nargs=-1)
@click.option("--speaker", multiple=True)
@click.option("--source", multiple=True)
@click.option("--kind", multiple=True)
@click.option("--year", multiple=True)
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance")
@click.option("--limit", default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per result.")
@with_appcontext
def search_command(words, speaker, source, kind, year, sort, limit, as_json):
    """Search the archive from the terminal."""
    from indexer.engine import Filters, SearchEngine, SearchRequest

    found = SearchEngine(current_app.config["INDEX_DIR"])
    if not found.exists():
        click.echo("The archive has no index yet: run `flask ingest` first.", err=True)
        sys.exit(2)
    page = found.search(SearchRequest(" ".join(words), Filters(speaker=speaker, source=source, kind=kind, year=year),
                                      page_size=limit, sort=sort, facets=False))
    if page.note:
        click.echo(page.note, err=True)
    click.echo(f"{page.total} results" + (f" (did you mean: {page.suggestion})" if page.suggestion else ""))
    for hit in page.hits:
        if as_json:
            click.echo(json.dumps({"id": hit.id, "kind": hit.kind, "text": hit.text, "speaker": hit.speaker,
                                   "source": hit.source, "date": hit.date, "doc": hit.doc}, ensure_ascii=False))
            continue
        who = f"{hit.speaker}: " if hit.speaker else ""
        where = ", ".join(x for x in (hit.source, hit.date, hit.doc) if x)
        text = hit.text if len(hit.text) < 240 else hit.text[:237] + "..."
        click.echo(f"\n[{hit.id}] {hit.kind} ({where})\n  {who}“{text}”" if hit.kind == "quote"
                   else f"\n[{hit.id}] {hit.kind} ({where})\n  {text}")


def register(app: Flask) -> None:
    app.cli.add_command(extract_command)
    app.cli.add_command(ingest_command)
    app.cli.add_command(search_command)
