"""Constant padding for the image steps, without `np.pad`'s overhead.

Why not `np.pad`: on the small masks of a live stroke it spends tens of microseconds per call in
Python argument handling, and preprocessing a drawn outline pads six times; this is one filled array
and one slice assignment, with the same result (`tests/test_core_image_fast_paths.py`).
"""

from __future__ import annotations

import numpy as np


def pad(array: np.ndarray, before: int, after: int | None = None, value: bool | float = 0) -> np.ndarray:
    """`array` with `before` rows/columns of `value` above and left, `after` (default: `before`) below and right."""
    after = before if after is None else after
    height, width = array.shape
    out = np.full((height + before + after, width + before + after), value, dtype=array.dtype)
    out[before : before + height, before : before + width] = array
    return out
