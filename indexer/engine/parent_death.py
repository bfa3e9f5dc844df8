"""A forked helper process that ends when the process that forked it does.

The multiprocess writer's sub-writers share the ingest's locks (flocks are held by every process
with a copy of the descriptor), so a sub-writer that outlives a killed ingest keeps the index
locked. Watching os.getppid() from a thread is not enough on its own: the thread needs the GIL,
and a sub-writer inside a long C call (a sort, a pickle load) or starved of CPU keeps it for
seconds. On Linux the kernel is asked to SIGKILL the child when its parent dies
(prctl PR_SET_PDEATHSIG), which needs nothing from the child; elsewhere the thread is the way.
"""
from __future__ import annotations

import ctypes
import os
import signal
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _ask_kernel() -> bool:
    """True when the kernel will SIGKILL this process as its parent dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # not Linux: no prctl
        return False


def die_with_parent(parent: int) -> None:
    """Call first thing in a forked child; `parent` is os.getppid() read by the child at start."""
    if not _ask_kernel():
        def watch():
            while os.getppid() == parent:
                time.sleep(0.25)
            os._exit(1)

        threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
