"""Pillow's LANCZOS resize of a float image, as two matrix products.

Why not `Image.resize` itself: every picture's last step shrinks the cropped garment (up to
224 pixels across) to 28, and Pillow's float ("F") resampler spent ~160 µs on it, a tenth of a
photo's preprocessing and the largest single step after decoding. The same weights, computed
once per pair of sizes as Pillow computes them (`precompute_coeffs` in its Resample.c: a
Lanczos-3 kernel stretched by the scale, each output's taps normalised to sum to one), applied
as `rows @ image @ columns.T`, give the same picture to float32 rounding (within 5e-4 of 255,
`tests/test_core_image_fast_paths.py`) in a fifth of the time.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

SUPPORT = 3.0  # Lanczos-3, as Pillow's LANCZOS


def _lanczos(x: np.ndarray) -> np.ndarray:
    """sinc(x)·sinc(x/3) on [-3, 3), zero outside (Pillow's `lanczos_filter`)."""
    return np.where((x >= -SUPPORT) & (x < SUPPORT), np.sinc(x) * np.sinc(x / SUPPORT), 0.0)


@lru_cache(maxsize=128)  # at most 128 × 28 × 224 float32 (3 MB); a stroke's crops repeat their sizes
def weights(in_size: int, out_size: int) -> np.ndarray:
    """(out_size, in_size) float32: output pixel i = weights[i] @ input pixels, along one axis
    (about 65 µs to compute, so the last ones used are kept)."""
    scale = in_size / out_size
    stretch = max(scale, 1.0)  # shrinking widens the kernel; enlarging keeps it
    support = SUPPORT * stretch
    centre = (np.arange(out_size) + 0.5) * scale
    first = np.maximum(np.trunc(centre - support + 0.5), 0).astype(np.intp)  # C's (int) cast, as Pillow rounds
    last = np.minimum(np.trunc(centre + support + 0.5), in_size).astype(np.intp)
    source = first[:, None] + np.arange(int(np.ceil(support)) * 2 + 1)  # each output's taps: a band
    inside = source < last[:, None]
    taps = np.where(inside, _lanczos((source - centre[:, None] + 0.5) / stretch), 0.0)
    total = taps.sum(axis=1, keepdims=True)
    taps = np.divide(taps, total, out=taps, where=total != 0.0)
    matrix = np.zeros((out_size, in_size), np.float32)
    matrix[np.nonzero(inside)[0], source[inside]] = taps[inside]
    matrix.setflags(write=False)  # shared by every caller through the cache
    return matrix


def resize(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """`image` (H×W float) resized to height×width with Lanczos-3, as Pillow's LANCZOS does."""
    image = np.asarray(image, np.float32)
    rows, columns = image.shape
    out = image if columns == width else image @ weights(columns, width).T
    return out if rows == height else weights(rows, height) @ out

