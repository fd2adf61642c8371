"""A sketch photographed on ruled or squared paper: the printed lines are not garment."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageDraw

from fashion_desktop.images import paper_lines
from fashion_desktop.images import preprocess as P


def _page(rules: bool, margin: bool = False, size=(420, 520)) -> Image.Image:
    """A pen drawing of a T-shirt's outline on a notebook page (light-blue rules every 24 px, a red
    margin), photographed: noise and JPEG."""
    width, height = size
    page = Image.new("RGB", size, (238, 238, 232))
    draw = ImageDraw.Draw(page)
    if rules:
        for y in range(14, height, 24):
            draw.line([(0, y), (width, y)], fill=(150, 178, 222), width=2)
    if margin:
        draw.line([(40, 0), (40, height)], fill=(225, 110, 110), width=2)
    shirt = [(150, 120), (270, 120), (340, 170), (310, 210), (280, 190), (280, 400), (140, 400), (140, 190),
             (110, 210), (80, 170), (150, 120)]
    draw.line(shirt, fill=(25, 25, 35), width=5, joint="curve")
    rng = np.random.default_rng(2)
    pixels = np.asarray(page, np.float32) + rng.normal(0, 3, (height, width, 3))
    buffer = io.BytesIO()
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(buffer, "JPEG", quality=85)
    return P.decode_image(io.BytesIO(buffer.getvalue()))


def test_a_drawing_on_ruled_paper_is_framed_and_seen_as_on_plain_paper():
    """The rules ran from edge to edge: counted as ink they framed the whole page and striped the
    drawing (sketches on ruled paper: 0.26 right against 0.81 on plain paper)."""
    plain = P.prepare_image(_page(rules=False))
    for margin in (False, True):
        ruled = P.prepare_image(_page(rules=True, margin=margin))
        assert np.abs(np.subtract(ruled.bbox, plain.bbox)).max() <= 3, (margin, ruled.bbox, plain.bbox)
        assert np.abs(ruled.pixels - plain.pixels).mean() < 0.05


def _ink(shape=(200, 240)) -> np.ndarray:
    return np.zeros(shape, np.float32)


def test_a_stroke_crossing_a_rule_stays_whole():
    grey = _ink()
    for y in range(10, 200, 12):
        grey[y] = 90.0  # printed rules, one pixel thick
    grey[20:180, 100:103] = 255.0  # a pen stroke down across them
    erased = paper_lines.erase_printed_lines(grey, 20.0)
    assert erased[20:180, 100:103].min() == 255.0
    assert erased[:, :90].max() == 0.0 and erased[:, 110:].max() == 0.0


def test_lines_that_stop_short_or_stand_alone_are_the_drawings():
    """A drawn line across most of the picture stops short of its edges (a bag's base); one thin
    line from edge to edge in a tight crop is the garment's (a sandal's sole): both are kept."""
    drawn = _ink()
    for y in range(10, 200, 12):
        drawn[y] = 90.0
    drawn[150:152, 15:225] = 255.0  # the bag's base: 88 % of the width, not through the edges
    assert (paper_lines.erase_printed_lines(drawn, 20.0)[150:152, 15:225] == 255.0).all()
    sole = _ink()
    sole[150:152, :] = 255.0
    sole[100:150, 60:64] = 255.0  # a strap
    assert np.array_equal(paper_lines.erase_printed_lines(sole, 20.0), sole)


def test_squared_paper_loses_its_grid_and_a_garment_filling_the_width_stays():
    grey = _ink()
    for y in range(6, 200, 10):
        grey[y] = 80.0
    for x in range(6, 240, 10):
        grey[:, x] = 80.0
    grey[60:140, 0:240] = 255.0  # a garment band through the whole picture: thick, kept
    erased = paper_lines.erase_printed_lines(grey, 20.0)
    assert (erased[60:140] == 255.0).all()
    assert erased[:55].max() < 20.0 and erased[145:].max() < 20.0
