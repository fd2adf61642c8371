"""Forward latency at batch 1: the Predictor's call, with activations, and the bare-ops floor."""

from __future__ import annotations

import numpy as np
import torch

from fashion_desktop.measure.timing import interleaved, summary
from fashion_desktop.network.inference import Predictor
from fashion_desktop.network.model import NeuralNetwork


def bare_forward(model: NeuralNetwork, device: torch.device):
    """The floor: the same weights as plain tensors, three matmuls + bias, two ReLUs, softmax."""
    layers = [model.linear_relu_stack[i] for i in (0, 2, 4)]
    (w1, b1), (w2, b2), (w3, b3) = [(layer.weight.detach().t(), layer.bias.detach()) for layer in layers]

    def forward(image: np.ndarray) -> np.ndarray:
        with torch.inference_mode():
            x = torch.from_numpy(image).to(device).reshape(1, 784)
            x = torch.relu(torch.addmm(b1, x, w1))
            x = torch.relu(torch.addmm(b2, x, w2))
            return torch.softmax(torch.addmm(b3, x, w3), dim=1).cpu().numpy()

    return forward


def measure_forward(model: NeuralNetwork, device: torch.device, rounds: int) -> dict:
    """forward_us, forward_hooks_us and forward_floor_us ({"p50", "p95"}), measured interleaved."""
    predictor = Predictor(model, device)
    floor = bare_forward(predictor.model, predictor.device)
    image = np.random.default_rng(0).random((28, 28), dtype=np.float32)
    expected = floor(image)[0]
    got = predictor.predict(image, activations=False).probabilities
    if not np.allclose(got, expected, atol=1e-5):
        raise RuntimeError("the floor and the predictor disagree: the benchmark would compare different work")
    samples = interleaved({
        "forward_us": lambda: predictor.predict(image, activations=False),
        "forward_hooks_us": lambda: predictor.predict(image, activations=True),
        "forward_floor_us": lambda: floor(image),  # both end in .numpy(): a GPU result is waited for
    }, rounds)
    return {name: summary(values) for name, values in samples.items()}
