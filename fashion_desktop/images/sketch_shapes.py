"""Hand-made garment shapes, drawn as a person sketches them, for the sketch benchmark.

Written by hand for this project (no third-party artwork): a few distinct shapes per class, so the
benchmark is not one memorised template. Tops and dresses are seen from the front; sandals,
sneakers and ankle boots from the side with the toe to the left, as Fashion-MNIST shows them; a
bag has its handle; trousers are two legs. Coordinates are in a frame about 100 units across,
x to the right and y down; `sketches.render` scales, tilts and wobbles them.

A shape has `body` polygons (filled in a filled sketch, outlined in an outline sketch), `lines`
drawn as strokes in both styles (a bag's handle, a sandal's straps) and `details` drawn only in
outline sketches (a coat's opening, a collar, a sole line): a person filling a shape paints over them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Points = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Shape:
    name: str
    body: tuple[Points, ...]
    lines: tuple[Points, ...] = ()
    details: tuple[Points, ...] = ()


def arc(cx: float, cy: float, rx: float, ry: float, start: float, end: float, steps: int = 10) -> Points:
    """Points on an elliptical arc, angles in degrees (0 = right, 90 = down)."""
    return tuple((cx + rx * math.cos(math.radians(start + (end - start) * i / steps)),
                  cy + ry * math.sin(math.radians(start + (end - start) * i / steps))) for i in range(steps + 1))


def _neck(left: float, right: float, top: float, depth: float) -> Points:
    """A round neckline from (right, top) back to (left, top), dipping `depth` below."""
    cx, rx = (left + right) / 2, (right - left) / 2
    return arc(cx, top, rx, depth, 0, 180, 6)[1:-1]


T_SHIRTS = (
    Shape("t-shirt", (((38, 5), (20, 8), (0, 30), (12, 43), (22, 34), (22, 100), (78, 100), (78, 34),
                       (88, 43), (100, 30), (80, 8), (62, 5)) + _neck(38, 62, 5, 9)[::-1],)),
    Shape("boxy tee", (((35, 0), (14, 3), (0, 22), (9, 34), (20, 28), (20, 92), (80, 92), (80, 28),
                        (91, 34), (100, 22), (86, 3), (65, 0)) + _neck(35, 65, 0, 10)[::-1],)),
    Shape("tank top", (((28, 0), (35, 0), (40, 16), (60, 16), (65, 0), (72, 0), (74, 22), (84, 38),
                        (84, 100), (16, 100), (16, 38), (26, 22)),)),
    Shape("v-neck tee", (((40, 4), (22, 6), (4, 26), (14, 40), (24, 32), (24, 100), (76, 100), (76, 32),
                          (86, 40), (96, 26), (78, 6), (60, 4), (50, 22)),)),
)

TROUSERS = (  # two legs, with the gap between them a person leaves
    Shape("straight trousers", (((2, 0), (48, 0), (50, 100), (36, 100), (25, 26), (14, 100), (0, 100)),),
          details=(((2, 6), (48, 6)),)),
    Shape("flared trousers", (((8, 0), (42, 0), (54, 100), (35, 100), (25, 30), (15, 100), (-4, 100)),)),
    Shape("slim trousers", (((0, 0), (50, 0), (47, 100), (35, 100), (25, 24), (15, 100), (3, 100)),),
          details=(((0, 7), (50, 7)), ((25, 0), (25, 16)))),
    Shape("wide trousers", (((4, 0), (46, 0), (56, 100), (34, 100), (25, 34), (16, 100), (-6, 100)),)),
)

PULLOVERS = (
    Shape("pullover", (((38, 2), (22, 6), (8, 30), (0, 92), (13, 95), (20, 45), (22, 100), (78, 100),
                        (80, 45), (87, 95), (100, 92), (92, 30), (78, 6), (62, 2)) + _neck(38, 62, 2, 8)[::-1],),
          details=(((1, 86), (13, 89)), ((87, 89), (99, 86)), ((22, 93), (78, 93)))),
    Shape("sweater arms out", (((38, 0), (22, 4), (0, 58), (11, 65), (24, 36), (24, 100), (76, 100), (76, 36),
                                (89, 65), (100, 58), (78, 4), (62, 0)) + _neck(38, 62, 0, 9)[::-1],)),
    Shape("jumper", (((36, 0), (18, 5), (4, 40), (2, 96), (15, 96), (19, 48), (24, 92), (26, 100), (74, 100),
                      (76, 92), (81, 48), (85, 96), (98, 96), (96, 40), (82, 5), (64, 0))
                     + _neck(36, 64, 0, 7)[::-1],)),
)

DRESSES = (
    Shape("a-line dress", (((22, 0), (28, 0), (31, 10), (39, 10), (42, 0), (48, 0), (50, 22), (46, 40),
                            (70, 100), (0, 100), (24, 40), (20, 22)),)),
    Shape("fitted dress", (((26, 0), (14, 3), (8, 14), (17, 17), (20, 12), (23, 38), (8, 100), (62, 100),
                            (47, 38), (50, 12), (53, 17), (62, 14), (56, 3), (44, 0)) + _neck(26, 44, 0, 6)[::-1],),
          details=(((23, 38), (47, 38)),)),
    Shape("column dress", (((22, 0), (30, 0), (35, 6), (41, 0), (48, 0), (52, 30), (50, 100), (20, 100), (18, 30)),)),
    Shape("skater dress", (((24, 0), (30, 0), (34, 8), (42, 8), (46, 0), (52, 0), (54, 30), (80, 86), (70, 92),
                            (38, 96), (6, 92), (-4, 86), (22, 30)),),
          details=(((22, 30), (54, 30)),)),
)

COATS = (
    Shape("coat", (((36, 0), (20, 4), (6, 30), (0, 96), (13, 98), (20, 45), (20, 110), (80, 110), (80, 45),
                    (87, 98), (100, 96), (94, 30), (80, 4), (64, 0), (50, 30)),),
          details=(((50, 30), (50, 110)), ((36, 0), (42, 22), (50, 30)), ((64, 0), (58, 22), (50, 30)))),
    Shape("zip jacket", (((38, 0), (22, 4), (6, 32), (2, 90), (14, 92), (20, 46), (20, 96), (80, 96), (80, 46),
                          (86, 92), (98, 90), (94, 32), (78, 4), (62, 0), (50, 6)),),
          details=(((50, 6), (50, 96)), ((20, 88), (80, 88)))),
    Shape("long coat", (((34, 0), (18, 5), (6, 34), (2, 100), (14, 102), (20, 50), (16, 124), (84, 124), (80, 50),
                         (86, 102), (98, 100), (94, 34), (82, 5), (66, 0), (50, 36)),),
          details=(((50, 36), (48, 124)), ((20, 70), (46, 70)), ((54, 70), (80, 70)))),
)

SHIRTS = (
    Shape("shirt", (((38, 0), (44, 10), (50, 4), (56, 10), (62, 0), (78, 4), (94, 30), (100, 92), (88, 95),
                     (80, 45), (80, 100), (20, 100), (20, 45), (12, 95), (0, 92), (6, 30), (22, 4)),),
          details=(((50, 4), (50, 100)), ((38, 0), (50, 4), (62, 0)))),
    Shape("button shirt", (((36, 0), (40, 12), (50, 6), (60, 12), (64, 0), (80, 5), (92, 32), (98, 96), (86, 98),
                            (80, 48), (80, 96), (64, 102), (50, 98), (36, 102), (20, 96), (20, 48), (14, 98),
                            (2, 96), (8, 32), (20, 5)),),
          details=(((50, 6), (50, 98)), ((0, 88), (14, 90)), ((86, 90), (98, 88)))),
    Shape("loose shirt", (((37, 0), (43, 12), (50, 5), (57, 12), (63, 0), (80, 4), (100, 60), (90, 66), (76, 36),
                           (78, 100), (22, 100), (24, 36), (10, 66), (0, 60), (20, 4)),),
          details=(((50, 5), (50, 100)),)),
)

SANDALS = (
    Shape("flat sandal", (((0, 88), (4, 80), (96, 78), (100, 84), (98, 92), (4, 94)),),
          lines=(((12, 80), (24, 56), (38, 79)), ((45, 79), (60, 50), (74, 78)), ((60, 50), (92, 42), (98, 80)))),
    Shape("heeled sandal", (((0, 90), (4, 84), (40, 80), (70, 60), (98, 38), (100, 44), (96, 58), (96, 100),
                             (90, 100), (88, 62), (70, 72), (40, 92), (6, 96)),),
          lines=(((6, 84), (20, 62), (38, 80)), ((68, 61), (80, 24), (98, 38)))),
    Shape("slide", (((0, 88), (4, 80), (96, 78), (100, 84), (98, 92), (4, 94)),
                    ((10, 80), (20, 58), (40, 52), (56, 60), (60, 79), (46, 79), (40, 66), (24, 70), (22, 80))),),
    Shape("wedge sandal", (((0, 88), (6, 80), (50, 76), (96, 56), (100, 62), (100, 96), (50, 96), (4, 96)),),
          lines=(((8, 80), (22, 58), (44, 77)), ((60, 70), (78, 30), (98, 57)), ((78, 30), (66, 28)))),
)

SNEAKERS = (
    Shape("sneaker", (((0, 88), (3, 74), (22, 66), (40, 58), (52, 48), (72, 46), (94, 42), (100, 56), (100, 92),
                       (4, 96)),),
          details=(((2, 86), (100, 86)), ((42, 58), (50, 66)), ((48, 54), (56, 62)))),
    Shape("low-top", (((0, 90), (3, 80), (30, 72), (46, 62), (62, 64), (80, 58), (98, 56), (100, 96), (5, 98)),),
          details=(((2, 90), (100, 90)),)),
    Shape("runner", (((0, 86), (8, 74), (35, 66), (50, 54), (70, 54), (88, 46), (98, 48), (100, 94), (2, 94)),),
          details=(((4, 86), (100, 86)), ((35, 66), (56, 80)))),
    Shape("slip-on", (((0, 92), (2, 82), (14, 74), (40, 68), (60, 68), (78, 62), (96, 60), (100, 72), (98, 96),
                       (6, 98)),),
          details=(((1, 90), (99, 90)),)),
)

BAGS = (
    Shape("tote", (((5, 40), (95, 40), (100, 100), (0, 100)),),
          lines=(arc(50, 40, 24, 36, 180, 360, 12),)),
    Shape("handbag", (((14, 46), (86, 46), (100, 100), (0, 100)),),
          lines=(arc(50, 46, 18, 30, 180, 360, 10),), details=(((14, 46), (50, 66), (86, 46)),)),
    Shape("box bag", (((0, 34), (100, 34), (100, 100), (0, 100)),),
          lines=(arc(32, 34, 12, 26, 180, 360, 8), arc(68, 34, 12, 26, 180, 360, 8))),
    Shape("satchel", (((4, 30), (96, 30), (98, 96), (2, 96)),),
          lines=(((30, 30), (30, 10), (70, 10), (70, 30)),), details=(((4, 30), (4, 60), (96, 60), (96, 30)),)),
)

ANKLE_BOOTS = (
    Shape("ankle boot", (((48, 0), (96, 0), (96, 70), (100, 100), (80, 100), (78, 94), (4, 96), (0, 86), (6, 72),
                          (36, 62), (50, 50)),),
          details=(((2, 88), (80, 88)),)),
    Shape("heeled boot", (((50, 0), (92, 0), (94, 60), (98, 72), (98, 100), (86, 100), (84, 84), (40, 86), (4, 94),
                           (0, 86), (10, 74), (40, 60), (52, 40)),)),
    Shape("chelsea boot", (((42, 0), (94, 0), (98, 96), (2, 96), (0, 84), (8, 72), (34, 64), (44, 44)),),
          details=(((60, 4), (64, 56), (78, 58), (82, 4)), ((0, 86), (98, 86)))),
    Shape("lace-up boot", (((46, 0), (90, 0), (94, 40), (100, 96), (4, 98), (0, 86), (4, 76), (28, 68), (44, 50)),),
          details=(((46, 14), (56, 20)), ((46, 28), (56, 34)), ((44, 42), (54, 48)))),
)

# Index = Fashion-MNIST label.
SHAPES: tuple[tuple[Shape, ...], ...] = (T_SHIRTS, TROUSERS, PULLOVERS, DRESSES, COATS, SANDALS, SHIRTS,
                                         SNEAKERS, BAGS, ANKLE_BOOTS)
SIDE_VIEW = (5, 7, 9)  # drawn from the side, toe to the left: their mirror is the facing-right drawing
