"""Resident memory: ours and the floor of a process that has only imported torch."""

from __future__ import annotations

import sys

from fashion_desktop.bench.processes import run_json

TORCH_RSS = """
import torch
from fashion_desktop.bench.memory import rss_mb
print(rss_mb())
"""


def rss_mb() -> float:
    """This process's resident memory now (Linux: /proc; elsewhere the peak, which is an upper bound)."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def torch_floor_rss_mb() -> float:
    out, _wall = run_json([sys.executable, "-c", TORCH_RSS])
    return float(out.strip().splitlines()[-1])
