"""The layer tree and parameter table as plain data."""

from __future__ import annotations

from fashion_desktop.network.introspect import layer_tree, parameter_table, total_parameters
from fashion_desktop.network.model import NeuralNetwork


def test_layer_tree_matches_print_model():
    root = layer_tree(NeuralNetwork())
    assert root.type_name == "NeuralNetwork" and root.parameters == 669_706
    names = [(n.name, n.type_name, n.output_shape) for n in root.walk()][1:]
    assert names == [
        ("flatten", "Flatten", (1, 784)),
        ("linear_relu_stack", "Sequential", (1, 10)),
        ("linear_relu_stack.0", "Linear", (1, 512)),
        ("linear_relu_stack.1", "ReLU", (1, 512)),
        ("linear_relu_stack.2", "Linear", (1, 512)),
        ("linear_relu_stack.3", "ReLU", (1, 512)),
        ("linear_relu_stack.4", "Linear", (1, 10)),
    ]
    first = next(n for n in root.walk() if n.name == "linear_relu_stack.0")
    assert first.extra_repr == "in_features=784, out_features=512, bias=True"
    assert first.parameters == 784 * 512 + 512


def test_parameter_table():
    rows = parameter_table(NeuralNetwork())
    assert [(r.name, r.shape) for r in rows] == [
        ("linear_relu_stack.0.weight", (512, 784)), ("linear_relu_stack.0.bias", (512,)),
        ("linear_relu_stack.2.weight", (512, 512)), ("linear_relu_stack.2.bias", (512,)),
        ("linear_relu_stack.4.weight", (10, 512)), ("linear_relu_stack.4.bias", (10,)),
    ]
    assert total_parameters(rows) == 669_706
    weight = rows[0]
    assert weight.bytes == 512 * 784 * 4 and weight.dtype == "float32" and weight.device == "cpu"
    assert weight.preview.startswith("tensor([[") and weight.preview_values.shape == (2, 784)
    assert rows[1].preview_values.shape == (2,)
