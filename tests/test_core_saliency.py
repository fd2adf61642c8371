"""Gradient × input: the right shape, finite, and an exact split of the logit for this network."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from fashion_desktop.explain.saliency import gradient_x_input, overlay_rgba
from fashion_desktop.images.preprocess import open_image, prepare_image
from fashion_desktop.images.samples import list_samples
from fashion_desktop.network.model import NeuralNetwork, load_model


def test_saliency_of_a_shipped_sample_is_28_by_28_and_finite():
    model, _ = load_model()
    sample = next(s for s in list_samples() if s.class_index == 4)  # a coat
    pixels = prepare_image(open_image(sample.path)).pixels
    with torch.no_grad():
        top = int(model(torch.from_numpy(pixels).unsqueeze(0)).argmax())
    saliency = gradient_x_input(model, pixels, top)
    assert saliency.shape == (28, 28) and saliency.dtype == np.float32
    assert np.isfinite(saliency).all()
    assert saliency.sum() > 0  # the drawn pixels, together, argue for the class the network picked
    assert np.all(saliency[pixels == 0] == 0)  # black pixels get no credit either way


def test_without_biases_the_saliency_adds_up_to_the_logit_exactly():
    torch.manual_seed(0)
    model = NeuralNetwork().eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("bias"):
                p.zero_()
    pixels = np.random.default_rng(2).random((28, 28), dtype=np.float32)
    with torch.no_grad():
        logits = model(torch.from_numpy(pixels).unsqueeze(0))[0]
    for c in (0, 7):
        assert gradient_x_input(model, pixels, c).sum() == pytest.approx(float(logits[c]), rel=1e-4, abs=1e-5)


def test_saliency_leaves_the_model_alone_and_refuses_bad_input():
    torch.manual_seed(1)
    model = NeuralNetwork().eval()
    before = {k: v.clone() for k, v in model.state_dict().items()}
    gradient_x_input(model, np.ones((28, 28), np.float32), 3)
    assert all(p.grad is None for p in model.parameters())
    assert not model.training
    assert all(torch.equal(before[k], v) for k, v in model.state_dict().items())
    with pytest.raises(ValueError, match="28×28"):
        gradient_x_input(model, np.ones((27, 28), np.float32), 0)
    with pytest.raises(IndexError):
        gradient_x_input(model, np.ones((28, 28), np.float32), 10)


def test_overlay_is_red_for_for_blue_for_against_and_clear_where_nothing_counts():
    saliency = np.zeros((28, 28), np.float32)
    saliency[0, 0], saliency[0, 1], saliency[0, 2] = 2.0, -1.0, 0.5
    rgba = overlay_rgba(saliency)
    assert rgba.shape == (28, 28, 4) and rgba.dtype == np.uint8
    assert rgba[0, 0, 0] > rgba[0, 0, 2] and rgba[0, 1, 2] > rgba[0, 1, 0]
    assert rgba[0, 0, 3] > rgba[0, 2, 3] > 0 and rgba[5, 5, 3] == 0
    assert overlay_rgba(np.zeros((28, 28)))[..., 3].max() == 0
