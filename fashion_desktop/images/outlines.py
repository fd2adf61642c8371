"""Outlines become shapes: close small gaps and fill closed outlines, at any brush width.

The network only ever saw solid garments, and the first thing a person draws is an outline. A
ring is not in its vocabulary, so the inside of a closed outline is filled. Two things made the
old rule ("encloses at least 1.5× its ink") miss what people draw: a 36-pixel brush on a small
drawing covers more than it encloses, and a hurried outline does not quite close. So:

- the stroke width is measured from the ink itself (twice its area over its perimeter: exact for
  a band of any length), and gaps up to about that width are closed (dilate, then erode);
- on the canvas, which holds a drawing by definition, every hole of the closed ink is filled;
- lines drawn inside the shape (a coat's opening, a collar, a waistband) stay as darker lines, as
  the data set shows seams: filled over, a coat becomes a pullover;
- in a file, only a flat drawing (its ink at full strength away from the edges, or strokes too
  thin against the drawing to have an inside: a line a pixel or two wide, shrunk) whose holes are
  empty is filled, and only when it is an outline: it encloses more than its ink, or its ink is
  thin strokes (under a fifth of the drawing's size) enclosing at least a third as much again. A
  photographed garment is shades of grey and solid, so it passes unchanged; a picture already
  at the network's scale (≤ 64 pixels) gets only the first, strict rule and no gap closing;
- in a file, faint ink joined to full-strength ink is ink (a fine line shrunk falls between
  pixels); on the canvas only for its thinnest strokes.
"""

from __future__ import annotations

import numpy as np

from fashion_desktop.images.arrays import pad
from fashion_desktop.images.flood import enclosed, spread
from fashion_desktop.images.framing import box_sum, square_all, square_any

INK = 0.4 * 255  # what counts as a stroke in a drawing (a blurred pen line stays joined)
EMPTY = 24.0  # a hole with more than this mean level holds something: it is not empty paper
INNER_LINE = 0.5 * 255  # inner lines in a filled outline: a darker seam, as the data set's garments show them
SMALL = 64  # pictures no larger than this are at the network's scale
# Strokes at most this share of the drawing's size across (2 × area / perimeter) are line art: on
# 300 renderings of each photo kind (photos, noisy, shadowed, on grey, lamp-lit, colour on colour,
# cut-outs) a garment's was at least 0.047 of its size, 0.07 for 99 %. Those are test images scaled
# up: a real photo of thin straps may come closer. No width measures under 2.0, so crops under
# about 67 pixels never reach this rule.
THIN = 0.03
# Analysed pixels: canvas strokes this thin have their faint stretches joined as in files (brushes
# of 1–2 of the canvas's 448 pixels measured 2.0–2.2, of 3 pixels 2.4–2.7, of 6 pixels 3.0–4.1).
HAIRLINE = 2.5
ANALYSIS = 112  # outlines are analysed at most this size: ample for 28 pixels, 4× cheaper than 224


def stroke_width(ink: np.ndarray) -> float:
    """Typical stroke width in pixels: 2 × area / perimeter (a band of width w and length L has
    area wL and perimeter about 2L)."""
    area = int(np.count_nonzero(ink))  # count_nonzero: a tenth of bool.sum's time
    if not area:
        return 0.0
    inner = ink.copy()
    inner[1:] &= ink[:-1]
    inner[:-1] &= ink[1:]
    inner[:, 1:] &= ink[:, :-1]
    inner[:, :-1] &= ink[:, 1:]
    perimeter = max(1, area - int(np.count_nonzero(inner)))
    return 2.0 * area / perimeter


def close_gaps(ink: np.ndarray, radius: int) -> np.ndarray:
    """Morphological closing with a (2r+1)² square: gaps up to about 2r pixels are bridged."""
    if radius < 1:
        return ink
    padded = pad(ink, radius + 1)
    closed = square_all(square_any(padded, radius), radius)
    return closed[radius + 1 : -radius - 1, radius + 1 : -radius - 1] | ink


def is_flat(grey: np.ndarray) -> bool:
    """Flat strokes rather than a photo's shades of grey: inside the ink (away from its antialiased
    or blurred edges) most pixels are at full strength. Ink too thin to have an inside is line art,
    and so are strokes thin against the drawing (`THIN`): a fine pen's line, shrunk to the working
    size, is a fraction of a pixel whose level depends on where it falls between pixels, so its
    inside holds no full-strength pixel, while a photographed garment is solid."""
    ink = grey > EMPTY
    if not ink.any():
        return False
    inside = ink.copy()
    inside[1:] &= ink[:-1]
    inside[:-1] &= ink[1:]
    inside[:, 1:] &= ink[:, :-1]
    inside[:, :-1] &= ink[:, 1:]
    inner, area = int(np.count_nonzero(inside)), int(np.count_nonzero(ink))
    if inner < 0.1 * area or 2.0 * area / max(1, area - inner) <= THIN * max(grey.shape):
        return True
    # "at least half of them": count ≥ n / 2 is mean ≥ 0.5, without gathering the pixels
    return 2 * int(np.count_nonzero((grey > 0.6 * 255) & inside)) >= inner


def _solid(grey: np.ndarray, drawing: bool, network_scale: bool) -> np.ndarray | None:
    """The mask of the filled shape, or None when there is nothing to fill (see fill_outlines)."""
    ink = grey > INK
    if not ink.any():
        return None
    side = max(grey.shape)
    width = stroke_width(grey > EMPTY)  # the whole visible line, blurred edges too
    if not drawing or width < HAIRLINE:
        # A fine pen's line shrunk to the working size falls between pixels, as faint as a quarter of
        # its ink in places: what is visible and joined to full ink is ink too, or those stretches
        # left the outline open. Every file gets it (a broad line only gains its soft edge); on the
        # canvas only the smallest brushes do, and broader strokes are left exactly as they were.
        ink = spread(ink, grey > EMPTY)
    # At the network's own scale (an icon, a Fashion-MNIST picture) a pixel is detail: a sandal's
    # straps or a bag's handle are not an outline with a gap, so only the strict rule applies.
    strokes = width <= 0.2 * side and (drawing or not network_scale)
    radius = min(int(np.ceil(0.55 * width)), max(1, side // 10)) if strokes else 0
    closed = close_gaps(ink, radius)
    holes = enclosed(closed)
    if radius:
        # A hole that only closing made must be wider than the bridge that closed it: the inside of
        # an outline with a gap is; the notch between a trouser's legs, or between straps, is not.
        core = square_all(holes, radius)
        holes = enclosed(ink) | spread(core, holes)
    if not holes.any():
        return None
    if not drawing:
        inside, covered = int(holes.sum()), int(ink.sum())
        if grey[holes].mean() > EMPTY or not (inside >= 1.5 * covered or (strokes and inside >= 0.33 * covered)):
            return None
    return ink | spread(holes, holes | (closed & ~ink))  # with the bridges across the gaps it closed


def inner_lines(grey: np.ndarray, shape: np.ndarray) -> np.ndarray:
    """The ink well inside a filled shape (farther than a stroke width from its outside): a coat's
    opening, a collar, a waistband. Fashion-MNIST shows such seams as darker lines on the garment, so
    filling over them would throw away what tells a coat from a pullover. A line has bare paper
    beside it inside the shape; ink with none within a stroke width is a painted area, not a line."""
    ink = grey > INK
    reach = max(1, int(np.ceil(stroke_width(grey > EMPTY))))
    # beyond the crop's edge is outside too
    near_outside = box_sum(pad(~shape, reach, value=True), reach)[reach:-reach, reach:-reach] > 0
    near_bare = box_sum(shape & (grey <= EMPTY), reach) > 0
    return ink & shape & ~near_outside & near_bare


def _block_max(grey: np.ndarray, factor: int) -> np.ndarray:
    """Shrink by taking each block's strongest pixel, so a thin pen line stays joined."""
    height, width = grey.shape
    padded = np.zeros((-(-height // factor) * factor, -(-width // factor) * factor), grey.dtype)
    padded[:height, :width] = grey
    # The maximum of the factor² strided views: one pass each, where a reshaped max over two
    # non-adjacent axes walks the array in small strides (5-10× slower at the canvas's sizes).
    out = padded[::factor, ::factor].copy()
    for dy in range(factor):
        for dx in range(factor):
            if dy or dx:
                np.maximum(out, padded[dy::factor, dx::factor], out=out)
    return out


def fill_outlines(grey: np.ndarray, drawing: bool = False) -> tuple[np.ndarray, bool]:
    """Close small gaps and fill the inside of closed outlines; photos and solid shapes pass unchanged.

    `grey` is the cropped garment, light on black, 0–255. `drawing=True` (the canvas) fills every
    hole of the gap-closed ink; otherwise the rule for files in the module docstring applies.
    The shape is worked out at most ANALYSIS pixels across (ample for a 28-pixel result).
    """
    if not drawing and not is_flat(grey):
        return grey, False
    height, width = grey.shape
    factor = -(-max(height, width) // ANALYSIS)
    small = grey if factor == 1 else _block_max(grey, factor)
    shape = _solid(small, drawing, network_scale=max(height, width) <= SMALL)
    if shape is None:
        return grey, False
    lines = inner_lines(small, shape)
    if factor > 1:
        # each block back to factor² pixels; the blocks cover the picture (ceil), so cut to its size
        shape = np.repeat(np.repeat(shape, factor, axis=0), factor, axis=1)[:height, :width]
        lines = np.repeat(np.repeat(lines, factor, axis=0), factor, axis=1)[:height, :width]
    filled = np.array(grey, np.float32, copy=True)
    filled[shape] = 255.0  # one solid shape: no seams where faint stroke edges met the fill
    filled[lines] = INNER_LINE
    return filled, True
