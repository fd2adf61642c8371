"""The tutorial's network evaluated with numpy, from weights read without torch.

Why: `import torch` takes seconds, but the network is three small matrix products on 784
numbers. While the window's worker is still importing torch, this answers the strokes (then the
torch model on the chosen device takes over), and `predict` on the CPU never imports torch.
The torch `Predictor` remains the model of record: the device menu, GPUs, saliency, see-inside
and training use it. A test holds both equal within 1e-5 on the samples and on random inputs.

Weights are read as `network.model.read_weights` reads them (same size limits, same shapes, the
model card's checksum for the shipped file), through `torch_zip` for `.pth` and
`safetensors.numpy` for `.safetensors`; anything that reader cannot take raises `WeightsError`,
and the caller falls back to torch, whose loader then words the error for the person.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from fashion_desktop.errors import WeightsError
from fashion_desktop.network.architecture import (
    EXPECTED_SHAPES,
    MAX_WEIGHTS_BYTES,
    default_weights_path,
    shipped_weights_sha256,
)
from fashion_desktop.network.familiarity import Familiarity
from fashion_desktop.network.prediction import STAGES, Prediction
from fashion_desktop.network.torch_zip import UnsupportedWeights, read_state_dict

ENGINE = "numpy"


@dataclass(frozen=True)
class NumpyWeights:
    """Validated float32 arrays of the network's state_dict, and the file they came from."""

    arrays: dict[str, np.ndarray]
    path: Path
    sha256: str


def _unwrap(obj: Mapping) -> Mapping:
    for key in ("model_state_dict", "state_dict", "model"):
        inner = obj.get(key)
        if isinstance(inner, Mapping) and not isinstance(obj.get("linear_relu_stack.0.weight"), np.ndarray):
            return inner
    return obj


def validate_arrays(raw: Mapping, name: str = "the weights") -> dict[str, np.ndarray]:
    """The six expected arrays as float32, checked for names, shapes and finite values."""
    keys = {str(k).removeprefix("module.").removeprefix("_orig_mod."): v for k, v in raw.items()}
    if set(keys) != set(EXPECTED_SHAPES):
        raise WeightsError(f"{name} does not fit the tutorial's NeuralNetwork (its keys differ).")
    clean = {}
    for key, shape in EXPECTED_SHAPES.items():
        value = keys[key]
        if not isinstance(value, np.ndarray) or value.shape != shape or value.dtype.kind != "f":
            raise WeightsError(f"{name}: {key} is not a floating-point array of shape {shape}.")
        array = np.ascontiguousarray(value, dtype=np.float32)
        if not np.isfinite(array).all():
            raise WeightsError(f"{name}: {key} contains NaN or infinite values.")
        clean[key] = array
    return clean


def read_numpy_weights(path: str | Path | None = None) -> NumpyWeights:
    """Read a weights file without torch (None: the shipped one, checked against the model card)."""
    shipped = path is None
    path = default_weights_path() if path is None else Path(path)
    try:
        if path.stat().st_size > MAX_WEIGHTS_BYTES:
            raise WeightsError(f"{path.name} is far too large for this network.")
        data = path.read_bytes()
    except OSError as exc:
        raise WeightsError(f"Cannot read weights file {path}: {exc.strerror or exc}.") from exc
    digest = hashlib.sha256(data).hexdigest()
    expected = shipped_weights_sha256() if shipped else None
    if expected and digest != expected:
        raise WeightsError(f"{path} does not match the model card's checksum.")
    try:
        if path.suffix.lower() == ".safetensors":
            from safetensors.numpy import load as load_safetensors

            raw: Mapping = load_safetensors(data)
        else:
            raw = read_state_dict(data)
    except UnsupportedWeights as exc:
        raise WeightsError(f"{path.name} cannot be read without PyTorch ({exc}).") from exc
    except Exception as exc:  # safetensors raises its own types for damaged files
        raise WeightsError(f"{path.name} cannot be read without PyTorch ({type(exc).__name__}).") from exc
    return NumpyWeights(validate_arrays(_unwrap(raw), path.name), path, digest)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


class NumpyNetwork:
    """Flatten, Linear-ReLU-Linear-ReLU-Linear, softmax: `Predictor`'s answers, computed with numpy."""

    def __init__(self, arrays: Mapping[str, np.ndarray], familiarity: Familiarity | None = None) -> None:
        self.familiarity = familiarity  # as `Predictor`'s: scored on the second ReLU's output
        arrays = validate_arrays(arrays)
        # transposed once, so each layer is one (N, in) @ (in, out) product
        self._layers = [(np.ascontiguousarray(arrays[f"linear_relu_stack.{i}.weight"].T),
                         arrays[f"linear_relu_stack.{i}.bias"]) for i in (0, 2, 4)]

    def forward(self, images: np.ndarray, activations: bool = False) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """(N, 28, 28) or (28, 28) → probabilities (N, 10) and, if asked, every stage's output (N, …)."""
        x = np.asarray(images, dtype=np.float32)
        if x.ndim == 2:
            x = x[None]
        if x.shape[-2:] != (28, 28):
            raise ValueError(f"expected 28×28 images, got shape {x.shape}")
        flat = x.reshape(len(x), 784)
        (w1, b1), (w2, b2), (w3, b3) = self._layers
        linear1 = flat @ w1 + b1
        relu1 = np.maximum(linear1, 0.0)
        linear2 = relu1 @ w2 + b2
        relu2 = np.maximum(linear2, 0.0)
        logits = relu2 @ w3 + b3
        probabilities = _softmax(logits)
        if not activations:
            return probabilities, {}
        outputs = (flat, linear1, relu1, linear2, relu2, logits, probabilities)
        return probabilities, {name: out for (name, _), out in zip(STAGES, outputs)}

    def predict(self, image: np.ndarray, activations: bool = True) -> Prediction:
        """One 28×28 image → its Prediction, as `Predictor.predict` gives it (engine "numpy")."""
        start = time.perf_counter()
        probabilities, stages = self.forward(image, activations or self.familiarity is not None)
        familiarity, calibrated = self.familiar(stages)
        probs = probabilities[0]
        return Prediction(probabilities=probs, index=int(probs.argmax()),
                          activations={name: array[0] for name, array in stages.items()} if activations else {},
                          device="cpu", milliseconds=(time.perf_counter() - start) * 1000.0,
                          familiarity=None if familiarity is None else float(familiarity[0]),
                          calibrated=None if calibrated is None else calibrated[0], engine=ENGINE)

    def familiar(self, stages: dict[str, np.ndarray]) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(familiarity (N,), calibrated probabilities (N, 10)) from `forward(..., activations=True)`'s
        stages, as `Predictor` computes them; (None, None) without a Familiarity."""
        if self.familiarity is None:
            return None, None
        pixels = stages["flatten"]
        return (self.familiarity.familiarity(stages["linear_relu_stack.3"], pixels.reshape(len(pixels), 28, 28),
                                             stages["linear_relu_stack.4"]),
                self.familiarity.calibrated(stages["linear_relu_stack.4"]))
