"""The Predictor: probabilities, the top class and every stage's output, in the tutorial's order."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.network.inference import STAGES, Predictor
from fashion_desktop.network.model import NeuralNetwork


def _predictor() -> Predictor:
    torch.manual_seed(0)
    return Predictor(NeuralNetwork(), "cpu")


def test_probabilities_and_top_class():
    predictor = _predictor()
    batch = np.random.default_rng(0).random((5, 28, 28), dtype=np.float32)
    result = predictor.predict_batch(batch)
    assert result.probabilities.shape == (5, 10)
    assert np.allclose(result.probabilities.sum(1), 1, atol=1e-5)
    with torch.no_grad():
        expected = torch.softmax(predictor.model(torch.from_numpy(batch)), 1).numpy()
    assert np.allclose(result.probabilities, expected, atol=1e-6)
    assert (result.indices == expected.argmax(1)).all()


def test_activations_follow_the_tutorials_walkthrough():
    predictor = _predictor()
    image = np.random.default_rng(1).random((28, 28), dtype=np.float32)
    prediction = predictor.predict(image)
    assert list(prediction.activations) == [name for name, _ in STAGES]
    shapes = {name: a.shape for name, a in prediction.activations.items()}
    assert shapes == {"flatten": (784,), "linear_relu_stack.0": (512,), "linear_relu_stack.1": (512,),
                      "linear_relu_stack.2": (512,), "linear_relu_stack.3": (512,),
                      "linear_relu_stack.4": (10,), "softmax": (10,)}
    acts = prediction.activations
    assert np.array_equal(acts["flatten"], image.reshape(-1))
    assert np.allclose(acts["linear_relu_stack.1"], np.maximum(acts["linear_relu_stack.0"], 0))
    assert np.allclose(acts["softmax"], prediction.probabilities)
    top = int(np.argmax(prediction.probabilities))
    assert prediction.index == top and prediction.label == CLASS_NAMES[top]
    assert prediction.confidence == pytest.approx(float(prediction.probabilities[top]))


def test_no_activations_unless_asked_and_no_autograd():
    predictor = _predictor()
    result = predictor.predict_batch(np.zeros((2, 28, 28), np.float32))
    assert result.activations == {}
    assert all(p.grad is None for p in predictor.model.parameters())


def test_stage_walk_matches_the_module_and_its_hooks_exactly():
    """The Predictor calls each stage directly (no hooks); it must see what hooks would see."""
    predictor = _predictor()
    image = np.random.default_rng(2).random((28, 28), dtype=np.float32)
    captured = {}
    handles = [predictor.model.get_submodule(name).register_forward_hook(
        lambda _m, _i, out, name=name: captured.__setitem__(name, out.detach().numpy()[0]))
        for name, _ in STAGES[:-1]]
    try:
        with torch.no_grad():
            logits = predictor.model(torch.from_numpy(image)[None])
    finally:
        for handle in handles:
            handle.remove()
    prediction = predictor.predict(image)
    for name, _ in STAGES[:-1]:
        assert np.array_equal(prediction.activations[name], captured[name]), name
    assert np.array_equal(prediction.activations["linear_relu_stack.4"], logits.numpy()[0])


def test_weights_loaded_after_construction_are_used():
    predictor = _predictor()
    image = np.random.default_rng(3).random((28, 28), dtype=np.float32)
    before = predictor.predict(image).probabilities
    torch.manual_seed(1)
    predictor.model.load_state_dict(NeuralNetwork().state_dict())
    after = predictor.predict(image).probabilities
    with torch.no_grad():
        expected = torch.softmax(predictor.model(torch.from_numpy(image)[None]), 1).numpy()[0]
    assert not np.allclose(before, after)
    assert np.allclose(after, expected, atol=1e-6)


@pytest.mark.parametrize("form", ["read-only", "negative strides", "float64", "nested list", "tensor", "batch"])
def test_every_input_form_gives_the_same_answer(form):
    """The no-copy path at every stroke must not change what other inputs get."""
    predictor = _predictor()
    image = np.random.default_rng(4).random((28, 28), dtype=np.float32)
    expected = predictor.predict(image).probabilities
    if form == "read-only":
        given = image.copy()
        given.flags.writeable = False
    elif form == "negative strides":  # torch.from_numpy refuses these
        given = np.ascontiguousarray(image[:, ::-1])[:, ::-1]
    elif form == "float64":
        given = image.astype(np.float64)
    elif form == "nested list":
        given = image.tolist()
    elif form == "tensor":
        given = torch.from_numpy(image.copy())
    else:
        given = np.stack([image, image])
    if form == "batch":
        assert np.allclose(predictor.predict_batch(given).probabilities, expected[None], atol=1e-6)
    elif form == "nested list":
        assert np.allclose(predictor.predict_batch(given).probabilities[0], expected, atol=1e-6)
    else:
        assert np.allclose(predictor.predict(given).probabilities, expected, atol=1e-6)


def test_a_stack_other_than_the_tutorials_is_refused():
    """The forward pass is written out for Linear–ReLU–Linear–ReLU–Linear with biases."""
    model = NeuralNetwork()
    model.linear_relu_stack[1] = torch.nn.Sigmoid()
    with pytest.raises(ValueError, match="tutorial"):
        Predictor(model)
    model = NeuralNetwork()
    model.linear_relu_stack[4] = torch.nn.Linear(512, 10, bias=False)
    with pytest.raises(ValueError, match="tutorial"):
        Predictor(model)
