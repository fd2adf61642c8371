"""Before PyTorch has loaded, the window already answers (numpy), says so, and then hands over."""

from __future__ import annotations

import threading

import numpy as np

from fashion_desktop.gui.panels.probabilities import RESULT


def test_the_first_answer_does_not_wait_for_torch_and_torch_takes_over(make_window, qtbot, random_weights):
    from fashion_desktop.images.preprocess import prepare_grey
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    window = make_window(weights=random_weights, start=False)
    release = threading.Event()
    window.worker.before_import = lambda: release.wait(60)  # PyTorch "is still loading" until released
    shown = []
    window.predictionShown.connect(shown.append)
    grey = np.zeros((280, 280), np.uint8)
    grey[60:220, 90:190] = 255
    try:
        window.start()
        window.worker.request(grey=grey)
        qtbot.waitUntil(lambda: any(r.prediction is not None for r in shown), timeout=30000)
        first = next(r for r in shown if r.prediction is not None)
        assert first.prediction.engine == "numpy" and window.model_info is None
        assert window.probabilities.state == RESULT
        assert "NumPy" in window.timing_label.text()
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.model_info is not None, timeout=60000)
    qtbot.waitUntil(lambda: shown[-1].prediction is not None and shown[-1].prediction.engine == "torch",
                    timeout=30000)  # the session answers the last input again, on the chosen device
    model, _ = load_model(random_weights)
    expected = Predictor(model, "cpu").predict(prepare_grey(grey, light_on_dark=True).pixels).probabilities
    assert np.allclose(first.prediction.probabilities, expected, atol=1e-5)
    assert np.allclose(shown[-1].prediction.probabilities, expected, atol=1e-6)
    qtbot.waitUntil(lambda: "PyTorch)" in window.timing_label.text(), timeout=5000)
