"""Garment drawings made from a few random measurements per class: what people draw, for training.

The sketches made from Fashion-MNIST's own images (training/sketches.py) teach the network that a
garment may come as a crude outline, but only in the data set's own proportions. People draw by
convention instead: a coat with its opening down the middle and a V at the neck (long, or a
jacket as short as a pullover: Fashion-MNIST's coats are mostly jackets, so length alone must not
decide); a shirt with a pointed collar and a button line; trousers as two legs; a boot with its
shaft at the back. Each class here is a small parametric drawing (proportions, sleeve length and
angle, neckline, inner lines) sampled over wide ranges, so no single template is learnt, and
rendered as a person's drawing by the same pen and canvas models as the sketch benchmark
(`sketches.render_canvas` / `render_paper`) or as clip-art (`clip_art.render`: clean lines, flat
colours, icons whose inner lines show through the fill), then read by the app's own preprocessing.

These are the project's own shapes (no third-party artwork) and never the benchmark's
(`sketch_shapes.py`), which stays an evaluation set. Side views face left as in the data set
(`network/orientation.py` reads drawings facing right as their mirror).
Coordinates: x to the right, y down, a garment about 100 units across.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from fashion_desktop.images import clip_art
from fashion_desktop.images.sketch_shapes import Points, Shape, arc
from fashion_desktop.images.sketches import prepare, render_canvas, render_paper

# How a drawing is made: canvas or paper, filled or outline (people draw outlines at least as often),
# or clip-art (`clip_art.STYLES`, one at random): a clean drawing whose fill may hide nothing, since
# its inner lines are drawn over it or cut out of it.
STYLES = (("canvas", True), ("canvas", False), ("paper", True), ("paper", False), ("clip art", True))
STYLE_WEIGHTS = (0.26, 0.3, 0.12, 0.17, 0.15)
CLIP_ART_SIZES = (96, 257)  # smaller than the benchmark's files: the 28-pixel result is the same, at a third of the cost


def _mirror_x(points: Points) -> Points:
    return tuple((100.0 - x, y) for x, y in points)


def _symmetric(right: list[tuple[float, float]], neck: Points) -> Points:
    """A front view from its right half (from the right neck corner round to the hem) and its
    neckline (from the left neck corner to the right one, corners included)."""
    left = _mirror_x(tuple(reversed(right)))
    return tuple(right) + left + neck[1:-1]


def _neckline(rng: np.random.Generator, kind: str, half: float, depth: float) -> Points:
    """From the left neck corner (50 - half, 0) to the right one, as `kind` draws it."""
    if kind == "round":
        return arc(50, 0, half, depth, 180, 0, 6)
    if kind == "v":
        return ((50 - half, 0.0), (50.0, depth), (50 + half, 0.0))
    if kind == "collar":  # a shirt's pointed collar: tips below the neck, the band between
        tip = depth * rng.uniform(0.9, 1.4)
        return ((50 - half, 0.0), (50 - half * 0.25, tip), (50.0, depth * 0.45), (50 + half * 0.25, tip), (50 + half, 0.0))
    return ((50 - half, 0.0), (50 + half, 0.0))  # straight across


def _sleeve(shoulder: tuple[float, float], length: float, angle: float, width: float,
            body_x: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The outer and inner cuff corners of a right sleeve leaving `shoulder` at `angle` degrees below
    the horizontal; an arm hanging down may lie along the body (the inner corner then stays outside it)."""
    a = math.radians(angle)
    outer = (shoulder[0] + length * math.cos(a), shoulder[1] + length * math.sin(a))
    inner = (outer[0] - width * math.sin(a), outer[1] + width * math.cos(a))
    return outer, (max(inner[0], body_x + 1.0), inner[1])


def _top(rng: np.random.Generator, *, sleeve: str, length: tuple[float, float], neck: str,
         neck_depth: tuple[float, float], flare: tuple[float, float] = (-3, 6),
         tails: bool = False) -> tuple[Points, float, float]:
    """A top seen from the front: (outline, neck depth, hem y). `sleeve` is none/short/long."""
    neck_half = rng.uniform(7, 14)
    shoulder = (50 + rng.uniform(20, 30), rng.uniform(2, 9))
    body = 50 + rng.uniform(19, 29)
    hem_y = rng.uniform(*length)
    hem = body + rng.uniform(*flare)
    depth = rng.uniform(*neck_depth)
    right: list[tuple[float, float]] = [(50 + neck_half, 0.0)]
    if sleeve == "none":  # straps and an armhole
        strap = 50 + neck_half + rng.uniform(4, 9)
        right += [(strap, 0.0), (body - 1, rng.uniform(20, 32)), (body, rng.uniform(30, 40))]
    else:
        if sleeve == "short":
            s_len, s_angle, s_width = rng.uniform(10, 28), rng.uniform(15, 50), rng.uniform(12, 20)
        elif rng.random() < 0.65:  # long sleeves hanging down
            s_len, s_angle, s_width = rng.uniform(55, 90), rng.uniform(58, 84), rng.uniform(12, 19)
        else:  # long sleeves held out
            s_len, s_angle, s_width = rng.uniform(45, 75), rng.uniform(20, 55), rng.uniform(12, 19)
        outer, inner = _sleeve(shoulder, s_len, s_angle, s_width, body)
        armpit = shoulder[1] + s_width * rng.uniform(1.0, 1.6) + (8 if sleeve == "short" else 0)
        right += [shoulder, outer, inner, (body, armpit)]
    right.append((hem, hem_y))
    if tails:  # a shirt's curved hem: the sides shorter than the middle
        right[-1] = (hem, hem_y - rng.uniform(4, 10))
        right.append((50 + (hem - 50) * 0.5, hem_y))
    return _symmetric(right, _neckline(rng, neck, neck_half, depth)), depth, hem_y


def _maybe(rng: np.random.Generator, p: float, *lines: Points) -> tuple[Points, ...]:
    return lines if rng.random() < p else ()


def _cuffs(outline: Points, rng: np.random.Generator, p: float) -> tuple[Points, ...]:
    """Short lines across the ends of long sleeves (a pullover's ribbing, a shirt's cuffs)."""
    if rng.random() >= p:
        return ()
    # the cuff corners are the points farthest down-and-out on either side
    left = min(outline, key=lambda q: q[0] - 0.3 * q[1])
    right = max(outline, key=lambda q: q[0] + 0.3 * q[1])
    up = rng.uniform(5, 10)
    return (((left[0] + 2, left[1] - up), (left[0] + 12, left[1] - up + 3)),
            ((right[0] - 2, right[1] - up), (right[0] - 12, right[1] - up + 3)))


def t_shirt(rng: np.random.Generator) -> Shape:
    sleeveless = rng.random() < 0.25
    neck = rng.choice(["round", "round", "v", "straight"])
    outline, _, hem_y = _top(rng, sleeve="none" if sleeveless else "short", length=(75, 110), neck=str(neck),
                             neck_depth=(4, 16))
    return Shape("t-shirt", (outline,), details=_maybe(rng, 0.2, ((30, hem_y - 6), (70, hem_y - 6))))


def pullover(rng: np.random.Generator) -> Shape:
    neck = "round" if rng.random() < 0.8 else "v"
    outline, _, hem_y = _top(rng, sleeve="long", length=(80, 110), neck=neck, neck_depth=(4, 12), flare=(-4, 3))
    band = _maybe(rng, 0.5, ((28, hem_y - rng.uniform(5, 10)), (72, hem_y - rng.uniform(5, 10))))
    return Shape("pullover", (outline,), details=band + _cuffs(outline, rng, 0.5))


def coat(rng: np.random.Generator) -> Shape:
    lapel = rng.random() < 0.7
    outline, depth, hem_y = _top(rng, sleeve="long", length=(85, 150), neck="v" if lapel else "collar",
                                 neck_depth=(15, 40) if lapel else (8, 14), flare=(0, 10))
    x = 50 + rng.uniform(-2, 2)
    details: tuple[Points, ...] = _maybe(rng, 0.85, ((x, depth), (x, hem_y)))
    if lapel:
        details += _maybe(rng, 0.4, ((50 - 12, 0), (50 - 6, depth * 0.7), (50, depth)),
                          ((50 + 12, 0), (50 + 6, depth * 0.7), (50, depth)))
    belt = hem_y * rng.uniform(0.45, 0.6)
    details += _maybe(rng, 0.25, ((28, belt), (72, belt)))
    pocket = hem_y * rng.uniform(0.6, 0.75)
    details += _maybe(rng, 0.3, ((30, pocket), (42, pocket)), ((58, pocket), (70, pocket)))
    return Shape("coat", (outline,), details=details + _cuffs(outline, rng, 0.3))


def shirt(rng: np.random.Generator) -> Shape:
    sleeve = "long" if rng.random() < 0.7 else "short"
    outline, depth, hem_y = _top(rng, sleeve=sleeve, length=(85, 115), neck="collar", neck_depth=(6, 14),
                                 flare=(-3, 3), tails=rng.random() < 0.5)
    placket = _maybe(rng, 0.8, ((50, depth * 0.5), (50, hem_y)))
    pocket = _maybe(rng, 0.3, ((58, 30), (68, 30), (68, 40), (58, 40), (58, 30)))
    return Shape("shirt", (outline,), details=placket + pocket + _cuffs(outline, rng, 0.4))


def dress(rng: np.random.Generator) -> Shape:
    top_half = rng.uniform(12, 20)
    waist_y, waist = rng.uniform(30, 55), rng.uniform(9, 16)
    hem_y = rng.uniform(110, 170)
    hem = rng.uniform(22, 48) if rng.random() < 0.75 else waist + rng.uniform(2, 8)
    neck_half = rng.uniform(5, 9)
    kind = rng.choice(["straps", "sleeves", "sleeveless"], p=[0.45, 0.3, 0.25])
    right: list[tuple[float, float]] = [(50 + neck_half, 0.0)]
    if kind == "straps":
        right += [(50 + neck_half + rng.uniform(3, 6), 0.0), (50 + top_half, rng.uniform(14, 24))]
    elif kind == "sleeves":
        shoulder = (50 + top_half + rng.uniform(2, 6), rng.uniform(1, 5))
        outer, inner = _sleeve(shoulder, rng.uniform(10, 20), rng.uniform(20, 50), rng.uniform(8, 13), 50 + top_half)
        right += [shoulder, outer, inner, (50 + top_half, shoulder[1] + rng.uniform(16, 24))]
    else:
        right += [(50 + top_half + 2, rng.uniform(1, 4)), (50 + top_half, rng.uniform(16, 24))]
    right += [(50 + waist, waist_y), (50 + hem, hem_y)]
    neck = _neckline(rng, str(rng.choice(["round", "v", "straight"])), neck_half, rng.uniform(4, 12))
    outline = _symmetric(right, neck)
    return Shape("dress", (outline,), details=_maybe(rng, 0.4, ((50 - waist, waist_y), (50 + waist, waist_y))))


def trousers(rng: np.random.Generator) -> Shape:
    waist = rng.uniform(18, 28)
    crotch = rng.uniform(18, 42)
    hem_y = rng.uniform(100, 160)
    outer = waist + rng.uniform(-4, 10)
    leg = rng.uniform(12, 26)
    inner = max(1.5, outer - leg)
    outline = ((50 - waist, 0.0), (50 + waist, 0.0), (50 + outer, hem_y), (50 + inner, hem_y), (50.0, crotch),
               (50 - inner, hem_y), (50 - outer, hem_y))
    band = rng.uniform(5, 9)
    details = _maybe(rng, 0.4, ((50 - waist, band), (50 + waist, band))) + _maybe(rng, 0.3, ((50, band), (50, crotch * 0.7)))
    return Shape("trousers", (outline,), details=details)


def sandal(rng: np.random.Generator) -> Shape:
    heel = rng.uniform(20, 45) if rng.random() < 0.4 else 0.0
    thick = rng.uniform(4, 10)
    base = 95.0
    sole: Points
    if heel:  # the sole rises to the back, on a heel
        sole = ((0, base - thick), (45, base - thick - heel * 0.2), (80, base - heel), (100, base - heel - 2),
                (100, base - heel + thick), (96, base - heel + thick), (96, base), (90, base),
                (88, base - heel + thick + 4), (45, base - heel * 0.2), (4, base))
    else:
        sole = ((0, base - thick), (100, base - thick - rng.uniform(0, 4)), (100, base), (2, base))
    top = base - thick - (heel or 0)
    straps: list[Points] = []
    for _ in range(int(rng.integers(2, 5))):
        a = rng.uniform(5, 70)
        b = min(100.0, a + rng.uniform(15, 35))
        lift = rng.uniform(10, 25) + 25 * (a + b) / 200  # higher towards the ankle, as the data set's
        ya = base - thick - heel * a / 100
        yb = base - thick - heel * b / 100
        straps.append(((a, ya), ((a + b) / 2, min(ya, yb) - lift), (b, yb)))
    if rng.random() < 0.5:  # an ankle strap at the back
        straps.append(((80, top), (90, top - rng.uniform(30, 50)), (100, top)))
    return Shape("sandal", (sole,), lines=tuple(straps))


def sneaker(rng: np.random.Generator) -> Shape:
    collar_x, collar_y = rng.uniform(55, 80), rng.uniform(35, 58)
    toe_y = rng.uniform(68, 82)
    upper = ((0, 96), (0, toe_y + 6), (8, toe_y), (rng.uniform(25, 40), toe_y - rng.uniform(6, 14)),
             (collar_x - 10, collar_y + rng.uniform(4, 12)), (collar_x, collar_y), (100, collar_y - rng.uniform(0, 8)),
             (100, 96))
    sole_y = rng.uniform(84, 90)
    details = _maybe(rng, 0.7, ((1, sole_y), (99, sole_y)))
    laces = tuple(((35 + 8 * i, toe_y - 8 - 5 * i), (42 + 8 * i, toe_y - 2 - 5 * i)) for i in range(3))
    details += laces if rng.random() < 0.5 else ()
    details += _maybe(rng, 0.3, ((30, sole_y - 6), (60, sole_y - 14), (85, collar_y + 10)))
    return Shape("sneaker", (upper,), details=details)


def bag(rng: np.random.Generator) -> Shape:
    height = rng.uniform(50, 80)
    top = 100 - height
    inset = rng.uniform(0, 14)
    body = ((inset, top), (100 - inset, top), (100, 100), (0, 100))
    handle = rng.choice(["one", "two", "strap", "none"], p=[0.55, 0.2, 0.12, 0.13])
    lines: tuple[Points, ...] = ()
    if handle == "one":
        lines = (arc(50, top, rng.uniform(14, 30), rng.uniform(18, 40), 180, 360, 10),)
    elif handle == "two":
        r = rng.uniform(9, 14)
        lines = (arc(50 - r - 4, top, r, rng.uniform(16, 30), 180, 360, 8),
                 arc(50 + r + 4, top, r, rng.uniform(16, 30), 180, 360, 8))
    elif handle == "strap":
        lines = (((inset + 3, top), (50, top - rng.uniform(40, 70)), (97 - inset, top)),)
    flap = top + height * rng.uniform(0.3, 0.5)
    details = _maybe(rng, 0.35, ((inset, top), (50, flap), (100 - inset, top)))
    return Shape("bag", (body,), lines=lines, details=details)


def ankle_boot(rng: np.random.Generator) -> Shape:
    shaft_left, shaft_right = rng.uniform(40, 62), rng.uniform(92, 100)
    instep_y = rng.uniform(45, 65)
    toe_y = rng.uniform(70, 84)
    heel = rng.uniform(0, 16)
    sole = 100.0
    outline = [(shaft_left, 0.0), (shaft_right, 0.0), (shaft_right + rng.uniform(0, 4), sole - heel - 8)]
    if heel > 4:
        outline += [(100, sole - heel), (100, sole), (84, sole), (82, sole - heel)]
    else:
        outline += [(100, sole)]
    outline += [(4, sole - heel * 0.3), (0, toe_y + 6), (6, toe_y), (rng.uniform(22, 36), instep_y + rng.uniform(4, 12)),
                (shaft_left, instep_y)]
    details = _maybe(rng, 0.5, ((2, sole - heel - 6), (96, sole - heel - 6)))
    details += _maybe(rng, 0.3, ((shaft_right - 12, 4), (shaft_right - 12, instep_y)))
    return Shape("ankle boot", (tuple(outline),), details=details)


# Index = Fashion-MNIST label.
MAKERS: tuple[Callable[[np.random.Generator], Shape], ...] = (
    t_shirt, trousers, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle_boot)


def drawing(label: int, rng: np.random.Generator) -> np.ndarray:
    """One drawing of class `label` in a random style, read as the app reads it: (28, 28) float32."""
    medium, filled = STYLES[rng.choice(len(STYLES), p=STYLE_WEIGHTS)]
    shape = MAKERS[label](rng)
    if medium == "clip art":
        style = clip_art.STYLES[rng.integers(len(clip_art.STYLES))]
        return prepare(clip_art.render(shape, style, rng, sizes=CLIP_ART_SIZES))
    picture = render_canvas(shape, filled, rng) if medium == "canvas" else render_paper(shape, filled, rng)
    return prepare(picture)


def drawing_set(per_class: int, seed: int, cancelled: Callable[[], bool] | None = None,
                progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """`per_class` drawings of every class: float32 (10, per_class, 28, 28), about 13 ms each.

    `progress(done, total)` hears every hundred; `cancelled` ends it early (the rest stays blank;
    the caller is stopping anyway).
    """
    out = np.zeros((len(MAKERS), per_class, 28, 28), np.float32)
    total = len(MAKERS) * per_class
    for label in range(len(MAKERS)):
        rng = np.random.default_rng([seed, label])
        for i in range(per_class):
            if i % 100 == 0:
                if cancelled is not None and cancelled():
                    return out
                if progress is not None:
                    progress(label * per_class + i, total)
            out[label, i] = drawing(label, rng)
    if progress is not None:
        progress(total, total)
    return out
