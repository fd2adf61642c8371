"""The Prediction panel says plainly when a drawing does not look like a garment; the bars stay."""

from __future__ import annotations

import numpy as np

from fashion_desktop.gui.panels.probabilities import ProbabilitiesPanel


def test_unfamiliar_drawing_is_said_plainly_and_the_bars_stay(qtbot):
    panel = ProbabilitiesPanel()
    qtbot.addWidget(panel)
    panel.show()
    probabilities = np.full(10, 0.02, np.float32)
    probabilities[8] = 0.82
    panel.show_prediction(probabilities, 8, familiarity=0.1)
    assert panel.unfamiliar.isVisible() and "garment" in panel.unfamiliar.text()
    assert panel.headline.text() == "Bag" and np.allclose(panel.probabilities(), probabilities)
    panel.show_prediction(probabilities, 8, familiarity=0.9)
    assert not panel.unfamiliar.isVisible()
    panel.show_prediction(probabilities, 8, familiarity=0.1)
    panel.show_empty()
    assert not panel.unfamiliar.isVisible()
    panel.show_prediction(probabilities, 8)  # weights without a familiarity: nothing is claimed
    assert not panel.unfamiliar.isVisible()
