"""Finished maps on disk, one file per weights + stage + method, so a second opening is instant.

A map is a few arrays (coordinates, the PCA basis, the test images in PCA space, labels and
predictions: about 2 MB), stored as an uncompressed `.npz` read with `allow_pickle=False`, so a
damaged or foreign file can only fail to load, never run code. Written atomically; a file that
does not load or does not fit is ignored (and recomputed), never trusted.

The map a person sees first (the shipped weights, after the second ReLU, PCA) is also shipped in
`resources/maps/`, made by `fashion-desktop map --cache-dir resources/maps`: opening the view
then needs neither the test images nor the network (`find` looks there after the user's cache).
Its file name holds the weights' key, so other weights never pick it up.
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import numpy as np

from fashion_desktop.atomic import atomic_write_bytes
from fashion_desktop.explain.map.layout import MapLayout, Pca

VERSION = 1  # bump when the way maps are computed changes: old files are then left unused
SHIPPED_FOLDER = "maps"  # in resources/
_log = logging.getLogger(__name__)


def cache_path(folder: str | Path, key: str, stage: str, method: str, n: int) -> Path:
    """The file a map of `n` test images would be kept in."""
    return Path(folder) / f"map-v{VERSION}-{key[:24]}-{stage}-{method}-{n}.npz"


def save(folder: str | Path, layout: MapLayout) -> Path:
    """Write `layout` to the cache; returns its path."""
    path = cache_path(folder, layout.key, layout.stage, layout.method, len(layout))
    buffer = io.BytesIO()
    np.savez(buffer, coords=layout.coords, mean=layout.pca.mean, components=layout.pca.components,
             variance=layout.pca.variance, reduced=layout.reduced, labels=layout.labels,
             predicted=layout.predicted, seconds=np.float64(layout.seconds),
             agreement=np.float64(np.nan if layout.agreement is None else layout.agreement),
             meta=np.array([layout.key, layout.stage, layout.method]))
    atomic_write_bytes(path, buffer.getvalue())
    return path


def load(folder: str | Path, key: str, stage: str, method: str, n: int) -> MapLayout | None:
    """The cached map, or None when there is none or it cannot be trusted."""
    path = cache_path(folder, key, stage, method, n)
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        meta = [str(v) for v in arrays["meta"]]
        coords = np.asarray(arrays["coords"], np.float32)
        reduced = np.asarray(arrays["reduced"], np.float32)
        pca = Pca(np.asarray(arrays["mean"], np.float32), np.asarray(arrays["components"], np.float32),
                  np.asarray(arrays["variance"], np.float32))
        labels = np.asarray(arrays["labels"], np.int64)
        predicted = np.asarray(arrays["predicted"], np.int64)
        fits = (meta == [key, stage, method] and coords.shape == (n, 2) and len(reduced) == n
                and reduced.shape[1] == pca.components.shape[0] and pca.mean.shape[0] == pca.components.shape[1]
                and labels.shape == (n,) and predicted.shape == (n,) and np.isfinite(coords).all())
        if not fits:
            raise ValueError("the arrays do not fit together")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        _log.warning("Ignoring the cached map %s: %s", path, exc)
        return None
    agreement = float(arrays["agreement"]) if "agreement" in arrays else float("nan")
    return MapLayout(stage, method, coords, pca, reduced, labels, predicted, key=key,
                     seconds=float(arrays["seconds"]), from_cache=True,
                     agreement=agreement if np.isfinite(agreement) else None)


def measured(layout: MapLayout, folder: str | Path | None = None) -> float:
    """The map's knn_agreement: kept in the layout, else measured (about 0.6 s of CPU for 10,000
    points) and, with `folder`, written back to the cache, so no later opening measures it again."""
    if layout.agreement is not None:
        return layout.agreement
    from dataclasses import replace

    from fashion_desktop.explain.map.layout import knn_agreement

    agreement = knn_agreement(layout.coords, layout.labels)
    if folder is not None and layout.key:
        try:
            save(folder, replace(layout, agreement=agreement, from_cache=False))
        except OSError as exc:
            _log.warning("Could not cache the map's agreement in %s: %s", folder, exc)
    return agreement


def find(folder: str | Path | None, key: str, stage: str, method: str, n: int) -> MapLayout | None:
    """The map from the user's cache (`folder`; None skips it), else the one shipped with the app."""
    from fashion_desktop.resources import resource_path

    for place in (folder, resource_path(SHIPPED_FOLDER)):
        if place is not None:
            layout = load(place, key, stage, method, n)
            if layout is not None:
                return layout
    return None


def default_folder() -> Path:
    """`maps/` in the per-user data folder (paths.user_data_root; created when a map is first written)."""
    from fashion_desktop.paths import user_data_root

    return user_data_root() / "maps"
