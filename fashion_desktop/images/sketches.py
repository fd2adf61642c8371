"""The sketch benchmark: hand-made garment shapes rendered as people really draw them.

A person who tries the app draws a crude garment with the mouse (light on black, a 36-pixel brush
on the 448×448 canvas) or photographs a pen drawing on paper. Neither looks like Fashion-MNIST,
so the test set cannot say how the app does on them; this set can. Each shape of
`sketch_shapes.SHAPES` is rendered many times with a random size, position, aspect, tilt, wobble
and brush width, in four styles:

- ``canvas filled`` / ``canvas outline``: white ink on black at 448×448, brushes 12–60 px
  (mostly the default 36), read by `prepare_canvas` exactly as the window does;
- ``paper filled`` / ``paper outline``: dark pen on off-white paper, photographed: a shading
  gradient across the sheet, sensor noise and JPEG, read back by `decode_image` → `prepare_image`
  like a user's file.

Outlines sometimes do not quite close (a gap up to a brush width), as hurried drawings do.
Side views (sandal, sneaker, ankle boot) face left like the data set; `mirror=True` renders the
same drawings facing right. Everything is deterministic by seed and vectorised (PIL.ImageDraw,
numpy), about 1–3 ms a drawing. This is an evaluation set: training generates its sketches from
the Fashion-MNIST training images, never from these shapes or seeds.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from fashion_desktop.errors import ImageError
from fashion_desktop.images.preprocess import (
    decode_image,
    prepare_canvas,
    prepare_image,
)
from fashion_desktop.images.sketch_shapes import SHAPES, Shape

STYLES = ("canvas filled", "canvas outline", "paper filled", "paper outline")
CANVAS = 448
CANVAS_BRUSHES = (12, 18, 24, 30, 36, 36, 36, 36, 44, 52, 60)
SEED = 13_013  # the benchmark's own seed; training must not draw from these shapes or this seed
GAP_CHANCE = 0.35  # of an outline being left open by up to a brush width


def _wobble(points: np.ndarray, closed: bool, amplitude: float, rng: np.random.Generator) -> np.ndarray:
    """Densify a path and bend it smoothly, as a hand does (low-frequency sines along the length)."""
    if closed:
        points = np.vstack([points, points[:1]])
    seg = np.hypot(*np.diff(points, axis=0).T)
    length = np.concatenate([[0.0], np.cumsum(seg)])
    total = max(length[-1], 1e-6)
    count = max(8, int(total / 2.5))
    t = np.linspace(0.0, total, count)
    dense = np.column_stack([np.interp(t, length, points[:, 0]), np.interp(t, length, points[:, 1])])
    phase = t / total
    shift = np.zeros_like(dense)
    for axis in range(2):
        for _ in range(3):
            freq = rng.integers(1, 5) if closed else rng.uniform(0.5, 3.0)
            size = rng.normal(0, amplitude / 2)  # drawn before the phase: the benchmark's seeds stay put
            shift[:, axis] += size * np.sin(2 * np.pi * freq * phase + rng.uniform(0, 2 * np.pi))
    return dense + shift


def _layout(shape: Shape, rng: np.random.Generator, width: int, height: int, brush: float,
            size: tuple[float, float] = (0.45, 0.85)):
    """Jitter the vertices, stretch, tilt, wobble, then scale and place the shape on the image."""
    jitter = rng.uniform(0.0, 2.0)
    stretch = rng.uniform(0.85, 1.15)
    angle = math.radians(rng.uniform(-10, 10))
    rot = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    wobble = rng.uniform(0.0, 2.5)

    def place(path, closed: bool) -> np.ndarray:
        points = np.asarray(path, np.float64) + rng.normal(0, jitter, (len(path), 2))
        points[:, 0] *= stretch
        return _wobble(points @ rot.T, closed, wobble, rng)

    paths = ([(place(p, True), "body") for p in shape.body] + [(place(p, False), "line") for p in shape.lines]
             + [(place(p, False), "detail") for p in shape.details])
    every = np.vstack([p for p, _ in paths])
    low, high = every.min(axis=0), every.max(axis=0)
    side = rng.uniform(*size) * min(width, height)
    scale = side / max(high - low)
    size = (high - low) * scale
    margin = brush
    left = rng.uniform(margin, max(margin, width - size[0] - margin) + 1e-6)
    top = rng.uniform(margin, max(margin, height - size[1] - margin) + 1e-6)
    return [((p - low) * scale + (left, top), kind) for p, kind in paths]


def _stroke(draw: ImageDraw.ImageDraw, points: np.ndarray, width: float, fill: int) -> None:
    """A round-capped, round-jointed polyline, as a brush leaves it (a disc at every point: wide PIL
    lines alone leave notches between short segments)."""
    xy = [tuple(p) for p in points]
    w = max(1, round(width))
    draw.line(xy, fill=fill, width=w)
    r = w / 2
    if w > 2:
        for x, y in xy:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def _ink(shape: Shape, filled: bool, rng: np.random.Generator, width: int, height: int, brush: float,
         fill_level: int = 255, size: tuple[float, float] = (0.45, 0.85)) -> Image.Image:
    """An 'L' image of the drawing's ink (255 = full ink) at the given size."""
    image = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(image)
    for points, kind in _layout(shape, rng, width, height, brush, size):
        if kind == "body" and filled:
            # painted inside the shape's edge: the brush does not grow it (nor close the legs' gap)
            draw.polygon([tuple(p) for p in points], fill=fill_level)
        elif kind == "body":
            closed = np.vstack([points, points[:1]])
            if rng.random() < GAP_CHANCE:  # an outline that does not quite close
                step = np.hypot(*np.diff(closed, axis=0).T)
                along = np.concatenate([[0.0], np.cumsum(step)])
                # centre-line gap: an ink gap of 0.2–1 brush width, at most a tenth of the outline
                gap = brush + min(brush * rng.uniform(0.2, 1.0), 0.1 * along[-1])
                start = rng.uniform(0, along[-1] - gap)
                keep = (along <= start) | (along >= start + gap)
                cut = int(np.argmax(~keep))
                closed = np.vstack([closed[keep][cut:], closed[keep][:cut]])
            _stroke(draw, closed, brush, 255)
        elif kind == "line" or not filled:
            _stroke(draw, points, brush * (0.8 if kind == "detail" else 1.0), 255)
    return image


def render_canvas(shape: Shape, filled: bool, rng: np.random.Generator, mirror: bool = False) -> np.ndarray:
    """A drawing on the window's canvas: uint8 448×448, white ink on black."""
    brush = float(rng.choice(CANVAS_BRUSHES))
    # On the window's canvas people draw large: the drawing spans 55–90 % of it.
    grey = np.asarray(_ink(shape, filled, rng, CANVAS, CANVAS, brush, size=(0.55, 0.9)))
    return np.ascontiguousarray(grey[:, ::-1]) if mirror else grey


_NOISE_SIDE = 1024
_noise_field: list[np.ndarray] = []


def _noise() -> np.ndarray:
    """One fixed field of unit sensor noise; each photo takes a random crop (drawing fresh noise per
    photo costs more than the rest of the rendering)."""
    if not _noise_field:
        _noise_field.append(np.random.default_rng(SEED).standard_normal((_NOISE_SIDE, _NOISE_SIDE), dtype=np.float32))
    return _noise_field[0]


def render_paper(shape: Shape, filled: bool, rng: np.random.Generator, mirror: bool = False) -> bytes:
    """A pen drawing on off-white paper, photographed: JPEG bytes."""
    width = int(rng.integers(360, 640))
    height = int(width * rng.uniform(0.75, 1.33))
    brush = width * rng.uniform(0.006, 0.018)
    marker = int(rng.integers(170, 256))  # a filled drawing is shaded in, often lighter than the pen line
    ink = _ink(shape, filled, rng, width, height, brush, marker)
    if rng.random() < 0.5:
        ink = ink.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.5)))  # camera focus
    light = 255.0 - np.asarray(ink, np.float32)  # 255 = bare paper, 0 = full ink
    if mirror:
        light = light[:, ::-1]
    direction = rng.uniform(0, 2 * np.pi)
    across = (np.arange(width, dtype=np.float32) / width - 0.5) * np.float32(math.cos(direction))
    down = (np.arange(height, dtype=np.float32) / height - 0.5) * np.float32(math.sin(direction))
    shade = 1.0 - np.float32(rng.uniform(0.05, 0.3)) * (np.add.outer(down, across) + 0.5)  # lit from one side
    light *= shade
    top, left = rng.integers(0, _NOISE_SIDE - height + 1), rng.integers(0, _NOISE_SIDE - width + 1)
    light += _noise()[top : top + height, left : left + width] * np.float32(rng.uniform(2, 8))
    grey = Image.fromarray(np.clip(light, 0, 255).astype(np.uint8), "L")
    paper = tuple(int(v) for v in np.clip(rng.uniform(200, 250) + rng.normal(0, 4, 3), 0, 255))  # tinted
    pen = tuple(int(v) for v in np.clip(rng.choice([[25, 25, 30], [30, 40, 120], [70, 70, 75], [10, 10, 10]])
                                        + rng.normal(0, 6, 3), 0, 255))
    photo = ImageOps.colorize(grey, black=pen, white=paper)
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=int(rng.integers(60, 91)))
    return out.getvalue()


def render(label: int, variant: int, style: str, rng: np.random.Generator, mirror: bool = False) -> np.ndarray | bytes:
    """One drawing of shape `variant` of class `label`: canvas grey levels, or a paper photo's JPEG bytes."""
    if style not in STYLES:
        raise ValueError(f"unknown sketch style {style!r}; choose from {', '.join(STYLES)}")
    shape = SHAPES[label][variant % len(SHAPES[label])]
    filled = style.endswith("filled")
    if style.startswith("canvas"):
        return render_canvas(shape, filled, rng, mirror)
    return render_paper(shape, filled, rng, mirror)


def prepare(drawing: np.ndarray | bytes) -> np.ndarray:
    """Read a drawing the way the app does: the canvas through `prepare_grey`, a file through `prepare_image`."""
    try:
        if isinstance(drawing, bytes):
            return prepare_image(decode_image(io.BytesIO(drawing), "sketch")).pixels
        return prepare_canvas(drawing).pixels
    except ImageError:
        return np.zeros((28, 28), np.float32)  # nothing found counts as a wrong answer


def sketch_set(style: str, per_class: int, seed: int = SEED, mirror: bool = False,
               classes: tuple[int, ...] = tuple(range(10))) -> tuple[np.ndarray, np.ndarray]:
    """`per_class` drawings of each class in `style`, prepared: (N, 28, 28) float32 and labels.

    The shapes take turns, so every variant is drawn about equally often. A mirrored set holds
    exactly the mirror images of the unmirrored set with the same seed.
    """
    return rendered_set(lambda label, variant, rng: render(label, variant, style, rng, mirror),
                        STYLES.index(style), per_class, seed, classes)


def rendered_set(draw: Callable[[int, int, np.random.Generator], np.ndarray | bytes], style_index: int,
                 per_class: int, seed: int, classes: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """`per_class` drawings of each class by `draw(label, variant, rng)`, read by `prepare`, and labels.

    One generator per (seed, style, class): a set with fewer classes or drawings holds the same
    pictures as the full one. Shared by the sketch and clip-art benchmarks.
    """
    pixels = np.zeros((per_class * len(classes), 28, 28), np.float32)
    labels = np.repeat(np.asarray(classes, np.int64), per_class)
    for c, label in enumerate(classes):
        rng = np.random.default_rng([seed, style_index, label])
        for i in range(per_class):
            pixels[c * per_class + i] = prepare(draw(label, i, rng))
    return pixels, labels
