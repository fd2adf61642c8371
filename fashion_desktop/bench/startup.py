"""Cold start as separate processes: the window and its first prediction, against two floors.

Floors: a process that only imports PySide6 and shows an empty window, and one that only
imports torch. Launches are interleaved, so a busy moment slows all three alike.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from fashion_desktop.bench.processes import child_env, time_lines

IMPORT_TORCH = "import torch\nprint('import_torch_done', flush=True)\n"


def measure_startup(picture: Path, device: str, runs: int,
                    progress: Callable[[str], None] = lambda _m: None) -> dict:
    """window_visible_s, first_prediction_s, first_prediction_after_window_s and the two floors:
    medians of `runs` launches each."""
    app = [sys.executable, "-m", "fashion_desktop", "gui", "--open", str(picture), "--device", device]
    empty = [sys.executable, "-m", "fashion_desktop.gui.probe.window_probe", "empty-window"]
    torch_only = [sys.executable, "-c", IMPORT_TORCH]
    rows: dict[str, list[float]] = {"window_visible_s": [], "first_prediction_s": [],
                                    "floor_empty_window_s": [], "floor_import_torch_s": []}
    for run in range(runs):
        progress(f"start-up {run + 1}/{runs}")
        seen = time_lines(app, ("window_visible_s", "first_prediction_s"),
                          child_env(FASHION_DESKTOP_TIMING="quit"))
        rows["window_visible_s"].append(seen["window_visible_s"])
        rows["first_prediction_s"].append(seen["first_prediction_s"])
        rows["floor_empty_window_s"].append(time_lines(empty, ("window_visible",))["window_visible"])
        rows["floor_import_torch_s"].append(time_lines(torch_only, ("import_torch_done",))["import_torch_done"])
    report = {key: statistics.median(values) for key, values in rows.items()}
    # what a person waits for once the window is there, per launch, then the median
    report["first_prediction_after_window_s"] = statistics.median(
        p - w for p, w in zip(rows["first_prediction_s"], rows["window_visible_s"]))
    return report
