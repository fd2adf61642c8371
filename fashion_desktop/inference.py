"""The Predictor: one forward pass → probabilities, top class and every layer's output.

Activations are collected with forward hooks in the order the tutorial walks through the
network (flatten, each Linear, each ReLU, logits, softmax). Outputs leave as numpy arrays so
they can cross threads; no autograd state is ever built.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.model import NeuralNetwork

# Stage name → (module path or None, what it is). "logits" is the last Linear's output.
STAGES: tuple[tuple[str, str], ...] = (
    ("flatten", "Flatten: 28×28 → 784"),
    ("linear_relu_stack.0", "Linear 784 → 512"),
    ("linear_relu_stack.1", "ReLU"),
    ("linear_relu_stack.2", "Linear 512 → 512"),
    ("linear_relu_stack.3", "ReLU"),
    ("linear_relu_stack.4", "Linear 512 → 10 (logits)"),
    ("softmax", "Softmax → probabilities"),
)


@dataclass(frozen=True)
class Prediction:
    """One image's result, as plain data."""

    probabilities: np.ndarray  # (10,), sums to 1
    index: int
    activations: dict[str, np.ndarray] = field(default_factory=dict)  # stage → 1-D array
    device: str = "cpu"
    milliseconds: float = 0.0

    @property
    def label(self) -> str:
        return CLASS_NAMES[self.index]

    @property
    def confidence(self) -> float:
        return float(self.probabilities[self.index])


@dataclass(frozen=True)
class BatchPrediction:
    """A batch's results: probabilities (N, 10) and, if asked, activations stage → (N, …)."""

    probabilities: np.ndarray
    activations: dict[str, np.ndarray]
    device: str
    milliseconds: float

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
        )


class Predictor:
    """Runs a `NeuralNetwork` on one device. Not thread-safe: keep it in one thread."""

    def __init__(self, model: NeuralNetwork, device: torch.device | str = "cpu") -> None:
        self.device = torch.device(device)
        self.model = model.to(self.device).eval()
        self.softmax = nn.Softmax(dim=1)
        self._captured: dict[str, torch.Tensor] | None = None
        self._hooks = [self._hook(name) for name, _ in STAGES if name != "softmax"]

    def _hook(self, name: str) -> torch.utils.hooks.RemovableHandle:
        module = self.model.get_submodule(name)

        def capture(_module: nn.Module, _inputs: tuple, output: torch.Tensor) -> None:
            if self._captured is not None:
                self._captured[name] = output

        return module.register_forward_hook(capture)

    def to(self, device: torch.device | str) -> Predictor:
        """Move the model (e.g. after the user picks another device)."""
        self.device = torch.device(device)
        self.model.to(self.device)
        return self

    def close(self) -> None:
        for handle in self._hooks:
            handle.remove()
        self._hooks = []

    def as_tensor(self, images: np.ndarray | torch.Tensor) -> torch.Tensor:
        """(N, 28, 28) or (28, 28) floats in [0, 1] → a batch on the device."""
        tensor = torch.as_tensor(images, dtype=torch.float32)
        if tensor.dim() == 2:
            tensor = tensor.unsqueeze(0)
        if tensor.shape[-2:] != (28, 28):
            raise ValueError(f"expected 28×28 images, got shape {tuple(tensor.shape)}")
        return tensor.to(self.device, non_blocking=True)

    @torch.inference_mode()
    def predict_batch(self, images: np.ndarray | torch.Tensor, activations: bool = False) -> BatchPrediction:
        """Forward once; with `activations`, also every stage's output."""
        start = time.perf_counter()
        x = self.as_tensor(images)
        self._captured = {} if activations else None
        try:
            logits = self.model(x)
            probabilities = self.softmax(logits)
            captured = self._captured or {}
        finally:
            self._captured = None
        stages: dict[str, np.ndarray] = {}
        if activations:
            captured["softmax"] = probabilities
            stages = {name: captured[name].detach().cpu().numpy() for name, _ in STAGES}
        probs = probabilities.detach().cpu().numpy()
        return BatchPrediction(probs, stages, str(self.device), (time.perf_counter() - start) * 1000.0)

    def predict(self, image: np.ndarray, activations: bool = True) -> Prediction:
        """One 28×28 image → its Prediction (with activations by default, for the panels)."""
        return self.predict_batch(image[None] if image.ndim == 2 else image, activations).item(0)
