"""Issue 6 in the window: bad weights keep the model in use, a failing GPU falls back to the CPU,
closing mid-inference is clean every time, switching devices while drawing works, and blank or
near-blank input never shows a confident class."""

from __future__ import annotations

import logging
from unittest import mock

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPointF, QSettings

from fashion_desktop.gui.panels.probabilities import EMPTY, RESULT

CUDA_ERROR = "CUDA error: an illegal memory access was encountered"


def garment(seed: int, size: int = 448) -> np.ndarray:
    rng = np.random.default_rng(seed)
    grey = np.zeros((size, size), np.uint8)
    top, left = rng.integers(20, size // 3, 2)
    height, width = rng.integers(size // 4, size // 2, 2)
    grey[top : top + height, left : left + width] = 255
    return grey


def core_probabilities(weights, grey: np.ndarray) -> np.ndarray:
    from fashion_desktop.images.preprocess import prepare_canvas
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    model, _ = load_model(weights)
    return Predictor(model).predict(prepare_canvas(grey).pixels).probabilities


# ------------------------------------------------------------------ 2. nothing to classify


def test_a_speck_with_the_smallest_brush_is_nothing_to_classify(window, wait_idle):
    canvas = window.canvas
    window.brush_spin.setValue(window.brush_spin.minimum())
    canvas._begin(canvas.target_rect().center())  # one tap: a dot a few pixels wide
    canvas._end()
    wait_idle(window)
    assert canvas.grey().any()
    assert window.probabilities.state == EMPTY
    assert window.probabilities.headline.text() == "Nothing to classify yet"
    assert window.probabilities.top_index() == -1


@pytest.mark.parametrize("value, name", [(0, "black.png"), (255, "white.png")])
def test_all_black_or_all_white_picture_is_nothing_to_classify(window, wait_idle, tmp_path, value, name):
    path = tmp_path / name
    Image.new("L", (200, 150), value).save(path)
    assert not window.open_path(path)
    wait_idle(window)
    assert window.probabilities.state == EMPTY
    assert "nothing to classify" in window.statusBar().currentMessage()


def test_an_all_white_canvas_is_nothing_to_classify(window, wait_idle):
    window.canvas.set_grey(np.full((448, 448), 255, np.uint8))
    wait_idle(window)
    assert window.probabilities.state == EMPTY


# ------------------------------------------------------------------ 3. weights


def _bad_weights(kind: str, path, marker) -> str:
    """Write one kind of bad weights file; returns the words the message must contain."""
    import torch

    from fashion_desktop.network.model import NeuralNetwork

    state = NeuralNetwork().state_dict()
    if kind == "random bytes":
        path.write_bytes(np.random.default_rng(3).bytes(5000))
        return "not a PyTorch weights file"
    if kind == "truncated":
        torch.save(state, path)
        path.write_bytes(path.read_bytes()[: path.stat().st_size * 2 // 3])
        return "truncated"
    if kind == "pickle that runs code":
        class Exploit:
            def __reduce__(self):
                return (open, (str(marker), "w"))

        torch.save({**state, "linear_relu_stack.0.bias": Exploit()}, path)
        return "could run code"
    if kind == "wrong shapes":
        torch.save({**state, "linear_relu_stack.0.weight": torch.zeros(256, 784)}, path)
        return "shape (256, 784)"
    if kind == "NaN":
        state["linear_relu_stack.4.bias"][0] = float("nan")
        torch.save(state, path)
        return "NaN or infinite"
    if kind == "Inf":
        state["linear_relu_stack.0.weight"][0, 0] = float("inf")
        torch.save(state, path)
        return "NaN or infinite"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["random bytes", "truncated", "pickle that runs code", "wrong shapes", "NaN", "Inf"])
def test_bad_weights_are_explained_and_the_model_in_use_stays(window, qtbot, wait_idle, tmp_path, kind):
    marker = tmp_path / "marker"
    bad = tmp_path / "bad.pth"
    reason = _bad_weights(kind, bad, marker)
    window.worker.request(grey=garment(1))
    wait_idle(window)
    before = window.probabilities.probabilities()
    sha_before = window.model_info.weights_sha256
    window.last_message = None
    window.load_weights(bad)
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=30_000)
    title, text = window.last_message
    assert "weights" in title.lower() and reason in text and "still loaded" in text
    assert not marker.exists()
    assert window.model_info.weights_sha256 == sha_before
    window.worker.request(grey=garment(1))
    wait_idle(window)
    assert window.probabilities.state == RESULT
    assert np.allclose(window.probabilities.probabilities(), before)


@pytest.mark.parametrize("kind", ["float16", "bfloat16", "saved on cuda:0"])
def test_unusual_but_valid_weights_load_in_the_window(window, qtbot, wait_idle, tmp_path, kind):
    import torch
    import torch.serialization

    from fashion_desktop.network.model import NeuralNetwork

    torch.manual_seed(77)
    state = NeuralNetwork().state_dict()
    path = tmp_path / "other.pth"
    if kind == "saved on cuda:0":  # torch.save records cuda:0 as the storages' device (see test_core_bad_weights)
        with mock.patch.object(torch.serialization, "location_tag", lambda _storage: "cuda:0"):
            torch.save(state, path)
    else:
        torch.save({k: v.to(getattr(torch, kind)) for k, v in state.items()}, path)
    with qtbot.waitSignal(window.modelShown, timeout=30_000):
        window.load_weights(path)
    assert window.model_info.weights_path == str(path)
    if kind != "saved on cuda:0":
        assert any(kind in note for note in window.model_info.weights_notes)
    window.worker.request(grey=garment(2))
    wait_idle(window)
    assert window.probabilities.state == RESULT


# ------------------------------------------------------------------ 4. devices


class FailingGpuPredictor:
    """Stands in for a predictor on a GPU whose forward pass fails (no GPU is needed to test the path)."""

    def __init__(self, real) -> None:
        import torch

        self.model = real.model
        self.device = torch.device("cuda", 0)
        self.calls = 0

    def predict(self, *_args, **_kwargs):
        self.calls += 1
        raise RuntimeError(CUDA_ERROR)

    def to(self, device):
        raise RuntimeError(CUDA_ERROR)  # a dead context cannot even copy the weights back

    def close(self) -> None:
        pass


def test_a_gpu_failing_mid_session_falls_back_to_the_cpu_with_a_notice(window, qtbot, wait_idle, random_weights,
                                                                       caplog):
    worker = window.worker
    worker.request(grey=garment(3))
    wait_idle(window)
    with worker._lock:  # the worker is idle between requests; swap in the failing "GPU"
        fake = FailingGpuPredictor(worker.session.predictor)
        worker.session.predictor = fake
    notices = []
    worker.deviceFailed.connect(notices.append)
    drawing = garment(4)
    with caplog.at_level(logging.WARNING, logger="fashion_desktop"), \
            qtbot.waitSignal(window.modelShown, timeout=30_000):
        worker.request(grey=drawing)
    wait_idle(window)
    assert fake.calls == 1
    assert len(notices) == 1 and "cuda:0 failed" in notices[0] and "illegal memory access" in notices[0]
    assert "now runs on the CPU" in window.statusBar().currentMessage()
    assert window.device_label.text().startswith("Device: cpu")
    assert window.model_info.device == "cpu" and "illegal memory access" in window.device_label.toolTip()
    # The drawing that hit the failure still got its prediction, computed on the CPU.
    assert window.probabilities.state == RESULT
    assert np.allclose(window.probabilities.probabilities(), core_probabilities(random_weights, drawing), atol=1e-5)
    assert any("moving the model to the CPU" in r.getMessage() for r in caplog.records)
    # And the next drawing too.
    worker.request(grey=garment(5))
    wait_idle(window)
    assert window.probabilities.state == RESULT
    assert np.allclose(window.probabilities.probabilities(), core_probabilities(random_weights, garment(5)),
                       atol=1e-5)


def test_a_failure_on_the_cpu_is_shown_not_retried(window, wait_idle):
    worker = window.worker
    worker.request(grey=garment(6))
    wait_idle(window)
    notices = []
    worker.deviceFailed.connect(notices.append)
    with mock.patch.object(type(worker.session.predictor), "predict", side_effect=RuntimeError("simulated CPU failure")):
        worker.request(grey=garment(7))
        wait_idle(window)
    assert notices == []
    assert window.probabilities.state == "error"
    assert "simulated CPU failure" in window.probabilities.detail.text()


@pytest.mark.hardware  # skips where that device is present
@pytest.mark.parametrize("asked", ["cuda", "cuda:3", "mps"])
def test_asking_for_an_absent_device_says_so(window, qtbot, asked):
    from fashion_desktop.network.device import available_devices

    kind = asked.split(":")[0]
    if next(d for d in available_devices() if d.name == kind).available:
        pytest.skip(f"{kind} is present on this machine: nothing absent to ask for")
    with qtbot.waitSignal(window.modelShown, timeout=30_000):
        window.set_device(asked)
    message = window.statusBar().currentMessage()
    assert "not available" in message and "using the CPU" in message
    assert window.model_info.device == "cpu"


# ------------------------------------------------------------------ 5. threads and time


def test_closing_during_inference_fifty_times_in_a_row_is_clean(qtbot, random_weights, tmp_path):
    """Each close lands while the worker is inside a request (held there until just after close starts)."""
    import threading

    from fashion_desktop.gui.main_window import MainWindow

    for i in range(50):
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, weights=random_weights, device="cpu")
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.model_info is not None, timeout=60_000)  # noqa: B023 - called at once
        inside, release = threading.Event(), threading.Event()
        window.worker.before_request = lambda _request: (inside.set(), release.wait(10))  # noqa: B023 - this window only
        shown = window.last_result_id
        window.worker.request(grey=garment(i))
        assert inside.wait(10), f"run #{i + 1}: the request never reached the worker"
        assert window.worker.busy.is_set()
        threading.Timer(0.01, release.set).start()  # lets the request finish while close() is waiting
        window.close()
        assert not window.worker.isRunning(), f"close #{i + 1} left the worker running"
        qtbot.wait(5)  # a result emitted during close must be dropped, not drawn into the closed window
        assert window.last_result_id == shown
        window.deleteLater()
    qtbot.wait(10)


def test_switching_device_while_drawing(window, qtbot, wait_idle, random_weights):
    canvas = window.canvas
    centre = canvas.target_rect().center()
    canvas._begin(centre)
    for i, device in enumerate(["cpu", "auto", "cuda", "cpu", "mps", "auto"] * 3):
        window.set_device(device)
        for j in range(10):
            canvas._extend(centre + QPointF((i * 7 + j) % 90 - 45, (i * 3 + j * 5) % 120 - 60))
        qtbot.wait(1)
    canvas._end()
    window.request_prediction()  # queued behind every device command: runs on the final device
    wait_idle(window)
    assert window.worker.isRunning()
    assert window.probabilities.state == RESULT
    assert np.allclose(window.probabilities.probabilities(), core_probabilities(random_weights, canvas.grey()),
                       atol=1e-5)

