"""Everyday drawings that are not garments: what the familiarity score must flag as unfamiliar.

People try the app with whatever they draw — a house, a cat, a smiley, their name. The network
has ten garment outputs and always names one, so the app must know when a drawing is unlike
what it learned (network/familiarity.py). This module draws such things procedurally (our own
shapes, no artwork): a house, a cat, a guitar, a smiley, a car, a tree, a star, text, a face,
a fish, with random proportions, position, tilt and brush, filled or outlined, light on black
as on the canvas or dark pen on paper photographed (noise, JPEG). Each goes through the app's
preprocessing like a user's drawing.

Two uses with separate seeds: `CALIBRATION_SEED` sets the familiarity threshold (at train time),
`EVALUATION_SEED` measures the flag rate (`fashion-desktop evaluate`).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from fashion_desktop.errors import ImageError
from fashion_desktop.images.preprocess import decode_image, prepare_canvas, prepare_image

CALIBRATION_SEED = 4_242
EVALUATION_SEED = 31_337
TRAINING_SEED = 9_001
SIDE = 448
STYLES = ("canvas", "paper")

Points = list[tuple[float, float]]
Drawer = Callable[[ImageDraw.ImageDraw, np.random.Generator, int, bool], None]


def _j(rng: np.random.Generator, value: float, spread: float = 0.06) -> float:
    """A value in the unit square, jittered: no two drawings alike."""
    return value + float(rng.uniform(-spread, spread))


def _poly(draw: ImageDraw.ImageDraw, pts: Points, brush: int, filled: bool) -> None:
    scaled = [(x * SIDE, y * SIDE) for x, y in pts]
    if filled:
        draw.polygon(scaled, fill=255)
    draw.line(scaled + scaled[:1], fill=255, width=brush, joint="curve")


def _ellipse(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], brush: int, filled: bool) -> None:
    x0, y0, x1, y1 = (v * SIDE for v in box)
    draw.ellipse((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), outline=255, width=brush,
                 fill=255 if filled else None)


def _line(draw: ImageDraw.ImageDraw, pts: Points, brush: int) -> None:
    draw.line([(x * SIDE, y * SIDE) for x, y in pts], fill=255, width=brush, joint="curve")


def house(d, r, b, f):
    left, right, eave, base = _j(r, 0.2), _j(r, 0.8), _j(r, 0.45), _j(r, 0.85)
    _poly(d, [(left, eave), (_j(r, 0.5), _j(r, 0.12)), (right, eave), (right, base), (left, base)], b, f)
    if not f:
        door = _j(r, 0.45)
        _poly(d, [(door, base), (door, base - 0.2), (door + 0.1, base - 0.2), (door + 0.1, base)], b, False)


def cat(d, r, b, f):
    cx, cy, rad = _j(r, 0.5), _j(r, 0.55), _j(r, 0.28, 0.04)
    _ellipse(d, (cx - rad, cy - rad * 0.9, cx + rad, cy + rad * 0.9), b, f)
    for side in (-1, 1):
        _poly(d, [(cx + side * rad * 0.9, cy - rad * 0.4), (cx + side * rad * 0.85, cy - rad * 1.45),
                  (cx + side * rad * 0.25, cy - rad * 0.85)], b, f)
    if not f:
        for side in (-1, 1):
            _ellipse(d, (cx + side * rad * 0.4 - 0.03, cy - 0.06, cx + side * rad * 0.4 + 0.03, cy), b, True)
            _line(d, [(cx + side * 0.08, cy + 0.08), (cx + side * 0.35, cy + _j(r, 0.05, 0.04))], b)


def guitar(d, r, b, f):
    cx = _j(r, 0.5)
    _ellipse(d, (cx - 0.2, _j(r, 0.55), cx + 0.2, 0.92), b, f)
    _ellipse(d, (cx - 0.15, _j(r, 0.38), cx + 0.15, 0.68), b, f)
    _poly(d, [(cx - 0.03, 0.4), (cx - 0.03, 0.08), (cx + 0.03, 0.08), (cx + 0.03, 0.4)], b, f)
    _poly(d, [(cx - 0.06, 0.08), (cx - 0.06, 0.02), (cx + 0.06, 0.02), (cx + 0.06, 0.08)], b, True)


def smiley(d, r, b, f):
    cx, cy, rad = _j(r, 0.5), _j(r, 0.5), _j(r, 0.38, 0.05)
    _ellipse(d, (cx - rad, cy - rad, cx + rad, cy + rad), b, False)
    for side in (-1, 1):
        _ellipse(d, (cx + side * 0.13 - 0.04, cy - 0.15, cx + side * 0.13 + 0.04, cy - 0.05), b, True)
    box = [(cx - 0.2) * SIDE, (cy - 0.15) * SIDE, (cx + 0.2) * SIDE, (cy + 0.22) * SIDE]
    d.arc(box, _j(r, 20, 10), _j(r, 160, 10), fill=255, width=b)


def car(d, r, b, f):
    top, bottom = _j(r, 0.38), _j(r, 0.68)
    _poly(d, [(0.08, bottom), (0.08, _j(r, 0.5)), (_j(r, 0.28), 0.5), (_j(r, 0.35), top), (_j(r, 0.65), top),
              (_j(r, 0.75), 0.5), (0.92, _j(r, 0.52)), (0.92, bottom)], b, f)
    for x in (_j(r, 0.27), _j(r, 0.73)):
        _ellipse(d, (x - 0.09, bottom - 0.09, x + 0.09, bottom + 0.09), b, True)


def tree(d, r, b, f):
    cx = _j(r, 0.5)
    _poly(d, [(cx - 0.06, 0.92), (cx - 0.06, 0.6), (cx + 0.06, 0.6), (cx + 0.06, 0.92)], b, f)
    if r.random() < 0.5:
        _ellipse(d, (cx - _j(r, 0.3), _j(r, 0.08), cx + _j(r, 0.3), _j(r, 0.65)), b, f)
    else:  # a fir
        _poly(d, [(cx, _j(r, 0.06)), (cx + _j(r, 0.32), 0.62), (cx - _j(r, 0.32), 0.62)], b, f)


def star(d, r, b, f):
    cx, cy, outer = _j(r, 0.5), _j(r, 0.52), _j(r, 0.42, 0.04)
    inner = outer * _j(r, 0.42, 0.08)
    turn = r.uniform(-0.3, 0.3)
    pts = [(cx + (outer if i % 2 == 0 else inner) * math.sin(turn + i * math.pi / 5),
            cy - (outer if i % 2 == 0 else inner) * math.cos(turn + i * math.pi / 5)) for i in range(10)]
    _poly(d, pts, b, f)


def text(d, r, b, f):
    words = ("Hello", "Anna", "hi!", "TEST", "Max", "Tom", "yes", "Kai", "love", "abc", "Lea", "OK")
    word = words[int(r.integers(len(words)))]
    size = int(r.integers(90, 170))
    try:
        font = ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        font = ImageFont.load_default()
    left, top, right, bottom = d.textbbox((0, 0), word, font=font, stroke_width=b // 4)
    x = (SIDE - (right - left)) / 2 - left + r.uniform(-20, 20)
    y = (SIDE - (bottom - top)) / 2 - top + r.uniform(-20, 20)
    d.text((x, y), word, fill=255, font=font, stroke_width=b // 4, stroke_fill=255)


def face(d, r, b, f):
    cx, cy = _j(r, 0.5), _j(r, 0.5)
    w, h = _j(r, 0.3, 0.04), _j(r, 0.4, 0.04)
    _ellipse(d, (cx - w, cy - h, cx + w, cy + h), b, False)
    for side in (-1, 1):
        _ellipse(d, (cx + side * w * 0.45 - 0.03, cy - h * 0.3 - 0.03, cx + side * w * 0.45 + 0.03,
                     cy - h * 0.3 + 0.03), b, True)
    _line(d, [(cx, cy - 0.05), (cx - 0.03, cy + 0.08), (cx + 0.02, cy + 0.09)], b)
    _line(d, [(cx - w * 0.4, cy + h * 0.5), (cx + w * 0.4, cy + h * _j(r, 0.5, 0.1))], b)
    if r.random() < 0.5:  # hair
        _line(d, [(cx - w, cy - h * 0.4), (cx - w * 0.5, cy - h * 1.05), (cx + w * 0.5, cy - h * 1.05),
                  (cx + w, cy - h * 0.4)], b)


def fish(d, r, b, f):
    cx, cy = _j(r, 0.45), _j(r, 0.5)
    length, height = _j(r, 0.3, 0.04), _j(r, 0.17, 0.04)
    _ellipse(d, (cx - length, cy - height, cx + length, cy + height), b, f)
    tail = cx + length
    _poly(d, [(tail - 0.04, cy), (tail + 0.15, cy - _j(r, 0.14)), (tail + 0.15, cy + _j(r, 0.14))], b, f)
    if not f:
        _ellipse(d, (cx - length * 0.6 - 0.025, cy - 0.05, cx - length * 0.6 + 0.025, cy), b, True)


# Kinds drawn only for outlier exposure: the more kinds it sees, the better the flag carries over to
# kinds it never saw (measured on UNSEEN_KINDS). Nothing here resembles a garment's silhouette.
def sun(d, r, b, f):
    cx, cy, rad = _j(r, 0.5), _j(r, 0.5), _j(r, 0.2, 0.04)
    _ellipse(d, (cx - rad, cy - rad, cx + rad, cy + rad), b, f)
    rays = int(r.integers(6, 13))
    for i in range(rays):
        a = 2 * math.pi * i / rays + r.uniform(-0.1, 0.1)
        _line(d, [(cx + 1.35 * rad * math.cos(a), cy + 1.35 * rad * math.sin(a)),
                  (cx + _j(r, 2.1, 0.3) * rad * math.cos(a), cy + _j(r, 2.1, 0.3) * rad * math.sin(a))], b)


def flower(d, r, b, f):
    cx, cy, rad = _j(r, 0.5), _j(r, 0.35), _j(r, 0.08, 0.02)
    petals = int(r.integers(5, 9))
    for i in range(petals):
        a = 2 * math.pi * i / petals
        px, py = cx + 2 * rad * math.cos(a), cy + 2 * rad * math.sin(a)
        _ellipse(d, (px - rad, py - rad, px + rad, py + rad), b, f)
    _ellipse(d, (cx - rad, cy - rad, cx + rad, cy + rad), b, True)
    _line(d, [(cx, cy + 3 * rad), (cx + _j(r, 0.0, 0.05), 0.93)], b)
    if r.random() < 0.6:  # a leaf
        _poly(d, [(cx, 0.75), (cx + 0.15, _j(r, 0.65)), (cx + 0.05, 0.78)], b, f)


def heart(d, r, b, f):
    cx, cy, size = _j(r, 0.5), _j(r, 0.5), _j(r, 0.38, 0.05)
    pts = [(cx + size * 16 * math.sin(t) ** 3 / 17,
            cy - size * (13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)) / 17)
           for t in np.linspace(0, 2 * math.pi, 40)]
    _poly(d, pts, b, f)


def moon(d, r, b, f):
    cx, cy, rad = _j(r, 0.5), _j(r, 0.5), _j(r, 0.36, 0.04)
    shift = _j(r, 0.45, 0.1) * rad
    outer = [(cx + rad * math.cos(t), cy + rad * math.sin(t)) for t in np.linspace(math.pi / 2, 3 * math.pi / 2, 20)]
    inner = [(cx - shift + rad * math.cos(t), cy + rad * 0.9 * math.sin(t))
             for t in np.linspace(3 * math.pi / 2, math.pi / 2, 20)]
    _poly(d, outer + inner, b, f)


def cloud(d, r, b, f):
    cy = _j(r, 0.5)
    bumps = int(r.integers(3, 6))
    for i in range(bumps):
        x = 0.2 + 0.6 * i / (bumps - 1)
        rad = _j(r, 0.14, 0.04)
        top = cy - rad * (1.2 if 0 < i < bumps - 1 else 0.6)
        _ellipse(d, (x - rad, top - rad, x + rad, top + rad), b, f)
    if r.random() < 0.5:  # rain
        for i in range(int(r.integers(3, 6))):
            x = _j(r, 0.25 + 0.12 * i, 0.03)
            _line(d, [(x, cy + 0.15), (x - 0.04, cy + 0.3)], b)


def lightning(d, r, b, f):
    x, w = _j(r, 0.5), _j(r, 0.18, 0.04)
    _poly(d, [(x + w * 0.3, 0.05), (x - w, _j(r, 0.52)), (x, 0.5), (x - w * 0.6, 0.95), (x + w, _j(r, 0.42)),
              (x + w * 0.1, 0.45), (x + w * 1.1, 0.05)], b, f)


def arrow(d, r, b, f):
    a = r.uniform(0, 2 * math.pi)
    cx, cy, length = _j(r, 0.5), _j(r, 0.5), _j(r, 0.38, 0.05)
    dx, dy = math.cos(a), math.sin(a)
    tip = (cx + dx * length, cy + dy * length)
    _line(d, [(cx - dx * length, cy - dy * length), tip], b)
    for side in (-1, 1):
        _line(d, [tip, (tip[0] - 0.15 * (dx * math.cos(0.5) - side * dy * math.sin(0.5)),
                        tip[1] - 0.15 * (dy * math.cos(0.5) + side * dx * math.sin(0.5)))], b)


def apple(d, r, b, f):
    cx, cy, rad = _j(r, 0.5), _j(r, 0.55), _j(r, 0.3, 0.04)
    for side in (-1, 1):
        _ellipse(d, (cx + side * rad * 0.3 - rad * 0.75, cy - rad * 0.8, cx + side * rad * 0.3 + rad * 0.75,
                     cy + rad * 0.9), b, f)
    _line(d, [(cx, cy - rad * 0.7), (cx + 0.03, cy - rad * 1.3)], b)
    _poly(d, [(cx + 0.03, cy - rad * 1.1), (cx + 0.18, cy - rad * 1.35), (cx + 0.08, cy - rad * 0.95)], b, f)


def spiral(d, r, b, f):
    cx, cy, turns = _j(r, 0.5), _j(r, 0.5), r.uniform(2, 4)
    t = np.linspace(0, turns * 2 * math.pi, 120)
    rad = 0.4 * t / t[-1]
    _line(d, list(zip(cx + rad * np.cos(t), cy + rad * np.sin(t), strict=True)), b)


def scribble(d, r, b, f):
    """A doodle: a few smooth random loops and zigzags."""
    pts = r.uniform(0.15, 0.85, (int(r.integers(5, 12)), 2))
    t = np.linspace(0, 1, 80)
    path = np.column_stack([np.interp(t, np.linspace(0, 1, len(pts)), pts[:, i]) for i in range(2)])
    _line(d, [tuple(p) for p in path], b)


def glyph(d, r, b, f):
    """One large letter or digit."""
    char = "0123456789ABEFGKMNRSWXZ&?@#"[int(r.integers(27))]
    try:
        font = ImageFont.load_default(size=int(r.integers(250, 400)))
    except TypeError:  # Pillow < 10.1
        font = ImageFont.load_default()
    left, top, right, bottom = d.textbbox((0, 0), char, font=font, stroke_width=b // 3)
    d.text(((SIDE - (right - left)) / 2 - left, (SIDE - (bottom - top)) / 2 - top), char, fill=255, font=font,
           stroke_width=b // 3, stroke_fill=255)


def balloons(d, r, b, f):
    for _ in range(int(r.integers(1, 4))):
        cx, cy, rad = r.uniform(0.3, 0.7), r.uniform(0.2, 0.4), _j(r, 0.12, 0.03)
        _ellipse(d, (cx - rad, cy - rad * 1.2, cx + rad, cy + rad * 1.2), b, f)
        _line(d, [(cx, cy + rad * 1.2), (cx + r.uniform(-0.1, 0.1), cy + 0.3), (_j(r, 0.5), 0.92)], b)


DRAWERS: dict[str, Drawer] = {fn.__name__: fn for fn in (
    house, cat, guitar, smiley, car, tree, star, text, face, fish,  # EVERYDAY_KINDS
    sun, flower, heart, moon, cloud, lightning, arrow, apple, spiral, scribble, glyph, balloons)}
# What calibration and evaluation draw: everyday drawings people try the app with.
EVERYDAY_KINDS = ("house", "cat", "guitar", "smiley", "car", "tree", "star", "text", "face", "fish")
# Outlier exposure (training/loop.py) learns from these kinds only. The others are never trained on,
# so `fashion-desktop evaluate --non-garments` can say how the flag carries over to unseen kinds.
TRAINING_KINDS = ("house", "car", "tree", "star", "text", "fish", "sun", "flower", "heart", "moon", "cloud",
                  "lightning", "arrow", "apple", "spiral", "scribble", "glyph", "balloons")
UNSEEN_KINDS = tuple(kind for kind in EVERYDAY_KINDS if kind not in TRAINING_KINDS)
DRAWERS_ORDER = tuple(DRAWERS)  # a kind's random stream depends on the kind, not on which others are drawn


def draw(kind: str, rng: np.random.Generator, filled: bool) -> np.ndarray:
    """One drawing as canvas grey levels (uint8 SIDE×SIDE, light on black), tilted a little."""
    image = Image.new("L", (SIDE, SIDE), 0)
    brush = int(rng.choice((8, 12, 18, 24, 30, 36, 36, 44)))
    DRAWERS[kind](ImageDraw.Draw(image), rng, brush, filled)
    image = image.rotate(float(rng.uniform(-12, 12)), resample=Image.Resampling.BILINEAR)
    scale = rng.uniform(0.55, 1.0)  # drawn small or large, anywhere on the canvas
    side = int(SIDE * scale)
    small = image.resize((side, side), Image.Resampling.BILINEAR)
    canvas = Image.new("L", (SIDE, SIDE), 0)
    canvas.paste(small, (int(rng.integers(0, SIDE - side + 1)), int(rng.integers(0, SIDE - side + 1))))
    return np.asarray(canvas)


def on_paper(ink: np.ndarray, rng: np.random.Generator) -> bytes:
    """The drawing as dark pen on off-white paper, photographed: shading, noise and JPEG."""
    paper = rng.uniform(215, 250) + np.linspace(0, rng.uniform(-25, 25), ink.shape[1])[None, :]
    grey = paper - ink.astype(np.float32) / 255.0 * rng.uniform(150, 210)
    grey += rng.normal(0, rng.uniform(1, 5), grey.shape)
    buffer = io.BytesIO()
    Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8)).convert("RGB").save(
        buffer, "JPEG", quality=int(rng.integers(60, 92)))
    return buffer.getvalue()


def prepared(ink: np.ndarray | bytes) -> np.ndarray:
    """Read a drawing as the app does: the canvas's path (every closed outline filled), or a file's."""
    try:
        if isinstance(ink, bytes):
            return prepare_image(decode_image(io.BytesIO(ink), "drawing")).pixels
        return prepare_canvas(ink).pixels
    except ImageError:
        return np.zeros((28, 28), np.float32)


def non_garment_set(per_kind: int, seed: int = EVALUATION_SEED, kinds: tuple[str, ...] = EVERYDAY_KINDS,
                    cancelled: Callable[[], bool] | None = None) -> tuple[np.ndarray, list[str]]:
    """`per_kind` drawings of every kind, half filled, half on paper: (N, 28, 28) float32 and their kinds.

    About 25 ms a drawing on one core; `cancelled` ends it early (the rest stay blank).
    """
    pixels = np.zeros((per_kind * len(kinds), 28, 28), np.float32)
    names: list[str] = []
    for k, kind in enumerate(kinds):
        rng = np.random.default_rng([seed, DRAWERS_ORDER.index(kind)])
        for i in range(per_kind):
            if cancelled is not None and i % 50 == 0 and cancelled():
                return pixels, names
            ink = draw(kind, rng, filled=bool(i % 2))
            pixels[k * per_kind + i] = prepared(on_paper(ink, rng) if (i // 2) % 2 else ink)
            names.append(kind)
    return pixels, names
