"""Answers before PyTorch has loaded: the same network, evaluated with numpy.

Why: the window's worker needs seconds to import torch, yet the first stroke (or the picture
opened at launch) deserves an answer with the first paint. `QuickSession` reads the weights the
session will load, without torch (`network.numpy_net`), and answers requests exactly as
`ModelSession.answer` does — same preprocessing, same network, probabilities equal within 1e-5 —
until the worker has imported torch and started the session, which then answers the last input
again on the chosen device. Only answers: no device, saliency, preview or untrained network.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from fashion_desktop.errors import EmptyImageError
from fashion_desktop.images.preprocess import prepare_canvas
from fashion_desktop.live.records import Request, Result, failure_result
from fashion_desktop.network.familiarity import familiarity_for
from fashion_desktop.network.numpy_net import NumpyNetwork, read_numpy_weights


def prepare_request(request: Request) -> tuple[np.ndarray, bool, bool]:
    """A request's network input: (pixels, inverted, filled). Raises EmptyImageError, ImageError."""
    if request.pixels is not None:
        return request.pixels, False, False
    if request.grey is None:
        raise ValueError("a request needs canvas grey levels or 28×28 pixels")
    prepared = prepare_canvas(request.grey)  # a drawing: closed outlines are filled
    return prepared.pixels, prepared.inverted, prepared.filled


class QuickSession:
    """Answers requests with numpy. Raises WeightsError when the weights cannot be read without torch."""

    def __init__(self, weights: str | Path | None) -> None:
        loaded = read_numpy_weights(weights)
        self.network = NumpyNetwork(loaded.arrays, familiarity_for(weights, loaded.sha256))
        self.last: Request | None = None  # the newest input answered: the session answers it again
        self.inferences = 0

    def answer(self, request: Request, superseded: Callable[[], bool] | None = None) -> Result | None:
        """As `ModelSession.answer`, without saliency. None: a newer request is waiting."""
        started = time.perf_counter()
        try:
            pixels, inverted, filled = prepare_request(request)
        except EmptyImageError as exc:
            self.last = request
            return Result(request.id, empty=True, message=str(exc), created=request.created,
                          finished=time.perf_counter())
        except Exception as exc:
            return failure_result(request, exc)
        prepared = time.perf_counter()
        if superseded is not None and superseded():
            return None
        try:
            prediction = self.network.predict(pixels, activations=True)
        except Exception as exc:
            return failure_result(request, exc, pixels)
        self.inferences += 1
        self.last = request
        return Result(request.id, pixels=pixels, inverted=inverted, filled=filled, prediction=prediction,
                      created=request.created, finished=time.perf_counter(), started=started, prepared=prepared)
