"""The Map view's figures: a PCA map made from nothing, a cached one read back, t-SNE of the 10,000
test images at the second ReLU with its neighbour agreement, and placing one drawing.

Floors from the same run: the PCA map against the network's forward pass over the test set that
it cannot do without; placing the drawing against the one matrix–vector product PCA needs. The
t-SNE figure is absolute (the issue's goal: ≤ 60 s on two cores), next to the machine's load.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable

from fashion_desktop.measure.timing import interleaved, summary


def measure_map(quick: bool = False, progress: Callable[[str], None] = lambda _m: None) -> dict:
    """map_* figures (seconds, milliseconds, agreement); t-SNE only when not quick."""
    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.explain.map import cache
    from fashion_desktop.explain.map.build import build_map
    from fashion_desktop.explain.map.features import stage_features, weights_key
    from fashion_desktop.explain.map.layout import knn_agreement
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    test = load_split("test")
    model, _ = load_model(None)
    predictor = Predictor(model, "cpu")
    state = {name: p.detach().numpy() for name, p in model.named_parameters()}
    forward = lambda batch: predictor.predict_batch(batch, activations=True).activations  # noqa: E731
    report: dict = {"map_load_before": os.getloadavg()[0] if hasattr(os, "getloadavg") else None}
    with tempfile.TemporaryDirectory(prefix="fd-bench-map-") as folder:
        progress("map: PCA of the 10,000 test images at the second ReLU, from nothing")
        start = time.perf_counter()
        found = stage_features(forward, test.images, ("relu2",))
        report["map_floor_activations_s"] = time.perf_counter() - start
        assert found is not None
        features, predicted = found
        key = weights_key(state)
        start = time.perf_counter()
        pca = build_map(features["relu2"], test.labels, predicted, "relu2", "pca", key=key, cache_dir=folder)
        report["map_pca_s"] = report["map_floor_activations_s"] + (time.perf_counter() - start)
        start = time.perf_counter()
        cached = cache.load(folder, key, "relu2", "pca", len(test))
        report["map_cached_s"] = time.perf_counter() - start
        assert cached is not None
        report["map_pca_knn_agreement"] = knn_agreement(pca.coords, pca.labels)

        vector = features["relu2"][0] * 0.9 + features["relu2"][1] * 0.1
        mean, components = pca.pca.mean, pca.pca.components
        samples = interleaved({"map_place_us": lambda: pca.place(vector),
                               "map_floor_place_us": lambda: (vector - mean) @ components.T}, 300, warmup=20)
        report.update({name: summary(values) for name, values in samples.items()})

        report["map_tsne_s"] = report["map_tsne_knn_agreement"] = None
        if not quick:
            progress("map: t-SNE of the 10,000 test images at the second ReLU (tens of seconds)")
            start = time.perf_counter()
            tsne = build_map(features["relu2"], test.labels, predicted, "relu2", "tsne",
                             n_jobs=os.cpu_count() or 1)
            report["map_tsne_s"] = time.perf_counter() - start
            assert tsne is not None
            report["map_tsne_knn_agreement"] = knn_agreement(tsne.coords, tsne.labels)
            report["map_tsne_threads"] = os.cpu_count() or 1
    report["map_load_after"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return report
