"""Double-click / PyInstaller entry point: opens the Fashion Desktop window."""

import time

_STARTED = time.perf_counter()  # first thing: start-up timings are measured from here

import sys  # noqa: E402

if __name__ == "__main__":
    # The folder view decodes in worker processes (gui/folder_pool.py): in a frozen build a worker, the
    # fork server and the resource tracker are this executable again, and freeze_support runs their
    # part and exits. The window is imported only here, so a worker that re-imports this script as
    # `__mp_main__` (spawn on Windows) does not import Qt.
    if getattr(sys, "frozen", False):  # elsewhere it does nothing: spare the start-up the import (~5 ms)
        import multiprocessing

        multiprocessing.freeze_support()

    from fashion_desktop.gui.app import main

    sys.exit(main(started_at=_STARTED))
