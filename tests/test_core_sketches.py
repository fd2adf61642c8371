"""The sketch benchmark's drawings: every class and style, deterministic by seed, mirrored exactly."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from fashion_desktop.images import sketches
from fashion_desktop.images.sketch_shapes import SHAPES, SIDE_VIEW


def test_every_class_has_several_distinct_shapes():
    assert len(SHAPES) == 10
    for label, shapes in enumerate(SHAPES):
        assert len(shapes) >= 3, f"class {label} needs several shapes, not one template"
        assert len({shape.body for shape in shapes}) == len(shapes)


@pytest.mark.parametrize("style", sketches.STYLES)
def test_every_style_draws_every_class_on_its_medium(style):
    for label in range(10):
        drawing = sketches.render(label, label, style, np.random.default_rng(label))
        if style.startswith("canvas"):
            assert drawing.shape == (448, 448) and drawing.dtype == np.uint8
            grey = drawing.astype(np.float32)
            ink = grey > 127
            assert 0.005 < ink.mean() < 0.6, "light ink on a black canvas"
            assert np.median(grey[0]) == 0
        else:
            photo = Image.open(io.BytesIO(drawing))
            assert photo.format == "JPEG" and photo.mode == "RGB"
            grey = np.asarray(photo.convert("L"), np.float32)
            border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
            assert np.median(border) > 150, "dark pen on light paper"
            assert grey.min() < 100
        pixels = sketches.prepare(drawing)
        assert pixels.shape == (28, 28) and pixels.any()


def test_sets_are_deterministic_by_seed_and_labelled_per_class():
    a, labels = sketches.sketch_set("canvas outline", 2, seed=7)
    b, _ = sketches.sketch_set("canvas outline", 2, seed=7)
    c, _ = sketches.sketch_set("canvas outline", 2, seed=8)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert labels.tolist() == [label for label in range(10) for _ in range(2)]
    paper = sketches.sketch_set("paper filled", 1, seed=3)[0]
    assert np.array_equal(paper, sketches.sketch_set("paper filled", 1, seed=3)[0])


def test_mirrored_canvas_drawings_are_exact_mirror_images():
    for label in SIDE_VIEW:
        left = sketches.render(label, 1, "canvas filled", np.random.default_rng([1, label]))
        right = sketches.render(label, 1, "canvas filled", np.random.default_rng([1, label]), mirror=True)
        assert np.array_equal(right, left[:, ::-1])


def test_side_views_face_left_like_the_data_set():
    """The toe (low, long end) is on the left: the right half holds the taller part (heel, shaft)."""
    for label in (7, 9):
        for variant in range(len(SHAPES[label])):
            grey = sketches.render(label, variant, "canvas filled", np.random.default_rng(variant))
            cols = np.flatnonzero((grey > 127).any(axis=0))
            middle = (cols[0] + cols[-1]) // 2
            height = (grey > 127).sum(axis=0)
            assert height[middle:].sum() > height[:middle].sum()


def test_unknown_style_is_refused():
    with pytest.raises(ValueError, match="unknown sketch style"):
        sketches.render(0, 0, "crayon", np.random.default_rng(0))
