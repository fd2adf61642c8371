"""A long session: 10,000 inferences through the real worker and window keep memory flat.

Prints the growth; run `QT_QPA_PLATFORM=offscreen python -m pytest -s tests/gui/test_gui_soak.py` to see it.
The bound is generous (a real leak of one 28×28 float input per result alone would be 30 MB; one of
the activations, 50 MB), so machine noise cannot fail it while a per-result leak does.
"""

from __future__ import annotations

import mmap
import time

import numpy as np
import pytest

from fashion_desktop.gui.probe.soak import run_inferences
from fashion_desktop.measure.memory import rss_mb

INFERENCES = 10_000
MAX_GROWTH_MB = 25.0


@pytest.mark.slow
def test_ten_thousand_inferences_keep_memory_flat(window):
    inferences_before = window.worker.inferences
    started = time.perf_counter()
    growth = run_inferences(window, INFERENCES, warmup=300)
    seconds = time.perf_counter() - started
    ran = window.worker.inferences - inferences_before
    print(f"\nsoak: {ran} inferences in {seconds:.0f} s; growth of resident non-file memory after warm-up {growth:+.2f} MB "
          f"(RSS now {rss_mb():.0f} MB)")
    assert ran == INFERENCES + 300  # each input waited for: none coalesced away
    assert window.probabilities.state == "result"
    assert growth < MAX_GROWTH_MB


def _fresh_resident_mb() -> mmap.mmap:
    """1 MB that is new resident memory whatever the allocator holds free.

    A leak of ordinary objects can be absorbed by memory freed earlier in the process (the malloc
    arena and numpy's pools keep it; RSS does not grow), so after other tests a 60 MB numpy leak
    showed no growth at all. An anonymous mapping is fresh pages from the kernel, made resident by
    writing every page: the leak is certain, so only a blind measurement can miss it.
    """
    block = mmap.mmap(-1, 1 << 20)
    block.write(b"\x01" * (1 << 20))
    return block


LEAK_RESULTS = 200


def test_run_inferences_detects_a_leak(window):
    """The measurement is not blind: a deliberate leak of 1 MB per result shows up as growth.

    The leak (200 MB) is far above what other work of the process may free during the run (a
    background job of an earlier test ending, say), so the growth shows it on a busy machine too.
    """
    leaked = []
    original = window._on_result

    def leaky(result) -> None:
        leaked.append(_fresh_resident_mb())
        original(result)

    window.worker.resultReady.disconnect(window._on_result)
    window.worker.resultReady.connect(leaky)
    try:
        growth = run_inferences(window, LEAK_RESULTS, warmup=5)
    finally:
        window.worker.resultReady.disconnect(leaky)
        window.worker.resultReady.connect(window._on_result)
    assert len(leaked) == LEAK_RESULTS + 5  # the leak ran once per result, the warm-up's 5 included
    assert growth > 0.6 * LEAK_RESULTS, (
        f"{LEAK_RESULTS} MB leaked after the warm-up, but the measured growth was {growth:.1f} MB")
    for block in leaked:
        block.close()


def test_run_inferences_works_on_a_bare_worker(qtbot, random_weights):
    from fashion_desktop.gui.worker import InferenceWorker

    worker = InferenceWorker(weights=random_weights, device="cpu")
    try:
        with qtbot.waitSignal(worker.modelReady, timeout=60_000):
            worker.start()
        pixels = [np.full((28, 28), v, np.float32) for v in (0.2, 0.5, 0.9)]
        growth = run_inferences(worker, 50, warmup=5, inputs=pixels)
        assert worker.inferences == 55 and growth < MAX_GROWTH_MB
    finally:
        assert worker.shutdown()
