"""From a stage's activations to a finished map: PCA at once, t-SNE with progress, the cache first.

The command line, the window's background job and the bench all call `build_map`, so a map
drawn in the window is the map `fashion-desktop map` measures.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from fashion_desktop.explain.map import cache
from fashion_desktop.explain.map.features import check_stage
from fashion_desktop.explain.map.layout import MapLayout, fit_pca, pca_coords

METHODS = ("pca", "tsne")
_log = logging.getLogger(__name__)


def check_method(method: str) -> str:
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    return method


def build_map(features: np.ndarray, labels: np.ndarray, predicted: np.ndarray, stage: str, method: str, *,
              key: str = "", cache_dir: str | Path | None = None, seed: int = 0, n_jobs: int = 1,
              previous: MapLayout | None = None, progress: Callable[[int, int], None] | None = None,
              cancelled: Callable[[], bool] | None = None) -> MapLayout | None:
    """The map of `features` (N, D): from the cache when it holds one for `key`, else computed
    (and then cached). None when cancelled.

    `previous` (a map of the same images) keeps the picture steady when the network changes:
    PCA axes are flipped to match it, t-SNE starts from its layout.
    """
    check_stage(stage)
    check_method(method)
    n = len(features)
    if len(labels) != n or len(predicted) != n:
        raise ValueError(f"{n} feature rows but {len(labels)} labels and {len(predicted)} predictions")
    if cache_dir is not None and key:
        cached = cache.load(cache_dir, key, stage, method, n)
        if cached is not None:
            return cached
    start = time.perf_counter()
    pca = fit_pca(features, seed=seed)
    reduced = pca.transform(features)
    steady = previous if previous is not None and len(previous) == n else None
    coords = pca_coords(pca, reduced, None if steady is None else steady.coords)
    if method == "tsne":
        from fashion_desktop.explain.map.tsne import TSNE_COMPONENTS, run_tsne

        init = steady.coords if steady is not None and steady.method == "tsne" else coords
        wider = fit_pca(features, k=TSNE_COMPONENTS, seed=seed).transform(features)
        arranged = run_tsne(wider, init, seed=seed, n_jobs=n_jobs, progress=progress, cancelled=cancelled)
        if arranged is None:
            return None
        coords = arranged
    elif progress is not None:
        progress(1, 1)
    layout = MapLayout(stage, method, coords, pca, reduced, np.asarray(labels, np.int64),
                       np.asarray(predicted, np.int64), key=key, seconds=time.perf_counter() - start)
    if cache_dir is not None and key:
        try:
            cache.save(cache_dir, layout)
        except OSError as exc:  # a full or read-only disk: the map still shows, only not cached
            _log.warning("Could not cache the map in %s: %s", cache_dir, exc)
    return layout
