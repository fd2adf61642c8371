"""Make one map off the GUI thread: the cache first, else the network on the test set, then PCA or t-SNE.

Why a thread of its own (like `testset_job`): 10,000 forward passes and t-SNE take from a second
to a minute, and neither the GUI nor the inference worker may wait for them. The job gets a numpy
copy of the parameters and builds its own CPU network, so the worker's model is never shared.
It runs below the GUI's priority (nice +10 on Linux, as the trainer does) and stops within a
fraction of a second when cancelled.
"""

from __future__ import annotations

import os
import threading
import traceback
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QThread, Signal

from fashion_desktop.errors import FashionDesktopError
from fashion_desktop.gui.training.trainer_thread import lower_this_threads_priority

CHUNK = 1000
TEST_IMAGES = 10_000  # Fashion-MNIST's test split: a cached map is found before the images are read


@dataclass(frozen=True)
class MapRequest:
    """What to map; plain data. `state` None is allowed only when `key` is cached."""

    state: dict | None
    key: str
    stage: str
    method: str
    generation: int
    use_cache: bool = True
    previous: object = None  # a MapLayout of the same images, to keep the picture steady
    label: str = ""  # which network, for the panel's caption


class MapJob(QThread):
    """Loads the test split (once; pass it back in as `split`) and makes the map of `request`."""

    loaded = Signal(object)  # fashion_desktop.dataset.files.Split
    progressed = Signal(str, int, int)  # phase ("activations", "layout"), done, total
    mapReady = Signal(object, object)  # MapLayout, MapRequest
    agreementReady = Signal(object, float)  # MapLayout, its knn_agreement (measured after it is shown)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, request: MapRequest, split=None, data_dir=None, cache_dir=None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("MapJob")
        self.request = request
        self._split = split
        self._data_dir = data_dir
        self._cache_dir = cache_dir
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop at the next check (thread-safe)."""
        self._cancel.set()

    def start(self, priority: QThread.Priority = QThread.Priority.LowPriority) -> None:
        super().start(priority)

    def run(self) -> None:
        lower_this_threads_priority()
        try:
            self._run()
        except FashionDesktopError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 — a bug: say so, keep the app alive
            self.failed.emit(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")

    def _run(self) -> None:
        from fashion_desktop.dataset.files import load_split
        from fashion_desktop.explain.map import cache
        from fashion_desktop.explain.map.build import build_map

        request = self.request
        split = self._split
        if request.use_cache and self._cache_dir is not None and request.key:
            # A cached map needs neither the images nor the network: show it first, read the images after.
            n = len(split) if split is not None else TEST_IMAGES
            layout = cache.find(self._cache_dir, request.key, request.stage, request.method, n)
            if layout is not None:
                self._ready(layout, split)
                return
        if split is None:
            split = load_split("test", self._data_dir)
            self.loaded.emit(split)
        found = self._features(split)
        if found is None:
            self.cancelled.emit()
            return
        features, predicted = found
        threads = max(1, (os.cpu_count() or 2) - 1)
        layout = build_map(features[request.stage], split.labels, predicted, request.stage, request.method,
                           key=request.key, cache_dir=self._cache_dir if request.use_cache else None,
                           n_jobs=threads, previous=request.previous,
                           progress=lambda done, total: self.progressed.emit("layout", done, total),
                           cancelled=self._cancel.is_set)
        if layout is None:
            self.cancelled.emit()
        else:
            self._ready(layout, split)

    def _ready(self, layout, split) -> None:
        """Show the map, then read the images if not yet read, then its neighbour agreement (measured
        once, then kept in the cache: measuring it costs 0.6 s of CPU while the person draws)."""
        from fashion_desktop.explain.map import cache

        self.mapReady.emit(layout, self.request)
        if split is None and not self._cancel.is_set():
            from fashion_desktop.dataset.files import load_split

            self.loaded.emit(load_split("test", self._data_dir))
        if not self._cancel.is_set():
            keep = self._cache_dir if self.request.use_cache else None
            self.agreementReady.emit(layout, cache.measured(layout, keep))

    def _features(self, split):
        import torch

        from fashion_desktop.explain.map.features import stage_features
        from fashion_desktop.network.inference import Predictor
        from fashion_desktop.network.model import NeuralNetwork

        torch.set_num_threads(max(1, (os.cpu_count() or 2) - 1))  # this thread's count only
        model = NeuralNetwork()
        model.load_state_dict({k: torch.from_numpy(np.array(v, np.float32)) for k, v in self.request.state.items()})
        predictor = Predictor(model, "cpu")
        return stage_features(lambda batch: predictor.predict_batch(batch, activations=True).activations,
                              split.images, (self.request.stage,), CHUNK,
                              progress=lambda done, total: self.progressed.emit("activations", done, total),
                              cancelled=self._cancel.is_set)
