"""An untrained network, freshly initialised as the tutorial creates it (`model = NeuralNetwork()`).

The tutorial's first prediction comes from exactly this: PyTorch's default initialisation
(Kaiming-uniform weights, small uniform biases), so the "predicted class" is noise. A fixed seed
makes the app's untrained network the same every time it is switched on — the person can flip
back and forth and compare — without touching the global random state anyone else relies on.
"""

from __future__ import annotations

import torch

from fashion_desktop.network.model import NeuralNetwork

DEFAULT_SEED = 0


def untrained_network(seed: int | None = DEFAULT_SEED) -> NeuralNetwork:
    """`NeuralNetwork()` with torch's default init, in eval mode; `seed=None` draws a new one each time."""
    if seed is None:
        return NeuralNetwork().eval()
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        return NeuralNetwork().eval()
