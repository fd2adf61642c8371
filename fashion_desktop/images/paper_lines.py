"""Ruled and squared paper: the printed lines across the page are not garment.

A sketch photographed on a notebook page carries the page's rules (and a margin line, or a grid)
from edge to edge. Counted as ink, they framed the whole page and crossed the drawing with
stripes: paper sketches on ruled paper were read right a third of the time (0.81 without rules;
a probe of 200 drawings a style). A printed line is told from a drawing by its shape: it crosses
most of the picture (`ACROSS` of its width or height) through both ends (`ENDS`) and is thin
(`THIN`), where a garment that spans the picture is thick and a drawn stroke stops short of the
picture's edges. Such rows and columns are
replaced by the smaller of their neighbours on either side, so a pen stroke that crosses a rule
stays whole and the paper between the strokes is left empty.
"""

from __future__ import annotations

import numpy as np

ACROSS = 0.6  # of the picture's width (rows) or height (columns) above the noise: a printed line
FRINGE = 0.1  # of a printed line's level: the rows beside it whose median pixel is above are its soft edge
RULED = 3  # printed lines come several to a page: fewer across a picture are not taken for them
ENDS = 0.03  # of the width: a printed line runs through both ends of the picture
THIN = 0.012  # of the picture's height (rows) or width (columns), and at least 2 pixels
SMALL = 64  # pictures at the network's scale have no paper to rule


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) of each run of True."""
    index = np.flatnonzero(flags)
    if not len(index):
        return []
    breaks = np.flatnonzero(np.diff(index) > 1)
    starts = np.concatenate((index[:1], index[breaks + 1]))
    ends = np.concatenate((index[breaks], index[-1:]))
    return list(zip(starts.tolist(), ends.tolist()))


def _printed_rows(mask: np.ndarray) -> np.ndarray:
    """Rows that run through both ends of the picture (`ENDS`) and cross `ACROSS` of it: where the
    ends hold no ink (most pictures) the rest is not even counted."""
    height, width = mask.shape
    end = max(2, round(ENDS * width))
    through = (np.add.reduce(mask[:, :end], axis=1, dtype=np.int32) * 2 >= end) & \
        (np.add.reduce(mask[:, -end:], axis=1, dtype=np.int32) * 2 >= end)
    if not through.any():
        return through
    candidates = np.flatnonzero(through)
    through[candidates] = np.add.reduce(mask[candidates], axis=1, dtype=np.int32) >= ACROSS * width
    return through


def _erase_rows(grey: np.ndarray, mask: np.ndarray, at_least: int) -> bool:
    """Erase the thin rows that cross the picture (in place) if there are `at_least` of them;
    whether it did."""
    height, width = grey.shape
    across = _printed_rows(mask)
    if not across.any():
        return False
    thin = max(2, round(THIN * height))
    # a thick band is a garment spanning the picture, not a printed line
    lines = [(first, last) for first, last in _runs(across) if last - first + 1 <= thin]
    if len(lines) < at_least:  # a lone line through a tight crop is the garment's (a sandal's sole)
        return False
    for first, last in lines:
        # the line's soft edges (the lens, resizing, JPEG): the rows beside it whose typical (median)
        # pixel still holds a share of the line's level; a drawing crossing them is not typical
        edge = FRINGE * float(np.median(grey[first : last + 1]))
        for _ in range(thin):
            if first > 0 and not across[first - 1] and np.median(grey[first - 1]) > edge:
                first -= 1
            if last + 1 < height and not across[last + 1] and np.median(grey[last + 1]) > edge:
                last += 1
        above = grey[first - 1] if first > 0 else np.zeros(width, grey.dtype)
        below = grey[last + 1] if last + 1 < height else np.zeros(width, grey.dtype)
        grey[first : last + 1] = np.minimum(above, below)
    return True


def erase_printed_lines(grey: np.ndarray, threshold: float) -> np.ndarray:
    """`grey` (ink bright, background 0) without the thin lines that cross it from edge to edge,
    rows and columns; `threshold`: the level above which a pixel may be a printed line's. The
    same array when there are none."""
    if max(grey.shape) <= SMALL:
        return grey
    mask = grey > threshold
    rows, columns = _printed_rows(mask).any(), _printed_rows(mask.T).any()
    if not (rows or columns):
        return grey
    grey = grey.copy()
    ruled = rows and _erase_rows(grey, mask, RULED)
    if ruled:
        mask = grey > threshold
    if columns:  # on a ruled page one line across the rules is its margin; else squared paper has several
        _erase_rows(grey.T, mask.T, 1 if ruled else RULED)  # the columns are the rows of the transpose (a view)
    return grey
