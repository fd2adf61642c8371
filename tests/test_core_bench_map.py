"""The bench's map figures (quick pass): every key is reported and means what it says."""

from __future__ import annotations

import pytest

from fashion_desktop.bench.report import goals


def test_quick_map_figures_report_pca_the_cache_and_placing(test_split):
    from fashion_desktop.bench.map_figures import measure_map

    report = measure_map(quick=True)
    assert report["map_pca_s"] >= report["map_floor_activations_s"] > 0
    assert report["map_cached_s"] > 0 and 0 < report["map_pca_knn_agreement"] < 1
    assert report["map_place_us"]["p95"] >= report["map_place_us"]["p50"] > 0
    assert report["map_tsne_s"] is None  # quick: no t-SNE
    checked = goals(report)
    assert checked["map_pca"]["value"] == pytest.approx(report["map_pca_s"])
    assert checked["map_tsne"]["met"] is None
