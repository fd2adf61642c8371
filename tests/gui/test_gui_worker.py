"""The worker: latest request wins, failures are shown and survived, shutdown is clean."""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
import pytest

from fashion_desktop.gui.panels.probabilities import ERROR, RESULT


def garment(seed: int) -> np.ndarray:
    """A 280×280 light blob on black, different for each seed."""
    rng = np.random.default_rng(seed)
    grey = np.zeros((280, 280), np.uint8)
    top, left = rng.integers(10, 120, 2)
    height, width = rng.integers(60, 150, 2)
    grey[top : top + height, left : left + width] = 255
    return grey


def test_importing_the_window_module_does_not_import_torch():
    code = ("import sys, fashion_desktop.gui.app\n"
            "assert 'torch' not in sys.modules and 'torchvision' not in sys.modules, "
            "sorted(m for m in sys.modules if m.startswith('torch'))")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_burst_of_200_requests_costs_at_most_3_inferences(window, qtbot, wait_idle, random_weights):
    from fashion_desktop.images.preprocess import prepare_canvas
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    worker = window.worker
    inputs = [garment(i) for i in range(200)]
    before = worker.inferences
    last = 0
    for grey in inputs:
        last = worker.request(grey=grey)
    wait_idle(window)
    assert window.last_result_id == last
    ran = worker.inferences - before
    print("burst inferences:", ran)
    assert 1 <= ran <= 3, f"{ran} inferences for a burst of 200 requests"
    model, _ = load_model(random_weights)  # the latest input won: the bars are its probabilities
    expected = Predictor(model, "cpu").predict(prepare_canvas(inputs[-1]).pixels).probabilities
    assert np.allclose(window.probabilities.probabilities(), expected, atol=1e-6)


def test_a_result_is_timed_from_the_oldest_change_it_answers(window, qtbot, wait_idle):
    """Requests replaced while waiting are answered by the newest one's result: latency counts from them."""
    import threading

    worker, release = window.worker, threading.Event()
    wait_idle(window)
    worker.before_request = lambda _request: release.wait(10)
    shown = []
    window.predictionShown.connect(shown.append)
    try:
        worker.request(grey=garment(1), created=100.0)  # taken at once, held in before_request
        qtbot.waitUntil(worker.busy.is_set)
        worker.request(grey=garment(2), created=200.0)  # waits …
        last = worker.request(grey=garment(3), created=300.0)  # … and is replaced by this one
    finally:
        release.set()
    wait_idle(window)
    worker.before_request = None
    final = [r for r in shown if r.request_id == last]
    # The first was overtaken before its forward pass (dropped), the second replaced while waiting:
    # the one result shown answers all three changes, so it counts from the first.
    assert len(final) == 1 and final[0].created == 100.0
    assert [r.request_id for r in shown] == [last]


def test_drawing_events_handled_together_are_sent_together(window, wait_idle):
    from PySide6.QtCore import QPointF

    canvas, worker = window.canvas, window.worker
    sent = worker.requests
    canvas._begin(canvas.target_rect().center())
    for i in range(200):  # 200 pointer moves handled in one pass of the event loop
        canvas._extend(canvas.target_rect().center() + QPointF(i % 40, i % 7))
    canvas._end()
    wait_idle(window)
    assert worker.requests - sent <= 2  # coalesced into one request (two if a pass boundary falls inside)
    assert window.probabilities.state == RESULT


def test_a_failing_request_is_shown_and_the_next_input_works(window, qtbot, wait_idle):
    window.worker.request(pixels=np.zeros((5, 5), np.float32))  # the predictor refuses non-28×28 input
    wait_idle(window)
    assert window.probabilities.state == ERROR
    assert "28" in window.probabilities.detail.text()
    window.worker.request(grey=garment(1))
    wait_idle(window)
    assert window.probabilities.state == RESULT


def test_an_exception_in_the_worker_is_survived(window, qtbot, wait_idle):
    def boom(_request):
        raise RuntimeError("simulated device failure")

    window.worker.before_request = boom
    window.worker.request(grey=garment(2))
    wait_idle(window)
    assert window.probabilities.state == ERROR
    assert "simulated device failure" in window.probabilities.detail.text()
    window.worker.before_request = None
    window.worker.request(grey=garment(2))
    wait_idle(window)
    assert window.probabilities.state == RESULT
    assert window.worker.isRunning()


def test_closing_mid_inference_stops_the_thread(window, qtbot):
    shown = window.last_result_id
    window.worker.before_request = lambda _request: time.sleep(0.5)
    window.worker.request(grey=garment(3))
    qtbot.waitUntil(window.worker.busy.is_set, timeout=10_000)
    window.close()
    assert not window.worker.isRunning()
    qtbot.wait(50)  # let any queued result arrive: it must be ignored, not drawn into a closed window
    assert window.last_result_id == shown


def test_closing_mid_inference_exits_cleanly_in_a_real_process(run_window_process):
    done = run_window_process("""
        import time, gc
        import numpy as np

        def close_when_busy():
            if window.worker.busy.is_set():
                window.close()
            else:
                QTimer.singleShot(5, close_when_busy)

        def on_model(_info):
            window.worker.before_request = lambda _r: time.sleep(0.5)
            window.worker.request(grey=np.full((280, 280), 255, np.uint8))
            close_when_busy()

        window.modelShown.connect(on_model)
        code = app.exec()
        print("worker running:", window.worker.isRunning())
        del window
        gc.collect()
        sys.exit(code)
    """)
    assert done.returncode == 0, done.stderr
    assert "worker running: False" in done.stdout
    assert "QThread" not in done.stderr and "Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize("content, reason", [
    (b"this is not a weights file", "not a PyTorch weights file"),
    (None, "does not fit the tutorial's NeuralNetwork"),
])
def test_bad_weights_show_why_and_keep_the_previous_model(window, qtbot, wait_idle, tmp_path, content, reason):
    import torch

    bad = tmp_path / "bad.pth"
    if content is None:
        torch.save({"conv.weight": torch.zeros(3, 3)}, bad)  # someone else's network
    else:
        bad.write_bytes(content)
    window.worker.request(grey=garment(4))
    wait_idle(window)
    before = window.probabilities.probabilities()
    weights_before = window.model_info.weights_sha256
    window.load_weights(bad)
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=30_000)
    title, text = window.last_message
    assert "weights" in title.lower() and reason in text
    assert "still loaded" in text
    assert window.model_info.weights_sha256 == weights_before
    window.worker.request(grey=garment(4))
    wait_idle(window)
    assert window.probabilities.state == RESULT
    assert np.allclose(window.probabilities.probabilities(), before)


def test_other_weights_load_and_change_the_bars(window, qtbot, wait_idle, tmp_path):
    import torch

    from fashion_desktop.network.model import NeuralNetwork, save_weights

    torch.manual_seed(99)
    other = tmp_path / "mine.pth"
    save_weights(NeuralNetwork(), other)
    window.worker.request(grey=garment(5))
    wait_idle(window)
    before = window.probabilities.probabilities()
    with qtbot.waitSignal(window.predictionShown, timeout=30_000):  # the last input is re-run on the new model
        window.load_weights(other)
    assert window.model_info.weights_path == str(other)
    assert "mine.pth" in window.windowTitle()
    assert not np.allclose(window.probabilities.probabilities(), before)
