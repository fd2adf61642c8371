"""The shipped samples with the shipped weights: each shows its own class on top.

These need resources/samples/ and resources/model_weights.pth. They are part of the app, so
their absence fails here rather than skipping.
"""

from __future__ import annotations

import numpy as np

from fashion_desktop.classes import CLASS_NAMES, NUM_CLASSES
from fashion_desktop.images.samples import list_samples


def test_samples_cover_every_class_and_fill_the_menu(make_window):
    samples = list_samples()
    assert {s.class_index for s in samples} == set(range(NUM_CLASSES)), "resources/samples/ needs one per class"
    window = make_window(weights=None)
    labels = [action.text() for action in window.sample_actions]
    assert [label.split("  ", 1)[1] for label in labels] == list(CLASS_NAMES)


def test_each_shipped_sample_shows_its_class_on_top(make_window, wait_idle):
    from fashion_desktop.images.preprocess import prepare_file
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    samples = list_samples()
    assert samples, "no samples in resources/samples/"
    window = make_window(weights=None)  # the shipped weights
    predictor = Predictor(load_model()[0], "cpu")
    wrong = []
    for sample in samples:
        assert window.open_path(sample.path)
        wait_idle(window)
        panel = window.probabilities
        expected = predictor.predict(prepare_file(sample.path).pixels).probabilities
        assert np.allclose(panel.probabilities(), expected, atol=1e-6)
        if panel.top_index() != sample.class_index or panel.headline.text() != sample.label:
            wrong.append(f"{sample.path.name}: shown {panel.headline.text()}")
    assert not wrong, wrong


def test_samples_menu_opens_the_sample(make_window, wait_idle):
    samples = list_samples()
    assert samples
    window = make_window(weights=None)
    window.sample_actions[-1].trigger()
    wait_idle(window)
    last_class = max(s.class_index for s in samples)
    assert window.probabilities.headline.text() == CLASS_NAMES[last_class]

