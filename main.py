"""Double-click / PyInstaller entry point: opens the Fashion Desktop window."""

import time

_STARTED = time.perf_counter()  # first thing: start-up timings are measured from here

import sys  # noqa: E402

from fashion_desktop.gui.app import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(started_at=_STARTED))
