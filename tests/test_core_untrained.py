"""The untrained network is the tutorial's NeuralNetwork() with torch's default init, reproducibly."""

from __future__ import annotations

import torch

from fashion_desktop.network.model import NeuralNetwork, load_model
from fashion_desktop.network.untrained import untrained_network


def test_it_is_the_tutorials_default_initialisation_with_a_fixed_seed():
    torch.manual_seed(0)
    expected = NeuralNetwork().state_dict()
    got = untrained_network().state_dict()
    assert all(torch.equal(expected[k], got[k]) for k in expected)
    assert not untrained_network().training


def test_it_does_not_disturb_the_global_random_state():
    torch.manual_seed(42)
    before = torch.rand(3)
    torch.manual_seed(42)
    untrained_network()
    assert torch.equal(torch.rand(3), before)


def test_it_differs_from_the_trained_weights_and_unseeded_ones_differ():
    trained = load_model()[0].state_dict()
    fresh = untrained_network().state_dict()
    assert not torch.equal(trained["linear_relu_stack.0.weight"], fresh["linear_relu_stack.0.weight"])
    a, b = untrained_network(None).state_dict(), untrained_network(None).state_dict()
    assert not torch.equal(a["linear_relu_stack.0.weight"], b["linear_relu_stack.0.weight"])


def test_its_predictions_are_meaningless_about_ten_percent_for_every_class():
    """The README: the tutorial's first prediction was meaningless, about 10 % for every class."""
    import numpy as np
    from PIL import Image

    from fashion_desktop.images.samples import list_samples

    pixels = np.stack([np.asarray(Image.open(s.path).convert("L"), np.float32) / 255 for s in list_samples()])
    with torch.no_grad():
        untrained = torch.softmax(untrained_network()(torch.from_numpy(pixels)), 1)
        trained = torch.softmax(load_model()[0](torch.from_numpy(pixels)), 1)
    assert untrained.min() > 0.05 and untrained.max() < 0.2
    assert trained.max(1).values.min() > 0.5  # the same images, which the trained weights do tell apart
