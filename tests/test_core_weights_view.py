"""What the weights view draws: 28×28 tiles for the first layer, matrices, bars, histogram and stats."""

from __future__ import annotations

import numpy as np
import pytest

from fashion_desktop.explain.weights_view import (
    BARS,
    MATRIX,
    TILES,
    histogram,
    robust_limit,
    stats,
    tile_at,
    tile_grid,
    tile_layout,
    view_kind,
)
from fashion_desktop.network.model import EXPECTED_SHAPES


def test_each_parameter_of_the_tutorials_network_gets_its_view():
    kinds = {name: view_kind(name, shape) for name, shape in EXPECTED_SHAPES.items()}
    assert kinds == {"linear_relu_stack.0.weight": TILES, "linear_relu_stack.0.bias": BARS,
                     "linear_relu_stack.2.weight": MATRIX, "linear_relu_stack.2.bias": BARS,
                     "linear_relu_stack.4.weight": MATRIX, "linear_relu_stack.4.bias": BARS}


def test_512_rows_become_16_by_32_tiles_and_each_tile_is_its_row():
    weight = np.random.default_rng(0).standard_normal((512, 784)).astype(np.float32)
    assert tile_layout(512) == (16, 32)
    grid = tile_grid(weight)
    assert grid.shape == (16 * 29 - 1, 32 * 29 - 1)
    for k in (0, 33, 511):
        r, c = divmod(k, 32)
        assert np.array_equal(grid[r * 29:r * 29 + 28, c * 29:c * 29 + 28], weight[k].reshape(28, 28))
    assert np.isnan(grid[28, :]).all() and np.isnan(grid[:, 28]).all()  # the gaps between tiles
    assert np.isfinite(grid).sum() == weight.size


def test_tile_at_finds_the_unit_and_pixel_under_the_pointer():
    assert tile_at(0, 0, 512) == (0, 0, 0)
    assert tile_at(29 + 3, 2 * 29 + 27, 512) == (34, 3, 27)
    assert tile_at(28, 5, 512) is None  # on a gap
    assert tile_at(16 * 29, 0, 512) is None and tile_at(-1, 0, 512) is None
    assert tile_at(0, 0, 5, columns=4) == (0, 0, 0) and tile_at(29, 29, 5, columns=4) is None  # past the last tile


def test_tile_grid_refuses_rows_that_are_not_pictures():
    with pytest.raises(ValueError, match="784"):
        tile_grid(np.zeros((10, 512)))


def test_stats_and_histogram_agree_with_numpy():
    values = np.random.default_rng(1).normal(0.1, 2.0, (512, 512)).astype(np.float32)
    st = stats(values)
    assert st.count == values.size
    assert st.minimum == pytest.approx(values.min()) and st.maximum == pytest.approx(values.max())
    assert st.mean == pytest.approx(values.mean(dtype=np.float64), abs=1e-6)
    assert st.std == pytest.approx(values.std(dtype=np.float64), rel=1e-6)
    counts, edges = histogram(values, bins=40)
    assert counts.sum() == values.size and len(edges) == 41
    assert edges[0] == pytest.approx(values.min()) and edges[-1] == pytest.approx(values.max())
    flat_counts, _ = histogram(np.full(10, 3.0))
    assert flat_counts.sum() == 10


def test_robust_limit_ignores_a_few_outliers_but_keeps_the_bulk():
    values = np.concatenate([np.linspace(-1, 1, 10_000), [50.0, -80.0]])
    limit = robust_limit(values)
    assert 0.9 < limit < 1.0
    assert robust_limit(np.zeros(5)) == 1.0
