"""How the activations panel lays out one forward pass, and what a clicked unit looks for.

The Predictor already returns every stage's output (one forward pass, hooks). This module only
decides how each stage is drawn — which stages share a colour scale, which grid a vector is
folded into so 512 units stay hoverable — and computes the 28×28 picture of a hidden unit's
incoming weights. Pure numpy, so the panel stays a thin view and the rules are tested.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

INPUT_SHAPE = (28, 28)
HIDDEN_GRID = (16, 32)  # 512 units folded into 16 rows of 32: every unit is a few pixels wide


@dataclass(frozen=True)
class Row:
    """One row of the panel: a stage, or a Linear next to its ReLU sharing one colour scale."""

    key: str  # a label the panel and tests use
    stages: tuple[str, ...]  # Predictor stage names drawn side by side
    grid: tuple[int, int]  # (rows, columns) each stage's vector is folded into
    signed: bool  # diverging colours around zero (Linear outputs) or a sequential scale


ROWS: tuple[Row, ...] = (
    Row("input", ("input",), INPUT_SHAPE, False),
    Row("flatten", ("flatten",), (1, 784), False),
    Row("layer1", ("linear_relu_stack.0", "linear_relu_stack.1"), HIDDEN_GRID, True),
    Row("layer2", ("linear_relu_stack.2", "linear_relu_stack.3"), HIDDEN_GRID, True),
    Row("logits", ("linear_relu_stack.4",), (1, 10), True),
    Row("softmax", ("softmax",), (1, 10), False),
)
HIDDEN_LINEARS = ("linear_relu_stack.0", "linear_relu_stack.2")  # clickable: they have incoming weights
RELU_OF = {"linear_relu_stack.1": "linear_relu_stack.0", "linear_relu_stack.3": "linear_relu_stack.2"}


def as_grid(vector: np.ndarray, grid: tuple[int, int]) -> np.ndarray:
    """A 1-D stage output folded row-major into `grid` (unit i at row i // cols, column i % cols)."""
    vector = np.asarray(vector, dtype=np.float32).reshape(-1)
    if vector.size != grid[0] * grid[1]:
        raise ValueError(f"a vector of {vector.size} values does not fill a {grid[0]}×{grid[1]} grid")
    return vector.reshape(grid)


def grid_index(row: int, column: int, grid: tuple[int, int]) -> int | None:
    """The unit under grid cell (row, column), or None outside the grid."""
    if 0 <= row < grid[0] and 0 <= column < grid[1]:
        return row * grid[1] + column
    return None


def symmetric_levels(*arrays: np.ndarray, floor: float = 1e-6) -> tuple[float, float]:
    """(-m, m) with m the largest |value|: zero sits in the middle of a diverging colour map,
    so a Linear output and its ReLU drawn with the same levels show exactly which units were zeroed."""
    m = max((float(np.max(np.abs(a))) for a in arrays if np.size(a)), default=0.0)
    m = m if np.isfinite(m) else 1.0
    return -max(m, floor), max(m, floor)


def nice_levels(levels: tuple[float, float]) -> tuple[float, float]:
    """Symmetric levels widened to the next round number (1, 1.5, 2, 3, 4, 5, 6, 8 × 10ⁿ): the colour scale
    (and its axis) only changes when the range really does, so drawing does not re-lay out the colour bar
    on every stroke, and the widening (at most a third) keeps the colours strong."""
    m = max(abs(levels[0]), abs(levels[1]))
    if not np.isfinite(m) or m <= 0:
        return -1.0, 1.0
    exponent = np.floor(np.log10(m))
    for step in (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        nice = float(step * 10.0 ** exponent)
        if nice >= m * (1 - 1e-9):
            return -nice, nice
    return -m, m


def to_rgba(values: np.ndarray, levels: tuple[float, float], lut: np.ndarray) -> np.ndarray:
    """Colour values with a (K, 4) uint8 lookup table between `levels` (clipped outside): H×W×4 uint8.

    Done here once per draw instead of by the image item at paint time, which rebuilds a colour
    table for every image on every repaint."""
    lut = np.asarray(lut, np.uint8)
    low, high = levels
    span = high - low if high > low else 1.0
    scaled = (np.nan_to_num(np.asarray(values, np.float32), nan=low) - low) * ((len(lut) - 1) / span)
    return lut[np.clip(scaled + 0.5, 0, len(lut) - 1).astype(np.intp)]


def stage_vectors(pixels: np.ndarray, activations: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Every stage the panel draws, as 1-D float32 arrays: the input pixels plus the Predictor's stages."""
    out = {"input": np.asarray(pixels, np.float32).reshape(-1)}
    for row in ROWS:
        for stage in row.stages:
            if stage != "input":
                out[stage] = np.asarray(activations[stage], np.float32).reshape(-1)
    return out


def incoming_weights(state: Mapping[str, np.ndarray], layer: str, unit: int,
                     active: np.ndarray | None = None) -> np.ndarray:
    """What hidden `unit` of `layer` looks for in the 28×28 input.

    First layer: row `unit` of its weight matrix, reshaped to 28×28 — exactly the template it
    correlates the image with. Second layer: its incoming weights reach the pixels through the first
    layer, so the picture is w2[unit] @ (w1 masked to the first-layer units that were active for
    the current input, `active`; all of them when None). For this ReLU network that is exactly the
    unit's gradient with respect to the pixels at the current input.
    """
    w1 = np.asarray(state["linear_relu_stack.0.weight"], np.float32)
    if layer == "linear_relu_stack.0":
        if not 0 <= unit < w1.shape[0]:
            raise IndexError(f"unit {unit} is outside 0–{w1.shape[0] - 1}")
        return w1[unit].reshape(INPUT_SHAPE).copy()
    if layer == "linear_relu_stack.2":
        w2 = np.asarray(state["linear_relu_stack.2.weight"], np.float32)
        if not 0 <= unit < w2.shape[0]:
            raise IndexError(f"unit {unit} is outside 0–{w2.shape[0] - 1}")
        row = w2[unit]
        if active is not None:
            row = row * (np.asarray(active).reshape(-1) > 0)
        return (row @ w1).reshape(INPUT_SHAPE)
    raise ValueError(f"{layer} is not a hidden Linear layer; choose one of {', '.join(HIDDEN_LINEARS)}")
