"""What the weights view draws for a parameter: tiles, a matrix or bars, a histogram and statistics.

The first layer's weight matrix is 512 rows of 784: each row is the 28×28 template one hidden
unit matches against the picture, so it is drawn as a grid of 28×28 tiles. Other matrices are
drawn as they are (rows: output units, columns: inputs); biases as bars. Pure numpy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TILES, MATRIX, BARS = "tiles", "matrix", "bars"
TILE = 28


@dataclass(frozen=True)
class Stats:
    """Summary of a parameter's values."""

    count: int
    minimum: float
    maximum: float
    mean: float
    std: float


def view_kind(name: str, shape: tuple[int, ...]) -> str:
    """How to draw a parameter: 1-D → bars; a matrix whose rows are 784 pixels → tiles; else a matrix."""
    if len(shape) == 1:
        return BARS
    if len(shape) == 2 and shape[1] == TILE * TILE:
        return TILES
    return MATRIX


def tile_layout(count: int, columns: int | None = None) -> tuple[int, int]:
    """(rows, columns) for `count` tiles: twice as wide as tall when not given (512 → 16 × 32)."""
    if count <= 0:
        return 0, 0
    if columns is None:
        columns = max(1, int(np.ceil(np.sqrt(count * 2))))
    return int(np.ceil(count / columns)), columns


def tile_grid(weight: np.ndarray, columns: int | None = None, gap: int = 1) -> np.ndarray:
    """Rows of 784 → one float32 image of 28×28 tiles, `gap` pixels of NaN between them (drawn empty).

    Tile k sits at row k // columns, column k % columns; `tile_at` inverts this.
    """
    weight = np.asarray(weight, np.float32)
    if weight.ndim != 2 or weight.shape[1] != TILE * TILE:
        raise ValueError(f"tiles need rows of {TILE * TILE} values, got shape {weight.shape}")
    rows, columns = tile_layout(len(weight), columns)
    step = TILE + gap
    out = np.full((rows * step - gap, columns * step - gap), np.nan, np.float32)
    for k, row in enumerate(weight):
        r, c = divmod(k, columns)
        out[r * step: r * step + TILE, c * step: c * step + TILE] = row.reshape(TILE, TILE)
    return out


def tile_at(y: int, x: int, count: int, columns: int | None = None, gap: int = 1) -> tuple[int, int, int] | None:
    """(tile index, pixel row, pixel column) under image pixel (y, x) of `tile_grid`, or None on a gap."""
    rows, columns = tile_layout(count, columns)
    step = TILE + gap
    if y < 0 or x < 0:
        return None
    r, py = divmod(int(y), step)
    c, px = divmod(int(x), step)
    if py >= TILE or px >= TILE or r >= rows or c >= columns:
        return None
    k = r * columns + c
    return (k, py, px) if k < count else None


def stats(values: np.ndarray) -> Stats:
    """Count, min, max, mean and standard deviation (population, as torch.std(unbiased=False))."""
    v = np.asarray(values, np.float64).reshape(-1)
    if v.size == 0:
        return Stats(0, float("nan"), float("nan"), float("nan"), float("nan"))
    return Stats(int(v.size), float(v.min()), float(v.max()), float(v.mean()), float(v.std()))


def histogram(values: np.ndarray, bins: int = 60) -> tuple[np.ndarray, np.ndarray]:
    """(counts, edges) over the values' own range; counts add up to the number of values."""
    v = np.asarray(values, np.float64).reshape(-1)
    v = v[np.isfinite(v)]
    if v.size == 0:
        return np.zeros(bins, np.int64), np.linspace(0.0, 1.0, bins + 1)
    lo, hi = float(v.min()), float(v.max())
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = np.histogram(v, bins=bins, range=(lo, hi))
    return counts.astype(np.int64), edges


def robust_limit(values: np.ndarray, percentile: float = 99.5) -> float:
    """A symmetric colour limit that a handful of outliers cannot wash out: the `percentile` of |value|.

    Values beyond it are drawn at full colour; the colour bar shows the limit, so nothing is hidden.
    """
    v = np.abs(np.asarray(values, np.float64).reshape(-1))
    v = v[np.isfinite(v)]
    if v.size == 0:
        return 1.0
    limit = float(np.percentile(v, percentile))
    return limit if limit > 0 else (float(v.max()) or 1.0)
