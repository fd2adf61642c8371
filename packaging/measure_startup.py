#!/usr/bin/env python3
"""Time a launch of the (frozen) app from process start to window painted and first prediction.

Why measured from outside: the app's own FASHION_DESKTOP_TIMING figures count from when main.py
starts, which misses the PyInstaller bootloader and interpreter start-up. Here the clock starts
just before the process is spawned and stops when the app reports each milestone on stdout.

    xvfb-run -a -s "-screen 0 1600x1000x24" \
        python packaging/measure_startup.py build/bundle/fashion-desktop/fashion-desktop --runs 5

Each launch opens a picture (`--open`, the first shipped sample unless --picture is given), as the
window's own benchmark does: a blank canvas has nothing to classify, so no prediction would come.
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


def launch_once(command: list[str], timeout: float) -> dict[str, float]:
    """One cold-ish launch with throwaway settings; returns {milestone: seconds since spawn}."""
    with tempfile.TemporaryDirectory(prefix="fd-timing-") as home:
        env = dict(os.environ, FASHION_DESKTOP_TIMING="quit", HOME=home, XDG_CONFIG_HOME=home)
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
    args = parser.parse_args(argv)
    picture = args.picture or next(iter(sorted(SAMPLES.glob("*.png"))), None)
    if picture is None:
        parser.error("no samples in resources/samples/; pass --picture FILE")
    command = [*args.command, "--open", str(picture)]
    runs = [launch_once(command, args.timeout) for _ in range(args.runs)]
    keys = sorted({k for run in runs for k in run})
    summary = {key: statistics.median(run[key] for run in runs if key in run) for key in keys}
    print(json.dumps({"command": command, "runs": runs, "median": summary}, indent=2))
    return 0 if all("first_prediction_s" in run for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
