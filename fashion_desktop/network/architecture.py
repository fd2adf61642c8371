"""The tutorial network's shapes and where its shipped weights are: facts both evaluators share.

Torch-free, so the numpy evaluator (and `predict` on the CPU) can check a file against the same
shapes and the model card's checksum as the torch loader, without importing torch.
"""

from __future__ import annotations

import json
from pathlib import Path

from fashion_desktop.classes import NUM_CLASSES
from fashion_desktop.resources import DEFAULT_WEIGHTS, MODEL_CARD_JSON, resource_path

INPUT_SIZE = 28
HIDDEN = 512
TOTAL_PARAMETERS = 784 * 512 + 512 + 512 * 512 + 512 + 512 * 10 + 10  # 669,706

EXPECTED_SHAPES: dict[str, tuple[int, ...]] = {
    "linear_relu_stack.0.weight": (HIDDEN, INPUT_SIZE * INPUT_SIZE),
    "linear_relu_stack.0.bias": (HIDDEN,),
    "linear_relu_stack.2.weight": (HIDDEN, HIDDEN),
    "linear_relu_stack.2.bias": (HIDDEN,),
    "linear_relu_stack.4.weight": (NUM_CLASSES, HIDDEN),
    "linear_relu_stack.4.bias": (NUM_CLASSES,),
}
# The keys of training/teacher.py's ConvTeacher, a training aid the app never runs: named here so that
# opening one as the app's weights can say what it is (the network layer does not import training).
CONV_TEACHER_KEYS = frozenset(f"{layer}.{kind}" for layer in ("features.0", "features.3", "classifier.2", "classifier.5")
                              for kind in ("weight", "bias"))
MAX_WEIGHTS_BYTES = 64 * 1024 * 1024  # the real file is 2.7 MB; refuse anything absurd early


def default_weights_path() -> Path:
    return resource_path(DEFAULT_WEIGHTS)


def shipped_weights_sha256() -> str | None:
    """The checksum recorded in the model card for the shipped weights, if present."""
    card = resource_path(MODEL_CARD_JSON)
    try:
        return json.loads(card.read_text(encoding="utf-8"))["weights"]["sha256"]
    except (OSError, KeyError, TypeError, ValueError):
        return None
