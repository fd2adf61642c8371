"""The memory floor: the resident memory of a process that has only imported torch.

The figures it is a floor for (the window's resident memory, its growth over many inferences) are
measured by `fashion_desktop.measure.memory` inside the window probe (gui/probe/window_probe.py).
"""

from __future__ import annotations

import sys

from fashion_desktop.bench.processes import run_json

TORCH_RSS = """
import torch
from fashion_desktop.measure.memory import rss_mb
print(rss_mb())
"""


def torch_floor_rss_mb() -> float:
    out, _wall = run_json([sys.executable, "-c", TORCH_RSS])
    return float(out.strip().splitlines()[-1])
