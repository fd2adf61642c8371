"""Which display the window's figures come from, and a real X server for them when there is none.

Qt's offscreen platform skips the window system altogether (no X round trips, no compositor), so
window figures measured on it flatter the app. Where no display is set and `Xvfb` is installed,
the bench starts one X server for the whole run and points every child at it; the report says
which platform the figures came from (`window_platform`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path


def _free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number between :90 and :199")


@contextlib.contextmanager
def window_display() -> Iterator[tuple[dict[str, str], str]]:
    """(environment for window children, what the figures come from), for the duration of a run."""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or not sys.platform.startswith("linux"):
        yield {}, "the desktop's own display"
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}, "Qt's offscreen platform (no X server: install Xvfb for real figures)"
        return
    number = _free_display()
    server = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 20
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb :{number} did not start")
            time.sleep(0.05)
        yield {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}, f"a real X server (Xvfb :{number}, xcb platform)"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
