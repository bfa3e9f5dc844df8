"""The write side's commands, `flask extract` and `flask ingest`: thin click wrappers around plain functions.

No Flask here: app.py adds these commands to `flask` and tells them where the index and the
samples are (`settings`, read when a command runs, after the configuration is loaded).
"""
from __future__ import annotations

import json
import multiprocessing
import contextlib
import os
import signal
import sys
from pathlib import Path

from typing import Callable, Mapping

import click

from .discovery import discover
from .extract import extract_path
from .loading import UnreadableFile
from .records import records


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


class Terminated(BaseException):
    """SIGTERM (a plain `kill`, systemd, a container stop, `timeout`) raised where the ingest stands, as
    Ctrl-C raises KeyboardInterrupt: the same clean-up runs (`except BaseException`), then one line."""


@contextlib.contextmanager
def sigterm_raises():
    """While inside, SIGTERM raises Terminated in this process. Python's default for SIGTERM is to die at
    once, with no clean-up and no word. Forked helpers inherit the handler: in them it falls back to
    the default (they die), since their clean-up is the parent's."""
    import threading

    if threading.current_thread() is not threading.main_thread():  # signal.signal works only there
        yield
        return
    owner = os.getpid()

    def raise_terminated(signum, frame):
        if os.getpid() != owner:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


KEPT_SHOWN = 10  # lines naming old relative rows --prune kept; the summary line counts them all


def _kept_line(index_dir: Path) -> str:
    return (f"batches committed before are kept in {index_dir}; run ingest again to finish "
            "(unchanged files are skipped)")


def ingest_files(paths, rebuild: bool, prune: bool, quiet: bool, settings: Mapping[str, str]) -> None:
    """`flask ingest`: progress, failures and a summary line; exit 1 on a failure, 3 when busy."""
    import sqlite3

    from .catalog import catalog_path
    from .engine.writing import IndexDamaged
    from .generations import PointerBroken
    from .ingest import IngestBusy, ingest  # here: `flask extract` never loads the engine
    from .speaker_corrections import CorrectionsError

    paths = list(paths) or [Path(settings["SAMPLE_DIR"])]
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        click.echo(f"failed {path}: no such file or folder", err=True)
    paths = [p for p in paths if p.exists()]
    index_dir = Path(settings["INDEX_DIR"])
    total = sum(1 for _ in discover(paths, archive=index_dir))
    click.echo(f"Ingesting {total} files into {index_dir}")
    try:
        with sigterm_raises(), click.progressbar(length=total, label="Indexing", file=sys.stderr,
                                                 hidden=quiet or not sys.stderr.isatty()) as bar:
            summary = ingest(paths, index_dir, rebuild=rebuild, prune=prune,
                             on_file=lambda path, status: bar.update(1),
                             corrections=Path(settings["SPEAKERS_FILE"]) if settings.get("SPEAKERS_FILE") else None)
    except (IngestBusy, CorrectionsError) as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(3)
    except KeyboardInterrupt:  # Ctrl-C: click's bare "Aborted!" said nothing of what was kept
        click.echo(f"Interrupted: {_kept_line(index_dir)}", err=True)
        sys.exit(130)
    except Terminated:  # `kill PID`: Python would die silently; the shell's 128 + SIGTERM (15)
        click.echo(f"Terminated: {_kept_line(index_dir)}", err=True)
        sys.exit(143)
    except (IndexDamaged, PointerBroken) as err:
        _stop(str(err))
    except sqlite3.DatabaseError as err:
        if _sqlite_cannot_write(err):  # SQLite's word for a full disk or a read-only folder
            _stop(f"cannot write the archive in {index_dir}: the catalogue says \"{err}\"; "
                  "batches committed before are kept, run ingest again once fixed")
        _stop(f"the catalogue {catalog_path(index_dir)} is damaged ({err}); move it aside and run "
              "ingest again: the next ingest rebuilds its document list from the index")
    except NotADirectoryError as err:  # INDEX_DIR names a file: nothing was written
        _stop(f"cannot write the archive in {index_dir}: {err.filename} is a file, not a folder; "
              "set INDEX_DIR to a folder (or to where one can be made)")
    except OSError as err:  # read-only folder, full disk: what was committed before is kept
        _stop(f"cannot write the archive in {index_dir}: {err.strerror or err}"
              f"{f' ({err.filename})' if err.filename else ''}; batches committed before are kept, run ingest again once fixed")
    for path, reason in summary.failures:
        click.echo(f"failed {path}: {reason}", err=True)
    for path, reason in summary.kept[:KEPT_SHOWN]:
        click.echo(f"kept: {reason}", err=True)
    if len(summary.kept) > KEPT_SHOWN:  # a whole old archive pruned from elsewhere: the count says the rest
        click.echo(f"kept: {len(summary.kept) - KEPT_SHOWN} more like these", err=True)
    if summary.unmatched:  # a note, not a failure: a rule may wait for documents still to come
        names = ", ".join(f'"{name}"' for name in summary.unmatched[:10])
        more = f" and {len(summary.unmatched) - 10} more" if len(summary.unmatched) > 10 else ""
        click.echo(f"note {settings['SPEAKERS_FILE']}: {len(summary.unmatched)} name(s) match no speaker in the "
                   f"archive, so their rules change nothing (spelt differently?): {names}{more}", err=True)
    click.echo(f"Documents: {summary.line()}")
    if summary.failures or missing:
        sys.exit(1)


def _sqlite_cannot_write(err) -> bool:
    """SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: the folder, not the file, is at fault."""
    return (getattr(err, "sqlite_errorcode", 0) & 0xFF) in (8, 10, 13, 14)


def _stop(message: str) -> None:
    """One line, exit status 4: the archive's own files are in the way, not a document."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(4)


def commands(settings: Callable[[], Mapping[str, str]]) -> tuple[click.Command, ...]:
    """`extract` and `ingest`; settings() gives INDEX_DIR, SAMPLE_DIR and SPEAKERS_FILE when a command runs."""

    @click.command("ingest")
    @click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
    @click.option("--rebuild", is_flag=True, help="Start the index over (citation history is kept).")
    @click.option("--prune", is_flag=True, help="Remove documents whose files are gone.")
    @click.option("--quiet", is_flag=True, help="No progress bar.")
    def ingest_command(paths, rebuild, prune, quiet):
        """Index PATHS (files and folders; default: the bundled samples) into the archive."""
        ingest_files(paths, rebuild, prune, quiet, settings())

    return extract_command, ingest_command
