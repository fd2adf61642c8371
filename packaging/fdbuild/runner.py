"""Steps with progress lines, child processes with logs, and a clean Ctrl+C.

Why its own module: a build runs for minutes and calls pip, PyInstaller and dpkg-deb. The user
should see which step runs and how long each took, a failing tool's last lines (full log in
build/logs/), and Ctrl+C (or SIGTERM from CI) should stop the child process tree at once, not
leave PyInstaller running in the background or a half-written installer in dist/.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path


class StepFailed(RuntimeError):
    """A step could not finish; the message says what to do."""


class Progress:
    """Prints `[n/total] what… done (12.3 s)` lines and keeps the timings for the summary."""

    def __init__(self, total: int, stream=None) -> None:
        self.total, self.index = total, 0
        self.stream = stream or sys.stdout
        self.timings: list[tuple[str, float]] = []
        self.current: str | None = None

    def say(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    @contextmanager
    def step(self, title: str):
        self.index += 1
        self.current = title
        self.say(f"[{self.index}/{self.total}] {title}…")
        started = time.perf_counter()
        yield
        elapsed = time.perf_counter() - started
        self.timings.append((title, elapsed))
        self.say(f"      done in {elapsed:.1f} s")
        self.current = None

    def skip(self, title: str, why: str) -> None:
        self.index += 1
        self.say(f"[{self.index}/{self.total}] {title}: skipped ({why})")


def _terminate(process: subprocess.Popen) -> None:
    """Stop a child and everything it started (its own process group / job)."""
    if process.poll() is not None:
        return
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGTERM)
        else:
            process.send_signal(signal.CTRL_BREAK_EVENT)
        process.wait(10)
    except (ProcessLookupError, subprocess.TimeoutExpired, OSError):
        try:
            if os.name == "posix":
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
        except (ProcessLookupError, OSError):
            pass
        process.wait()


def run(command: Sequence[str | os.PathLike[str]], log: Path, *, verbose: bool = False, cwd: Path | None = None,
        env: dict[str, str] | None = None, tail: int = 40, what: str | None = None) -> None:
    """Run a command, writing its output to `log` (and the console when verbose).

    On failure raises StepFailed with the last `tail` lines. On Ctrl+C the child's whole process
    group is terminated before KeyboardInterrupt propagates.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    lines: deque[str] = deque(maxlen=tail)
    options: dict = {"start_new_session": True} if os.name == "posix" else {
        "creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    with open(log, "w", encoding="utf-8", errors="replace") as handle:
        handle.write("$ " + " ".join(map(str, command)) + "\n")
        handle.flush()
        process = subprocess.Popen([str(c) for c in command], cwd=cwd, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True, errors="replace", bufsize=1, **options)
        try:
            for line in process.stdout:
                handle.write(line)
                lines.append(line.rstrip("\n"))
                if verbose:
                    print("      " + line, end="", flush=True)
            code = process.wait()
        except BaseException:  # KeyboardInterrupt, SystemExit from SIGTERM: take the children with us
            _terminate(process)
            raise
    if code != 0:
        shown = "\n".join("      | " + line for line in lines)
        raise StepFailed(f"{what or Path(str(command[0])).name} failed with exit code {code}; "
                         f"last lines (full log: {log}):\n{shown}")


def install_sigterm_as_interrupt() -> None:
    """CI stops jobs with SIGTERM: treat it like Ctrl+C so the same cleanup runs."""
    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    if os.name == "posix":
        signal.signal(signal.SIGTERM, interrupt)


def human_size(size: int) -> str:
    return f"{size / 1e6:,.0f} MB" if size >= 1e6 else f"{size / 1e3:,.0f} kB"
