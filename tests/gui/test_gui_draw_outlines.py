"""Outlines drawn with the mouse in the real window, with the shipped weights: the right garment on top.

Drawing an outline is the first thing a person does (issue 13). Each garment is one continuous
stroke with the default 36-pixel brush, as a person draws it (images/mouse_outlines.py).
"""

from __future__ import annotations

import pytest

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.gui.mouse_outlines import draw_outline
from fashion_desktop.images.mouse_outlines import OUTLINES

# A few of the twenty (`fashion-desktop evaluate --mouse-outlines` reports all of them): one per
# kind of shape a person tries first. Crude long-sleeved tops are left to the benchmark: pullover,
# coat and shirt differ in details a mouse outline rarely has.
MUST_READ = ("T-shirt", "trouser", "dress", "sneaker", "ankle boot", "ankle boot facing right", "bag")


@pytest.mark.parametrize("name", MUST_READ)
def test_an_outline_drawn_with_the_mouse_is_recognised(make_window, wait_idle, name):
    window = make_window(weights=None)  # the shipped weights
    assert window.canvas.brush_size == 36
    expected, outline = OUTLINES[name]
    draw_outline(window, outline)
    wait_idle(window)
    assert "closed outline filled" in window.preview_note.text()
    answer = CLASS_NAMES[window.probabilities.top_index()]
    assert answer == expected, f"{name} drawn as an outline was read as {answer}"
    assert window.probabilities.unfamiliar.isHidden(), f"{name} was said not to look like a garment"
