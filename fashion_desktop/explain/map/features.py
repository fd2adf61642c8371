"""Which stages of the network a map can show, and their activations for many images at once.

A stage is named as a person reads the tutorial's network: the input pixels, after the first
ReLU, after the second ReLU, the logits. The Predictor's stage names stay behind this table.
Activations are collected in chunks so a 10,000-image pass reports progress and can stop
between chunks; the forward pass itself is the caller's (`forward(batch) -> {stage: array}`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping

import numpy as np

# map stage → (the Predictor's stage that holds it, what it is)
STAGES: dict[str, tuple[str, str]] = {
    "input": ("flatten", "the input pixels (784)"),
    "relu1": ("linear_relu_stack.1", "after the first ReLU (512)"),
    "relu2": ("linear_relu_stack.3", "after the second ReLU (512)"),
    "logits": ("linear_relu_stack.4", "the logits (10)"),
}
DEFAULT_STAGE = "relu2"

Forward = Callable[[np.ndarray], Mapping[str, np.ndarray]]


def check_stage(stage: str) -> str:
    """`stage` if it is one of STAGES, else a ValueError naming the choices."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; choose one of {', '.join(STAGES)}")
    return stage


def stage_vector(stage: str, activations: Mapping[str, np.ndarray], pixels: np.ndarray | None = None) -> np.ndarray:
    """One image's activations of `stage` as a 1-D float32 array (the input stage may come from `pixels`)."""
    name = STAGES[check_stage(stage)][0]
    if name in activations:
        return np.asarray(activations[name], np.float32).reshape(-1)
    if stage == "input" and pixels is not None:
        return np.asarray(pixels, np.float32).reshape(-1)
    raise KeyError(f"the activations hold no {name!r} (stage {stage})")


def stage_features(forward: Forward, images: np.ndarray, stages: tuple[str, ...] = (DEFAULT_STAGE,),
                   chunk: int = 1000, progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> tuple[dict[str, np.ndarray], np.ndarray] | None:
    """Activations {stage: (N, D) float32} and predicted classes (N,) for uint8 images (N, 28, 28).

    `forward` maps float32 images in [0, 1] to the Predictor's stage outputs, including "softmax";
    `progress(done, total)` runs after each chunk. None when `cancelled()` turns true.
    """
    for stage in stages:
        check_stage(stage)
    total = len(images)
    out: dict[str, np.ndarray] = {}
    predicted = np.empty(total, np.int64)
    for start in range(0, total, chunk):
        if cancelled is not None and cancelled():
            return None
        batch = np.asarray(images[start:start + chunk], np.float32) / 255.0
        result = forward(batch)
        for stage in stages:
            name = STAGES[stage][0]
            values = np.asarray(result[name], np.float32).reshape(len(batch), -1)
            if stage not in out:
                out[stage] = np.empty((total, values.shape[1]), np.float32)
            out[stage][start:start + len(batch)] = values
        predicted[start:start + len(batch)] = np.asarray(result["softmax"]).argmax(axis=1)
        if progress is not None:
            progress(start + len(batch), total)
    if cancelled is not None and cancelled():
        return None
    return out, predicted


def weights_key(state: Mapping[str, np.ndarray]) -> str:
    """SHA-256 of the parameters themselves (names, shapes, float32 values), hex.

    Hashing the values rather than a file covers every network the window can show: a loaded
    file, the untrained network, a snapshot of one in training. About 10 ms for this network.
    """
    digest = hashlib.sha256()
    for name in sorted(state):
        value = np.ascontiguousarray(np.asarray(state[name], np.float32))
        digest.update(f"{name}{value.shape}".encode())
        digest.update(value.tobytes())
    return digest.hexdigest()
