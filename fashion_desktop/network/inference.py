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
from functools import partial

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from fashion_desktop.network.familiarity import Familiarity
from fashion_desktop.network.model import NeuralNetwork
from fashion_desktop.network.prediction import STAGES, Prediction

__all__ = ["STAGES", "BatchPrediction", "Prediction", "Predictor"]

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
    place) are seen by the next call.
    """
    if type(module) is nn.Linear:
        return partial(F.linear, weight=module.weight, bias=module.bias)
    if type(module) is nn.ReLU:
        return torch.relu
    if type(module) is nn.Flatten:
        return partial(torch.flatten, start_dim=module.start_dim, end_dim=module.end_dim)
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
        self.model = model.to(self.device).eval()
        modules: list[tuple[str, nn.Module]] = [("flatten", model.flatten)]
        modules += [(f"linear_relu_stack.{i}", m) for i, m in enumerate(model.linear_relu_stack)]
        if [name for name, _ in modules] != [name for name, _ in STAGES[:-1]]:
            raise ValueError("the network's layers are not the tutorial's")
        self._stages = [(name, _stage_operation(module)) for name, module in modules]

    def to(self, device: torch.device | str) -> Predictor:
        """Move the model (e.g. after the user picks another device)."""
        self.device = torch.device(device)
        self.model.to(self.device)
        return self

    def close(self) -> None:
        """Nothing to release; kept so callers can treat predictors as resources."""

    def as_tensor(self, images: np.ndarray | torch.Tensor) -> torch.Tensor:
        """(N, 28, 28) or (28, 28) floats in [0, 1] → a batch on the device."""
        flags = getattr(images, "flags", None)
        if flags is not None and images.dtype == np.float32 and flags.c_contiguous and flags.writeable:
            tensor = torch.from_numpy(images)  # no copy: the common case, at every stroke
        elif isinstance(images, torch.Tensor):
            tensor = images.to(torch.float32)
        else:  # a copy: read-only, strided or non-float input
            tensor = torch.from_numpy(np.array(images, dtype=np.float32))
        if tensor.dim() == 2:
            tensor = tensor.unsqueeze(0)
        if tensor.shape[-2:] != (28, 28):
            raise ValueError(f"expected 28×28 images, got shape {tuple(tensor.shape)}")
        return tensor if self.device.type == "cpu" else tensor.to(self.device, non_blocking=True)

    def predict_batch(self, images: np.ndarray | torch.Tensor, activations: bool = False) -> BatchPrediction:
        """Forward once; with `activations`, also every stage's output."""
        start = time.perf_counter()
        with torch.inference_mode():
            x = self.as_tensor(images)
            outputs: list[torch.Tensor] = []
            hidden = pixels = x
            for i, (_name, operation) in enumerate(self._stages):
                x = operation(x)
                if i == 4:
                    hidden = x  # the second ReLU's output: what familiarity is measured on
                if activations:
                    outputs.append(x)
            probabilities = torch.softmax(x, dim=1)
            familiarity = calibrated = None
            if self.familiarity is not None:
                familiarity = self.familiarity.familiarity(hidden.cpu().numpy(), pixels.cpu().numpy(), x.cpu().numpy())
                calibrated = self.familiarity.calibrated(x.cpu().numpy())
            if activations:
                outputs.append(probabilities)
                if self.device.type == "cpu":
                    arrays = [t.numpy() for t in outputs]
                else:  # one device→host copy instead of seven
                    joined = torch.cat(outputs, dim=1).cpu().numpy()
                    arrays = np.split(joined, np.cumsum([t.shape[1] for t in outputs])[:-1], axis=1)
                stages = {name: array for (name, _), array in zip(STAGES, arrays)}
                probs = stages["softmax"]
            else:
                stages = {}
                probs = probabilities.cpu().numpy()
        return BatchPrediction(probs, stages, str(self.device), (time.perf_counter() - start) * 1000.0,
                               familiarity, calibrated)

    def top_classes(self, images: np.ndarray | torch.Tensor) -> np.ndarray:
        """Only each input's top class: what the shoe-orientation check asks at every stroke, without
        the familiarity score (most of a batch-1 forward's cost) it would throw away."""
        with torch.inference_mode():
            x = self.as_tensor(images)
            for _name, operation in self._stages:
                x = operation(x)
            return torch.softmax(x, dim=1).cpu().numpy().argmax(axis=1)  # as `BatchPrediction.indices`

    def predict(self, image: np.ndarray, activations: bool = True) -> Prediction:
        """One 28×28 image → its Prediction (with activations by default, for the panels)."""
        batch = self.predict_batch(image[None] if image.ndim == 2 else image, activations)
        probabilities = batch.probabilities[0]
        return Prediction(probabilities=probabilities, index=int(probabilities.argmax()),
                          activations={name: array[0] for name, array in batch.activations.items()},
                          device=batch.device, milliseconds=batch.milliseconds,
                          familiarity=None if batch.familiarity is None else float(batch.familiarity[0]),
                          calibrated=None if batch.calibrated is None else batch.calibrated[0])
