"""Pause and stop a running training loop from any thread (the window's buttons, Ctrl+C)."""

from __future__ import annotations

import threading


class TrainControl:
    """Thread-safe pause/stop for a running training loop."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()

    def stop(self) -> None:
        self._stop.set()
        self._running.set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def checkpoint(self) -> bool:
        """Block while paused; True when the loop should stop."""
        self._running.wait()
        return self._stop.is_set()
