"""Each preprocessing step, and whole files of every kind people hand the app."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from fashion_desktop.errors import EmptyImageError, ImageError
from fashion_desktop.images import preprocess as P


def garment(h: int = 40, w: int = 20, canvas: tuple[int, int] = (100, 100), at: tuple[int, int] = (10, 30)) -> np.ndarray:
    """A light rectangle 'garment' with some texture on black."""
    image = np.zeros(canvas, np.uint8)
    top, left = at
    image[top : top + h, left : left + w] = 200
    image[top : top + h : 4, left : left + w] = 255
    return image


# ------------------------------------------------------------------ steps


def test_border_level_and_polarity():
    white = np.full((50, 50), 250.0)
    white[10:40, 20:30] = 30
    assert P.border_level(white) == 250
    assert P.needs_inversion(white)
    assert not P.needs_inversion(255 - white)


@pytest.mark.parametrize(("background", "garment"), [(110, 20), (150, 245), (90, 200), (170, 60)])
def test_a_garment_on_a_mid_grey_surface_is_found_whichever_way_it_differs(background, garment):
    """A black jacket on a grey table, a white shirt on a grey floor: polarity comes from which way
    the picture departs from its background, not from the background's level (the level alone
    negated half of these into "the image is blank")."""
    rng = np.random.default_rng(background)
    picture = np.full((300, 260), float(background))
    picture[60:240, 70:190] = garment  # a body
    picture[60:110, 30:230] = garment  # sleeves
    noisy = np.clip(picture + rng.normal(0, 3, picture.shape), 0, 255).astype(np.uint8)
    got = P.prepare_image(Image.fromarray(noisy))
    clean = np.where(picture == background, 0, 255).astype(np.uint8)  # the same garment, light on black
    expected = P.prepare_image(Image.fromarray(clean))
    assert got.inverted == (garment < background)
    assert all(abs(a - b) <= 2 for a, b in zip(got.bbox, expected.bbox)), (got.bbox, expected.bbox)
    assert np.abs(got.pixels - expected.pixels).mean() < 0.1  # the sensor noise on the garment remains


def test_normalise_subtracts_background_and_stretches():
    grey = np.full((20, 20), 40.0)
    grey[5:10, 5:10] = 140
    out = P.normalise(grey)
    assert out[0, 0] == 0 and out[6, 6] == pytest.approx(255)


def test_normalise_of_flat_image_is_black():
    assert not P.normalise(np.full((10, 10), 90.0)).any()


def test_content_bbox():
    assert P.content_bbox(garment().astype(np.float32)) == (30, 10, 50, 50)


def test_content_threshold_follows_background_noise():
    clean = np.zeros((40, 40), np.float32)
    noisy = np.random.default_rng(0).normal(10, 6, (40, 40)).clip(0, 255).astype(np.float32)
    assert P.content_threshold(clean) == 4.0
    assert 30 < P.content_threshold(noisy) <= 40


def test_fit_centres_like_the_data_set():
    """Odd margins put the extra pixel on top/left: a 15-row garment spans rows 7–21, as in the data set."""
    out = P.fit(np.full((15, 28), 255.0))
    rows = np.flatnonzero(out.max(1) > 0)
    assert (rows[0], rows[-1]) == (7, 21)


def test_content_bbox_of_blank_raises_empty():
    with pytest.raises(EmptyImageError, match="nothing to classify"):
        P.content_bbox(np.zeros((50, 50), np.float32))


def test_fit_keeps_aspect_and_centres():
    out = P.fit(np.full((40, 20), 255.0))
    cols = np.flatnonzero(out.max(0) > 128)
    rows = np.flatnonzero(out.max(1) > 128)
    assert rows[0] == 0 and rows[-1] == 27  # the longest side fills the frame, as in the dataset
    assert 13 <= len(cols) <= 15 and abs((cols[0] + cols[-1]) / 2 - 13.5) <= 0.5


def test_enclosed_finds_holes_only():
    ring = np.zeros((9, 9), bool)
    ring[1, 1:8] = ring[7, 1:8] = ring[1:8, 1] = ring[1:8, 7] = True
    holes = P.enclosed(ring)
    assert holes[2:7, 2:7].all() and holes.sum() == 25
    ring[4, 7] = False  # open the outline: nothing is enclosed any more
    assert not P.enclosed(ring).any()


def test_closed_outline_is_filled_but_photo_is_not():
    outline = np.zeros((60, 60), np.float32)
    outline[5:55, 10:14] = outline[5:55, 46:50] = outline[5:9, 10:50] = outline[51:55, 10:50] = 255
    filled, did = P.fill_outlines(outline)
    assert did and filled[30, 30] == 255
    textured = np.zeros((60, 60), np.float32)
    textured[5:55, 10:50] = np.linspace(30, 220, 40)[None, :]
    textured[20:40, 20:40] = 0  # a dark patch inside a photo is not a hole to fill
    same, did = P.fill_outlines(textured)
    assert not did and same[30, 30] == 0


def test_open_outline_is_left_alone():
    outline = np.zeros((60, 60), np.float32)
    outline[5:55, 10:14] = outline[5:55, 46:50] = outline[5:9, 10:50] = 255
    _, did = P.fill_outlines(outline)
    assert not did


def test_luminance_composites_alpha_on_white():
    rgba = np.zeros((4, 4, 4), np.uint8)
    rgba[..., 3] = 0  # fully transparent black is white paper
    rgba[0, 0] = (0, 0, 0, 255)
    grey = P.luminance(Image.fromarray(rgba, "RGBA"))
    assert grey[1, 1] == 255 and grey[0, 0] == 0


def test_luminance_of_16_bit():
    values = (np.arange(16, dtype=np.uint16).reshape(4, 4) * 4000)
    grey = P.luminance(Image.fromarray(values))
    assert grey.max() == pytest.approx(60000 * 255 / 65535, rel=1e-3)


def test_prepare_grey_recovers_dataset_images(test_split):
    """A Fashion-MNIST picture is already framed as the network expects: it passes (nearly) unchanged."""
    errors = [np.abs(P.prepare_grey(image.astype(np.float32), light_on_dark=True).pixels * 255 - image).mean()
              for image in test_split.images[:200]]
    assert np.median(errors) < 0.5 and np.percentile(errors, 90) < 3  # a few have faint edges re-framed


# ------------------------------------------------------------------ whole files


def _save(tmp_path, image: Image.Image, name: str, **options) -> str:
    path = tmp_path / name
    image.save(path, **options)
    return str(path)


def _garment_photo(size=(300, 400)) -> Image.Image:
    """A dark garment on white, as a product photo."""
    return Image.fromarray(255 - garment(160, 80, canvas=size[::-1], at=(100, 120))).convert("RGB")


@pytest.mark.parametrize("name, convert, options", [
    ("photo.png", "RGB", {}),
    ("photo.jpg", "RGB", {"quality": 85}),
    ("photo.bmp", "RGB", {}),
    ("photo.webp", "RGB", {}),
    ("photo.gif", "P", {}),
    ("photo.tiff", "CMYK", {}),
    ("palette.png", "P", {}),
    ("grey.png", "L", {}),
])
def test_formats_give_the_same_input(tmp_path, name, convert, options):
    reference = P.prepare_image(_garment_photo()).pixels
    path = _save(tmp_path, _garment_photo().convert(convert), name, **options)
    out = P.prepare_file(path)
    assert out.inverted
    assert np.abs(out.pixels - reference).mean() < 0.05


def test_exif_orientation_is_applied(tmp_path):
    photo = _garment_photo((300, 400))  # taller than wide
    sideways = photo.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    path = _save(tmp_path, sideways, "rotated.jpg", exif=exif, quality=95)
    upright = P.prepare_file(path).pixels
    reference = P.prepare_image(photo).pixels
    assert np.abs(upright - reference).mean() < 0.06


def test_transparent_cutout(tmp_path):
    rgba = np.zeros((200, 200, 4), np.uint8)
    rgba[..., :3] = 255  # white where transparent must not matter: colour is junk
    rgba[40:160, 70:130] = (60, 60, 60, 255)
    out = P.prepare_file(_save(tmp_path, Image.fromarray(rgba, "RGBA"), "cutout.png"))
    assert out.pixels[14, 14] > 0.9 and out.pixels[14, 0] == 0


def test_sixteen_bit_png(tmp_path):
    values = np.zeros((100, 100), np.uint16)
    values[20:80, 30:70] = 50000
    out = P.prepare_file(_save(tmp_path, Image.fromarray(values), "deep.png"))
    assert out.pixels.max() > 0.9


def test_animated_gif_uses_first_frame(tmp_path):
    first = Image.fromarray(garment()).convert("P")
    second = Image.fromarray(np.zeros((100, 100), np.uint8)).convert("P")
    path = tmp_path / "anim.gif"
    first.save(path, save_all=True, append_images=[second])
    assert P.prepare_file(path).pixels.max() > 0.9


def test_large_jpeg_photo(tmp_path):
    path = _save(tmp_path, _garment_photo((3000, 4000)), "big.jpg", quality=90)
    out = P.prepare_file(path)
    assert out.pixels.shape == (28, 28) and out.pixels.max() > 0.9


@pytest.mark.parametrize("kind", ["white", "black", "transparent"])
def test_blank_images_say_nothing_to_classify(tmp_path, kind):
    if kind == "transparent":
        image = Image.new("RGBA", (50, 50), (0, 0, 0, 0))
    else:
        image = Image.new("L", (50, 50), 255 if kind == "white" else 0)
    with pytest.raises(EmptyImageError, match="nothing to classify"):
        P.prepare_file(_save(tmp_path, image, f"{kind}.png"))


def _bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")


@pytest.mark.parametrize("name, content, message", [
    ("empty.png", b"", "empty"),
    ("notes.png", b"this is not an image, just text\n" * 10, "not an image"),
    ("bomb.png", _bomb_png(40000, 40000), "megapixels"),
])
def test_bad_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImageError, match=message):
        P.prepare_file(path)


def test_truncated_png(tmp_path):
    buffer = io.BytesIO()
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (200, 200), dtype=np.uint8)).save(buffer, "PNG")
    path = tmp_path / "cut.png"
    path.write_bytes(buffer.getvalue()[:2000])
    with pytest.raises(ImageError, match="damaged or truncated"):
        P.prepare_file(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ImageError, match="no such file"):
        P.prepare_file(tmp_path / "missing.png")
    with pytest.raises(ImageError, match="folder"):
        P.prepare_file(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    """As root, chmod does not stop reads, so the refusal the OS gives a user is simulated."""
    path = tmp_path / "secret.png"
    Image.fromarray(garment()).save(path)

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(P, "open", refuse, raising=False)
    with pytest.raises(ImageError, match="permission denied"):
        P.prepare_file(path)
