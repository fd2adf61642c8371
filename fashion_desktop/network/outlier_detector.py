"""A small learned detector of "not a garment", beside the distances of network/familiarity.py.

The distances flag what lies far from every garment the network learned, but a house or a fish
drawn as a closed outline lands close enough to a bag or a sneaker in the second ReLU's
activations that a threshold which spares crude garment sketches spares them too (a third of
everyday non-garment drawings flagged). Outlier exposure (Hendrycks et al., 2019) is the remedy;
trained into the network it cost sketch recognition (README, "Familiarity and calibration"), so
it is trained here instead, into a separate one-hidden-layer perceptron that reads what the
network already computes: the second ReLU's activations (as log(1 + h)), the 784 input pixels and
the three familiarity distances. Its positives are garments (training images, sketches of them,
photo-like renderings), its negatives drawings of other things (images/non_garments.py,
`TRAINING_KINDS` only); it is fitted by training/outlier_fit.py. The network and its ten outputs
are untouched, so no recognition figure moves.

Pure numpy at inference (about 0.1 ms for one input), saved as plain arrays beside the
familiarity statistics.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

PREFIX = "detector_"
FIELDS = ("mean", "scale", "w1", "b1", "w2", "b2")


def detector_features(hidden: np.ndarray, pixels: np.ndarray, distances: np.ndarray) -> np.ndarray:
    """(N, 512 + 784 + 3) float32: log(1 + second-ReLU activations), the input's pixels, and the
    (N, 3) familiarity distances (scaled hidden distance, scaled pixel residual, indecision)."""
    h = np.atleast_2d(np.asarray(hidden, np.float32))
    x = np.asarray(pixels, np.float32).reshape(len(h), -1)
    return np.concatenate([np.log1p(np.maximum(h, 0.0)), x, np.asarray(distances, np.float32).reshape(len(h), -1)],
                          axis=1)


@dataclass(frozen=True)
class OutlierDetector:
    """Standardise, one ReLU layer, one output: the logit of "this is not a garment"."""

    mean: np.ndarray  # (D,)
    scale: np.ndarray  # (D,) standard deviations (1 where a feature is constant)
    w1: np.ndarray  # (D, H)
    b1: np.ndarray  # (H,)
    w2: np.ndarray  # (H,)
    b2: np.ndarray  # () or (1,)

    def logits(self, features: np.ndarray) -> np.ndarray:
        """(N,) logits for (N, D) features; higher means less like a garment."""
        z = (np.asarray(features, np.float32) - self.mean) / self.scale
        return np.maximum(z @ self.w1 + self.b1, 0.0) @ self.w2 + float(np.ravel(self.b2)[0])

    def arrays(self) -> dict[str, np.ndarray]:
        """For np.savez, prefixed so they sit beside the familiarity's own arrays."""
        return {PREFIX + name: np.asarray(getattr(self, name), np.float32) for name in FIELDS}

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray]) -> OutlierDetector | None:
        """The detector saved in `data` (an NpzFile or a dict), or None when there is none."""
        if PREFIX + "w1" not in data:
            return None
        values = {name: np.asarray(data[PREFIX + name], np.float32) for name in FIELDS}
        d, h = values["w1"].shape
        if values["mean"].shape != (d,) or values["scale"].shape != (d,) or values["b1"].shape != (h,) \
                or values["w2"].shape != (h,) or values["b2"].size != 1:
            raise ValueError("the outlier detector's arrays have inconsistent shapes")
        return cls(**values)
