"""Predict the whole Fashion-MNIST test set off the GUI thread, with progress, cancellable.

Why a job of its own and not the inference worker: 10,000 images take a noticeable moment on a
CPU, and the worker must keep answering the drawing within a frame. The job gets a numpy copy of
the current parameters (plain data, as everything that crosses threads) and builds its own
network from them on the CPU, so the worker's model is never touched from two threads.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QThread, Signal

from fashion_desktop.dataset.files import load_split
from fashion_desktop.dataset.testset import predict_in_chunks
from fashion_desktop.errors import FashionDesktopError

CHUNK = 500  # images per forward pass: progress and a cancel check several times a second


@dataclass(frozen=True)
class TestSetPredictions:
    """The test split and the network's probabilities on every image."""

    images: np.ndarray  # uint8 (N, 28, 28)
    labels: np.ndarray  # int64 (N,)
    probabilities: np.ndarray  # float32 (N, 10)
    generation: int  # which model it belongs to (the panel drops stale ones)

    @property
    def predicted(self) -> np.ndarray:
        return self.probabilities.argmax(axis=1)


class TestSetJob(QThread):
    """Loads the test split (once; pass it back in as `split`) and predicts it in chunks."""

    loaded = Signal(object)  # fashion_desktop.dataset.files.Split, before the predictions start
    progressed = Signal(int, int)  # images done, total
    finishedPredicting = Signal(object)  # TestSetPredictions
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, state: dict[str, np.ndarray], generation: int, split=None, data_dir=None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("TestSetJob")
        self._state = state
        self._generation = generation
        self._split = split
        self._data_dir = data_dir
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop after the current chunk (thread-safe)."""
        self._cancel.set()

    def run(self) -> None:
        try:
            self._run()
        except FashionDesktopError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: say so, keep the app alive
            self.failed.emit(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")

    def _run(self) -> None:
        split = self._split if self._split is not None else load_split("test", self._data_dir)
        self.loaded.emit(split)
        if self._cancel.is_set():
            self.cancelled.emit()
            return
        import torch  # in this thread, never at import: the window paints before torch is loaded

        from fashion_desktop.network.inference import Predictor
        from fashion_desktop.network.model import NeuralNetwork
        from fashion_desktop.network.orientation import face_left

        model = NeuralNetwork()
        model.load_state_dict({k: torch.from_numpy(np.array(v, np.float32)) for k, v in self._state.items()})
        predictor = Predictor(model, "cpu")
        try:
            # The same answer the window gives when an image is put on the canvas: shoes facing right
            # are read mirrored there too (network/orientation.py).
            probabilities = predict_in_chunks(lambda batch: predictor.predict_batch(face_left(predictor, batch)[0])
                                              .probabilities,
                                              split.images, CHUNK, progress=self.progressed.emit,
                                              cancelled=self._cancel.is_set)
        finally:
            predictor.close()
        if probabilities is None:
            self.cancelled.emit()
        else:
            self.finishedPredicting.emit(TestSetPredictions(split.images, split.labels, probabilities,
                                                            self._generation))
