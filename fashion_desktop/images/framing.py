"""Where the garment is: a background estimate and a content box that noise cannot grow.

A phone photo of a product or of a drawing on paper is not a clean white page: the light falls
off across the sheet, the sensor adds noise, JPEG adds speckle, and there is a speck of dust or
a pencil mark near a corner. Counting every pixel above the background as garment frames all of
that, and the garment ends up a small shape in a corner of the 28×28 input. So:

- the background is a plane or a bowl fitted robustly to the border (a level sheet is a flat
  plane, a lamp's light a bowl; a garment touching the border is left out of the fit as an outlier);
- single noisy pixels are dropped by their neighbourhood's ink density (a stroke has neighbours
  along its length, a noise pixel has none);
- a small, separate blob at the edge of the box (a speck, a mark) is cut off by splitting the
  mask along empty rows and columns and dropping end pieces with little ink.

Pictures at the network's own scale (a 28×28 icon or a Fashion-MNIST image, up to 64 pixels)
skip both cleaning steps: there, one pixel is detail, not noise. Everything is numpy on the ≤224-pixel working image.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from fashion_desktop.images.arrays import median, pad

MIN_PIECE = 0.04  # an end piece with less of the ink than this, beyond an empty gap, is not garment
SMALL = 64  # pictures no larger than this are at the network's scale: no pixel is noise
NOISE_RADIUS = 3  # the neighbourhood is the (2r+1)² square around a pixel
NOISE_DENSITY = 0.12  # of a 7×7 neighbourhood: a 1-pixel stroke has 1/7, an isolated pixel 1/49


def border(grey: np.ndarray) -> np.ndarray:
    """The outermost pixels' values (top, bottom, left, right), as float64."""
    return np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]]).astype(np.float64)


def _border_coordinates(height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Where `_border`'s values lie, scaled to -0.5..0.5 (only a border that is not level needs them)."""
    h, w = height, width
    xs = np.concatenate([np.arange(w), np.arange(w), np.zeros(h), np.full(h, w - 1)]) / max(w - 1, 1) - 0.5
    ys = np.concatenate([np.zeros(w), np.full(w, h - 1), np.arange(h), np.arange(h)]) / max(h - 1, 1) - 0.5
    return xs, ys


@lru_cache(maxsize=256)  # every working size (at most 224 across)
def _ramp(size: int) -> np.ndarray:
    """`np.linspace(-0.5, 0.5, size, dtype=np.float32)`, kept (read-only): 15 µs a call, and sizes repeat."""
    ramp = np.linspace(-0.5, 0.5, size, dtype=np.float32)
    ramp.setflags(write=False)
    return ramp


def _least_squares(design: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The coefficients minimising |design @ c - values|², by the normal equations (a 5 × 5 solve: a
    fifth of `lstsq`'s time on a border; the columns are well scaled, -0.5..0.5)."""
    try:
        return np.linalg.solve(design.T @ design, design.T @ values)
    except np.linalg.LinAlgError:  # degenerate (too few distinct points): the minimum-norm answer
        return np.linalg.lstsq(design, values, rcond=None)[0]


def background(grey: np.ndarray) -> np.ndarray | float:
    """The background's grey level: a level, a plane, or a bowl of light fitted to the border.

    The border's median where the border is level (the canvas, a clean file) or too little of it is
    background; else a plane (a sheet lit from one side) or, where the border bends, a quadratic
    in x and y (a lamp above the middle, a phone lens's fall-off towards the corners: any
    elliptical fall-off centred anywhere is `a + bx + cy + dx² + ey²`).
    """
    values = border(grey)
    level = float(median(values))
    if max(grey.shape) <= SMALL:  # an icon or a data-set picture: no sheet of paper to light unevenly
        return level
    spread = float(median(np.abs(values - level)))
    if spread < 1.0:  # level border: no plane to fit
        return level
    xs, ys = _border_coordinates(*grey.shape)
    design = np.column_stack([np.ones_like(xs), xs, ys, xs * xs, ys * ys])
    keep = np.abs(values - level) <= max(3.0 * 1.4826 * spread, 8.0)
    for _ in range(3):
        if keep.sum() < 0.6 * len(values):
            return level
        coef = _least_squares(design[keep], values[keep])
        residual = values - design @ coef
        noise = float(median(np.abs(residual[keep])))
        keep = np.abs(residual) <= max(3.0 * 1.4826 * noise, 6.0)
    if 0.25 * (abs(coef[3]) + abs(coef[4])) < 4.0:  # under 4 grey levels of bend: a plane is enough
        coef = np.append(_least_squares(design[keep, :3], values[keep]), (0.0, 0.0))
    if abs(coef[1]) + abs(coef[2]) + 0.25 * (abs(coef[3]) + abs(coef[4])) < 4.0:  # level after all
        return float(coef[0])
    h, w = grey.shape
    across, down = _ramp(w), _ramp(h)
    across = across * np.float32(coef[1]) + across * across * np.float32(coef[3])
    down = down * np.float32(coef[2]) + down * down * np.float32(coef[4])
    return np.float32(coef[0]) + np.add.outer(down, across)


def box_sum(mask: np.ndarray, radius: int) -> np.ndarray:
    """How many mask pixels lie in each pixel's (2r+1)² square (an integral image: any radius, same cost)."""
    padded = pad(mask.astype(np.int32), radius + 1, radius) if radius else mask.astype(np.int32)
    if not radius:
        return padded
    table = padded.cumsum(0).cumsum(1)
    k = 2 * radius + 1
    return table[k:, k:] - table[:-k, k:] - table[k:, :-k] + table[:-k, :-k]


def _slide(mask: np.ndarray, radius: int, axis: int, combine: np.ufunc) -> np.ndarray:
    """`combine` (OR, AND) of each pixel's 2r+1 neighbours along `axis`, nothing (False) beyond the
    edges: windows of 1, 2, 4 … pixels from the last, then two overlapping ones cover 2r+1."""
    span = 2 * radius + 1
    length = mask.shape[axis]
    shape = list(mask.shape)
    shape[axis] = length + 2 * radius
    acc = np.zeros(shape, bool)

    def cut(start: int, stop: int | None) -> tuple[slice, ...]:
        return (slice(None), slice(start, stop)) if axis else (slice(start, stop),)

    acc[cut(radius, radius + length)] = mask
    width = 1
    while 2 * width <= span:
        acc = combine(acc[cut(0, -width)], acc[cut(width, None)])
        width *= 2
    return combine(acc[cut(0, length)], acc[cut(span - width, span - width + length)])


def square_any(mask: np.ndarray, radius: int) -> np.ndarray:
    """Pixels with a mask pixel in their (2r+1)² square (a dilation): `box_sum(mask, r) > 0`, in
    O(log r) passes of whole-array ORs rather than two running sums (a fifth of the time)."""
    return _slide(_slide(mask, radius, 1, np.logical_or), radius, 0, np.logical_or)


def square_all(mask: np.ndarray, radius: int) -> np.ndarray:
    """Pixels whose whole (2r+1)² square is mask, the picture's outside counting as not (an
    erosion): `box_sum(mask, r) == (2r+1)²`, as `square_any` computes it."""
    return _slide(_slide(mask, radius, 1, np.logical_and), radius, 0, np.logical_and)


MIN_NEIGHBOURS = int(np.ceil(NOISE_DENSITY * (2 * NOISE_RADIUS + 1) ** 2))  # 6 of 49


def _neighbours(part: np.ndarray) -> np.ndarray:
    """How many mask pixels lie in each pixel's (2r+1)² square, the picture's edge pixels repeated
    beyond it (as Pillow's box blur reads them), as uint8.

    Why not Pillow's BoxBlur, which this replaced: it needed the mask as an 8-bit image and back
    and blurred in two transposed passes (150 µs on a bench file); sums of shifted views are a
    third of that. Pillow's blur of 255s rounds to ≥ 31 (0.12 × 255) exactly where this count
    is ≥ 6 (`tests/test_core_image_fast_paths.py` holds the two equal).
    """
    r = NOISE_RADIUS
    height, width = part.shape
    padded = np.empty((height + 2 * r, width + 2 * r), np.uint8)
    padded[r : r + height, r : r + width] = part.view(np.uint8)
    padded[r : r + height, :r] = padded[r : r + height, r : r + 1]
    padded[r : r + height, r + width :] = padded[r : r + height, r + width - 1 : r + width]
    padded[:r] = padded[r]
    padded[r + height :] = padded[r + height - 1]
    rows = padded[:, :width] + padded[:, 1 : width + 1]
    for shift in range(2, 2 * r + 1):
        rows += padded[:, shift : width + shift]
    counts = rows[:height] + rows[1 : height + 1]
    for shift in range(2, 2 * r + 1):
        counts += rows[shift : height + shift]
    return counts


def drop_noise(mask: np.ndarray) -> np.ndarray:
    """Mask pixels with enough ink around them; pictures at the network's scale pass unchanged."""
    if max(mask.shape) <= SMALL:
        return mask
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if not len(rows):
        return mask
    # Only around the ink (a drawing leaves most of the picture empty): the count sees the same
    # neighbourhoods there, since what lies beyond this margin is empty as well.
    top, bottom = max(0, rows[0] - NOISE_RADIUS - 1), min(mask.shape[0], rows[-1] + NOISE_RADIUS + 2)
    left, right = max(0, cols[0] - NOISE_RADIUS - 1), min(mask.shape[1], cols[-1] + NOISE_RADIUS + 2)
    part = mask[top:bottom, left:right]
    kept = np.zeros_like(mask)
    kept[top:bottom, left:right] = part & (_neighbours(part) >= MIN_NEIGHBOURS)
    return kept


def _main_span(counts: np.ndarray) -> tuple[int, int]:
    """First and last index of the profile's pieces (runs of non-zero) that hold the ink, dropping
    end pieces with under MIN_PIECE of it."""
    index = np.flatnonzero(counts)
    breaks = np.flatnonzero(np.diff(index) > 1)  # a piece ends at index[b], the next starts at index[b + 1]
    starts = np.concatenate((index[:1], index[breaks + 1]))
    ends = np.concatenate((index[breaks], index[-1:]))
    total = counts.sum()
    mass = np.add.reduceat(counts, starts)
    big = np.flatnonzero(mass >= MIN_PIECE * total)
    if not len(big):
        return int(index[0]), int(index[-1])
    return int(starts[big[0]]), int(ends[big[-1]])


def main_box(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of the garment in a cleaned mask; None when it is empty.

    Alternately cut along empty columns and rows (an X-Y cut) until the box stops shrinking, so a
    speck below or beside the garment is left outside however its coordinates overlap.
    """
    if not mask.any():
        return None
    if max(mask.shape) <= SMALL:  # at the network's scale every piece is detail
        rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
        return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1
    left, top, right, bottom = 0, 0, mask.shape[1], mask.shape[0]
    for _ in range(4):
        part = mask[top:bottom, left:right]
        c0, c1 = _main_span(np.add.reduce(part, axis=0, dtype=np.int32))  # int32: twice as fast as bool.sum
        rows = np.add.reduce(part[:, c0 : c1 + 1], axis=1, dtype=np.int32)
        r0, r1 = _main_span(rows)
        box = (left + c0, top + r0, left + c1 + 1, top + r1 + 1)
        if box == (left, top, right, bottom):
            break
        left, top, right, bottom = box
        if not (rows[:r0].any() or rows[r1 + 1 :].any()):
            # Only empty rows were cut: the next pass would see the same column profile within
            # these columns, keep its pieces, and so find this box again. Skip it (a third of the time).
            break
    return left, top, right, bottom
