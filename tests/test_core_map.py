"""The network's map: stage activations, PCA, t-SNE (progress, cancel, seed), placing the drawing, the cache."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from fashion_desktop.explain.map import cache
from fashion_desktop.explain.map.build import build_map
from fashion_desktop.explain.map.features import (
    STAGES,
    stage_features,
    stage_vector,
    weights_key,
)
from fashion_desktop.explain.map.layout import fit_pca, knn_agreement, nearest_on_map


def clusters(n_per: int = 60, classes: int = 3, dims: int = 20, seed: int = 0, spread: float = 0.3):
    """Well separated Gaussian clusters, one per class."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 3, (classes, dims))
    labels = np.repeat(np.arange(classes), n_per)
    points = centres[labels] + rng.normal(0, spread, (len(labels), dims))
    return points.astype(np.float32), labels


def test_stage_features_collects_each_chunk_and_reports_progress():
    images = np.arange(25 * 28 * 28, dtype=np.int64).reshape(25, 28, 28) % 256
    images = images.astype(np.uint8)

    def forward(batch):  # a stand-in network: the input, a "ReLU" of it, and softmax from the first pixels
        flat = batch.reshape(len(batch), -1)
        logits = flat[:, :10]
        return {"flatten": flat, "linear_relu_stack.3": np.maximum(flat[:, :512] - 0.5, 0),
                "softmax": np.exp(logits) / np.exp(logits).sum(1, keepdims=True)}

    seen = []
    features, predicted = stage_features(forward, images, ("input", "relu2"), chunk=10,
                                         progress=lambda done, total: seen.append((done, total)))
    assert features["input"].shape == (25, 784) and features["relu2"].shape == (25, 512)
    np.testing.assert_allclose(features["input"], images.reshape(25, -1) / 255.0, rtol=1e-6)
    assert predicted.shape == (25,) and np.array_equal(predicted, (images.reshape(25, -1)[:, :10] / 255).argmax(1))
    assert seen == [(10, 25), (20, 25), (25, 25)]
    assert stage_features(forward, images, ("relu2",), chunk=10, cancelled=lambda: True) is None
    with pytest.raises(ValueError, match="unknown stage"):
        stage_features(forward, images, ("relu9",))


def test_stage_features_of_the_real_network_match_its_forward_pass():
    torch = pytest.importorskip("torch")
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.untrained import untrained_network

    predictor = Predictor(untrained_network())
    images = (np.random.default_rng(1).random((7, 28, 28)) * 255).astype(np.uint8)
    features, predicted = stage_features(lambda b: predictor.predict_batch(b, activations=True).activations,
                                         images, tuple(STAGES), chunk=3)
    with torch.inference_mode():
        x = torch.from_numpy(images.astype(np.float32) / 255.0)
        logits = predictor.model(x).numpy()
    np.testing.assert_allclose(features["logits"], logits, rtol=1e-4, atol=1e-5)
    assert [features[s].shape[1] for s in STAGES] == [784, 512, 512, 10]
    assert np.array_equal(predicted, logits.argmax(1))
    one = predictor.predict(images[0].astype(np.float32) / 255.0)
    np.testing.assert_allclose(stage_vector("relu1", one.activations), features["relu1"][0], rtol=1e-4, atol=1e-6)


def test_pca_finds_the_principal_components_and_is_deterministic():
    rng = np.random.default_rng(0)
    x = (rng.normal(size=(400, 30)) * np.linspace(5, 0.1, 30)).astype(np.float32) @ np.linalg.qr(
        rng.normal(size=(30, 30)))[0].astype(np.float32)
    pca = fit_pca(x, k=5)
    centred = x - x.mean(0)
    values, vectors = np.linalg.eigh(np.cov(centred.T.astype(np.float64)))
    for i in range(5):
        assert abs(float(pca.components[i] @ vectors[:, -1 - i])) > 0.999
    np.testing.assert_allclose(pca.variance, values[::-1][:5], rtol=1e-3)
    again = fit_pca(x, k=5)
    assert np.array_equal(pca.components, again.components)
    np.testing.assert_allclose(pca.transform(x[3]), (x[3] - x.mean(0)) @ pca.components.T, rtol=1e-4, atol=1e-4)


def test_knn_agreement_is_one_for_separated_classes_and_near_chance_for_shuffled_labels():
    rng = np.random.default_rng(0)
    labels = np.repeat(np.arange(3), 40)
    points = np.array([[0, 0], [10, 0], [0, 10]])[labels] + rng.normal(0, 1, (120, 2))
    assert knn_agreement(points, labels) == 1.0
    shuffled = np.random.default_rng(0).permutation(labels)
    assert knn_agreement(points, shuffled) < 0.5
    nearest = nearest_on_map(points, 4)
    assert nearest.shape == (len(points), 4) and not (nearest == np.arange(len(points))[:, None]).any()


def test_pca_map_places_a_new_point_exactly_and_keeps_its_axes_when_redrawn():
    points, labels = clusters()
    layout = build_map(points, labels, labels, "relu2", "pca")
    assert layout.coords.shape == (len(points), 2) and layout.method == "pca"
    xy, nearest = layout.place(points[5])
    np.testing.assert_allclose(xy, layout.coords[5], atol=1e-4)
    assert nearest[0] == 5 and len(nearest) == 10
    flipped = build_map(-points, labels, labels, "relu2", "pca", previous=layout)  # the same cloud, mirrored
    np.testing.assert_allclose(flipped.coords, layout.coords, atol=1e-3)


def test_tsne_separates_clusters_reports_progress_and_repeats_for_a_seed():
    pytest.importorskip("openTSNE")
    points, labels = clusters(n_per=50)
    seen = []
    layout = build_map(points, labels, labels, "relu2", "tsne", seed=3,
                       progress=lambda done, total: seen.append((done, total)))
    assert layout.coords.shape == (150, 2) and np.isfinite(layout.coords).all()
    assert knn_agreement(layout.coords, labels) > 0.95
    assert seen[-1][0] == seen[-1][1] and all(a[0] <= b[0] for a, b in itertools.pairwise(seen))
    again = build_map(points, labels, labels, "relu2", "tsne", seed=3)
    assert np.allclose(layout.coords, again.coords)
    xy, _nearest = layout.place(points[7])  # a point equal to a test image lands on it
    np.testing.assert_allclose(xy, layout.coords[7], atol=1e-3)


def test_tsne_cancel_stops_it_and_caches_nothing(tmp_path):
    pytest.importorskip("openTSNE")
    points, labels = clusters(n_per=50)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3  # during the neighbour search's blocks or the first iterations

    assert build_map(points, labels, labels, "relu2", "tsne", key="k" * 64, cache_dir=tmp_path,
                     cancelled=cancelled) is None
    assert not list(tmp_path.iterdir())


def test_a_second_opening_comes_from_the_cache(tmp_path):
    points, labels = clusters()
    predicted = labels.copy()
    predicted[:4] = (labels[:4] + 1) % 3
    key = "ab" * 32
    first = build_map(points, labels, predicted, "relu1", "pca", key=key, cache_dir=tmp_path)
    assert not first.from_cache and len(list(tmp_path.glob("*.npz"))) == 1
    second = build_map(points * 0, labels, predicted, "relu1", "pca", key=key, cache_dir=tmp_path)
    assert second.from_cache
    assert np.array_equal(second.coords, first.coords) and np.array_equal(second.predicted, predicted)
    assert second.misclassified.sum() == 4
    xy, _ = second.place(points[9])  # the cached basis places points as the original did
    np.testing.assert_allclose(xy, first.coords[9], atol=1e-4)
    other = build_map(points, labels, predicted, "relu1", "pca", key="cd" * 32, cache_dir=tmp_path)
    assert not other.from_cache  # other weights, another map


def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path):
    points, labels = clusters()
    key = "ef" * 32
    path = cache.cache_path(tmp_path, key, "relu2", "pca", len(points))
    path.write_bytes(b"PK\x03\x04 not really a zip")
    layout = build_map(points, labels, labels, "relu2", "pca", key=key, cache_dir=tmp_path)
    assert not layout.from_cache
    assert cache.load(tmp_path, key, "relu2", "pca", len(points)) is not None
    assert cache.load(tmp_path, key, "relu2", "pca", len(points) + 1) is None


def test_weights_key_follows_the_values_not_the_order():
    rng = np.random.default_rng(0)
    state = {"a.weight": rng.normal(size=(3, 4)).astype(np.float32), "a.bias": np.zeros(3, np.float32)}
    assert weights_key(state) == weights_key(dict(reversed(list(state.items()))))
    changed = dict(state, **{"a.bias": np.full(3, 1e-6, np.float32)})
    assert weights_key(changed) != weights_key(state)


def test_the_shipped_map_is_the_shipped_networks_and_is_found_without_a_user_cache(test_split):
    """The Map view's first map comes from resources/maps: it must be the shipped weights' own map of the
    test images (remake it with `fashion-desktop map --cache-dir resources/maps` when the weights change)."""
    import torch

    from fashion_desktop.network.model import load_model

    model, _ = load_model(None)
    state = {name: p.detach().numpy() for name, p in model.named_parameters()}
    layout = cache.find(None, weights_key(state), "relu2", "pca", len(test_split.labels))
    assert layout is not None and layout.from_cache
    assert np.array_equal(layout.labels, test_split.labels)
    with torch.inference_mode():
        logits = model.eval()(torch.as_tensor(test_split.images[:500], dtype=torch.float32) / 255.0)
    assert np.array_equal(layout.predicted[:500], logits.argmax(1).numpy())
    from fashion_desktop.network.inference import Predictor

    activations = Predictor(model, "cpu").predict(test_split.images[7].astype(np.float32) / 255.0).activations
    xy, _ = layout.place(stage_vector("relu2", activations))  # a test image lands on its own dot
    assert np.allclose(xy, layout.coords[7], atol=1e-3)
    assert cache.find(None, "0" * 64, "relu2", "pca", len(test_split.labels)) is None  # other weights: none


def test_the_neighbour_agreement_is_measured_once_then_read_from_the_cache(tmp_path, monkeypatch):
    """Measuring it costs 0.6 s of CPU for 10,000 points, right after the map is shown, while a person draws."""
    from fashion_desktop.explain.map import layout as layout_module

    points, labels = clusters()
    key = "ef" * 32
    first = build_map(points, labels, labels, "relu2", "pca", key=key, cache_dir=tmp_path)
    assert first.agreement is None
    measured = cache.measured(first, tmp_path)
    assert measured == pytest.approx(knn_agreement(first.coords, labels))

    def no_measuring(*_args, **_kwargs):
        raise AssertionError("measured again")

    monkeypatch.setattr(layout_module, "knn_agreement", no_measuring)
    again = cache.find(tmp_path, key, "relu2", "pca", len(labels))
    assert again.from_cache and again.agreement == measured
    assert cache.measured(again, tmp_path) == measured
