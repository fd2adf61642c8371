"""Things that are not garments, drawn with the mouse in the real window: the window says so (issue 13).

The bars still show the network's guess among its ten classes; the note above them says plainly
that the drawing does not look like a garment it knows. The smiley is of a kind the familiarity
detector never learnt from (images/non_garments.py `UNSEEN_KINDS`).
"""

from __future__ import annotations

import math

import pytest

from fashion_desktop.gui.mouse_outlines import draw_outline


def _circle(cx: float, cy: float, r: float, points: int = 40) -> list[tuple[float, float]]:
    return [(cx + r * math.cos(2 * math.pi * i / points), cy + r * math.sin(2 * math.pi * i / points))
            for i in range(points + 1)]


def _star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    return [(cx + (outer if i % 2 == 0 else inner) * math.cos(-math.pi / 2 + i * math.pi / 5),
             cy + (outer if i % 2 == 0 else inner) * math.sin(-math.pi / 2 + i * math.pi / 5)) for i in range(11)]


# Strokes in the 280 × 280 frame of images/mouse_outlines.py.
DRAWINGS = {
    "house": [[(70, 250), (70, 130), (140, 40), (210, 130), (210, 250), (70, 250)]],
    "star": [_star(140, 145, 120, 48)],
    "smiley": [_circle(140, 140, 110), _circle(100, 110, 12, 12), _circle(180, 110, 12, 12),
               [(90, 180), (115, 205), (140, 212), (165, 205), (190, 180)]],
}


@pytest.mark.parametrize("name", sorted(DRAWINGS))
def test_a_drawing_of_something_else_is_said_not_to_be_a_garment(make_window, wait_idle, name):
    window = make_window(weights=None)  # the shipped weights and their familiarity
    for stroke in DRAWINGS[name]:
        draw_outline(window, stroke)
    wait_idle(window)
    assert window.probabilities.state == "result"
    assert not window.probabilities.unfamiliar.isHidden(), f"a {name} was taken for a garment"
    assert "garment" in window.probabilities.unfamiliar.text()
