"""The Predictor: one forward pass → probabilities, top class and every layer's output.

The forward pass walks the network's stages in the order the tutorial explains them (flatten,
each Linear, each ReLU, logits, softmax), calling each stage's own operation directly, so every
stage's output is at hand without forward hooks. Hooks (and `nn.Module.__call__`) cost more
than the arithmetic at batch 1: about 2× a bare chain of matmuls on CPU, measured by
`fashion-desktop bench`. A test holds the walk equal to `model(x)` and to what hooks capture.
Outputs leave as numpy arrays so they can cross threads; no autograd state is ever built.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from fashion_desktop.network.familiarity import Familiarity
from fashion_desktop.network.model import NeuralNetwork
from fashion_desktop.network.prediction import STAGES, Prediction

__all__ = ["STAGES", "BatchPrediction", "Prediction", "Predictor"]

_STAGE_NAMES = tuple(name for name, _ in STAGES)

@dataclass(frozen=True)
class BatchPrediction:
    """A batch's results: probabilities (N, 10) and, if asked, activations stage → (N, …)."""

    probabilities: np.ndarray
    activations: dict[str, np.ndarray]
    device: str
    milliseconds: float
    familiarity: np.ndarray | None = None  # (N,) in 0–1, with a Familiarity
    calibrated: np.ndarray | None = None  # (N, 10) temperature-scaled probabilities, with a Familiarity

    @property
    def familiar(self) -> np.ndarray | None:
        return None if self.familiarity is None else self.familiarity >= 0.5

    @property
    def indices(self) -> np.ndarray:
        return self.probabilities.argmax(axis=1)

    def __len__(self) -> int:
        return len(self.probabilities)

    def item(self, i: int) -> Prediction:
        return Prediction(
            probabilities=self.probabilities[i],
            index=int(self.probabilities[i].argmax()),
            activations={k: v[i] for k, v in self.activations.items()},
            device=self.device,
            milliseconds=self.milliseconds,
            familiarity=None if self.familiarity is None else float(self.familiarity[i]),
            calibrated=None if self.calibrated is None else self.calibrated[i],
        )


def _stage_operation(module: nn.Module) -> Callable[[torch.Tensor], torch.Tensor]:
    """The module's computation without `Module.__call__`'s bookkeeping.

    Parameters are bound as objects, so `load_state_dict` and `.to(device)` (which update them in
    place) are seen by the next call. Arguments go by position: keyword parsing is measurable here.
    """
    if type(module) is nn.Linear:
        weight, bias = module.weight, module.bias
        if bias is not None:  # what F.linear does with a batch and a bias, without its dispatch (~2 µs a call)
            return lambda x: torch.addmm(bias, x, weight.t())
        return lambda x: F.linear(x, weight)
    if type(module) is nn.ReLU:
        return torch.relu
    if type(module) is nn.Flatten:
        start, end = module.start_dim, module.end_dim
        return lambda x: torch.flatten(x, start, end)
    return module.forward


class Predictor:
    """Runs a `NeuralNetwork` on one device. Not thread-safe: keep it in one thread.

    With `familiarity` (the one fitted for these weights), every result also says how familiar
    the input looks and carries temperature-calibrated probabilities.
    """

    def __init__(self, model: NeuralNetwork, device: torch.device | str = "cpu",
                 familiarity: Familiarity | None = None) -> None:
        self.familiarity = familiarity
        self.device = torch.device(device)
        self.model = model.eval()
        self.to(self.device)
        modules: list[tuple[str, nn.Module]] = [("flatten", model.flatten)]
        modules += [(f"linear_relu_stack.{i}", m) for i, m in enumerate(model.linear_relu_stack)]
        if [name for name, _ in modules] != [name for name, _ in STAGES[:-1]]:
            raise ValueError("the network's layers are not the tutorial's")
        self._operations = [_stage_operation(module) for _, module in modules]
        first = model.linear_relu_stack[0]
        widths: list[int] = [first.in_features if isinstance(first, nn.Linear) else 784]  # flatten's output
        for module in model.linear_relu_stack:
            widths.append(module.out_features if isinstance(module, nn.Linear) else widths[-1])
        widths.append(widths[-1])  # softmax
        self._columns: list[slice] = []  # where each stage sits in the joined copy (`_joined`)
        end = 0
        for width in widths:
            self._columns.append(slice(end, end + width))
            end += width

    def to(self, device: torch.device | str) -> Predictor:
        """Move the model (e.g. after the user picks another device)."""
        self.device = torch.device(device)
        self.model.to(self.device)
        self._device_name, self._on_cpu = str(self.device), self.device.type == "cpu"  # read at every call
        return self

    def close(self) -> None:
        """Nothing to release; kept so callers can treat predictors as resources."""

    def as_tensor(self, images: np.ndarray | torch.Tensor) -> torch.Tensor:
        """(N, 28, 28) or (28, 28) floats in [0, 1] → a batch on the device."""
        if not isinstance(images, (np.ndarray, torch.Tensor)):
            images = np.asarray(images, dtype=np.float32)
        if tuple(images.shape[-2:]) != (28, 28):
            raise ValueError(f"expected 28×28 images, got shape {tuple(images.shape)}")
        if isinstance(images, torch.Tensor):
            tensor = images.to(torch.float32)
        else:
            flags = images.flags
            if images.dtype == np.float32 and flags.c_contiguous and flags.writeable:
                tensor = torch.from_numpy(images)  # no copy: the common case, at every stroke
            else:  # a copy: read-only, strided or non-float input
                tensor = torch.from_numpy(np.array(images, dtype=np.float32))
        if tensor.dim() == 2:
            tensor = tensor.unsqueeze(0)
        return tensor if self._on_cpu else tensor.to(self.device, non_blocking=True)

    def _forward(self, pixels: torch.Tensor) -> list[torch.Tensor]:
        """Every stage's output in `STAGES` order, softmax last (inside inference mode)."""
        outputs = []
        x = pixels
        for operation in self._operations:
            x = operation(x)
            outputs.append(x)
        outputs.append(torch.softmax(x, dim=1))
        return outputs

    def _familiarity(self, pixels: torch.Tensor, outputs: list[torch.Tensor]
                     ) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(familiarity, calibrated probabilities), or (None, None) without a Familiarity."""
        if self.familiarity is None:
            return None, None
        logits = outputs[-2].cpu().numpy()
        # the second ReLU's output is what familiarity is measured on
        return (self.familiarity.familiarity(outputs[4].cpu().numpy(), pixels.cpu().numpy(), logits),
                self.familiarity.calibrated(logits))

    def _joined(self, outputs: list[torch.Tensor]) -> np.ndarray:
        """The stages' outputs side by side in one array (`self._columns` finds each): at batch 1
        each tensor's own `.numpy()` (and off the CPU, each device→host copy) costs more than this copy."""
        return torch.cat(outputs, dim=1).cpu().numpy()

    def predict_batch(self, images: np.ndarray | torch.Tensor, activations: bool = False) -> BatchPrediction:
        """Forward once; with `activations`, also every stage's output."""
        start = time.perf_counter()
        with torch.inference_mode():
            pixels = self.as_tensor(images)
            outputs = self._forward(pixels)
            familiarity, calibrated = self._familiarity(pixels, outputs)
            if activations:
                joined = self._joined(outputs)
                stages = {name: joined[:, columns] for name, columns in zip(_STAGE_NAMES, self._columns)}
                probs = stages["softmax"]
            else:
                stages = {}
                probs = outputs[-1].cpu().numpy()
        return BatchPrediction(probs, stages, self._device_name, (time.perf_counter() - start) * 1000.0,
                               familiarity, calibrated)

    def top_classes(self, images: np.ndarray | torch.Tensor) -> np.ndarray:
        """Only each input's top class: what the shoe-orientation check asks at every stroke, without
        the familiarity score (most of a batch-1 forward's cost) it would throw away."""
        with torch.inference_mode():
            x = self.as_tensor(images)
            for operation in self._operations:
                x = operation(x)
            return torch.softmax(x, dim=1).cpu().numpy().argmax(axis=1)  # as `BatchPrediction.indices`

    def predict(self, image: np.ndarray, activations: bool = True) -> Prediction:
        """One 28×28 image → its Prediction (with activations by default, for the panels).

        The window's path at every stroke, so it goes straight to a `Prediction` without the
        batch's intermediate objects (`fashion-desktop bench` measures it against bare matmuls).
        """
        start = time.perf_counter()
        with torch.inference_mode():
            pixels = self.as_tensor(image[None] if image.ndim == 2 else image)
            outputs = self._forward(pixels)
            familiarity, calibrated = self._familiarity(pixels, outputs)
            if activations:
                joined = self._joined(outputs)[0]
                stages = {name: joined[columns] for name, columns in zip(_STAGE_NAMES, self._columns)}
                probabilities = stages["softmax"]
            else:
                stages = {}
                probabilities = outputs[-1].cpu().numpy()[0]
        return Prediction(probabilities=probabilities, index=int(probabilities.argmax()), activations=stages,
                          device=self._device_name, milliseconds=(time.perf_counter() - start) * 1000.0,
                          familiarity=None if familiarity is None else float(familiarity[0]),
                          calibrated=None if calibrated is None else calibrated[0])
