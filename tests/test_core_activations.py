"""How the activations panel folds each stage, and what a clicked hidden unit looks for."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from fashion_desktop.explain.activations import (
    HIDDEN_GRID,
    ROWS,
    as_grid,
    grid_index,
    incoming_weights,
    stage_vectors,
    symmetric_levels,
)
from fashion_desktop.network.inference import Predictor
from fashion_desktop.network.model import NeuralNetwork


def _model() -> NeuralNetwork:
    torch.manual_seed(3)
    return NeuralNetwork().eval()


def _state(model: NeuralNetwork) -> dict[str, np.ndarray]:
    return {name: p.detach().numpy().copy() for name, p in model.named_parameters()}


def test_rows_walk_the_tutorials_stages_in_order_with_each_linear_beside_its_relu():
    stages = [stage for row in ROWS for stage in row.stages]
    assert stages == ["input", "flatten", "linear_relu_stack.0", "linear_relu_stack.1", "linear_relu_stack.2",
                      "linear_relu_stack.3", "linear_relu_stack.4", "softmax"]
    pairs = {row.key: row.stages for row in ROWS if len(row.stages) == 2}
    assert pairs == {"layer1": ("linear_relu_stack.0", "linear_relu_stack.1"),
                     "layer2": ("linear_relu_stack.2", "linear_relu_stack.3")}
    assert [row.key for row in ROWS if row.signed] == ["layer1", "layer2", "logits"]


def test_every_stage_of_a_real_forward_pass_fills_its_grid():
    model = _model()
    image = np.random.default_rng(0).random((28, 28), dtype=np.float32)
    prediction = Predictor(model).predict(image)
    vectors = stage_vectors(image, prediction.activations)
    for row in ROWS:
        for stage in row.stages:
            assert as_grid(vectors[stage], row.grid).shape == row.grid
    assert np.array_equal(as_grid(vectors["input"], (28, 28)), image)


def test_grid_folds_row_major_and_index_inverts_it():
    vector = np.arange(512, dtype=np.float32)
    grid = as_grid(vector, HIDDEN_GRID)
    assert grid[1, 0] == 32 and grid[15, 31] == 511
    assert grid_index(1, 0, HIDDEN_GRID) == 32 and grid_index(15, 31, HIDDEN_GRID) == 511
    assert grid_index(16, 0, HIDDEN_GRID) is None and grid_index(0, -1, HIDDEN_GRID) is None
    with pytest.raises(ValueError, match="does not fill"):
        as_grid(np.zeros(500), HIDDEN_GRID)


def test_symmetric_levels_put_zero_in_the_middle():
    assert symmetric_levels(np.array([-3.0, 1.0]), np.array([0.0, 2.0])) == (-3.0, 3.0)
    low, high = symmetric_levels(np.zeros(4))
    assert low < 0 < high  # an all-zero stage still gets a usable range


def test_first_layer_unit_shows_its_row_of_weights():
    model = _model()
    state = _state(model)
    picture = incoming_weights(state, "linear_relu_stack.0", 17)
    assert picture.shape == (28, 28)
    assert np.array_equal(picture.reshape(-1), state["linear_relu_stack.0.weight"][17])
    with pytest.raises(IndexError):
        incoming_weights(state, "linear_relu_stack.0", 512)
    with pytest.raises(ValueError, match="not a hidden Linear"):
        incoming_weights(state, "linear_relu_stack.4", 0)


def test_second_layer_unit_picture_is_its_gradient_at_the_current_input():
    model = _model()
    state = _state(model)
    image = np.random.default_rng(1).random((28, 28), dtype=np.float32)
    prediction = Predictor(model).predict(image)
    picture = incoming_weights(state, "linear_relu_stack.2", 5, prediction.activations["linear_relu_stack.1"])
    x = torch.from_numpy(image).unsqueeze(0).requires_grad_(True)
    hidden = model.linear_relu_stack[:3](model.flatten(x))  # the unit's pre-activation
    (grad,) = torch.autograd.grad(hidden[0, 5], x)
    assert picture.shape == (28, 28)
    assert np.allclose(picture, grad[0].numpy(), atol=1e-5)


def test_nice_levels_round_the_range_up_to_a_round_number():
    from fashion_desktop.explain.activations import nice_levels

    assert nice_levels((-3.2, 3.2)) == (-4.0, 4.0)
    assert nice_levels((-21.0, 21.0)) == (-30.0, 30.0)
    assert nice_levels((-0.9, 0.9)) == (-1.0, 1.0)
    assert nice_levels((-17.0, 17.0)) == (-20.0, 20.0)
    assert nice_levels((-2.0, 2.0)) == (-2.0, 2.0)
    assert nice_levels((0.0, 0.0)) == (-1.0, 1.0)


def test_to_rgba_maps_the_levels_onto_the_table_and_clips_outside():
    from fashion_desktop.explain.activations import to_rgba

    lut = np.stack([np.arange(256), np.zeros(256), 255 - np.arange(256), np.full(256, 255)], 1).astype(np.uint8)
    rgba = to_rgba(np.array([[-2.0, -1.0, 0.0, 1.0, 5.0]]), (-1.0, 1.0), lut)
    assert rgba.shape == (1, 5, 4) and rgba.dtype == np.uint8
    assert rgba[0, :, 0].tolist() == [0, 0, 128, 255, 255]
