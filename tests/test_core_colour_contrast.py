"""A garment that differs from its surface by colour rather than brightness is still found."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from fashion_desktop.images import colour_contrast
from fashion_desktop.images import preprocess as P

LUMA = np.array([0.299, 0.587, 0.114])


def _photo(surface, colour, side: int = 300, box=(90, 60, 210, 250), noise: float = 3.0) -> Image.Image:
    """A T-shaped garment of `colour` on `surface` (RGB), sensor noise, JPEG, decoded as the app does."""
    rng = np.random.default_rng(5)
    rgb = np.empty((side, side, 3), np.float32)
    rgb[:] = surface
    left, top, right, bottom = box
    rgb[top:bottom, left:right] = colour
    rgb[top : top + 40, left - 50 : right + 50] = colour  # sleeves
    rgb += rng.normal(0, noise, rgb.shape)
    buffer = io.BytesIO()
    Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB").save(buffer, "JPEG", quality=85)
    return P.decode_image(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize(("surface", "colour"), [
    ((40, 140, 40), (225, 40, 40)),  # a red jumper on a green carpet
    ((150, 110, 70), (60, 110, 230)),  # a blue dress on a brown floor
    ((200, 200, 200), (250, 210, 40)),  # a yellow shirt on a light-grey sheet
])
def test_a_garment_as_bright_as_its_surface_is_found_by_its_colour(surface, colour):
    """Luminances within a few levels: by luminance alone the garment all but vanished ("blank", or
    a box of noise); by colour it is the same garment as dark on white."""
    assert abs(float(LUMA @ np.subtract(colour, surface))) < 12  # the case this is about
    got = P.prepare_image(_photo(surface, colour))
    plain = P.prepare_image(_photo((245, 245, 245), (30, 30, 30)))
    assert np.abs(np.subtract(got.bbox, plain.bbox)).max() <= 3
    assert np.abs(got.pixels - plain.pixels).mean() < 0.08  # JPEG halves colour resolution: softer edges


@pytest.mark.parametrize(("surface", "colour"), [
    ((245, 245, 245), (40, 40, 40)),  # a grey garment on white: a neutral photo
    ((240, 240, 235), (20, 30, 90)),  # navy on white: luminance carries the difference
    ((30, 30, 30), (230, 200, 60)),  # a yellow shirt on black
])
def test_where_luminance_tells_the_garment_apart_it_is_kept_unchanged(surface, colour):
    """The garment's own shading is what the data set's pictures hold: luminance stays, bit for bit."""
    image = P.shrink(_photo(surface, colour))
    grey = P.luminance(image)
    assert colour_contrast.grey_by_colour(_never_asked, grey) is grey
    assert not P.prepare_image(_photo(surface, colour)).by_colour


def _never_asked() -> Image.Image:
    raise AssertionError("the colour was asked for: luminance alone should have decided")


def test_grey_pictures_and_a_blank_coloured_sheet_pass_through():
    sheet = _photo((90, 160, 200), (90, 160, 200))  # nothing on it but noise
    grey = P.luminance(P.shrink(sheet))
    assert colour_contrast.grey_by_colour(lambda: P.shrink(sheet), grey) is grey
    with pytest.raises(P.EmptyImageError):  # blank, not a garment made of the colour's noise
        P.prepare_image(sheet)


def test_a_grey_picture_is_read_by_luminance_alone():
    """Only RGB pictures have a colour to look at; a grey one (or a cut-out) goes by its levels."""
    photo = _photo((245, 245, 245), (30, 30, 30))
    got = P.prepare_image(photo.convert("L"))
    assert not got.by_colour
    assert np.abs(got.pixels - P.prepare_image(photo).pixels).max() < 0.02
