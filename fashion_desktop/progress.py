"""A one-line text progress bar for the command line (stderr), with rate and ETA."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from fashion_desktop import i18n


def format_seconds(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class ProgressBar:
    """Redraws in place on a terminal; prints occasional plain lines when piped (for logs)."""

    def __init__(self, total: int, label: str = "", stream: TextIO | None = None, width: int = 28) -> None:
        self.total = max(1, total)
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.start = time.perf_counter()
        self.interactive = self.stream.isatty()
        self._last_plain = -1.0

    def update(self, done: int, suffix: str = "", eta_s: float | None = None) -> None:
        fraction = min(1.0, done / self.total)
        elapsed = time.perf_counter() - self.start
        if eta_s is None:
            eta_s = elapsed / fraction - elapsed if fraction > 0 else 0.0
        filled = int(self.width * fraction)
        bar = "█" * filled + "·" * (self.width - filled)
        eta = i18n.translate("Progress", "ETA {time}").format(time=format_seconds(eta_s))
        line = f"{self.label} {bar} {fraction * 100:5.1f}% {suffix} {eta}"
        if self.interactive:
            self.stream.write("\r" + line + "\033[K")
            self.stream.flush()
        elif elapsed - self._last_plain >= 10 or done >= self.total:
            self._last_plain = elapsed
            self.stream.write(line + "\n")
            self.stream.flush()

    def close(self, message: str = "") -> None:
        if self.interactive:
            self.stream.write("\n")
        if message:
            self.stream.write(message + "\n")
        self.stream.flush()
