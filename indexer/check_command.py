"""`flask check [--repair]`: a thin click wrapper over indexer.engine.check (what it verifies is there).

On the write side, with `flask ingest`: --repair rewrites arrays, and archive/ never writes.
No Flask here: app.py passes settings() (INDEX_DIR), read when the command runs.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Mapping

import click

from .catalog import Catalog, catalog_path
from .engine.check import check


def command(settings: Callable[[], Mapping[str, str]]) -> click.Command:
    @click.command("check")
    @click.option("--repair", is_flag=True, help="Rewrite damaged or missing arrays from Whoosh's segments.")
    def check_command(repair):
        """Verify the index, its arrays and the catalogue against each other (exit 1 if anything is wrong)."""
        index_dir = Path(settings()["INDEX_DIR"])
        report = check(index_dir, _catalogue_docs(index_dir), repair=repair)
        for line in report.repaired:
            click.echo(line)
        for line in report.problems:
            click.echo(f"problem: {line}", err=True)
        if report.ok:
            click.echo("index, arrays and catalogue agree")
        else:
            advice = "" if repair else "; `flask check --repair` rewrites arrays"
            click.echo(f"{len(report.problems)} problem(s){advice}", err=True)
        sys.exit(0 if report.ok else 1)

    return check_command


def _catalogue_docs(index_dir: Path) -> set[str] | None:
    """The document ids the catalogue lists; None when there is no catalogue to compare."""
    if not catalog_path(index_dir).exists():
        return None
    catalogue = Catalog(index_dir, readonly=True)
    try:
        return {row.doc_id for row in catalogue.documents()}
    finally:
        catalogue.close()
