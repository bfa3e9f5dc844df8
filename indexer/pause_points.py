"""Named pause points of the write path, for tests that kill or race an ingest at a chosen step.

Set INGEST_PAUSE_AT="step:seconds" and the ingest sleeps that long when it reaches `step`,
after creating the file named by INGEST_PAUSED_FILE (if set) so the test knows it is there.
Unset (always, outside tests) a pause point costs one dictionary lookup.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

PAUSE_ENV = "INGEST_PAUSE_AT"
PAUSED_FILE_ENV = "INGEST_PAUSED_FILE"


def pause_point(step: str) -> None:
    wanted = os.environ.get(PAUSE_ENV)
    if not wanted:
        return
    name, _, seconds = wanted.partition(":")
    if name != step:
        return
    announce = os.environ.get(PAUSED_FILE_ENV)
    if announce:
        Path(announce).touch()
    time.sleep(float(seconds or 5))
