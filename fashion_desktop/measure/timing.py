"""Interleaved timing and percentiles: noise hits a figure and its floor alike."""

from __future__ import annotations

import random
import time
from collections.abc import Callable


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100) by nearest rank; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def summary(values: list[float]) -> dict[str, float]:
    """{"p50", "p95"} as the JSON report spells them."""
    return {"p50": percentile(values, 50), "p95": percentile(values, 95)}


def interleaved(functions: dict[str, Callable[[], object]], rounds: int, warmup: int = 200,
                seed: int = 0) -> dict[str, list[float]]:
    """Microseconds per call for each function, called in a shuffled order every round.

    Interleaving (rather than one loop per function) makes a burst of load elsewhere on the
    machine cost every function the same, so the ratios hold where absolute figures drift.
    """
    order = list(functions.items())
    for _ in range(warmup):
        for _name, function in order:
            function()
    samples: dict[str, list[float]] = {name: [] for name in functions}
    shuffle = random.Random(seed).shuffle
    clock = time.perf_counter_ns
    for _ in range(rounds):
        shuffle(order)
        for name, function in order:
            start = clock()
            function()
            samples[name].append((clock() - start) / 1000.0)
    return samples
