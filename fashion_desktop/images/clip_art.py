"""Clip-art and icons of garments: the sketch benchmark's shapes drawn as a designer draws them.

Issue 13 asks for designer-drawn clip-art and icons to be read right. Third-party artwork may not
be used, so this set is a stand-in made from the project's own hand-made shapes
(`sketch_shapes.SHAPES`, an evaluation set never trained on): straight clean edges, anti-aliased,
no wobble, centred with a margin, as a file a person downloads. Four kinds:

- ``line art``: a dark outline with the inner lines (a coat's opening, a collar, a sole), on white;
- ``flat colour``: a fill of any colour inside a dark outline, inner lines in the outline's colour,
  on white, PNG or JPEG;
- ``icon``: a solid glyph in one dark colour; its inner lines are cut out of it in the background's
  colour, as icon sets draw them; on white or on transparency;
- ``cut-out``: a flat colour with a darker outline of the same hue on a transparent background.

Each drawing takes a random image size and aspect, size and place in it, a small tilt, a line
width and colours; side views face left as in the data set (`mirror=True` faces them right).
Deterministic by seed, about 3 ms a drawing. Real clip-art has more: shading, patterns, several
colours; a figure here is a lower bound on how far off that can be, not a measurement of it.
"""

from __future__ import annotations

import colorsys
import io
import math

import numpy as np
from PIL import Image, ImageDraw

from fashion_desktop.images.sketch_shapes import SHAPES, Shape
from fashion_desktop.images.sketches import rendered_set

STYLES = ("line art", "flat colour", "icon", "cut-out")
SEED = 13_131  # the benchmark's own seed; training must not draw from these shapes or this seed
SUPERSAMPLE = 3  # drawn at three times the size and reduced: anti-aliased edges, as exported artwork has


def _place(shape: Shape, rng: np.random.Generator, width: int, height: int, mirror: bool
           ) -> list[tuple[list[tuple[float, float]], str]]:
    """Scale, tilt a little and centre the shape's paths (with a random margin) in a width × height image."""
    angle = math.radians(rng.uniform(-4, 4))
    rot = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    stretch = np.array([rng.uniform(0.9, 1.1), 1.0])
    kinds = [(p, "body") for p in shape.body] + [(p, "line") for p in shape.lines] + \
        [(p, "detail") for p in shape.details]
    paths = [((np.asarray(p, np.float64) * stretch) @ rot.T, kind) for p, kind in kinds]
    every = np.vstack([p for p, _ in paths])
    low, high = every.min(axis=0), every.max(axis=0)
    scale = rng.uniform(0.6, 0.9) * min(width / (high - low)[0], height / (high - low)[1])
    size = (high - low) * scale
    corner = (np.array([width, height]) - size) * rng.uniform(0.3, 0.7, 2)
    placed = []
    for p, kind in paths:
        q = (p - low) * scale + corner
        if mirror:
            q[:, 0] = width - q[:, 0]
        placed.append(([tuple(v) for v in q], kind))
    return placed


def _colour(rng: np.random.Generator, lightness: tuple[float, float], saturation: tuple[float, float] = (0.2, 1.0)
            ) -> tuple[int, int, int]:
    r, g, b = colorsys.hls_to_rgb(rng.uniform(0, 1), rng.uniform(*lightness), rng.uniform(*saturation))
    return round(r * 255), round(g * 255), round(b * 255)


def render(shape: Shape, style: str, rng: np.random.Generator, mirror: bool = False,
           sizes: tuple[int, int] = (128, 513)) -> bytes:
    """One clip-art drawing of `shape` in `style`, `sizes` pixels wide (low, high): the bytes of a PNG
    (or a JPEG for some flat colours)."""
    if style not in STYLES:
        raise ValueError(f"unknown clip-art style {style!r}; choose from {', '.join(STYLES)}")
    width = int(rng.integers(*sizes))
    height = int(width * rng.uniform(0.8, 1.25))
    s = SUPERSAMPLE
    transparent = style == "cut-out" or (style == "icon" and rng.random() < 0.5)
    background = (255, 255, 255, 0 if transparent else 255)
    image = Image.new("RGBA", (width * s, height * s), background)
    draw = ImageDraw.Draw(image)
    line = max(1, round(min(width, height) * s * rng.uniform(0.012, 0.03)))
    dark = _colour(rng, (0.0, 0.25)) + (255,)
    fill = _colour(rng, (0.2, 0.85)) + (255,)
    if style == "cut-out":
        hue, light, sat = colorsys.rgb_to_hls(*(v / 255 for v in fill[:3]))
        r, g, b = colorsys.hls_to_rgb(hue, light * 0.5, sat)  # the fill's own hue, darker
        dark = (round(r * 255), round(g * 255), round(b * 255), 255)
    paths = _place(shape, rng, width * s, height * s, mirror)
    for points, kind in paths:
        if kind != "body":
            continue
        if style == "line art":
            draw.polygon(points, outline=dark, width=line)
        elif style == "icon":
            draw.polygon(points, fill=dark)
        else:
            draw.polygon(points, fill=fill, outline=dark, width=line)
    for points, kind in paths:
        if kind == "line":  # a handle, a strap: part of the glyph in every style
            draw.line(points, fill=dark, width=line, joint="curve")
        elif kind == "detail":
            cut = background if style == "icon" else dark
            draw.line(points, fill=cut, width=max(1, line * 2 // 3), joint="curve")
    image = image.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if style == "flat colour" and rng.random() < 0.5:
        image.convert("RGB").save(out, "JPEG", quality=int(rng.integers(75, 96)))
    else:
        image.save(out, "PNG")
    return out.getvalue()


def clip_art_set(style: str, per_class: int, seed: int = SEED, mirror: bool = False,
                 classes: tuple[int, ...] = tuple(range(10))) -> tuple[np.ndarray, np.ndarray]:
    """`per_class` drawings of each class in `style`, read as the app reads a file: (N, 28, 28) float32
    and labels. The shapes take turns; a mirrored set draws the same pictures facing the other way."""
    return rendered_set(lambda label, variant, rng: render(SHAPES[label][variant % len(SHAPES[label])], style, rng, mirror),
                        STYLES.index(style), per_class, seed, classes)
