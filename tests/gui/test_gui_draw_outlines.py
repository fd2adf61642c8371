"""Outlines drawn with the mouse in the real window, with the shipped weights: the right garment on top.

Drawing an outline is the first thing a person does (issue 13). Each garment below is one
continuous stroke with the default 36-pixel brush, as a person draws it: tops from the front,
trousers as two legs, shoes from the side (the boot also facing right, as people draw it too).
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from fashion_desktop.classes import CLASS_NAMES

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier

# Outlines in a 280×280 frame (scaled onto the canvas), each a closed polyline.
OUTLINES = {
    "trouser": [(85, 30), (195, 30), (205, 250), (160, 250), (140, 95), (120, 250), (75, 250), (85, 30)],
    "ankle boot": [(125, 35), (205, 35), (208, 170), (222, 245), (40, 245), (32, 205), (55, 180), (110, 165),
                   (125, 35)],
    "T-shirt": [(110, 40), (80, 45), (30, 95), (58, 125), (85, 100), (85, 245), (195, 245), (195, 100), (222, 125),
                (250, 95), (200, 45), (170, 40), (140, 62), (110, 40)],
    "dress": [(115, 30), (165, 30), (170, 95), (225, 250), (55, 250), (110, 95), (115, 30)],
    "sneaker": [(25, 200), (35, 165), (95, 150), (140, 120), (190, 115), (250, 100), (258, 215), (30, 225),
                (25, 200)],
}
OUTLINES["ankle boot facing right"] = [(280 - x, y) for x, y in OUTLINES["ankle boot"]]
EXPECTED = {"trouser": "Trouser", "ankle boot": "Ankle boot", "ankle boot facing right": "Ankle boot",
            "T-shirt": "T-shirt/top", "dress": "Dress", "sneaker": "Sneaker"}


def _at(window, x: float, y: float):
    rect = window.canvas.target_rect()
    scale = rect.width() / 280
    return QPointF(rect.left() + x * scale, rect.top() + y * scale).toPoint()


def _draw(window, outline) -> None:
    """One stroke along the polyline, a mouse move every few pixels as a hand makes them."""
    canvas = window.canvas
    QTest.mousePress(canvas, LEFT, NONE, _at(window, *outline[0]))
    for (x0, y0), (x1, y1) in itertools.pairwise(outline):
        steps = max(2, int(max(abs(x1 - x0), abs(y1 - y0)) / 8))
        for t in range(1, steps + 1):
            QTest.mouseMove(canvas, _at(window, x0 + (x1 - x0) * t / steps, y0 + (y1 - y0) * t / steps))
    QTest.mouseRelease(canvas, LEFT, NONE, _at(window, *outline[-1]))


@pytest.mark.parametrize("name", list(OUTLINES))
def test_an_outline_drawn_with_the_mouse_is_recognised(make_window, wait_idle, name):
    window = make_window(weights=None)  # the shipped weights
    assert window.canvas.brush_size == 36
    _draw(window, OUTLINES[name])
    wait_idle(window)
    assert "closed outline filled" in window.preview_note.text()
    answer = CLASS_NAMES[window.probabilities.top_index()]
    assert answer == EXPECTED[name], f"{name} drawn as an outline was read as {answer}"
