"""`flask search`: the archive searched from the terminal, through the engine's interface."""
from __future__ import annotations

import json
import sys

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from indexer.engine import API_FIELDS, FACET_LIST, FACETS, SORTS, Filters, SearchEngine, SearchRequest

from .search_arguments import straight_quotes


def _facet_options(command):
    """One repeatable --NAME option per facet of the field registry (--speaker, --kind, ...)."""
    for facet in reversed(FACET_LIST):
        command = click.option(f"--{facet.name}", multiple=True, metavar="VALUE",
                               help=f"Only this {facet.label.lower()} (repeat for any of several).")(command)
    return command


@click.command("search")
@click.argument("words", nargs=-1)
@_facet_options
@click.option("--sort", type=click.Choice(SORTS), default="relevance")
@click.option("--limit", default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per result.")
@with_appcontext
def search_command(words, sort, limit, as_json, **chosen):
    """Search the archive from the terminal."""
    found = SearchEngine(current_app.config["INDEX_DIR"])
    if not found.exists():
        click.echo("The archive has no index yet: run `flask ingest` first.", err=True)
        sys.exit(2)
    filters = Filters(**{name: tuple(chosen[name]) for name in FACETS})
    # A phrase pasted with typographic quotation marks is a phrase here too, as on the pages.
    text = straight_quotes(" ".join(words))
    page = found.search(SearchRequest(text, filters, page_size=limit, sort=sort, facets=False))
    if page.note:
        click.echo(page.note, err=True)
    click.echo(f"{page.total} results" + (f" (did you mean: {page.suggestion})" if page.suggestion else ""))
    for hit in page.hits:
        if as_json:
            # The registry's API fields: one result reads the same here as in /api/search.
            click.echo(json.dumps({name: getattr(hit, name) for name in API_FIELDS}, ensure_ascii=False))
            continue
        who = f"{hit.speaker}: " if hit.speaker else ""
        where = ", ".join(x for x in (hit.source, hit.date, hit.doc) if x)
        text = hit.text if len(hit.text) < 240 else hit.text[:237] + "..."
        click.echo(f"\n[{hit.id}] {hit.kind} ({where})\n  {who}“{text}”" if hit.kind == "quote"
                   else f"\n[{hit.id}] {hit.kind} ({where})\n  {text}")


def register(app: Flask) -> None:
    app.cli.add_command(search_command)
