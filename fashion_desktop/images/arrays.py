"""Constant padding and the median for the image steps, without `np.pad`'s and `np.median`'s overhead.

Why not `np.pad`: on the small masks of a live stroke it spends tens of microseconds per call in
Python argument handling, and preprocessing a drawn outline pads six times; this is one filled array
and one slice assignment, with the same result (`tests/test_core_image_fast_paths.py`).
Why not `np.median`: its NaN check imports `numpy.ma` (15-25 ms, in every process that
preprocesses a file: `predict`'s pool) and costs 11 µs a call where a partition costs 3.
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


def median(values: np.ndarray) -> np.floating:
    """`np.median` of a non-empty 1-D array of finite values, to the bit: the middle value, or the mean of the
    middle two computed as numpy does ((a + b) / 2 in the array's type). NaN is not looked for."""
    middle = values.size // 2
    if values.size % 2:
        return np.partition(values, middle)[middle]
    part = np.partition(values, (middle - 1, middle))
    return (part[middle - 1] + part[middle]) / 2
