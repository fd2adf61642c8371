"""Shoes either way round: a side view facing right is read as its mirror image.

Fashion-MNIST shows every sandal, sneaker and ankle boot from the side with the toe to the left,
so the network never learned a shoe facing right; people draw and photograph both. An input
whose shape rises on its left, as a heel or a boot's shaft does on a shoe facing right, is also
read mirrored (one more forward pass, a fraction of a millisecond), and the mirror is used when
it is read as a side view. Anything else (tops, dresses, trousers, bags: symmetric or
seen from the front) keeps its orientation. Measured with the shipped weights: the 10,000 test
images (all facing left) score 0.9043 with the check against 0.9050 without (51 are read mirrored);
their shoes mirrored score 0.97 instead of 0.32 (README, "Sketches, noisy photos, shoes facing right").
(Requiring the mirror to be also more confident than the picture as given fixed only 0.77.)
"""

from __future__ import annotations

from typing import Any

import numpy as np

SIDE_VIEW = (5, 7, 9)  # sandal, sneaker, ankle boot


def taller_on_the_left(batch: np.ndarray) -> np.ndarray:
    """Per image: is the shape higher over its left third than over its right third? A shoe's
    heel, collar or shaft rises at the back, so a side view facing right is taller on the left."""
    ink = batch > 0.2
    tops = np.where(ink.any(axis=1), ink.argmax(axis=1), batch.shape[1])  # (N, 28): first ink row per column
    heights = batch.shape[1] - tops
    has = np.asarray(ink.any(axis=1))
    out = np.zeros(len(batch), bool)
    for i in range(len(batch)):
        cols = np.flatnonzero(has[i])
        if len(cols) < 6:
            continue
        third = max(1, len(cols) // 3)
        left, right = heights[i, cols[:third]].mean(), heights[i, cols[-third:]].mean()
        out[i] = left > right + 1.0
    return out


def face_left(predictor, pixels: np.ndarray) -> tuple[np.ndarray, Any]:
    """(N, 28, 28) or (28, 28) inputs → the same with side views facing right mirrored, and which were.

    `predictor` is anything with `top_classes(batch) -> (N,) class indices` (`network.inference.Predictor`)."""
    single = pixels.ndim == 2
    batch = pixels[None] if single else pixels
    batch = np.asarray(batch, np.float32)
    use = taller_on_the_left(batch)
    if use.any():  # only those are read mirrored: most inputs cost nothing extra
        mirrors = np.ascontiguousarray(batch[use][:, :, ::-1])
        side_view = np.isin(predictor.top_classes(mirrors), SIDE_VIEW)
        use[np.flatnonzero(use)[~side_view]] = False
        batch = batch.copy()
        batch[use] = mirrors[side_view]
    return (batch[0], bool(use[0])) if single else (batch, use)
