"""Region growing on numpy masks, vectorised: the canvas's flood fill and the holes of closed outlines.

Why numpy and not pixel loops: a Python loop over 200,000 pixels stutters the window. Every
operation here grows along whole runs of open pixels per row, then per column, until nothing
changes (a few passes for the shapes people draw). The canvas's fill tool and the filling of
closed outlines in preprocessing share this one implementation.
"""

from __future__ import annotations

import numpy as np

from fashion_desktop.images.arrays import pad


def _run_ids(open_: np.ndarray) -> np.ndarray:
    """(H, W) numbers, one per horizontal run of open pixels (walls between runs get numbers too)."""
    height, width = open_.shape
    walls = np.ones((height, width + 1), bool)  # a wall after every row: runs never wrap
    walls[:, :width] = ~open_
    # intp: numpy gathers with native-size indices several times faster than with int32 ones
    return np.cumsum(walls.ravel(), dtype=np.intp).reshape(height, width + 1)[:, :width]


def spread(reached: np.ndarray, open_: np.ndarray) -> np.ndarray:
    """Grow `reached` through 4-connected `open_` pixels until it stops changing.

    Both directions' run numbers are laid out like the picture (the columns' transposed once), so
    a pass is two gathers with no transposes; growing never removes a pixel, so a pass that adds
    none (or has reached every open pixel) ends it, counted rather than compared. Half the time
    of numbering runs per pass in each direction's own layout (the outlines of 1,000 files:
    220 → 120 µs a file).
    """
    open_ = np.asarray(open_, bool)
    reached = reached & open_
    if not open_.size:
        return reached
    rows = np.ascontiguousarray(_run_ids(open_))
    columns = np.ascontiguousarray(_run_ids(np.ascontiguousarray(open_.T)).T)
    # numbers grow along each layout, so the last is the largest
    hit = np.zeros(max(int(rows[-1, -1]), int(columns[-1, -1])) + 1, bool)  # per run: holds a reached pixel?
    total, count = np.count_nonzero(open_), np.count_nonzero(reached)
    while True:
        for runs in (rows, columns):
            hit[:] = False
            hit[runs[reached]] = True
            reached = hit[runs] & open_  # every run holding a reached pixel, whole
        grown = np.count_nonzero(reached)
        if grown in (count, total):
            return reached
        count = grown


def flood_region(grey: np.ndarray, x: int, y: int, tolerance: int = 127) -> np.ndarray:
    """Mask of the 4-connected region around (x, y) whose grey levels are within `tolerance` of it."""
    values = np.asarray(grey, dtype=np.int16)
    if not (0 <= y < values.shape[0] and 0 <= x < values.shape[1]):
        return np.zeros(values.shape, bool)
    open_ = np.abs(values - values[y, x]) <= tolerance
    seed = np.zeros(values.shape, bool)
    seed[y, x] = True
    return spread(seed, open_)


def enclosed(mask: np.ndarray) -> np.ndarray:
    """Background pixels that cannot reach the border through background (4-connected): holes."""
    free = pad(~np.asarray(mask, bool), 1, value=True)
    border = np.zeros_like(free)
    border[0, :] = border[-1, :] = border[:, 0] = border[:, -1] = True
    return (free & ~spread(border, free))[1:-1, 1:-1]


def dilate(mask: np.ndarray) -> np.ndarray:
    """Grow a mask by one pixel (4-neighbours), to cover the soft edge of antialiased strokes."""
    out = mask.copy()
    out[1:] |= mask[:-1]
    out[:-1] |= mask[1:]
    out[:, 1:] |= mask[:, :-1]
    out[:, :-1] |= mask[:, 1:]
    return out
