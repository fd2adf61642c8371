"""Sketch-like versions of the training images, so the network knows what people really draw.

A person draws a garment as a crude shape: filled or only outlined, with a few straight edges,
wobbly lines, a slight tilt, a stroke that does not quite close, a line for a coat's opening.
The data set has none of that, so the recipe swaps some training images for such renderings of
themselves (same label). They are made here from each image's filled silhouette, in batches with
torch (no per-image Python), at twice the network's resolution and then averaged down to 28×28,
which gives the soft edges the app's preprocessing gives a drawing. Each is re-framed as
Fashion-MNIST framed its garments (longest side 28, centred), as the app frames a drawing.

`sketch_variants` renders K variants of every image once per training run (a cache of uint8
images), so an epoch costs no more than before.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F

SCALE = 2  # render at 56×56, average down to 28×28
BIG = 28 * SCALE

# Styles and how often each is drawn (filled shapes and outlines alike, as people draw both).
STYLES = ("filled", "simplified", "outline", "simplified_outline")
STYLE_WEIGHTS = (0.25, 0.2, 0.3, 0.25)


def _affine_grid(theta: torch.Tensor) -> torch.Tensor:
    """`F.affine_grid` for (N, 2, 3) at BIG×BIG (align_corners=False), by broadcasting: several times faster."""
    base = (torch.arange(BIG, dtype=torch.float32) * 2 + 1) / BIG - 1
    x, y = base[None, None, :], base[None, :, None]
    t = theta[:, :, :, None, None]
    gx = t[:, 0, 0] * x + t[:, 0, 1] * y + t[:, 0, 2]
    gy = t[:, 1, 0] * x + t[:, 1, 1] * y + t[:, 1, 2]
    return torch.stack([gx, gy], -1)


def _grid(n: int, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    ys, xs = torch.meshgrid(torch.arange(BIG, device=device, dtype=torch.float32),
                            torch.arange(BIG, device=device, dtype=torch.float32), indexing="ij")
    return xs.expand(n, BIG, BIG), ys.expand(n, BIG, BIG)


def _dilate(mask: torch.Tensor, radius: torch.Tensor) -> torch.Tensor:
    """Per-image dilation of (N, H, W) float masks by a per-image radius in pixels (0…5)."""
    out = mask.clone()
    grown = mask
    for r in range(1, int(radius.max().item()) + 1):  # one pixel at a time, separably, by shifts
        p = F.pad(grown, (1, 1))
        grown = torch.maximum(torch.maximum(p[..., :-2], p[..., 1:-1]), p[..., 2:])
        p = F.pad(grown, (0, 0, 1, 1))
        grown = torch.maximum(torch.maximum(p[:, :-2], p[:, 1:-1]), p[:, 2:])
        out = torch.where((radius >= r)[:, None, None], grown, out)
    return out


def _erode(mask: torch.Tensor, radius: torch.Tensor) -> torch.Tensor:
    return 1.0 - _dilate(1.0 - mask, radius)


def _warp(soft: torch.Tensor, generator: torch.Generator, tilt_degrees: float, wobble: float) -> torch.Tensor:
    """A small tilt, scale/aspect jitter and a smooth random displacement (wobbly lines)."""
    n = soft.shape[0]
    def rand(*shape: int) -> torch.Tensor:
        return torch.rand(*shape, generator=generator)

    angle = (rand(n) - 0.5) * 2 * math.radians(tilt_degrees)
    sx = 1.0 + (rand(n) - 0.5) * 0.3
    sy = 1.0 + (rand(n) - 0.5) * 0.3
    cos, sin = torch.cos(angle), torch.sin(angle)
    zero = torch.zeros(n)
    theta = torch.stack([torch.stack([cos * sx, -sin * sx, zero], 1), torch.stack([sin * sy, cos * sy, zero], 1)], 1)
    grid = _affine_grid(theta * 1.15)  # 1.15: room to tilt
    # Smooth displacement: random offsets on a coarse 5×5 lattice, interpolated (in grid units).
    amplitude = wobble * (2 / 28) * rand(n)[:, None, None, None]
    coarse = (rand(n, 2, 5, 5) - 0.5) * 2 * amplitude
    smooth = F.interpolate(coarse, size=(14, 14), mode="bicubic", align_corners=True)
    grid = grid + F.interpolate(smooth, size=(BIG, BIG), mode="bilinear", align_corners=True).permute(0, 2, 3, 1)
    return F.grid_sample(soft[:, None], grid, mode="bilinear", padding_mode="zeros", align_corners=False)[:, 0]


def _simplify(soft: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """The shape as a few straight edges: averaged onto a coarse lattice, linearly interpolated back."""
    n = soft.shape[0]
    out = torch.empty_like(soft)
    cells = torch.randint(7, 13, (n,), generator=generator)
    for c in cells.unique().tolist():
        pick = cells == c
        coarse = F.adaptive_avg_pool2d(soft[pick][:, None], c)
        out[pick] = F.interpolate(coarse, size=(BIG, BIG), mode="bilinear", align_corners=False)[:, 0]
    return out


def _segments_mask(xs: torch.Tensor, ys: torch.Tensor, a: torch.Tensor, b: torch.Tensor,
                   width: torch.Tensor) -> torch.Tensor:
    """Pixels within width/2 of the segment a→b (per image; a, b: (N, 2) in pixels)."""
    ax, ay, bx, by = (v[:, None, None] for v in (a[:, 0], a[:, 1], b[:, 0], b[:, 1]))
    dx, dy = bx - ax, by - ay
    t = (((xs - ax) * dx + (ys - ay) * dy) / (dx * dx + dy * dy).clamp(min=1e-6)).clamp(0, 1)
    dist = torch.hypot(xs - (ax + t * dx), ys - (ay + t * dy))
    return (dist <= width[:, None, None] / 2).float()


def _inner_lines(mask: torch.Tensor, ring: torch.Tensor, width: torch.Tensor,
                 generator: torch.Generator) -> torch.Tensor:
    """A coat's opening (a vertical line down the middle) or a collar (a V from the neckline)."""
    n = mask.shape[0]
    xs, ys = _grid(n, mask.device)
    rows = mask.amax(2) > 0
    cols = mask.amax(1) > 0
    idx = torch.arange(BIG, dtype=torch.float32)
    top = torch.where(rows, idx, torch.full_like(idx, BIG)).amin(1)
    bottom = torch.where(rows, idx, torch.full_like(idx, -1)).amax(1)
    left = torch.where(cols, idx, torch.full_like(idx, BIG)).amin(1)
    right = torch.where(cols, idx, torch.full_like(idx, -1)).amax(1)
    cx = (left + right) / 2 + (torch.rand(n, generator=generator) - 0.5) * 0.1 * (right - left)
    height = (bottom - top).clamp(min=1)
    v_depth = top + height * (0.15 + 0.2 * torch.rand(n, generator=generator))
    half = (right - left) * (0.08 + 0.1 * torch.rand(n, generator=generator))
    opening = _segments_mask(xs, ys, torch.stack([cx, v_depth], 1), torch.stack([cx, bottom], 1), width)
    collar = torch.maximum(
        _segments_mask(xs, ys, torch.stack([cx - half, top], 1), torch.stack([cx, v_depth], 1), width),
        _segments_mask(xs, ys, torch.stack([cx + half, top], 1), torch.stack([cx, v_depth], 1), width))
    kind = torch.rand(n, generator=generator)
    lines = torch.where((kind < 0.4)[:, None, None], opening, torch.zeros_like(opening))
    lines = torch.maximum(lines, torch.where((kind > 0.6)[:, None, None], collar, torch.zeros_like(collar)))
    lines = torch.maximum(lines, torch.where(((kind > 0.85) | (kind < 0.15))[:, None, None], opening,
                                             torch.zeros_like(opening)))
    return torch.maximum(ring, lines * mask)


def _gaps(ring: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """One or two small breaks in the stroke: an outline that does not quite close."""
    n = ring.shape[0]
    xs, ys = _grid(n, ring.device)
    weights = ring.reshape(n, -1) + 1e-6
    out = ring
    for _ in range(2):
        at = torch.multinomial(weights, 1, generator=generator)[:, 0]
        cy, cx = (at // BIG).float(), (at % BIG).float()
        radius = SCALE * (0.8 + 1.7 * torch.rand(n, generator=generator))
        hole = torch.hypot(xs - cx[:, None, None], ys - cy[:, None, None]) <= radius[:, None, None]
        out = out * ~hole
    return out


def _frame(big: torch.Tensor) -> torch.Tensor:
    """Crop each image to its content, longest side to 28, centred (as `preprocess.fit`): (N, 28, 28)."""
    n = big.shape[0]
    ink = big > 0.05
    idx = torch.arange(BIG, dtype=torch.float32)
    rows, cols = ink.any(2), ink.any(1)
    top = torch.where(rows, idx, torch.full_like(idx, BIG)).amin(1)
    bottom = torch.where(rows, idx, torch.full_like(idx, -1)).amax(1) + 1
    left = torch.where(cols, idx, torch.full_like(idx, BIG)).amin(1)
    right = torch.where(cols, idx, torch.full_like(idx, -1)).amax(1) + 1
    empty = bottom <= top
    side = torch.maximum(bottom - top, right - left).clamp(min=1)
    cx, cy = (left + right) / 2, (top + bottom) / 2
    # Output pixel grid [-1, 1] ↦ the square of `side` around the centre, in normalised input coords.
    s = side / BIG
    ox, oy = cx / BIG * 2 - 1, cy / BIG * 2 - 1
    zero = torch.zeros(n)
    theta = torch.stack([torch.stack([s, zero, ox], 1), torch.stack([zero, s, oy], 1)], 1)
    grid = _affine_grid(theta)
    framed = F.grid_sample(big[:, None], grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    small = F.avg_pool2d(framed, SCALE)[:, 0]
    small = small / small.amax((1, 2), keepdim=True).clamp(min=1e-6)  # full contrast, as `normalise`
    return torch.where(empty[:, None, None], torch.zeros_like(small), small)


def render_sketches(silhouettes: np.ndarray, generator: torch.Generator, styles: torch.Tensor | None = None,
                    tilt_degrees: float = 8.0, wobble: float = 1.2) -> np.ndarray:
    """Sketches of silhouettes (uint8 (N, 28, 28), 0/255 filled shapes) → uint8 (N, 28, 28).

    `styles` picks each one's style (indices into STYLES); random by STYLE_WEIGHTS when None.
    """
    n = len(silhouettes)
    if n == 0:
        return np.zeros((0, 28, 28), np.uint8)
    if styles is None:
        styles = torch.multinomial(torch.tensor(STYLE_WEIGHTS), n, replacement=True, generator=generator)
    x = torch.as_tensor(silhouettes).float().div(255.0)[:, None]
    # Upsampled in a margin of 12 % so tilts and outlines never touch the border.
    inner = int(BIG / 1.3)
    soft = F.interpolate(x, size=(inner, inner), mode="bilinear", align_corners=False)[:, 0]
    pad = (BIG - inner) // 2
    soft = F.pad(soft, (pad, BIG - inner - pad, pad, BIG - inner - pad))
    simplified = (styles == 1) | (styles == 3)
    if simplified.any():
        soft[simplified] = _simplify(soft[simplified], generator)
    soft = _warp(soft, generator, tilt_degrees, wobble)
    mask = (soft > 0.5).float()
    outline = (styles == 2) | (styles == 3)
    out = mask.clone()
    if outline.any():
        m = mask[outline]
        k = m.shape[0]
        # Stroke width at 28×28 from under 1 px (a fine pen) to about 3.5 px (the canvas's default brush).
        width = torch.randint(1, 8, (k,), generator=generator)
        outer = width // 2
        ring = _dilate(m, outer) * (1.0 - _erode(m, width - outer))
        extras = torch.rand(k, generator=generator)
        has_lines = extras < 0.3
        if has_lines.any():
            ring[has_lines] = _inner_lines(m[has_lines], ring[has_lines], width[has_lines].float(), generator)
        has_gaps = (extras > 0.5) & (extras < 0.8)
        if has_gaps.any():
            ring[has_gaps] = _gaps(ring[has_gaps], generator)
        out[outline] = ring
    return (_frame(out) * 255).round().clamp(0, 255).to(torch.uint8).numpy()


def sketch_variants(silhouettes: np.ndarray, variants: int, seed: int, chunk: int = 1024,
                    cancelled: Callable[[], bool] | None = None) -> np.ndarray:
    """`variants` sketches of every silhouette: uint8 (variants, N, 28, 28), made once per run."""
    generator = torch.Generator().manual_seed(seed + 7919)
    out = np.zeros((variants, len(silhouettes), 28, 28), np.uint8)
    for v in range(variants):
        for start in range(0, len(silhouettes), chunk):
            if cancelled is not None and cancelled():
                return out
            out[v, start : start + chunk] = render_sketches(silhouettes[start : start + chunk], generator)
    return out
