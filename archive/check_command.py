"""`flask check [--repair]`: a thin wrapper over indexer.engine.check (what it verifies is there)."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from indexer.catalog import Catalog
from indexer.engine.check import check


@click.command("check")
@click.option("--repair", is_flag=True, help="Rewrite damaged or missing arrays from Whoosh's segments.")
@with_appcontext
def check_command(repair):
    """Verify the index, its arrays and the catalogue against each other (exit 1 if anything is wrong)."""
    index_dir = Path(current_app.config["INDEX_DIR"])
    catalogue_docs = None
    if (index_dir / "catalog.sqlite").exists():
        catalogue = Catalog(index_dir, readonly=True)
        try:
            catalogue_docs = {row.doc_id for row in catalogue.documents()}
        finally:
            catalogue.close()
    report = check(index_dir, catalogue_docs, repair=repair)
    for line in report.repaired:
        click.echo(line)
    for line in report.problems:
        click.echo(f"problem: {line}", err=True)
    if report.ok:
        click.echo("index, arrays and catalogue agree")
    else:
        click.echo(f"{len(report.problems)} problem(s)" + ("" if repair else "; `flask check --repair` rewrites arrays"),
                   err=True)
    sys.exit(0 if report.ok else 1)


def register(app: Flask) -> None:
    app.cli.add_command(check_command)
