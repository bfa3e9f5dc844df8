"""`flask check [--repair]`: a thin click wrapper over indexer.engine.check (what it verifies is there).

On the write side, with `flask ingest`: --repair rewrites arrays, and archive/ never writes.
No Flask here: app.py passes settings() (INDEX_DIR), read when the command runs.
"""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Callable, Mapping

import click

from .catalog import Catalog, catalog_path
from .engine.check import check
from .generations import broken_pointer
from .write_lock import WriteLock, WriteLockBusy


def command(settings: Callable[[], Mapping[str, str]]) -> click.Command:
    @click.command("check")
    @click.option("--repair", is_flag=True, help="Rewrite damaged or missing arrays from Whoosh's segments.")
    def check_command(repair):
        """Verify the index, its arrays and the catalogue against each other (exit 1 if anything is wrong)."""
        index_dir = Path(settings()["INDEX_DIR"])
        # An ingest between its Whoosh commit and its catalogue rows is no damage, and --repair
        # writing arrays beside an ingest's could race its merge: a check waits for no writer.
        lock = WriteLock(index_dir, wait=0)
        try:
            if index_dir.is_dir():  # else no ingest is running, and a check creates nothing
                lock.acquire()
        except WriteLockBusy:
            click.echo(f"Error: an ingest is writing to {index_dir}; run check once it has finished "
                       "(until then the index and the catalogue may disagree)", err=True)
            sys.exit(3)
        except OSError:
            pass  # a read-only archive (or parent) can still be checked; --repair will say it cannot write
        try:
            if not repair:
                lock.release()  # a plain check reads: an ingest may start meanwhile
            broken = broken_pointer(index_dir)
            if broken:  # else: "no index at gen-<n>; flask ingest builds one", which would delete the rest
                click.echo(f"problem: {broken}", err=True)
                sys.exit(1)
            documents, unreadable = _catalogue_docs(index_dir)
            report = check(index_dir, documents, repair=repair)
        except OSError as err:  # --repair on a read-only folder or a full disk: was a traceback
            click.echo(f"Error: cannot write the archive in {index_dir}: {err.strerror or err}"
                       f"{f' ({err.filename})' if err.filename else ''}; arrays that could not be rewritten are not "
                       "used (Whoosh answers for them); run `flask check --repair` again once fixed", err=True)
            sys.exit(4)
        finally:
            lock.release()
        problems = list(report.problems) + unreadable
        for line in report.repaired:
            click.echo(line)
        for line in problems:
            click.echo(f"problem: {line}", err=True)
        if not problems:
            click.echo("index, arrays and catalogue agree")
        else:
            # --repair rewrites arrays only: advised where it helps, not for a missing index
            advice = "; `flask check --repair` rewrites arrays" if report.arrays_damaged and not repair else ""
            click.echo(f"{len(problems)} problem(s){advice}", err=True)
        sys.exit(0 if not problems else 1)

    return check_command


def _catalogue_docs(index_dir: Path) -> tuple[set[str] | None, list[str]]:
    """The document ids the catalogue lists (None when there is none to compare), and what is
    wrong with it when it cannot be read (a file that is not SQLite, one with no tables)."""
    path = catalog_path(index_dir)
    if not path.exists():
        return None, []
    try:
        catalogue = Catalog(index_dir, readonly=True)
        try:
            return {row.doc_id for row in catalogue.documents()}, []
        finally:
            catalogue.close()
    except sqlite3.OperationalError as err:  # opens, but holds no document table: an empty file
        return None, [f"the catalogue {path} holds no document list ({err}); the next `flask ingest` "
                      "writes it again from the index"]
    except sqlite3.DatabaseError as err:
        return None, [f"the catalogue {path} is damaged ({err}); move it aside and run `flask ingest`: "
                      "it rebuilds the document list from the index"]
