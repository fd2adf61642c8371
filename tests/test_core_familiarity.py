"""Familiarity and calibration: the app can say a drawing is unlike any garment it learned."""

from __future__ import annotations

import numpy as np
import pytest

from fashion_desktop.network.familiarity import (
    Familiarity,
    FamiliarityError,
    expected_calibration_error,
    familiarity_for,
    familiarity_path,
    fit_statistics,
    fit_temperature,
    load_familiarity,
)
from fashion_desktop.network.inference import Predictor
from fashion_desktop.network.model import NeuralNetwork


def _clusters(rng: np.random.Generator, n: int = 400, dims: int = 16) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    centres = rng.normal(0, 5, (10, dims))
    labels = rng.integers(0, 10, n)
    return centres[labels] + rng.normal(0, 1, (n, dims)), labels, centres


def test_distance_is_the_mahalanobis_distance_to_the_nearest_class():
    rng = np.random.default_rng(0)
    hidden, labels, _ = _clusters(rng)
    means, precision = fit_statistics(hidden, labels)
    fam = Familiarity(means, precision, threshold=30.0, scale=5.0)
    probe = rng.normal(0, 3, (5, hidden.shape[1])).astype(np.float32)
    expected = [min(float((h - m) @ precision @ (h - m)) for m in means) for h in probe]
    assert np.allclose(fam.distances(probe), expected, rtol=1e-3)


def test_points_near_a_class_are_familiar_and_far_ones_are_not():
    rng = np.random.default_rng(1)
    hidden, labels, centres = _clusters(rng)
    means, precision = fit_statistics(hidden, labels)
    d = Familiarity(means, precision, 0.0, 1.0).distances(hidden)
    fam = Familiarity(means, precision, threshold=float(np.quantile(d, 0.99)), scale=2.0)
    near = centres[:3] + rng.normal(0, 1, (3, hidden.shape[1]))
    far = centres[:3] + 40.0
    assert (fam.familiarity(near) > 0.5).all() and (fam.familiarity(far) < 0.5).all()
    assert ((fam.familiarity(far) >= 0) & (fam.familiarity(near) <= 1)).all()


def test_a_halved_hidden_weight_clears_the_margin_but_not_the_far_out(tmp_path):
    """A plain garment outline lies a little past the garments' 99th percentile: at half weight its
    distance no longer flags it, while an input far from every class stays flagged; saved and loaded alike."""
    rng = np.random.default_rng(2)
    hidden, labels, centres = _clusters(rng)
    means, precision = fit_statistics(hidden, labels)
    d = Familiarity(means, precision, 0.0, 1.0).distances(hidden)
    threshold = float(np.quantile(d, 0.99))
    margin = centres[:1] + (np.sqrt(1.3 * threshold) / np.sqrt(np.diag(precision)).mean()) / np.sqrt(hidden.shape[1])
    far = centres[:1] + 40.0
    full = Familiarity(means, precision, threshold, 1.0)
    half = Familiarity(means, precision, threshold, 1.0, hidden_weight=0.5)
    assert full.scores(margin)[0] > threshold and full.familiarity(margin)[0] < 0.5
    assert half.familiarity(margin)[0] > 0.5 and half.familiarity(far)[0] < 0.5
    path = tmp_path / "familiarity.npz"
    half.save(path)
    assert load_familiarity(path).hidden_weight == 0.5
    full.save(path)
    assert load_familiarity(path).hidden_weight == 1.0  # files written before the weight read as before


def test_temperature_scaling_cools_an_overconfident_model():
    rng = np.random.default_rng(2)
    labels = rng.integers(0, 10, 2000)
    logits = rng.normal(0, 1, (2000, 10))
    right = rng.random(2000) < 0.7  # right 70 % of the time, but always sure
    guess = np.where(right, labels, (labels + 1) % 10)
    logits[np.arange(2000), guess] += 12.0
    t = fit_temperature(logits, labels)
    assert t > 2.0
    fam = Familiarity(np.zeros((10, 4), np.float32), np.eye(4, dtype=np.float32), 1.0, 1.0, temperature=t)
    raw = Familiarity(np.zeros((10, 4), np.float32), np.eye(4, dtype=np.float32), 1.0, 1.0).calibrated(logits)
    assert expected_calibration_error(fam.calibrated(logits), labels) < expected_calibration_error(raw, labels) / 3


def test_saved_familiarity_loads_only_for_its_own_weights(tmp_path):
    rng = np.random.default_rng(3)
    hidden, labels, _ = _clusters(rng)
    means, precision = fit_statistics(hidden, labels)
    fam = Familiarity(means, precision, 12.5, 2.0, 1.7, weights_sha256="a" * 64)
    weights = tmp_path / "mine.pth"
    fam.save(familiarity_path(weights))
    loaded = load_familiarity(familiarity_path(weights), "a" * 64)
    assert loaded.threshold == 12.5 and loaded.temperature == 1.7 and np.array_equal(loaded.means, means)
    assert familiarity_for(weights, "a" * 64) is not None
    assert familiarity_for(weights, "b" * 64) is None  # other weights: no familiarity rather than a wrong one
    with pytest.raises(FamiliarityError):
        load_familiarity(familiarity_path(weights), "b" * 64)
    familiarity_path(weights).write_bytes(b"not an npz")
    assert familiarity_for(weights, "a" * 64) is None


def test_predictor_reports_familiarity_and_calibrated_probabilities():
    model = NeuralNetwork()
    plain = Predictor(model).predict(np.zeros((28, 28), np.float32))
    assert plain.familiarity is None and plain.familiar is None and plain.calibrated is None
    dims = 512
    fam = Familiarity(np.zeros((10, dims), np.float32), np.eye(dims, dtype=np.float32), 1e6, 1.0, temperature=2.0)
    predictor = Predictor(model, familiarity=fam)
    images = np.random.default_rng(4).random((3, 28, 28)).astype(np.float32)
    batch = predictor.predict_batch(images)
    assert batch.familiar.all() and batch.calibrated.shape == (3, 10)
    assert np.allclose(batch.calibrated.sum(1), 1, atol=1e-5)
    assert (batch.calibrated.argmax(1) == batch.indices).all()
    one = predictor.predict(images[0])
    assert one.familiarity == pytest.approx(float(batch.familiarity[0])) and one.familiar is True
    far = Predictor(model, familiarity=Familiarity(np.full((10, dims), 1e3, np.float32), np.eye(dims, dtype=np.float32),
                                                   1.0, 1.0))
    assert far.predict(images[0]).familiar is False


def test_shipped_weights_come_with_their_familiarity():
    from fashion_desktop.network.model import load_model

    _model, loaded = load_model()
    fam = familiarity_for(None, loaded.sha256)
    assert fam is not None and fam.means.shape == (10, 512) and fam.temperature > 0
