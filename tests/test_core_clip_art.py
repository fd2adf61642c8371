"""The clip-art benchmark's drawings: clean files a person downloads, in every style, read as files are."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from fashion_desktop.images import clip_art
from fashion_desktop.images.sketch_shapes import SHAPES, SIDE_VIEW
from fashion_desktop.images.sketches import prepare


@pytest.mark.parametrize("style", clip_art.STYLES)
def test_every_style_draws_every_class_as_an_image_file(style):
    for label in range(10):
        data = clip_art.render(SHAPES[label][0], style, np.random.default_rng(label))
        image = Image.open(io.BytesIO(data))
        assert image.format in ("PNG", "JPEG")
        rgba = np.asarray(image.convert("RGBA"), np.float32)
        border = np.concatenate([rgba[0], rgba[-1], rgba[:, 0], rgba[:, -1]])
        if style == "cut-out":
            assert (border[:, 3] == 0).all(), "a cut-out has nothing but transparency round it"
            assert (rgba[..., 3] == 255).any()
        else:  # transparent icons and opaque pictures alike show white round the garment
            assert (border[:, 3] == 0).all() or np.median(border[:, :3]) > 240
        pixels = prepare(data)  # as the app reads a file
        assert pixels.shape == (28, 28) and (pixels > 0.2).mean() > 0.05, "the app finds the garment"


def test_icons_cut_their_inner_lines_out_of_the_glyph():
    """A coat icon shows its opening as a gap in the glyph, not as more ink: the app must see it as a line."""
    from dataclasses import replace

    coat = SHAPES[4][0]  # its opening is a detail line down the middle

    def ink(shape) -> np.ndarray:
        data = clip_art.render(shape, "icon", np.random.default_rng(3))
        rgba = np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"), np.float32)
        return (rgba[..., 3] > 128) & (rgba[..., :3].mean(axis=2) < 128)

    cut, whole = ink(coat), ink(replace(coat, details=()))
    cols = np.flatnonzero(whole.any(axis=0))
    middle = (cols[0] + cols[-1]) // 2
    band = np.s_[:, middle - 3 : middle + 4]  # the opening runs down the glyph's middle
    assert cut[band].sum() < 0.7 * whole[band].sum()


def test_sets_are_deterministic_by_seed_and_labelled_per_class():
    a, labels = clip_art.clip_art_set("flat colour", 2, seed=7)
    b, _ = clip_art.clip_art_set("flat colour", 2, seed=7)
    c, _ = clip_art.clip_art_set("flat colour", 2, seed=8)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert labels.tolist() == [label for label in range(10) for _ in range(2)]


def test_mirrored_side_views_face_the_other_way():
    left, _ = clip_art.clip_art_set("icon", 3, seed=1, classes=SIDE_VIEW)
    right, _ = clip_art.clip_art_set("icon", 3, seed=1, classes=SIDE_VIEW, mirror=True)
    as_mirror = np.abs(right - left[:, :, ::-1]).mean(axis=(1, 2))  # the same drawings, up to a pixel's rounding
    as_is = np.abs(right - left).mean(axis=(1, 2))
    assert (as_mirror < 0.3 * as_is).all()


def test_unknown_style_is_refused():
    with pytest.raises(ValueError, match="unknown clip-art style"):
        clip_art.render(SHAPES[0][0], "watercolour", np.random.default_rng(0))
