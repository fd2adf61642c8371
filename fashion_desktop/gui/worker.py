"""The one thread that owns the model: imports torch, loads weights, moves devices, runs inference.

Why a thread of its own: torch takes seconds to import and the network must never run on the GUI
thread. Why one: the model and its device are not thread-safe, so exactly one thread creates,
moves and calls them (like Qt's Mandelbrot render thread). What crosses threads is plain data:
numpy copies in, dataclasses of numpy arrays out through `Signal(object)`.

Requests coalesce: there is one pending slot, and a new request replaces the one waiting there,
so a burst of drawing events costs one or two inferences, never a growing queue. A request that
is overtaken while being preprocessed is dropped before its forward pass. Commands
(load weights, switch device) are not coalesced: they queue and run before the next inference.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QThread, Signal

from fashion_desktop.errors import EmptyImageError, FashionDesktopError


_log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("InferenceWorker", text)


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
    created: float = 0.0
    finished: float = 0.0
    saliency: np.ndarray | None = None  # 28×28 gradient × input, only while the overlay is on
    saliency_class: int = -1  # the class it explains
    preview: str = ""  # set when preview weights (e.g. a network in training) answered: what they are

    @property
    def error(self) -> bool:
        return self.prediction is None and not self.empty


@dataclass(frozen=True)
class ModelInfo:
    """Everything the panels show about the loaded model, captured inside the worker."""

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
    """A command that failed; `kind` is 'weights', 'device' or 'startup'. The old model stays."""

    kind: str
    message: str
    details: str = ""


@dataclass
class _Command:
    kind: str  # "load" or "device"
    args: dict = field(default_factory=dict)


class InferenceWorker(QThread):
    """Owns the model. Call `request`, `load_weights`, `set_device`, `stop` from the GUI thread."""

    resultReady = Signal(object)  # Result
    modelReady = Signal(object)  # ModelInfo, after startup, a weights change or a device change
    failed = Signal(object)  # Failure
    progress = Signal(str)  # what the worker is doing while the panels wait
    deviceFailed = Signal(str)  # a device failed mid-session; the model moved to the CPU (the notice)

    def __init__(self, weights: str | Path | None = None, device: str = "auto", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("InferenceWorker")
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._commands: collections.deque[_Command] = collections.deque([
            _Command("startup", {"weights": weights, "device": device})])
        self._pending: Request | None = None
        self._last: Request | None = None  # re-run after a weights or device change
        self._stopping = False
        self._next_id = 0
        self._predictor = None
        self._device_choice = None
        self._weights = None
        self._preview = None  # (Predictor, label) while preview weights answer instead of the loaded model
        self.inferences = 0  # forward passes run; tests and benchmarks read it
        self.requests = 0  # requests received
        self.superseded = 0  # requests dropped after preprocessing because a newer one arrived
        self.busy = threading.Event()  # set while a request is being processed
        self.before_request: Callable[[Request], None] | None = None  # test hook, runs in the worker
        self._saliency: tuple[bool, int | None] = (False, None)  # (on, class or None for the top one)
        self._trained = None  # the trained Predictor, set aside while the untrained one is in use

    # ------------------------------------------------------------ GUI-thread API

    @property
    def last_request_id(self) -> int:
        """The id of the newest request (0 before any); its result is the one that will be shown."""
        with self._lock:
            return self._next_id

    def request(self, grey: np.ndarray | None = None, pixels: np.ndarray | None = None,
                created: float | None = None) -> int:
        """Queue an input, replacing any request still waiting; returns its id."""
        grey = None if grey is None else np.array(grey, dtype=np.uint8, copy=True)
        pixels = None if pixels is None else np.array(pixels, dtype=np.float32, copy=True)
        with self._wake:
            self._next_id += 1
            self.requests += 1
            self._pending = Request(self._next_id, grey, pixels, time.perf_counter() if created is None else created)
            self._wake.notify()
            return self._next_id

    def load_weights(self, path: str | Path | None) -> None:
        """Load another weights file (None: the shipped ones); on failure the current model stays."""
        self._command(_Command("load", {"weights": path}))

    def set_device(self, requested: str) -> None:
        """Move the model to 'auto', 'cpu', 'cuda', 'cuda:N' or 'mps' (falls back to the CPU with a notice)."""
        self._command(_Command("device", {"device": requested}))

    def set_saliency(self, enabled: bool, class_index: int | None = None) -> None:
        """Compute gradient × input for `class_index` (None: the top class) with every result while enabled."""
        self._command(_Command("saliency", {"enabled": enabled, "class_index": class_index}))

    def set_untrained(self, untrained: bool) -> None:
        """Swap in a freshly initialised network (the trained one is kept aside), or swap it back."""
        self._command(_Command("untrained", {"untrained": untrained}))

    def preview_weights(self, state: dict | None, label: str = "") -> None:
        """Answer with these weights (a numpy state_dict, e.g. a training snapshot) until called with None.

        The loaded model stays loaded. Only the newest waiting snapshot is applied: older ones are dropped.
        """
        with self._wake:
            if not self._stopping:
                for stale in [c for c in self._commands if c.kind == "preview"]:
                    self._commands.remove(stale)
                self._commands.append(_Command("preview", {"state": state, "label": label}))
                self._wake.notify()

    def stop(self) -> None:
        """Ask the loop to end after the current step; pair with `wait()`."""
        with self._wake:
            self._stopping = True
            self._pending = None
            self._commands.clear()
            self._wake.notify()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop and wait for the thread to end (a running import or forward pass is finished first)."""
        self.stop()
        self.quit()
        return self.wait(timeout_ms) if self.isRunning() else True

    def _command(self, command: _Command) -> None:
        with self._wake:
            if not self._stopping:
                self._commands.append(command)
                self._wake.notify()

    # ------------------------------------------------------------ the worker thread

    def run(self) -> None:
        while True:
            with self._wake:
                while not self._stopping and not self._commands and self._pending is None:
                    self._wake.wait()
                if self._stopping:
                    return
                if self._commands:
                    command, request = self._commands.popleft(), None
                else:
                    command, request = None, self._pending
                    self._pending = None
            if command is not None:
                self._run_command(command)
            else:
                self._run_request(request)

    def _run_command(self, command: _Command) -> None:
        try:
            if command.kind == "startup":
                self._startup(**command.args)
            elif command.kind == "load":
                self._load(command.args["weights"])
            elif command.kind == "device":
                self._move(command.args["device"])
            elif command.kind == "saliency":
                self._saliency = (command.args["enabled"], command.args["class_index"])
            elif command.kind == "untrained":
                self._swap_untrained(command.args["untrained"])
            elif command.kind == "preview":
                self._use_preview(**command.args)
        except FashionDesktopError as exc:
            self.failed.emit(Failure(command.kind if command.kind != "load" else "weights", str(exc)))
        except Exception as exc:  # a bug or an unexpected torch error: show it, keep the thread alive
            # Logged to the error file; the window already shows its own dialog for `failed`.
            _log.warning("Worker command '%s' failed unexpectedly", command.kind, exc_info=True)
            self.failed.emit(Failure(command.kind, f"{type(exc).__name__}: {exc}", traceback.format_exc()))
        if self._predictor is not None and command.kind in ("load", "device", "startup", "saliency", "untrained",
                                                            "preview"):
            self._rerun_last()

    def _rerun_last(self) -> None:
        with self._wake:
            if self._pending is None and self._last is not None:
                self._pending = self._last

    def _startup(self, weights: str | Path | None, device: str) -> None:
        self.progress.emit(_tr("Loading PyTorch…"))
        from fashion_desktop.network.device import configure_cpu_threads

        configure_cpu_threads(leave_for_gui=1)
        self._device_choice = self._choose(device)
        self.progress.emit(_tr("Loading the weights…"))
        self._load(weights)

    def _choose(self, requested: str):
        from fashion_desktop.network.device import choose_device

        return choose_device(requested)

    def _load(self, weights: str | Path | None) -> None:
        from fashion_desktop.network.inference import Predictor
        from fashion_desktop.network.model import load_model

        model, loaded = load_model(weights)  # raises WeightsError; the old predictor is untouched
        predictor = Predictor(model, self._device_choice.device)
        if self._predictor is not None:
            self._predictor.close()
        if self._trained is not None:  # new weights end the untrained view: they are the trained ones now
            self._trained.close()
            self._trained = None
        self._predictor, self._weights = predictor, (loaded, weights is None)
        self.modelReady.emit(self._info())

    def _use_preview(self, state: dict | None, label: str) -> None:
        from fashion_desktop.network.inference import Predictor
        from fashion_desktop.network.model import NeuralNetwork, state_from_numpy

        if state is None or self._device_choice is None:
            self._preview = None
            return
        weights = state_from_numpy(state, label or "the preview weights")  # raises WeightsError
        predictor = self._preview[0] if self._preview is not None else None
        if predictor is None or predictor.device != self._device_choice.device:
            predictor = Predictor(NeuralNetwork(), self._device_choice.device)
        predictor.model.load_state_dict(weights)
        self._preview = (predictor, label)

    def _move(self, requested: str) -> None:
        choice = self._choose(requested)
        if self._predictor is not None:
            try:
                self._predictor.to(choice.device)
            except Exception:  # a device that fails while moving: back to the CPU, then report it
                self._predictor.to("cpu")
                self._device_choice = self._choose("cpu")
                self.modelReady.emit(self._info())
                raise
        self._device_choice = choice
        if self._predictor is not None:
            self.modelReady.emit(self._info())

    def _swap_untrained(self, untrained: bool) -> None:
        from fashion_desktop.network.inference import Predictor
        from fashion_desktop.network.untrained import untrained_network

        if self._predictor is None or untrained == (self._trained is not None):
            return
        if untrained:
            self._trained, self._predictor = self._predictor, Predictor(untrained_network(), self._predictor.device)
        else:
            self._predictor.close()
            self._predictor, self._trained = self._trained.to(self._predictor.device), None
        self.modelReady.emit(self._info())

    def _info(self) -> ModelInfo:
        import torch

        from fashion_desktop.network.device import available_devices
        from fashion_desktop.network.introspect import layer_tree, parameter_table, total_parameters

        model = self._predictor.model
        rows = parameter_table(model)
        devices = available_devices()
        device = self._predictor.device
        description = next((d.description for d in devices if d.name == device.type), device.type)
        loaded, shipped = self._weights
        return ModelInfo(
            tree=layer_tree(model), parameters=rows, total=total_parameters(rows), device=str(device),
            device_description=description, requested_device=self._device_choice.requested,
            device_notice=self._device_choice.notice, devices=devices, weights_path=str(loaded.path),
            weights_sha256=loaded.sha256, weights_notes=tuple(loaded.notes), torch_version=torch.__version__,
            shipped=shipped, untrained=self._trained is not None,
            state={name: p.detach().cpu().numpy().copy() for name, p in model.named_parameters()},
        )

    def _run_request(self, request: Request) -> None:
        self.busy.set()
        try:
            result = self._process(request)
            if result is not None:
                self.resultReady.emit(result)
        finally:
            self.busy.clear()

    def _superseded(self) -> bool:
        """A newer request is waiting: this one's result would be stale before it is shown."""
        with self._lock:
            return self._pending is not None or self._stopping

    def _process(self, request: Request) -> Result | None:
        from fashion_desktop.images.preprocess import prepare_canvas

        try:
            if self.before_request is not None:
                self.before_request(request)
            if request.pixels is not None:
                pixels, inverted, filled = request.pixels, False, False
            else:
                prepared = prepare_canvas(request.grey)
                pixels, inverted, filled = prepared.pixels, prepared.inverted, prepared.filled
        except EmptyImageError as exc:
            self._last = request
            return Result(request.id, empty=True, message=str(exc), created=request.created,
                          finished=time.perf_counter())
        except Exception as exc:
            return self._failed(request, exc)
        if self._superseded():  # checkpoint before the forward pass, like Mandelbrot's restart flag
            self.superseded += 1
            return None
        if self._predictor is None:
            self._last = request  # runs as soon as a model loads
            return Result(request.id, pixels=pixels, inverted=inverted, filled=filled,
                          message=_tr("No weights are loaded. Use Model ▸ Open weights…"),
                          created=request.created, finished=time.perf_counter())
        predictor, preview = self._preview if self._preview is not None else (self._predictor, "")
        from fashion_desktop.network.orientation import face_left

        given = pixels
        try:
            try:
                pixels, mirrored = face_left(predictor, given)
                prediction = predictor.predict(pixels, activations=True)
            except Exception as exc:
                if predictor is not self._predictor or not self._fall_back_to_cpu(exc):
                    raise
                predictor = self._predictor  # rebuilt on the CPU
                pixels, mirrored = face_left(predictor, given)  # the same input, on the CPU
                prediction = predictor.predict(pixels, activations=True)
            self.inferences += 1
        except Exception as exc:
            return self._failed(request, exc, pixels)
        saliency, explained = self._explain(predictor, pixels, prediction.index)
        self._last = request
        return Result(request.id, pixels=pixels, inverted=inverted, filled=filled, mirrored=bool(mirrored),
                      prediction=prediction,
                      created=request.created, finished=time.perf_counter(), saliency=saliency,
                      saliency_class=explained, preview=preview)

    def _explain(self, predictor, pixels: np.ndarray, top: int) -> tuple[np.ndarray | None, int]:
        """Saliency for the chosen class (the top one by default), only while the overlay is on."""
        enabled, chosen = self._saliency
        if not enabled:
            return None, -1
        from fashion_desktop.explain.saliency import gradient_x_input

        index = top if chosen is None else chosen
        try:
            return gradient_x_input(predictor.model, pixels, index), index  # the network that answered
        except Exception as exc:  # the prediction still counts; switch the overlay off and say why once
            self._saliency = (False, None)
            self.failed.emit(Failure("saliency", f"The saliency overlay was switched off: {type(exc).__name__}: {exc}"))
            return None, -1

    def _fall_back_to_cpu(self, exc: Exception) -> bool:
        """A forward pass failed on a GPU (driver reset, illegal access, out of memory): move to the CPU.

        Returns False when the model already ran on the CPU, where there is nothing to fall back to.
        """
        if self._predictor is None or self._predictor.device.type == "cpu" or self._weights is None:
            return False
        from fashion_desktop.network.device import DeviceChoice
        from fashion_desktop.network.inference import Predictor
        from fashion_desktop.network.model import NeuralNetwork

        failed_on = str(self._predictor.device)
        _log.warning("Inference failed on %s; moving the model to the CPU", failed_on, exc_info=exc)
        # Rebuild from the validated CPU copy of the weights: a GPU that failed may not even
        # manage to copy its tensors back.
        model = NeuralNetwork()
        model.load_state_dict(self._weights[0].state_dict)
        old, self._predictor = self._predictor, Predictor(model.eval(), "cpu")
        try:
            old.close()
        except Exception:  # the broken device's hooks are dropped with it either way
            pass
        notice = _tr("{0} failed ({1}); the network now runs on the CPU.").format(
            failed_on, f"{type(exc).__name__}: {exc}".strip()[:200])
        requested = self._device_choice.requested if self._device_choice is not None else "auto"
        self._device_choice = DeviceChoice(self._predictor.device, requested, notice)
        self.deviceFailed.emit(notice)
        self.modelReady.emit(self._info())
        return True

    @staticmethod
    def _failed(request: Request, exc: Exception, pixels: np.ndarray | None = None) -> Result:
        if not isinstance(exc, FashionDesktopError):
            _log.error("Classifying request %d failed", request.id, exc_info=exc)
        message = str(exc) if isinstance(exc, FashionDesktopError) else f"{type(exc).__name__}: {exc}"
        return Result(request.id, pixels=pixels, message=message, created=request.created,
                      finished=time.perf_counter())
