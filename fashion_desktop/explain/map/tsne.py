"""t-SNE of a stage's activations through openTSNE, with progress and cancel.

Why openTSNE: its FFT-accelerated gradients make 10,000 points a matter of tens of seconds on
two cores, it is numpy-based, and its optimiser calls back every few iterations, which gives a
progress bar and a Cancel that stops within a fraction of a second. It is imported only here,
when a t-SNE map is asked for, so PCA maps and the window's start-up never pay for it.

The recipe is openTSNE's standard one (perplexity 30, early exaggeration 12 for 250 iterations,
then more without), but with 250 iterations after the exaggeration instead of 500: on the trained
network's second ReLU the 10-neighbour class agreement was 0.851 after 250 and 0.851 after 500,
while those last 250 cost more than half the time (each iteration gets dearer as the layout
spreads over a larger FFT grid). It runs on 100 PCA components (`TSNE_COMPONENTS`; the drawing is
placed among the 50 of `layout.COMPONENTS`): on the shipped network's second ReLU the agreement
was 0.849–0.850 from 50 and 0.851 from 100, for each of three seeds, in about the same time.
It finds exact nearest neighbours by matrix products, which on this project's machine beat openTSNE's approximate index
(Annoy) several times over for 10,000 points. The start is the PCA map (or a previous layout,
so a map redrawn from a network in training keeps its arrangement), scaled as openTSNE does.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from fashion_desktop.errors import FashionDesktopError
from fashion_desktop.i18n import QT_TRANSLATE_NOOP

PERPLEXITY = 30.0
TSNE_COMPONENTS = 100  # PCA dimensions t-SNE starts from; see the module docstring
EARLY_ITERATIONS = 250
ITERATIONS = 250  # openTSNE's default is 500; see the module docstring
CALLBACK_EVERY = 10
KNN_BLOCK = 500
KNN_UNITS = 50  # progress units the neighbour search counts for (the iterations count one each)


def exact_neighbours(points: np.ndarray, k: int, progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> tuple[np.ndarray, np.ndarray] | None:
    """Each row's `k` nearest other rows (indices, Euclidean distances), nearest first; None if cancelled."""
    points = np.asarray(points, np.float32)
    n = len(points)
    k = min(k, n - 1)
    norms = np.einsum("ij,ij->i", points, points)
    indices = np.empty((n, k), np.int64)
    distances = np.empty((n, k), np.float32)
    for start in range(0, n, KNN_BLOCK):
        if cancelled is not None and cancelled():
            return None
        stop = min(n, start + KNN_BLOCK)
        squared = norms[start:stop, None] - 2.0 * (points[start:stop] @ points.T) + norms[None, :]
        squared[np.arange(stop - start), np.arange(start, stop)] = np.inf
        part = np.argpartition(squared, k - 1, axis=1)[:, :k]
        values = np.take_along_axis(squared, part, axis=1)
        order = np.argsort(values, axis=1)
        indices[start:stop] = np.take_along_axis(part, order, axis=1)
        distances[start:stop] = np.sqrt(np.maximum(np.take_along_axis(values, order, axis=1), 0.0))
        if progress is not None:
            progress(stop, n)
    return indices, distances


def run_tsne(reduced: np.ndarray, init: np.ndarray, seed: int = 0, n_jobs: int = 1,
             progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None,
             early_iterations: int = EARLY_ITERATIONS, iterations: int = ITERATIONS,
             perplexity: float = PERPLEXITY) -> np.ndarray | None:
    """A t-SNE layout (N, 2) float32 of `reduced` (N, K) starting from `init` (N, 2); None if cancelled.

    `progress(done, total)` counts the neighbour search as KNN_UNITS steps and each iteration as
    one; `cancelled()` is checked between neighbour blocks and every CALLBACK_EVERY iterations.
    """
    try:
        from openTSNE import TSNEEmbedding, affinity, nearest_neighbors
        from openTSNE.tsne import OptimizationInterrupt
    except ImportError as exc:
        raise FashionDesktopError(QT_TRANSLATE_NOOP("Errors", "t-SNE needs the openTSNE package ({reason}); install it "
                                                              "with 'pip install openTSNE', or use PCA."),
                                  reason=exc) from exc

    n = len(reduced)
    total = KNN_UNITS + early_iterations + iterations
    report = progress or (lambda done, all_: None)
    k = min(n - 1, int(3 * perplexity))
    perplexity = min(perplexity, (n - 1) / 3.0)
    found = exact_neighbours(reduced, k, lambda done, all_: report(done * KNN_UNITS // all_, total), cancelled)
    if found is None:
        return None
    affinities = affinity.PerplexityBasedNN(knn_index=nearest_neighbors.PrecomputedNeighbors(*found),
                                            perplexity=perplexity, n_jobs=n_jobs, random_state=seed)
    start = np.asarray(init, np.float64)
    spread = float(np.std(start[:, 0])) or 1.0
    embedding = TSNEEmbedding(start / spread * 1e-4, affinities, n_jobs=n_jobs, random_state=seed)
    done = KNN_UNITS

    def callback(iteration: int, _error: float, _embedding) -> bool:
        report(done + iteration, total)
        return bool(cancelled is not None and cancelled())

    try:
        embedding = embedding.optimize(early_iterations, exaggeration=12, momentum=0.5, callbacks=callback,
                                       callbacks_every_iters=CALLBACK_EVERY, propagate_exception=True)
        done += early_iterations
        embedding = embedding.optimize(iterations, momentum=0.8, callbacks=callback,
                                       callbacks_every_iters=CALLBACK_EVERY, propagate_exception=True)
    except OptimizationInterrupt:
        return None
    report(total, total)
    return np.asarray(embedding, np.float32)
