"""The folder view's worker processes: one pool, started before it is needed, kept for the session.

Why processes: decoding and preprocessing pictures (images/folder_decode.py) holds the GIL for much
of its time, so a thread pool in the window's process reached only ~0.6–0.8× the images/s of
`predict`, which uses a process pool (cli/predict_rows.py).

Why forkserver (spawn where there is none: Windows): the window's process runs Qt's and torch's
threads, and `fork` would copy it mid-flight. The fork server is a fresh interpreter that preloads
only folder_decode (numpy, Pillow, the preprocessing), not `__main__`; the workers are forked from
it. (main.py imports the window only under `if __name__ == "__main__":`, so a worker that
re-imports the main script as `__mp_main__` does not import Qt either; a frozen build goes through
`multiprocessing.freeze_support()`.)

Why shared and early: starting the server and its workers costs ~0.15 s on a 2-core Linux machine
(more with spawn). `warm_up()` starts the pool in a background thread (the start blocks whoever
starts it) when the Folder view first paints, the folder dialog opens or a job starts; the pool then lives until the
application quits (aboutToQuit; atexit as a backstop) and serves every folder. Where processes
cannot start at all, `get()` says None once and the view decodes in threads instead.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from concurrent.futures import Executor

_log = logging.getLogger(__name__)
DECODE_MODULE = "fashion_desktop.images.folder_decode"
PRELOAD = [DECODE_MODULE, "fashion_desktop.blas_threads", "threadpoolctl"]
START_TIMEOUT_S = 60.0  # a loaded machine, or spawn importing numpy and Pillow in each worker

_lock = threading.Lock()
_pool: Executor | None = None
_unusable = False  # processes could not be started here: decode in threads
_warming: threading.Thread | None = None
_registered = False
started_in_s: float | None = None  # how long the last start took (the bench reports it)


def workers() -> int:
    """One process per core: the classifier in the job's thread is cheap next to decoding."""
    return os.cpu_count() or 1


def start_method() -> str:
    import multiprocessing

    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _start() -> Executor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from fashion_desktop.images import folder_decode

    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # the global fork server: started on the first submit with these modules, not __main__
        context.set_forkserver_preload(PRELOAD)
    # one BLAS thread in each worker, as in every process of ours (blas_threads.py): with OpenBLAS's
    # default threads spinning, two workers decoded at 150 images/s on 2 cores instead of ~500; and
    # each worker exits by itself if this process dies without shutting the pool down
    pool = ProcessPoolExecutor(workers(), mp_context=context, initializer=folder_decode.start_worker,
                               initargs=(os.getpid(),))
    try:  # every worker starting before a file is sent; the first one's answer proves processes work here
        [pool.submit(folder_decode.ready) for _ in range(workers())][0].result(timeout=START_TIMEOUT_S)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    return pool


def get() -> Executor | None:
    """The shared pool, started now if need be (blocks for the start); None where processes cannot be used."""
    global _pool, _unusable, _registered, started_in_s
    with _lock:
        if _pool is None and not _unusable:
            began = time.perf_counter()
            try:
                _pool = _start()
                started_in_s = time.perf_counter() - began
            except Exception:  # noqa: BLE001 - no processes (a sandbox, no /dev/shm...): threads will do
                _log.warning("the folder view cannot start worker processes; it decodes in threads", exc_info=True)
                _unusable = True
            if _pool is not None and not _registered:
                _registered = True
                atexit.register(shutdown)
                from PySide6.QtCore import QCoreApplication

                app = QCoreApplication.instance()
                if app is not None:
                    app.aboutToQuit.connect(shutdown)
        return _pool


def is_ready() -> bool:
    """Whether the pool is started (a worker answered), without starting it."""
    return _pool is not None


def is_unusable() -> bool:
    """Whether processes were found not to start here (the folder view decodes in threads)."""
    return _unusable


def warm_up() -> None:
    """Start the pool in a background thread unless it is started or starting; returns at once."""
    global _warming
    if _pool is not None or _unusable or (_warming is not None and _warming.is_alive()):
        return
    _warming = threading.Thread(target=get, name="folder-pool start", daemon=True)
    _warming.start()


def replace(broken: Executor) -> Executor | None:
    """A fresh pool in place of `broken` (a worker died: BrokenProcessPool); None if none will start."""
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)
    return get()


def shutdown() -> None:
    """Stop the workers (the application quits); a later `get()` starts new ones."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
