"""Long sessions: run many inferences through the real worker (and window) and measure memory growth.

A leak in a long session shows up only after thousands of results: a hook that keeps tensors, a
panel that adds plot items instead of updating them, a queue that grows. `run_inferences` sends
N inputs one after another, each waited for (so each is a real forward pass, not coalesced away),
and returns how much the process's resident memory grew between the end of a warm-up and the end.
Used by tests/gui/test_gui_soak.py (10,000 inferences; run it with -s to see the figure) and by the
benchmark command.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEventLoop, QObject, QTimer, Slot

from fashion_desktop.gui.worker import InferenceWorker, Result
from fashion_desktop.measure.memory import anonymous_rss_mb

CANVAS = 448


def default_inputs(count: int = 8, seed: int = 0) -> list[np.ndarray]:
    """Canvas-sized drawings (light garments of varied shapes on black), as the canvas sends them."""
    rng = np.random.default_rng(seed)
    inputs = []
    for _ in range(count):
        grey = np.zeros((CANVAS, CANVAS), np.uint8)
        top, left = rng.integers(20, 140, 2)
        height, width = rng.integers(160, 280), rng.integers(80, 280)
        grey[top : top + height, left : left + width] = 255
        if rng.random() < 0.5:  # sleeves on some of them
            grey[top : top + 60, max(0, left - 60) : left + width + 60] = 255
        inputs.append(grey)
    return inputs


def run_inferences(target, n: int = 10_000, warmup: int = 200, inputs: Sequence[np.ndarray] | None = None,
                   timeout_ms: int = 30_000) -> float:
    """Run `n` inferences through `target` and return the memory growth in MB after a warm-up.

    target: a started `MainWindow` (results go through its panels too, as in real use) or a
        started `InferenceWorker`. Call from the GUI thread; the Qt event loop is run here.
    n: inferences after the warm-up; each input is sent only after the previous result arrived.
    warmup: inferences first, not measured (allocator pools, pyqtgraph caches, lazy imports).
    inputs: grey canvas arrays (uint8, light on black) or 28×28 float inputs to cycle through;
        default: `default_inputs()`.
    Returns resident anonymous memory after the run minus after the warm-up, in MB
    (`anonymous_rss_mb()`: what a leak grows, unlike library pages; both after a garbage
    collection). Raises TimeoutError if a result does not arrive within `timeout_ms`.
    """
    worker: InferenceWorker = target if isinstance(target, InferenceWorker) else target.worker
    inputs = list(inputs) if inputs is not None else default_inputs()
    loop = QEventLoop()
    waiter = _Waiter(loop)  # lives in this (the GUI) thread: results are delivered here, queued
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    worker.resultReady.connect(waiter.on_result)
    try:
        def one(i: int) -> None:
            array = inputs[i % len(inputs)]
            if array.dtype == np.uint8:
                waiter.wanted = worker.request(grey=array)
            else:
                waiter.wanted = worker.request(pixels=array)
            timer.start(timeout_ms)
            while waiter.newest < waiter.wanted and timer.isActive():
                loop.exec()
            timer.stop()
            if waiter.newest < waiter.wanted:
                raise TimeoutError(f"inference {i} got no result within {timeout_ms} ms")

        for i in range(warmup):
            one(i)
        gc.collect()
        before = anonymous_rss_mb()
        for i in range(warmup, warmup + n):
            one(i)
        gc.collect()
        return anonymous_rss_mb() - before
    finally:
        worker.resultReady.disconnect(waiter.on_result)


class _Waiter(QObject):
    """Receives results in the GUI thread and ends the wait once the awaited one is in."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.newest = 0
        self.wanted = 0

    @Slot(object)
    def on_result(self, result: Result) -> None:
        self.newest = max(self.newest, result.request_id)
        if self.newest >= self.wanted:
            self.loop.quit()
