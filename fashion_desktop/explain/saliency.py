"""Why this class: gradient × input on the 28×28 input.

Why gradient × input rather than occlusion: the tutorial's network is piecewise linear (Linear and
ReLU only), so at a given input a class logit is exactly Σ pixel·gradient plus a part that comes
from the biases. Gradient × input therefore splits the logit over the pixels exactly — red pixels
added evidence for the class, blue ones took it away — and costs one backward pass (well under a
millisecond here), so it can follow the drawing live. Occlusion needs a forward pass per patch,
depends on the patch size and on what "removed" means (black is also the background here), and
is blind to pixels that are already black. Pixels that are black (0) get no credit either way —
the honest answer for this network, which only ever sees what is drawn.

The logit (not the probability) is explained: softmax mixes in every other class, the logit is
the class's own score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from torch import nn


def gradient_x_input(model: nn.Module, pixels: np.ndarray, class_index: int) -> np.ndarray:
    """Per-pixel contribution (28×28 float32) of the input to `class_index`'s logit.

    Does not touch the parameters' gradients or the model's mode; works on any device the model is on.
    """
    import torch  # here, so the window can use overlay_rgba before the worker has imported torch

    pixels = np.asarray(pixels, dtype=np.float32)
    if pixels.shape != (28, 28):
        raise ValueError(f"expected a 28×28 input, got shape {pixels.shape}")
    device = next(model.parameters()).device
    with torch.inference_mode(False), torch.enable_grad():
        x = torch.tensor(pixels, device=device).unsqueeze(0).requires_grad_(True)
        logits = model(x)
        if not 0 <= class_index < logits.shape[1]:
            raise IndexError(f"class {class_index} is outside 0–{logits.shape[1] - 1}")
        (grad,) = torch.autograd.grad(logits[0, class_index], x)
    return (grad[0] * x[0]).detach().cpu().numpy().astype(np.float32)


def overlay_rgba(saliency: np.ndarray, alpha_max: int = 220) -> np.ndarray:
    """Saliency → uint8 H×W×4: red pushed the class up, blue pushed it down, opacity by strength.

    Scaled by the largest |value| so the strongest pixel is fully coloured; all zeros → transparent.
    """
    s = np.nan_to_num(np.asarray(saliency, np.float32))
    peak = float(np.max(np.abs(s))) if s.size else 0.0
    norm = s / peak if peak > 0 else np.zeros_like(s)
    rgba = np.zeros(s.shape + (4,), np.uint8)
    up = norm > 0
    rgba[up] = (230, 40, 30, 0)
    rgba[~up] = (40, 110, 240, 0)
    rgba[..., 3] = np.clip(np.abs(norm) ** 0.7 * alpha_max + 0.5, 0, 255).astype(np.uint8)
    return rgba
