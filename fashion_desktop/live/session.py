"""The model session: the network the window classifies with, and everything that can happen to it.

Why it exists: the model's state machine — start up, load other weights (the old model stays when
they are bad), let a training snapshot answer for a while (preview), move between devices, swap in
the untrained network and back, fall back to the CPU when a GPU fails mid-forward — is the part
most worth testing and least tied to a window. Here it is plain Python and torch, testable without
Qt; the window's worker (`gui/worker.py`) is only a latest-wins mailbox around it.

Not thread-safe: one thread creates the session and makes every call (the worker's thread in the
app, the test's thread in tests). Results come back as plain records (`live.records`); what
happens between calls (the model changed, a device failed, the saliency overlay had to stop) is
told through `SessionEvents` callbacks, which the worker turns into Qt signals.

torch is imported at the top on purpose: the worker imports this module inside its own thread,
once, at start-up, so the window is on screen before torch loads and never waits for it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from fashion_desktop.errors import EmptyImageError
from fashion_desktop.explain import saliency  # by module: tests may replace gradient_x_input
from fashion_desktop.live.quick import prepare_request
from fashion_desktop.live.records import Failure, ModelInfo, Request, Result, failure_result
from fashion_desktop.network.device import DeviceChoice, available_devices, choose_device, configure_cpu_threads
from fashion_desktop.network.familiarity import Familiarity, familiarity_for
from fashion_desktop.network.inference import Prediction, Predictor
from fashion_desktop.network.introspect import layer_tree, parameter_table, total_parameters
from fashion_desktop.network.model import LoadedWeights, NeuralNetwork, load_model, state_from_numpy
from fashion_desktop.network.orientation import face_left
from fashion_desktop.network.untrained import untrained_network

_log = logging.getLogger(__name__)
CPU = torch.device("cpu")


@dataclass(frozen=True)
class Texts:
    """The session's sentences a person reads; the window passes translated ones."""

    no_weights: str = "No weights are loaded. Use Model ▸ Open weights…"
    device_failed: str = "{0} failed ({1}); the network now runs on the CPU."  # device, error
    saliency_off: str = "The saliency overlay was switched off: {0}"  # error


def _ignore(_value: object) -> None:
    pass


@dataclass(frozen=True)
class SessionEvents:
    """What the session reports besides return values; every callback runs in the session's thread."""

    model_changed: Callable[[ModelInfo], None] = _ignore  # after a load, device move, untrained swap, fallback
    device_failed: Callable[[str], None] = _ignore  # a device failed mid-session: the notice
    failed: Callable[[Failure], None] = _ignore  # something stopped on its own (the saliency overlay)


@dataclass(frozen=True)
class _Preview:
    predictor: Predictor
    label: str
    state: dict[str, torch.Tensor]  # a validated CPU copy, to rebuild from if its device fails


def _network(state: Mapping[str, torch.Tensor]) -> NeuralNetwork:
    model = NeuralNetwork()
    model.load_state_dict(state)
    return model.eval()


class ModelSession:
    """Owns the network; one thread calls it. See the module docstring for the state it keeps."""

    def __init__(self, events: SessionEvents | None = None, texts: Texts | None = None) -> None:
        self.events = events or SessionEvents()
        self.texts = texts or Texts()
        self.predictor: Predictor | None = None  # the network that answers (the untrained one while it is on)
        self.choice = DeviceChoice(CPU, "cpu")  # the device in use and why, until `start` picks one
        self.last: Request | None = None  # the newest request worth asking again after a model change
        self.inferences = 0  # forward passes that produced a prediction
        self._weights: LoadedWeights | None = None  # the validated CPU copy of the loaded weights
        self._familiarity: Familiarity | None = None  # fitted for the loaded weights, if any
        self._shipped = True
        self._trained: Predictor | None = None  # the trained network, set aside while the untrained one answers
        self._preview: _Preview | None = None
        self._saliency: tuple[bool, int | None] = (False, None)  # (on, class or None for the top one)

    # ------------------------------------------------------------ state

    @property
    def has_model(self) -> bool:
        return self.predictor is not None

    @property
    def untrained(self) -> bool:
        """The freshly initialised network answers (the trained one is set aside)."""
        return self._trained is not None

    @property
    def preview_label(self) -> str:
        """What answers instead of the loaded model ('' when the loaded model answers)."""
        return self._preview.label if self._preview is not None else ""

    # ------------------------------------------------------------ commands

    def start(self, weights: str | Path | None, device: str = "auto", leave_for_gui: int | None = 1) -> None:
        """Start-up: leave CPU cores for the GUI (None: leave torch's threads alone), pick the device, load."""
        if leave_for_gui is not None:
            configure_cpu_threads(leave_for_gui=leave_for_gui)
        self.choice = choose_device(device)
        self.load(weights)

    def load(self, weights: str | Path | None) -> None:
        """Load a weights file (None: the shipped ones). Raises WeightsError; the old model then stays."""
        model, loaded = load_model(weights)
        # Only weights with a familiarity fitted for them (their checksum) can say "I don't know".
        self._familiarity = familiarity_for(weights, loaded.sha256)
        predictor = Predictor(model, self.choice.device, self._familiarity)
        for old in (self.predictor, self._trained):  # new weights also end the untrained view
            if old is not None:
                old.close()
        self.predictor, self._trained = predictor, None
        self._weights, self._shipped = loaded, weights is None
        self.events.model_changed(self.info())

    def preview(self, state: Mapping[str, np.ndarray] | None, label: str = "") -> None:
        """Answer with these weights (numpy, e.g. a training snapshot) instead of the loaded model; None: stop.

        Raises WeightsError for weights that do not fit the network; the previous preview then stays.
        """
        if state is None:
            self._preview = None
            return
        weights = state_from_numpy(state, label or "the preview weights")
        device = self.choice.device
        old = self._preview
        predictor = old.predictor if old is not None and old.predictor.device == device else None
        if predictor is None:
            predictor = Predictor(NeuralNetwork(), device)
        predictor.model.load_state_dict(weights)
        self._preview = _Preview(predictor, label, weights)

    def move(self, requested: str) -> None:
        """Move to 'auto', 'cpu', 'cuda', 'cuda:N' or 'mps'; an absent device gives the CPU with a notice.

        If moving fails part-way, the networks are rebuilt on the CPU, `model_changed` reports it,
        and the error is raised for the caller to show.
        """
        choice = choose_device(requested)
        if self.predictor is None:
            self.choice = choice
            return
        try:
            for predictor in self._predictors():
                predictor.to(choice.device)
        except Exception as exc:
            _log.warning("Moving the model to %s failed; rebuilding it on the CPU", choice.device, exc_info=True)
            self._rebuild_on_cpu(self._fault_notice(str(choice.device), exc), requested)
            self.events.model_changed(self.info())
            raise
        self.choice = choice
        self.events.model_changed(self.info())

    def use_untrained(self, untrained: bool) -> None:
        """Swap in the freshly initialised network (the trained one is set aside untouched), or swap back."""
        if self.predictor is None or untrained == self.untrained:
            return
        if untrained:
            self._trained, self.predictor = self.predictor, Predictor(untrained_network(), self.predictor.device)
        else:
            assert self._trained is not None
            device = self.predictor.device
            self.predictor.close()
            self.predictor, self._trained = self._trained.to(device), None
        self.events.model_changed(self.info())

    def set_saliency(self, enabled: bool, class_index: int | None = None) -> None:
        """Explain `class_index` (None: the top class) with gradient × input in every result while enabled."""
        self._saliency = (enabled, class_index)

    # ------------------------------------------------------------ answers

    def answer(self, request: Request, superseded: Callable[[], bool] | None = None) -> Result | None:
        """Preprocess, forward once (every stage's output), explain if asked. None: `superseded()` said
        a newer request is waiting, checked after preprocessing and before the forward pass."""
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
        if self.predictor is None:
            self.last = request  # answered as soon as a model loads
            return Result(request.id, pixels=pixels, inverted=inverted, filled=filled, message=self.texts.no_weights,
                          created=request.created, finished=time.perf_counter())
        try:
            predictor, prediction, pixels, mirrored = self._forward(pixels)
        except Exception as exc:
            return failure_result(request, exc, pixels)
        self.inferences += 1
        overlay, explained = self._explain(predictor, pixels, prediction.index)
        self.last = request
        return Result(request.id, pixels=pixels, inverted=inverted, filled=filled, mirrored=mirrored,
                      prediction=prediction, created=request.created, finished=time.perf_counter(), started=started,
                      prepared=prepared, saliency=overlay, saliency_class=explained, preview=self.preview_label)

    def _answering(self) -> Predictor:
        assert self.predictor is not None
        return self._preview.predictor if self._preview is not None else self.predictor

    def _forward(self, given: np.ndarray) -> tuple[Predictor, Prediction, np.ndarray, bool]:
        """One forward pass (a shoe facing right is read mirrored: the pixels used come back too);
        a failure on a GPU moves everything to the CPU and asks again there."""
        predictor = self._answering()
        try:
            pixels, mirrored = face_left(predictor, given)
            return predictor, predictor.predict(pixels, activations=True), pixels, bool(mirrored)
        except Exception as exc:
            if predictor.device.type == "cpu" or self._weights is None:
                raise  # nothing to fall back to
            failed_on = str(predictor.device)
            _log.warning("Inference failed on %s; moving the model to the CPU", failed_on, exc_info=exc)
            notice = self._fault_notice(failed_on, exc)
            self._rebuild_on_cpu(notice, self.choice.requested)
            self.events.device_failed(notice)
            self.events.model_changed(self.info())
        predictor = self._answering()
        pixels, mirrored = face_left(predictor, given)  # the same input, on the CPU
        return predictor, predictor.predict(pixels, activations=True), pixels, bool(mirrored)

    def _explain(self, predictor: Predictor, pixels: np.ndarray, top: int) -> tuple[np.ndarray | None, int]:
        """Saliency for the chosen class (the top one by default), from the network that answered."""
        enabled, chosen = self._saliency
        if not enabled:
            return None, -1
        index = top if chosen is None else chosen
        try:
            return saliency.gradient_x_input(predictor.model, pixels, index), index
        except Exception as exc:  # the prediction still counts; switch the overlay off and say why once
            self._saliency = (False, None)
            self.events.failed(Failure("saliency", self.texts.saliency_off.format(f"{type(exc).__name__}: {exc}")))
            return None, -1

    # ------------------------------------------------------------ devices

    def _predictors(self) -> list[Predictor]:
        found = [self.predictor, self._trained, self._preview.predictor if self._preview else None]
        return [p for p in found if p is not None]

    def _fault_notice(self, device: str, exc: BaseException) -> str:
        return self.texts.device_failed.format(device, f"{type(exc).__name__}: {exc}".strip()[:200])

    def _rebuild_on_cpu(self, notice: str, requested: str) -> None:
        """Rebuild every network on the CPU from validated CPU copies: a GPU that failed may not even
        manage to copy its tensors back. The untrained network is rebuilt from its fixed seed."""
        assert self._weights is not None
        old = self._predictors()
        trained = Predictor(_network(self._weights.state_dict), CPU, self._familiarity)
        if self._trained is not None:
            self.predictor, self._trained = Predictor(untrained_network(), CPU), trained
        else:
            self.predictor = trained
        if self._preview is not None:
            self._preview = _Preview(Predictor(_network(self._preview.state), CPU), self._preview.label,
                                     self._preview.state)
        for predictor in old:
            try:
                predictor.close()
            except Exception:  # the broken device's resources go with it either way
                _log.debug("Closing a predictor on the failed device failed", exc_info=True)
        self.choice = DeviceChoice(CPU, requested, notice)

    # ------------------------------------------------------------ what the panels show

    def info(self) -> ModelInfo:
        """The model in use, as plain data (numpy copies of the parameters) for the panels."""
        assert self.predictor is not None and self._weights is not None
        model = self.predictor.model
        rows = parameter_table(model)
        devices = available_devices()
        device = self.predictor.device
        description = next((d.description for d in devices if d.name == device.type), device.type)
        loaded = self._weights
        return ModelInfo(
            tree=layer_tree(model), parameters=rows, total=total_parameters(rows), device=str(device),
            device_description=description, requested_device=self.choice.requested,
            device_notice=self.choice.notice, devices=devices, weights_path=str(loaded.path),
            weights_sha256=loaded.sha256, weights_notes=tuple(loaded.notes), torch_version=torch.__version__,
            shipped=self._shipped, untrained=self.untrained,
            state={name: p.detach().cpu().numpy().copy() for name, p in model.named_parameters()},
        )
