"""A read-only archive folder or a full disk: one clear line, exit status 4, no traceback, and the
archive as it was (issue 12, item 12)."""
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.engine.check import check
from indexer.ingest import ingest

from harbour_stories import harbour_total, write_docs

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter: a hang at exit (sub-writers left waiting) shows as a timeout there.
# FULL_DISK makes every write of Whoosh's files fail with ENOSPC, at the lowest level Whoosh writes
# through (StructFile.write); a real full disk needs a small filesystem, which needs root to mount.
FLASK = """
import errno, os, sys
if os.environ.get("FULL_DISK"):
    from whoosh.filedb import structfile
    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    structfile.StructFile.write = full
import indexer.ingest
indexer.ingest.PARALLEL_FROM_DOCS = int(os.environ.get("PARALLEL_FROM", "200"))
from app import create_app
app = create_app({"INDEX_DIR": sys.argv[1], "BUILD_INDEX_IF_MISSING": False})
result = app.test_cli_runner().invoke(args=["ingest", "--quiet", *sys.argv[2:]])
sys.stdout.write(result.stdout)
sys.stderr.write(result.stderr)
sys.exit(result.exit_code)
"""


def flask_ingest(index_dir: Path, *args: str, prefix: tuple = (), **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-c", FLASK, str(index_dir), *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=120, env={**os.environ, **env})


def one_clear_line(done: subprocess.CompletedProcess, words: str) -> None:
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    errors = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("Error: cannot write the archive") and words in errors[0]


def whole(index_dir: Path, total: int) -> None:
    assert harbour_total(index_dir) == total
    assert check(index_dir, None).ok


@pytest.fixture()
def archive(tmp_path):
    docs, index_dir = tmp_path / "docs", tmp_path / "ix"
    write_docs(docs, 3)
    ingest([docs], index_dir)
    total = harbour_total(index_dir)
    write_docs(docs, 5)  # two new stories: the next ingest has something to write
    return docs, index_dir, total


@pytest.mark.parametrize("flags, parallel_from", [((), "200"), (("--rebuild",), "200"), ((), "2")],
                         ids=["plain", "rebuild", "parallel writer"])
def test_full_disk_says_so_in_one_line_and_keeps_the_archive(archive, flags, parallel_from):
    docs, index_dir, total = archive
    done = flask_ingest(index_dir, *flags, str(docs), FULL_DISK="1", PARALLEL_FROM=parallel_from)
    one_clear_line(done, os.strerror(errno.ENOSPC))
    whole(index_dir, total)
    assert not list(index_dir.glob("gen-*"))  # a stopped rebuild's half-built archive is gone already
    again = flask_ingest(index_dir, str(docs))  # with room again, the same command just works
    assert again.returncode == 0, again.stderr
    whole(index_dir, 5)


def read_only_runner() -> tuple:
    """How to run a command that may not write a chmod-ed folder: as root, chmod does not bind
    root, so the command runs in a user namespace (`unshare --user`), where it does."""
    if os.geteuid() != 0:
        return ()
    if not shutil.which("unshare") or subprocess.run(["unshare", "--user", "true"]).returncode != 0:
        pytest.skip("running as root without user namespaces: a chmod-ed folder stays writable")
    return ("unshare", "--user")


@pytest.mark.parametrize("flags", [(), ("--rebuild",)], ids=["plain", "rebuild"])
def test_read_only_archive_says_so_in_one_line(archive, flags):
    docs, index_dir, total = archive
    prefix = read_only_runner()
    folders = [index_dir, *[p for p in index_dir.rglob("*") if p.is_dir()]]
    for folder in folders:
        folder.chmod(0o555)
    try:
        done = flask_ingest(index_dir, *flags, str(docs), prefix=prefix)
    finally:
        for folder in folders:
            folder.chmod(0o755)
    one_clear_line(done, "Permission denied")
    whole(index_dir, total)
    assert flask_ingest(index_dir, str(docs)).returncode == 0  # writable again: it works
    whole(index_dir, 5)
