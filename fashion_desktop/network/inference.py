"""The Predictor: one forward pass → probabilities, top class and every layer's output.

The forward pass walks the network's stages in the order the tutorial explains them (flatten,
each Linear, each ReLU, logits, softmax), written out as the operations themselves, so every
stage's output is at hand without forward hooks. Hooks (and `nn.Module.__call__`) cost more
than the arithmetic at batch 1: about 2× a bare chain of matmuls on CPU, measured by
`fashion-desktop bench`. A test holds the walk equal to `model(x)` and to what hooks capture.
Outputs leave as numpy arrays so they can cross threads; no autograd state is ever built.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from fashion_desktop.network.familiarity import Familiarity
from fashion_desktop.network.model import NeuralNetwork
from fashion_desktop.network.prediction import STAGES, Prediction

__all__ = ["STAGES", "BatchPrediction", "Prediction", "Predictor"]

_STAGE_NAMES = tuple(name for name, _ in STAGES)
_FLOAT32 = np.dtype(np.float32)

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


def _linear_layers(model: NeuralNetwork) -> list[nn.Linear]:
    """The three Linear layers, after checking the stack is the tutorial's (Linear with a bias and
    ReLU, alternating): the forward pass below is written out for exactly that network."""
    stack = list(model.linear_relu_stack)
    expected = [nn.Linear, nn.ReLU, nn.Linear, nn.ReLU, nn.Linear]
    if ([type(m) for m in stack] != expected or type(model.flatten) is not nn.Flatten
            or any(m.bias is None for m in stack if isinstance(m, nn.Linear))):
        raise ValueError("the network's layers are not the tutorial's")
    return [m for m in stack if isinstance(m, nn.Linear)]


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
        self._linears = _linear_layers(model)
        self.to(self.device)
        first, second, last = self._linears
        widths = [first.in_features, first.out_features, first.out_features, second.out_features,
                  second.out_features, last.out_features, last.out_features]  # STAGES' order
        self._columns: tuple[tuple[str, slice], ...] = ()  # where each stage sits in the joined copy (`_joined`)
        end = 0
        for name, width in zip(_STAGE_NAMES, widths):
            self._columns += ((name, slice(end, end + width)),)
            end += width

    def to(self, device: torch.device | str) -> Predictor:
        """Move the model (e.g. after the user picks another device)."""
        self.device = torch.device(device)
        self.model.to(self.device)
        self._device_name, self._on_cpu = str(self.device), self.device.type == "cpu"  # read at every call
        # Each weight transposed once, as a view: `load_state_dict` copies into the parameters in
        # place, so the views see new weights; moving to a device replaces the storage, so they are
        # made again here. Keep the model on its device through this method.
        self._weights = tuple((layer.weight.detach().t(), layer.bias.detach()) for layer in self._linears)
        return self

    def close(self) -> None:
        """Nothing to release; kept so callers can treat predictors as resources."""

    def as_tensor(self, images: np.ndarray | torch.Tensor) -> torch.Tensor:
        """(N, 28, 28) or (28, 28) floats in [0, 1] → a batch on the device."""
        if type(images) is np.ndarray and images.dtype == _FLOAT32 and images.shape[-2:] == (28, 28):
            flags = images.flags
            if flags.c_contiguous and flags.writeable:  # the common case, at every stroke: no copy
                tensor = torch.from_numpy(images[None] if images.ndim == 2 else images)
                return tensor if self._on_cpu else tensor.to(self.device, non_blocking=True)
        if not isinstance(images, (np.ndarray, torch.Tensor)):
            images = np.asarray(images, dtype=np.float32)
        if tuple(images.shape[-2:]) != (28, 28):
            raise ValueError(f"expected 28×28 images, got shape {tuple(images.shape)}")
        if isinstance(images, torch.Tensor):
            tensor = images.to(torch.float32)
        else:  # a copy: read-only, strided or non-float input
            tensor = torch.from_numpy(np.array(images, dtype=np.float32))
        if tensor.dim() == 2:
            tensor = tensor.unsqueeze(0)
        return tensor if self._on_cpu else tensor.to(self.device, non_blocking=True)

    def _forward(self, pixels: torch.Tensor) -> list[torch.Tensor]:
        """Every stage's output in `STAGES` order, softmax last (inside inference mode).

        Written out as the bench's floor is: at batch 1 every Python step after a matmul runs
        with cold caches, and a loop over the stages cost ~10 µs of a ~110 µs call. Each Linear is
        `addmm(bias, x, weightᵀ)`, what `F.linear` does for a batch with a bias, bit for bit.
        """
        (w1, b1), (w2, b2), (w3, b3) = self._weights
        flat = pixels.flatten(1)
        hidden1 = torch.addmm(b1, flat, w1)
        relu1 = torch.relu(hidden1)
        hidden2 = torch.addmm(b2, relu1, w2)
        relu2 = torch.relu(hidden2)
        logits = torch.addmm(b3, relu2, w3)
        return [flat, hidden1, relu1, hidden2, relu2, logits, torch.softmax(logits, dim=1)]

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
                stages = {name: joined[:, columns] for name, columns in self._columns}
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
            return self._forward(self.as_tensor(images))[-1].cpu().numpy().argmax(axis=1)  # as `BatchPrediction.indices`

    def predict(self, image: np.ndarray, activations: bool = True) -> Prediction:
        """One 28×28 image → its Prediction (with activations by default, for the panels).

        The window's path at every stroke, so it goes straight to a `Prediction` without the
        batch's intermediate objects (`fashion-desktop bench` measures it against bare matmuls).
        """
        start = time.perf_counter()
        with torch.inference_mode():
            pixels = self.as_tensor(image)
            outputs = self._forward(pixels)
            joined = self._joined(outputs)[0] if activations else outputs[-1].cpu().numpy()[0]
            familiarity, calibrated = self._familiarity(pixels, outputs)
        if activations:  # every step here costs several times its cost in a warm loop (see `_forward`)
            stages = {name: joined[columns] for name, columns in self._columns}
            probabilities = stages["softmax"]
        else:
            stages, probabilities = {}, joined
        return Prediction(probabilities=probabilities, index=int(probabilities.argmax()), activations=stages,
                          device=self._device_name, milliseconds=(time.perf_counter() - start) * 1000.0,
                          familiarity=None if familiarity is None else float(familiarity[0]),
                          calibrated=None if calibrated is None else calibrated[0])
