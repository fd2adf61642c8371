"""PCA, the finished map, and where a new point (the drawing) falls on it.

PCA is found by subspace iteration on the covariance matrix: a few matrix products and a small
eigenproblem, never a full SVD or eigendecomposition. That keeps it at a fraction of a second
and steady on a busy machine, where multithreaded LAPACK calls on big matrices were measured
taking 25–60 s instead of one. Every map keeps its PCA basis (50 components) and the test
images' coordinates in it: PCA maps place a new point exactly; t-SNE maps place it at the
distance-weighted mean of its nearest test images in that space (measured against openTSNE's
own `transform`, which is far too slow to follow a stroke; see `explain.map.tsne`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

COMPONENTS = 50  # PCA dimensions kept for neighbour search and as t-SNE's input
NEIGHBOURS = 10  # test images a new point is placed by (and knn_agreement's k)


@dataclass(frozen=True)
class Pca:
    """A PCA basis: `transform(x) = (x - mean) @ components.T`, components ordered by variance."""

    mean: np.ndarray  # (D,) float32
    components: np.ndarray  # (K, D) float32, orthonormal rows
    variance: np.ndarray  # (K,) float32, the variance along each component

    def transform(self, x: np.ndarray) -> np.ndarray:
        """(N, D) or (D,) → (N, K) or (K,) float32."""
        x = np.asarray(x, np.float32)
        return (x - self.mean) @ self.components.T


def fit_pca(x: np.ndarray, k: int = COMPONENTS, seed: int = 0, iterations: int = 6) -> Pca:
    """The top `k` principal components of the rows of `x` (N, D), deterministic for a seed."""
    x = np.asarray(x, np.float32)
    n, d = x.shape
    mean = x.mean(axis=0)
    centred = x - mean
    covariance = (centred.T @ centred).astype(np.float64) / max(n - 1, 1)
    k = max(1, min(k, d, n))
    width = min(d, k + 10)
    basis = np.random.default_rng(seed).standard_normal((d, width))
    for _ in range(iterations):  # subspace iteration: converges to the top eigenvectors
        basis = _orthonormal(covariance @ basis)
    values, vectors = np.linalg.eigh(basis.T @ covariance @ basis)  # a (k+10)² problem
    order = np.argsort(values)[::-1][:k]
    components = (basis @ vectors[:, order]).T
    # A sign convention, so the same data gives the same picture: the largest entry positive.
    signs = np.sign(components[np.arange(k), np.abs(components).argmax(axis=1)])
    components *= np.where(signs == 0, 1.0, signs)[:, None]
    return Pca(mean.astype(np.float32), components.astype(np.float32),
               np.maximum(values[order], 0).astype(np.float32))


def _orthonormal(columns: np.ndarray) -> np.ndarray:
    """Orthonormal columns spanning `columns` (Gram–Schmidt, twice for accuracy).

    Used instead of `np.linalg.qr`, whose threaded LAPACK took 3 s (against 17 ms single-threaded)
    for this 512 × 60 matrix on a busy two-core machine."""
    q = np.array(columns, np.float64)
    for j in range(q.shape[1]):
        for _ in range(2):
            q[:, j] -= q[:, :j] @ (q[:, :j].T @ q[:, j])
        norm = np.linalg.norm(q[:, j])
        q[:, j] = q[:, j] / norm if norm > 1e-12 else 0.0
    return q


@dataclass(frozen=True)
class MapLayout:
    """A finished map: where each test image sits, and what is needed to place a new point."""

    stage: str
    method: str  # "pca" or "tsne"
    coords: np.ndarray  # (N, 2) float32
    pca: Pca
    reduced: np.ndarray  # (N, K) float32: the test images in PCA space, for neighbour search
    labels: np.ndarray  # (N,) int64, true classes
    predicted: np.ndarray  # (N,) int64, the network's classes
    key: str = ""  # the weights' key (features.weights_key)
    seconds: float = 0.0  # what computing it took (0 when read from the cache)
    from_cache: bool = False
    agreement: float | None = None  # knn_agreement, once measured (kept in the cache: 0.6 s of CPU)
    _norms: np.ndarray | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.coords)

    def neighbours(self, vector: np.ndarray, k: int = NEIGHBOURS) -> tuple[np.ndarray, np.ndarray]:
        """The `k` test images nearest to one stage vector (D,) in PCA space: (indices, distances), nearest first."""
        point = self.pca.transform(np.asarray(vector, np.float32).reshape(-1))
        norms = self._norms
        if norms is None:
            norms = np.einsum("ij,ij->i", self.reduced, self.reduced)
            object.__setattr__(self, "_norms", norms)
        # einsum, not `@`: a threaded BLAS matrix-vector product took 25 ms here on a busy machine
        # (threads waiting on each other), einsum's single loop 1 ms; this runs at every stroke.
        squared = norms - 2.0 * np.einsum("ij,j->i", self.reduced, point) + float(point @ point)
        k = min(k, len(squared))
        nearest = np.argpartition(squared, k - 1)[:k]
        exact = np.linalg.norm(self.reduced[nearest] - point, axis=1)  # no float32 cancellation
        order = np.argsort(exact, kind="stable")
        return nearest[order], exact[order]

    def place(self, vector: np.ndarray, k: int = NEIGHBOURS) -> tuple[np.ndarray, np.ndarray]:
        """Where one stage vector falls on the map, (2,), and its `k` nearest test images.

        PCA: exactly its projection. t-SNE: the mean of its nearest test images' places, each
        weighted by 1 / distance (a point equal to a test image lands on it).
        """
        nearest, distances = self.neighbours(vector, k)
        if self.method == "pca":
            return self.pca.transform(np.asarray(vector, np.float32).reshape(-1))[:2].copy(), nearest
        weights = 1.0 / np.maximum(distances, 1e-6)
        xy = (self.coords[nearest] * weights[:, None]).sum(axis=0) / weights.sum()
        return xy.astype(np.float32), nearest

    @property
    def misclassified(self) -> np.ndarray:
        return self.predicted != self.labels


def pca_coords(pca: Pca, reduced: np.ndarray, previous: np.ndarray | None = None) -> np.ndarray:
    """The PCA map: the first two components; flipped to match `previous` (the last map drawn)
    so a map redrawn after each training epoch does not jump to its mirror image."""
    coords = np.array(reduced[:, :2], np.float32)
    if previous is not None and len(previous) == len(coords):
        for axis in range(2):
            if float(np.dot(coords[:, axis], previous[:, axis])) < 0:
                coords[:, axis] *= -1
    return coords


def nearest_on_map(coords: np.ndarray, k: int = NEIGHBOURS, block: int = 1024) -> np.ndarray:
    """(N, k) indices of each point's k nearest other points on the map.

    With SciPy (installed with openTSNE) a k-d tree: about 50 ms for 10,000 points; without it,
    brute force in blocks (seconds)."""
    coords = np.asarray(coords, np.float64)
    n = len(coords)
    k = min(k, n - 1)
    try:
        from scipy.spatial import cKDTree
    except ImportError:
        cKDTree = None
    if cKDTree is not None:
        _, found = cKDTree(coords).query(coords, k + 1)
        # Drop each point itself (first, unless a duplicate tied with it): keep k others.
        mine = found == np.arange(n)[:, None]
        mine[:, -1] |= ~mine.any(axis=1)
        return found[~mine].reshape(n, k).astype(np.int64)
    out = np.empty((n, k), np.int64)
    norms = (coords ** 2).sum(axis=1)
    for start in range(0, n, block):
        part = coords[start:start + block]
        squared = norms[start:start + block, None] - 2.0 * part @ coords.T + norms[None, :]
        squared[np.arange(len(part)), np.arange(start, start + len(part))] = np.inf  # not itself
        out[start:start + len(part)] = np.argpartition(squared, k - 1, axis=1)[:, :k]
    return out


def knn_agreement(coords: np.ndarray, labels: np.ndarray, k: int = NEIGHBOURS) -> float:
    """The share of each point's k nearest map neighbours that share its true class, averaged."""
    labels = np.asarray(labels).reshape(-1)
    if len(labels) != len(coords):
        raise ValueError(f"{len(coords)} points but {len(labels)} labels")
    if len(labels) < 2:
        return 0.0
    nearest = nearest_on_map(coords, k)
    return float((labels[nearest] == labels[:, None]).mean())
