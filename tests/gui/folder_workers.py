"""Stand-ins for the folder view's worker function (FolderJob.decode_many), for tests/gui/test_gui_folder_pool.py.

They run in the pool's worker processes, so they live in a module a worker can import by name (this
folder is on sys.path under pytest, and a worker gets its parent's sys.path) and import no Qt.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

from fashion_desktop.images.folder_decode import Decoded, decode_many


def in_a_worker(paths: list[Path]) -> list[Decoded]:
    """decode_many, refusing to run anywhere but in a child process: proves the pool did the work."""
    if multiprocessing.parent_process() is None:
        raise RuntimeError("decoded in the window's process, not in a worker")
    return decode_many(paths)


def crash_on_crash_files(paths: list[Path]) -> list[Decoded]:
    """decode_many, except that a file with "crash" in its name kills the worker process outright, as a decoder's
    segfault would (never in the test's own process)."""
    if multiprocessing.parent_process() is not None and any("crash" in Path(p).name for p in paths):
        os._exit(70)
    return decode_many(paths)


def slowly(paths: list[Path]) -> list[Decoded]:
    """decode_many at 50 ms a file: a folder long enough to cancel in the middle of."""
    time.sleep(0.05 * len(paths))
    return decode_many(paths)


def worker_pid() -> int:
    """The process id of the worker that runs it (after a short wait, so that several workers answer)."""
    time.sleep(0.02)
    return os.getpid()
