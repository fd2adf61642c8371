"""Framing that ignores noise, outlines that become shapes, shoes either way round (issue 13)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from fashion_desktop.images import framing, outlines
from fashion_desktop.images import preprocess as P


def _paper(width: int = 400, height: int = 400, level: float = 235.0) -> np.ndarray:
    return np.full((height, width), level, np.float32)


def _dark_garment(grey: np.ndarray, box=(120, 100, 280, 320)) -> np.ndarray:
    """A dark T-shaped garment on the light picture (a product photo's garment)."""
    left, top, right, bottom = box
    grey[top:bottom, left:right] = 40
    grey[top : top + 50, left - 60 : right + 60] = 40  # sleeves
    return grey


def _jpeg(grey: np.ndarray, quality: int = 70) -> Image.Image:
    buffer = io.BytesIO()
    Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8)).convert("RGB").save(buffer, "JPEG", quality=quality)
    return P.decode_image(io.BytesIO(buffer.getvalue()))


def _bbox_fraction(prepared: P.Prepared, picture_side: int) -> float:
    left, top, right, bottom = prepared.bbox
    return max(right - left, bottom - top) / min(P.WORK_SIZE, picture_side)


@pytest.mark.parametrize("sigma", [2, 5, 8])
def test_sensor_noise_and_jpeg_do_not_grow_the_box(sigma):
    rng = np.random.default_rng(sigma)
    clean = _dark_garment(_paper())
    noisy = clean + rng.normal(0, sigma, clean.shape)
    expected = P.prepare_image(Image.fromarray(clean.astype(np.uint8)))
    got = P.prepare_image(_jpeg(noisy, quality=60))
    # the garment spans 280 of 400 pixels: the box must stay the garment's, not the picture's
    assert abs(_bbox_fraction(got, 400) - 0.7) < 0.05
    assert np.abs(got.pixels - expected.pixels).mean() < 0.08  # the noise on the garment itself remains


def test_a_speck_in_a_corner_is_not_framed():
    grey = _dark_garment(_paper())
    grey[8:16, 380:388] = 20  # dust, darker than the garment
    grey[370:372, 10:60] = 90  # a pencil mark
    with_marks = P.prepare_image(Image.fromarray(grey.astype(np.uint8)))
    without = P.prepare_image(Image.fromarray(_dark_garment(_paper()).astype(np.uint8)))
    assert with_marks.bbox == without.bbox
    assert np.abs(with_marks.pixels - without.pixels).max() < 0.02  # and it sets no contrast either


def test_light_falling_off_across_the_sheet_is_background():
    ys, xs = np.mgrid[0:400, 0:400]
    shade = 1.0 - 0.3 * (xs + ys) / 800  # a quarter darker in one corner
    grey = _dark_garment(_paper()) * shade
    prepared = P.prepare_image(_jpeg(grey, quality=85))
    assert abs(_bbox_fraction(prepared, 400) - 0.7) < 0.05



def _lamp(height: int, width: int, fall_off: float, centre=(0.4, 0.6)) -> np.ndarray:
    """A lamp's light: 1 at `centre` (shares of the frame), `1 - fall_off` at the farthest corner."""
    ys, xs = np.mgrid[0:height, 0:width]
    r2 = (ys / height - centre[0]) ** 2 + (xs / width - centre[1]) ** 2
    return 1.0 - fall_off * r2 / r2.max()


def _sandal(ink: float = 40.0) -> np.ndarray:
    """A flip-flop on paper, 400 × 320: a thin sole and three straps, little ink for its box."""
    picture = Image.fromarray(_paper(320, 400).astype(np.uint8))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((60, 230, 260, 244), fill=int(ink))
    for x in (90, 150, 210):
        draw.line([(x, 230), (x + 30, 170)], fill=int(ink), width=6)
    return np.asarray(picture, np.float32)


@pytest.mark.parametrize("fall_off", [0.3, 0.5])
def test_a_lamps_fall_off_towards_the_corners_is_background(fall_off):
    """Under one lamp (or a phone lens's vignetting) the corners are darker than the edges'
    middles, which a plane cannot follow: with half the light in the corners they were framed as
    garment, and a sandal came out a thin line across the whole picture."""
    rng = np.random.default_rng(7)
    lit = _sandal() * _lamp(400, 320, fall_off) + rng.normal(0, 3, (400, 320))
    prepared = P.prepare_image(_jpeg(lit, quality=85))
    evenly_lit = P.prepare_image(Image.fromarray(_sandal().astype(np.uint8)))
    assert np.abs(np.subtract(prepared.bbox, evenly_lit.bbox)).max() <= 2
    assert np.abs(prepared.pixels - evenly_lit.pixels).mean() < 0.03


def test_the_background_follows_a_lamps_light_inside_the_border():
    """Fitted on the border alone, the bowl of light is right in the middle too (within the noise)."""
    light = 240 * _lamp(300, 200, 0.4)
    rng = np.random.default_rng(3)
    fitted = framing.background((light + rng.normal(0, 2, light.shape)).astype(np.float32))
    assert np.abs(fitted - light).max() < 6


def test_background_plane_is_a_level_for_clean_pictures():
    level = framing.background(_dark_garment(_paper()))
    assert np.ndim(level) == 0 and level == pytest.approx(235)
    ys, xs = np.mgrid[0:200, 0:300]
    plane = 200 + 0.1 * xs - 0.05 * ys
    fitted = framing.background(plane.astype(np.float32))
    assert np.abs(fitted - plane).max() < 0.5


def test_blank_noisy_paper_is_nothing_to_classify():
    rng = np.random.default_rng(1)
    paper = _paper() + rng.normal(0, 8, (400, 400))
    with pytest.raises(P.EmptyImageError):
        P.prepare_image(_jpeg(paper, quality=60))


def test_dataset_sized_pictures_keep_every_pixel():
    """At the network's scale one pixel is detail: a lone faint pixel still counts."""
    image = np.zeros((28, 28), np.float32)
    image[4:24, 8:20] = 200
    image[26, 2] = 60
    assert P.content_bbox(image) == (2, 4, 20, 27)
    image[26, 2] = 20  # fainter than a sixth of the garment: still framed at this scale
    assert P.content_bbox(image) == (2, 4, 20, 27)


def _shadowed(grey: np.ndarray, strength: float, drop: int = 14, blur: float = 9.0) -> np.ndarray:
    """`grey` with the soft shadow its dark garment casts `drop` pixels lower onto the background."""
    garment = grey < 128
    shadow = Image.fromarray(garment.astype(np.uint8) * 255).transform(
        (grey.shape[1], grey.shape[0]), Image.Transform.AFFINE, (1, 0, 0, 0, 1, -drop))
    halo = np.asarray(shadow.filter(ImageFilter.GaussianBlur(blur)), np.float32) / 255.0
    return np.where(garment, grey, grey * (1.0 - strength * halo))


@pytest.mark.parametrize(("strength", "drop", "blur"), [(0.15, 14, 9), (0.3, 6, 12), (0.3, 0, 10), (0.45, 0, 10)])
def test_a_soft_drop_shadow_is_not_framed_as_garment(strength, drop, blur):
    """A product photo's shadow fades into the background: the box grows past the garment by at
    most half as far as the shadow visibly reaches (framing all of it made the garment smaller)."""
    clean = _dark_garment(_paper())
    shadowed = _shadowed(clean, strength, drop, blur)
    ys, xs = np.nonzero(clean - shadowed > 2)  # visibly darker: 2 grey levels
    garment_box = (60, 100, 340, 320)  # the T's sleeves and hem (`_dark_garment`)
    reach = np.abs(np.array([xs.min(), ys.min(), xs.max() + 1, ys.max() + 1]) - garment_box) * P.WORK_SIZE / 400
    without = P.prepare_image(_jpeg(clean, quality=85))
    with_shadow = P.prepare_image(_jpeg(shadowed, quality=85))
    growth = np.abs(np.array(with_shadow.bbox) - without.bbox)
    assert np.all(growth <= reach / 2 + 1), (growth, reach)


def test_a_white_garment_with_a_dark_print_keeps_its_faint_body():
    """The shadow rule must not mistake a faint garment for a halo around its own dark print."""
    rng = np.random.default_rng(3)
    grey = _paper(level=250.0)
    body = _dark_garment(_paper(level=250.0)) < 128
    grey[body] = 238.0  # a white T-shirt on white: 12 grey levels darker than the background
    grey[170:240, 160:240] = 60.0  # its print, a fifth of it
    got = P.prepare_image(_jpeg(grey + rng.normal(0, 2, grey.shape), quality=85))
    expected = P.prepare_image(Image.fromarray(np.where(body, 40, 250).astype(np.uint8)))
    assert all(abs(a - b) <= 3 for a, b in zip(got.bbox, expected.bbox)), (got.bbox, expected.bbox)


# ------------------------------------------------------------------ outlines


def _outline(brush: int, gap: int = 0, side: int = 448) -> np.ndarray:
    """A T-shirt outline drawn light on black with a round brush, optionally left open by `gap` pixels."""
    image = Image.new("L", (side, side), 0)
    draw = ImageDraw.Draw(image)
    s = side / 448
    points = [(170, 60), (110, 70), (40, 150), (95, 200), (130, 170), (130, 390), (320, 390), (320, 170),
              (355, 200), (410, 150), (340, 70), (280, 60), (225, 95)]
    points = [(x * s, y * s) for x, y in points] + [(170 * s, 60 * s + gap)]
    draw.line(points, fill=255, width=brush, joint="curve")
    for x, y in (points[0], points[-1]):
        draw.ellipse((x - brush / 2, y - brush / 2, x + brush / 2, y + brush / 2), fill=255)
    return np.asarray(image)


@pytest.mark.parametrize("brush", [6, 20, 36, 56])
def test_canvas_outlines_are_filled_at_any_brush_width(brush):
    prepared = P.prepare_canvas(_outline(brush))
    assert prepared.filled
    assert prepared.pixels[14, 14] > 0.9  # the middle of the shirt is garment, not a hole


@pytest.mark.parametrize("side", [448, 200])
def test_a_hairline_outline_on_the_canvas_is_filled(side):
    """The smallest brush at a tablet's lightest touch leaves a line a pixel wide: halved with the
    canvas, it is faint in places, and still a closed outline."""
    canvas = np.zeros((448, 448), np.uint8)
    canvas[:side, :side] = _outline(1, side=side)
    prepared = P.prepare_canvas(canvas)
    assert prepared.filled and prepared.pixels[14, 14] > 0.9


@pytest.mark.parametrize("brush", [20, 36])
def test_a_gap_up_to_a_brush_width_is_closed(brush):
    image = _outline(brush, gap=int(1.8 * brush))  # the ends' ink is about 0.8 brush apart
    ink = image > 127
    assert not P.enclosed(ink).any(), "the drawing really is open"
    prepared = P.prepare_canvas(image)
    assert prepared.filled and prepared.pixels[14, 14] > 0.9


def test_trouser_legs_stay_apart():
    image = Image.new("L", (448, 448), 0)
    ImageDraw.Draw(image).line([(150, 40), (300, 40), (320, 420), (260, 420), (225, 150), (190, 420), (130, 420),
                                (150, 40)], fill=255, width=36, joint="curve")
    prepared = P.prepare_canvas(np.asarray(image))
    hem = prepared.pixels[25]
    assert prepared.filled
    assert hem[12:17].min() < 0.3  # between the legs, at the hem: background
    assert hem[8:11].min() > 0.7 and hem[18:21].min() > 0.7  # the legs themselves: filled


@pytest.mark.parametrize("brush", [8, 20, 36])
def test_a_coats_opening_stays_a_darker_line_when_its_outline_is_filled(brush):
    """Filling over a coat's opening would leave a pullover: the line inside stays, dimmer, as the data set's seams."""
    plain = _outline(brush)
    coat = Image.fromarray(plain.copy())
    ImageDraw.Draw(coat).line([(225, 95), (225, 390)], fill=255, width=brush)  # the opening, neck to hem
    without, with_line = P.prepare_canvas(plain), P.prepare_canvas(np.asarray(coat))
    assert without.filled and with_line.filled
    darkest = with_line.pixels[12:20, 13:15].min(axis=1)  # each row's darkest pixel down the middle of the body
    assert (darkest > 0.3).all() and (darkest < 0.8).all() and without.pixels[12:20, 13:15].min() > 0.9
    sides = np.s_[12:20, 9:11]  # the body beside the line: filled as before
    assert with_line.pixels[sides].min() > 0.9
    assert abs(with_line.pixels.sum() - without.pixels.sum()) < 0.1 * without.pixels.sum()


def test_a_patch_painted_inside_an_outline_stays_solid_in_its_middle():
    """A logo painted on a shirt's chest is not a seam: only its edge by the bare inside reads as a line."""
    image = Image.new("L", (448, 448), 0)
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 80, 368, 368), outline=255, width=30)
    draw.ellipse((150, 150, 300, 300), fill=255)
    filled, was_filled = outlines.fill_outlines(np.asarray(image, np.float32)[60:390, 60:390], drawing=True)
    assert was_filled
    assert filled[165, 165] == 255.0  # the patch's middle, 75 px from bare paper: painted, as drawn
    assert filled[165, 92] == outlines.INNER_LINE  # its edge, beside what was bare inside: a line


@pytest.mark.parametrize("brush", [4, 12, 36])
def test_files_fill_thick_and_thin_outlines_alike(brush):
    paper = 255 - _outline(brush, side=600).astype(np.float32) * 0.85  # dark pen on white
    prepared = P.prepare_image(_jpeg(paper, quality=85))
    assert prepared.filled and prepared.pixels[14, 14] > 0.9


@pytest.mark.parametrize(("brush", "side", "encode"), [(1, 1200, "png"), (1, 700, "png"), (2, 900, "jpeg")])
def test_a_pen_line_a_pixel_or_two_wide_is_filled_too(brush, side, encode):
    """A drawing in Paint's pencil or a fine pen, scanned: shrunk to the working size, the line is a
    fraction of a pixel, as faint as a quarter of its ink where it falls between pixels; it is still
    one closed line."""
    paper = (255 - _outline(brush, side=side)).astype(np.float32)
    picture = _jpeg(paper, quality=90) if encode == "jpeg" else Image.fromarray(paper.astype(np.uint8))
    prepared = P.prepare_image(picture)
    assert prepared.filled and prepared.pixels[14, 14] > 0.9


def test_a_photographed_garment_is_not_filled():
    """Shades of grey with dark patches inside (a print, a shadow): not an outline."""
    rng = np.random.default_rng(3)
    photo = _paper(400, 400, 245)
    photo[60:340, 100:300] = np.linspace(40, 200, 200)[None, :] + rng.normal(0, 6, (280, 200))
    photo[150:250, 160:240] = 245  # a light patch enclosed by the garment
    prepared = P.prepare_image(_jpeg(photo))
    assert not prepared.filled
    assert prepared.pixels[14, 14] < 0.2


def test_stroke_width_is_measured_from_the_ink():
    ink = np.zeros((200, 200), bool)
    ink[20:180, 50:62] = True  # a 12-pixel band
    assert outlines.stroke_width(ink) == pytest.approx(12, rel=0.1)


def test_closing_bridges_small_gaps_only():
    ink = np.zeros((60, 60), bool)
    ink[10:50, 10:14] = True
    ink[10:50, 20:24] = True  # 6 pixels apart
    assert outlines.close_gaps(ink, 3)[30, 17]
    assert not outlines.close_gaps(ink, 2)[30, 17]
