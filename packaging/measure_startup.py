#!/usr/bin/env python3
"""Time a launch of the (frozen) app from process start to window painted and first prediction.

Why measured from outside: the app's own FASHION_DESKTOP_TIMING figures count from when main.py
starts, which misses the PyInstaller bootloader and interpreter start-up. Here the clock starts
just before the process is spawned and stops when the app reports each milestone on stdout.

    xvfb-run -a -s "-screen 0 1600x1000x24" \
        python packaging/measure_startup.py build/bundle/fashion-desktop/fashion-desktop --runs 5

Each launch opens a picture (`--open`, the first shipped sample unless --picture is given), as the
window's own benchmark does: a blank canvas has nothing to classify, so no prediction would come.
With --blank the app starts as from the menu (no picture) and is stopped once the model is loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


def launch_once(command: list[str], timeout: float, stop_at: str | None = None) -> dict[str, float]:
    """One launch with throwaway settings; returns {milestone: seconds since spawn}.

    The app quits by itself after its first prediction; `stop_at` ends it earlier, at that milestone.
    """
    with tempfile.TemporaryDirectory(prefix="fd-timing-") as home:
        env = dict(os.environ, FASHION_DESKTOP_TIMING="1" if stop_at else "quit", HOME=home, XDG_CONFIG_HOME=home)
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        watchdog = threading.Timer(timeout, process.kill)  # a launch that hangs must not hang the benchmark
        watchdog.start()
        marks: dict[str, float] = {}
        try:
            for line in process.stdout:
                now = time.perf_counter() - started
                name, _, inside = line.strip().partition("=")
                if name.endswith("_s"):
                    marks[name] = round(now, 3)
                    marks[f"{name}_in_app"] = float(inside)
                if name == stop_at:
                    process.terminate()
                    break
            process.wait()
        finally:
            watchdog.cancel()
        marks["exit_s"] = round(time.perf_counter() - started, 3)
        return marks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="+", help="the executable (and arguments) to launch")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--picture", type=Path, help="the picture to open (default: the first shipped sample)")
    parser.add_argument("--blank", action="store_true", help="open no picture; stop once the model is loaded")
    args = parser.parse_args(argv)
    if args.blank:
        command, goal = list(args.command), "model_ready_s"
    else:
        picture = args.picture or next(iter(sorted(SAMPLES.glob("*.png"))), None)
        if picture is None:
            parser.error("no samples in resources/samples/; pass --picture FILE")
        command, goal = [*args.command, "--open", str(picture)], "first_prediction_s"
    runs = [launch_once(command, args.timeout, "model_ready_s" if args.blank else None) for _ in range(args.runs)]
    keys = sorted({k for run in runs for k in run})
    summary = {key: statistics.median(run[key] for run in runs if key in run) for key in keys}
    print(json.dumps({"command": command, "runs": runs, "median": summary}, indent=2))
    return 0 if all(goal in run for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
