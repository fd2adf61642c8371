"""What crosses between the window and the model session: requests in; results, model info, failures out.

Plain dataclasses of numpy arrays and Python values, importing neither torch nor Qt, so the window
can import them at start-up (before the worker has loaded torch) and any thread can read them.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from fashion_desktop.errors import FashionDesktopError

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Request:
    """One input: canvas grey levels (light on dark) or already-prepared 28×28 pixels."""

    id: int
    grey: np.ndarray | None = None  # uint8 H×W, light strokes on black
    pixels: np.ndarray | None = None  # float32 28×28 in [0, 1], exactly what the network gets
    created: float = 0.0  # perf_counter when the input changed, for latency figures


@dataclass(frozen=True)
class Result:
    """What one request produced. Exactly one of prediction / empty / error describes the outcome."""

    request_id: int
    pixels: np.ndarray | None = None  # the 28×28 input the network received
    inverted: bool = False
    filled: bool = False
    mirrored: bool = False  # a shoe facing right, read as its mirror image (network/orientation.py)
    prediction: Any = None  # fashion_desktop.network.inference.Prediction
    empty: bool = False
    message: str = ""  # why it is empty, or what failed
    created: float = 0.0  # perf_counter of the oldest input change this result answers
    finished: float = 0.0  # the forward pass (and saliency) done
    started: float = 0.0  # the worker took the request (stage stamps for `fashion-desktop bench`)
    prepared: float = 0.0  # preprocessing done
    saliency: np.ndarray | None = None  # 28×28 gradient × input, only while the overlay is on
    saliency_class: int = -1  # the class it explains
    preview: str = ""  # set when preview weights (e.g. a network in training) answered: what they are

    @property
    def error(self) -> bool:
        return self.prediction is None and not self.empty


@dataclass(frozen=True)
class ModelInfo:
    """Everything the panels show about the loaded model, captured in the session's thread."""

    tree: Any  # fashion_desktop.network.introspect.LayerNode
    parameters: list  # [ParameterInfo]
    total: int
    device: str
    device_description: str
    requested_device: str
    device_notice: str
    devices: list  # [DeviceInfo]
    weights_path: str
    weights_sha256: str
    weights_notes: tuple[str, ...] = ()
    torch_version: str = ""
    shipped: bool = True
    state: dict | None = None  # parameter name → numpy copy, for the weights and activations views
    untrained: bool = False  # the freshly initialised network is in use (set_untrained)


@dataclass(frozen=True)
class Failure:
    """A command that failed; the model in use before stays.

    `kind`: 'startup', 'weights', 'device', 'saliency', 'untrained' or 'preview'.
    """

    kind: str
    message: str
    details: str = ""


def failure_result(request: Request, exc: BaseException, pixels: np.ndarray | None = None) -> Result:
    """The result of a request that failed: the error's message (a bug's type too), logged if unexpected."""
    if isinstance(exc, FashionDesktopError):
        message = str(exc)
    else:
        _log.error("Classifying request %d failed", request.id, exc_info=exc)
        message = f"{type(exc).__name__}: {exc}"
    return Result(request.id, pixels=pixels, message=message, created=request.created, finished=time.perf_counter())
