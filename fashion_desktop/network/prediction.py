"""What one forward pass produced, as plain data: no torch, so any thread or module can hold it.

Both evaluators make these: the torch `Predictor` (network/inference.py) and the numpy one that
answers while torch is still importing (network/numpy_net.py). The stage names are the
network's module paths, in the order the tutorial explains them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from fashion_desktop.classes import CLASS_NAMES

# Stage name → what it is. "logits" is the last Linear's output.
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
    # With a Familiarity (network/familiarity.py): how much the input looks like what the network
    # learned (0–1; below 0.5 it is flagged as unfamiliar) and the temperature-calibrated probabilities.
    familiarity: float | None = None
    calibrated: np.ndarray | None = None
    engine: str = "torch"  # what computed it: "torch", or "numpy" while PyTorch is still loading

    @property
    def familiar(self) -> bool | None:
        """False when the input does not look like a garment the network knows; None when unknown."""
        return None if self.familiarity is None else self.familiarity >= 0.5

    @property
    def label(self) -> str:
        return CLASS_NAMES[self.index]

    @property
    def confidence(self) -> float:
        return float(self.probabilities[self.index])
