"""Honest confidence: does this input look like anything the network learned, and how sure is it really?

The tutorial's network has ten garment outputs and names one for anything, a house or a smiley,
often at 99 %. Two small additions, fitted by the `train` command and shipped beside the weights
(`resources/familiarity.npz`, bound to the weights by their SHA-256):

- **Familiarity**: two distances, each scaled so that 0 is a typical held-out garment and 1 the
  99th percentile: the Mahalanobis distance of the second hidden layer's activations (after the
  ReLU, the 512 values the logits are computed from) to the nearest class, with the class means
  and one shared covariance of the training images and of sketches made from them; and how far
  the 28×28 input lies from the principal subspace of those same images (its reconstruction
  error from its leading principal components), which catches shapes the hidden layer maps near a garment; and, for
  weights trained with outlier exposure where the fit finds it helps, how undecided the answer
  is (`indecision`); and a small detector trained on garments against drawings of other things
  (network/outlier_detector.py), which catches the closed outlines of houses and fish that lie
  near a bag or a shoe. The largest maps to a 0–1 familiarity (0.5 at the threshold); below 0.5 the input is
  flagged as unfamiliar. The threshold is set on held-out training images and sketches of them
  (training/familiarity_fit.py); everyday non-garment drawings (images/non_garments.py) are
  measured with a calibration seed there and with another by `fashion-desktop evaluate
  --non-garments`. The measurement that picked this over the logits' energy, the top
  probability and nearest neighbours is in the README.
- **Calibration**: one temperature dividing the logits (temperature scaling), fitted on the
  held-out training images, so that "80 %" is right about 80 % of the time; 1 (none) for weights
  that learnt every training image (`train --validation 0`, the shipped ones), where none is held out.

Loaded with `np.load(allow_pickle=False)`: plain arrays, never pickled objects.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from fashion_desktop.network.outlier_detector import OutlierDetector, detector_features

FILE_NAME = "familiarity.npz"
HIDDEN_STAGE = "linear_relu_stack.3"  # the second ReLU's output: 512 values


class FamiliarityError(ValueError):
    """A familiarity file that cannot be used (damaged, or made for other weights)."""


@dataclass(frozen=True)
class Familiarity:
    """Class means and shared precision of the hidden activations, a threshold, a temperature."""

    means: np.ndarray  # (10, 512) float32
    precision: np.ndarray  # (512, 512) float32: inverse of the shared covariance
    threshold: float  # combined score at which familiarity is 0.5
    scale: float  # score units per e-fold of the odds
    temperature: float = 1.0
    weights_sha256: str = ""
    pixel_mean: np.ndarray | None = None  # (784,) the inputs' mean
    pixel_basis: np.ndarray | None = None  # (k, 784) orthonormal principal components of the inputs
    # (typical, 99th percentile) of the hidden distance and of the pixel residual on held-out images
    hidden_ref: tuple[float, float] = (0.0, 1.0)
    pixel_ref: tuple[float, float] = (0.0, 1.0)
    # (typical, 99th percentile) of the answer's indecision (see `indecision`) on held-out images;
    # None: not used. Outlier exposure in training (training/loop.py) makes a non-garment's high.
    indecision_ref: tuple[float, float] | None = None
    # The learned "not a garment" detector and (typical, 99th percentile) of its logit on held-out
    # images; None: not used (files made before it).
    detector: OutlierDetector | None = None
    detector_ref: tuple[float, float] | None = None
    # The hidden distance multiplied by this in the score (it still reaches the detector as it is): the
    # fit weighs it down where that flags more non-garments for the same garments flagged.
    hidden_weight: float = 1.0

    def __post_init__(self) -> None:
        # d²(h, μ_c) = hᵀPh − 2 hᵀPμ_c + μ_cᵀPμ_c: one 512×512 product per input, not ten.
        pm = (self.precision @ self.means.T).astype(np.float32)
        object.__setattr__(self, "_pm", pm)
        object.__setattr__(self, "_mpm", np.einsum("ci,ic->c", self.means, pm).astype(np.float32))

    def distances(self, hidden: np.ndarray) -> np.ndarray:
        """Squared Mahalanobis distance to the nearest class mean, per input: (N,) from (N, 512)."""
        h = np.atleast_2d(np.asarray(hidden, np.float32))
        quad = np.einsum("ni,ni->n", h @ self.precision, h)
        d2 = quad[:, None] - 2.0 * (h @ self._pm) + self._mpm[None, :]  # type: ignore[attr-defined]
        return np.maximum(d2.min(axis=1), 0.0)

    def pixel_residuals(self, pixels: np.ndarray) -> np.ndarray:
        """Distance of each (N, 28, 28) input from the inputs' principal subspace: (N,)."""
        x = np.asarray(pixels, np.float32).reshape(len(pixels), -1)
        if self.pixel_basis is None or self.pixel_mean is None:
            return np.zeros(len(x), np.float32)
        centred = x - self.pixel_mean
        return np.linalg.norm(centred - (centred @ self.pixel_basis.T) @ self.pixel_basis, axis=1)

    def _scaled_distances(self, hidden: np.ndarray, pixels: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        (h0, h1), (p0, p1) = self.hidden_ref, self.pixel_ref
        hidden_distance = (self.distances(hidden) - h0) / max(h1 - h0, 1e-6)
        if pixels is None or self.pixel_basis is None:
            return hidden_distance, np.zeros_like(hidden_distance)
        return hidden_distance, (self.pixel_residuals(pixels) - p0) / max(p1 - p0, 1e-6)

    def detector_inputs(self, hidden: np.ndarray, pixels: np.ndarray, logits: np.ndarray) -> np.ndarray:
        """What the outlier detector reads (outlier_detector.detector_features), for fitting and use alike."""
        return self._detector_inputs(hidden, pixels, logits, *self._scaled_distances(hidden, pixels))

    @staticmethod
    def _detector_inputs(hidden: np.ndarray, pixels: np.ndarray, logits: np.ndarray, hidden_distance: np.ndarray,
                         pixel_distance: np.ndarray) -> np.ndarray:
        return detector_features(hidden, pixels, np.stack([hidden_distance, pixel_distance, indecision(logits)], 1))

    def scores(self, hidden: np.ndarray, pixels: np.ndarray | None = None,
               logits: np.ndarray | None = None) -> np.ndarray:
        """The unfamiliarity score: the largest of the scaled distances (0 typical, 1 rare among garments)."""
        hidden_distance, pixel_distance = self._scaled_distances(hidden, pixels)
        score = hidden_distance * self.hidden_weight
        if pixels is not None and self.pixel_basis is not None:
            score = np.maximum(score, pixel_distance)
        if logits is not None and self.indecision_ref is not None:
            e0, e1 = self.indecision_ref
            score = np.maximum(score, (indecision(logits) - e0) / max(e1 - e0, 1e-6))
        if self.detector is not None and self.detector_ref is not None and pixels is not None and logits is not None:
            d0, d1 = self.detector_ref
            inputs = self._detector_inputs(hidden, pixels, logits, hidden_distance, pixel_distance)
            detected = self.detector.logits(inputs)
            score = np.maximum(score, (detected - d0) / max(d1 - d0, 1e-6))
        return score

    def familiarity(self, hidden: np.ndarray, pixels: np.ndarray | None = None,
                    logits: np.ndarray | None = None) -> np.ndarray:
        """0–1 per input: 1 deep inside what the network learned, 0.5 at the threshold, → 0 far out."""
        z = (self.threshold - self.scores(hidden, pixels, logits)) / max(self.scale, 1e-6)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))

    def calibrated(self, logits: np.ndarray) -> np.ndarray:
        """Temperature-scaled softmax of (N, 10) logits."""
        z = np.atleast_2d(np.asarray(logits, np.float64)) / self.temperature
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)

    def save(self, path: str | os.PathLike[str]) -> None:
        import io

        from fashion_desktop.atomic import atomic_write_bytes

        buffer = io.BytesIO()
        extra: dict[str, Any] = {}
        if self.pixel_basis is not None and self.pixel_mean is not None:
            extra = {"pixel_mean": self.pixel_mean.astype(np.float32), "pixel_basis": self.pixel_basis.astype(np.float32)}
        if self.indecision_ref is not None:
            extra["indecision_ref"] = np.array(self.indecision_ref, np.float64)
        if self.hidden_weight != 1.0:
            extra["hidden_weight"] = np.float64(self.hidden_weight)
        if self.detector is not None and self.detector_ref is not None:
            extra.update(self.detector.arrays(), detector_ref=np.array(self.detector_ref, np.float64))
        np.savez(buffer, means=self.means.astype(np.float32), precision=self.precision.astype(np.float32),
                 threshold=np.float64(self.threshold), scale=np.float64(self.scale),
                 temperature=np.float64(self.temperature), weights_sha256=np.array(self.weights_sha256),
                 hidden_ref=np.array(self.hidden_ref, np.float64), pixel_ref=np.array(self.pixel_ref, np.float64),
                 **extra)
        atomic_write_bytes(Path(path), buffer.getvalue())


def load_familiarity(path: str | os.PathLike[str], weights_sha256: str | None = None) -> Familiarity:
    """Read a familiarity file; FamiliarityError if it is damaged or was made for other weights."""
    try:
        with np.load(Path(path), allow_pickle=False) as data:
            has_pixels = "pixel_basis" in data.files
            fam = Familiarity(means=data["means"].astype(np.float32), precision=data["precision"].astype(np.float32),
                              threshold=float(data["threshold"]), scale=float(data["scale"]),
                              temperature=float(data["temperature"]), weights_sha256=str(data["weights_sha256"]),
                              pixel_mean=data["pixel_mean"].astype(np.float32) if has_pixels else None,
                              pixel_basis=data["pixel_basis"].astype(np.float32) if has_pixels else None,
                              hidden_ref=tuple(float(v) for v in data["hidden_ref"]),  # type: ignore[arg-type]
                              pixel_ref=tuple(float(v) for v in data["pixel_ref"]),  # type: ignore[arg-type]
                              indecision_ref=(tuple(float(v) for v in data["indecision_ref"])  # type: ignore[arg-type]
                                              if "indecision_ref" in data.files else None),
                              detector=OutlierDetector.from_arrays(data),
                              detector_ref=(tuple(float(v) for v in data["detector_ref"])  # type: ignore[arg-type]
                                            if "detector_ref" in data.files else None),
                              hidden_weight=float(data["hidden_weight"]) if "hidden_weight" in data.files else 1.0)
    except (OSError, ValueError, KeyError) as exc:
        raise FamiliarityError(f"{path} cannot be read as a familiarity file: {exc}") from exc
    if fam.means.ndim != 2 or fam.precision.shape != (fam.means.shape[1], fam.means.shape[1]):
        raise FamiliarityError(f"{path} has arrays of the wrong shapes.")
    if weights_sha256 is not None and fam.weights_sha256 != weights_sha256:
        raise FamiliarityError(f"{path} was made for other weights.")
    return fam


def indecision(logits: np.ndarray) -> np.ndarray:
    """How close (N, 10) logits are to "no class in particular": minus their cross-entropy to the
    uniform answer (mean logit − logsumexp), which outlier exposure trains non-garments towards.
    At most −log 10 (a uniform answer); far below it for a firm answer."""
    z = np.atleast_2d(np.asarray(logits, np.float64))
    top = z.max(axis=1)
    return z.mean(axis=1) - (top + np.log(np.exp(z - top[:, None]).sum(axis=1)))


def fit_statistics(hidden: np.ndarray, labels: np.ndarray, num_classes: int = 10,
                   shrinkage: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
    """Class means and the shared precision (a little shrinkage keeps it well conditioned)."""
    h = np.asarray(hidden, np.float64)
    means = np.stack([h[labels == c].mean(axis=0) for c in range(num_classes)])
    centred = h - means[labels]
    cov = centred.T @ centred / max(1, len(h) - num_classes)
    cov = (1 - shrinkage) * cov + shrinkage * np.trace(cov) / cov.shape[0] * np.eye(cov.shape[0])
    return means.astype(np.float32), np.linalg.inv(cov).astype(np.float32)


def fit_pixel_basis(pixels: np.ndarray, components: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean and the leading principal components of (N, 28, 28) inputs."""
    x = np.asarray(pixels, np.float64).reshape(len(pixels), -1)
    mean = x.mean(axis=0)
    _, _, vt = np.linalg.svd(x - mean, full_matrices=False)
    return mean.astype(np.float32), vt[:components].astype(np.float32)


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature minimising the negative log-likelihood of held-out labels (a 1-D search)."""
    z = np.asarray(logits, np.float64)
    y = np.asarray(labels)

    def nll(t: float) -> float:
        s = z / t
        s = s - s.max(axis=1, keepdims=True)
        return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(len(y)), y]))

    lo, hi = np.log(0.2), np.log(10.0)
    for _ in range(60):  # golden-section search on log t
        a, b = lo + (hi - lo) * 0.382, lo + (hi - lo) * 0.618
        if nll(np.exp(a)) < nll(np.exp(b)):
            hi = b
        else:
            lo = a
    return float(np.exp((lo + hi) / 2))


def expected_calibration_error(probabilities: np.ndarray, labels: np.ndarray, bins: int = 15) -> float:
    """ECE: the gap between confidence and accuracy, averaged over equal-width confidence bins."""
    conf = probabilities.max(axis=1)
    right = probabilities.argmax(axis=1) == labels
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in itertools.pairwise(edges):
        inside = (conf > lo) & (conf <= hi)
        if inside.any():
            total += inside.mean() * abs(conf[inside].mean() - right[inside].mean())
    return float(total)


def familiarity_path(weights_path: str | os.PathLike[str] | None) -> Path:
    """Where the familiarity of some weights lives: beside them (the shipped one in resources/)."""
    if weights_path is None:
        from fashion_desktop.resources import resource_path

        return resource_path(FILE_NAME)
    path = Path(weights_path)
    return path.with_name(FILE_NAME) if path.name == "model_weights.pth" else path.with_name(path.stem + "." + FILE_NAME)


def familiarity_for(weights_path: str | os.PathLike[str] | None, weights_sha256: str) -> Familiarity | None:
    """The familiarity fitted for these weights (None when there is none or it belongs to other weights)."""
    path = familiarity_path(weights_path)
    if not path.is_file():
        return None
    try:
        return load_familiarity(path, weights_sha256)
    except FamiliarityError:
        return None
