"""The named awkward files of issue 6, each with what the user gets.

Cases already proven in test_core_preprocess.py (not repeated here): 0-byte, text named .png
(test_bad_files), truncated PNG (test_truncated_png), folder (test_missing_file_and_directory),
unreadable (test_unreadable_file, simulated: tests run as root, where chmod 000 does not stop a
read), 16-bit (test_sixteen_bit_png), animated GIF (test_animated_gif_uses_first_frame),
EXIF-rotated (test_exif_orientation_is_applied), fully transparent / all white / all black
(test_blank_images_say_nothing_to_classify), TIFF CMYK (test_formats_give_the_same_input).
"""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image, ImageFile

from fashion_desktop.errors import EmptyImageError, ImageError
from fashion_desktop.images import preprocess as P


def _garment(size: tuple[int, int] = (120, 90)) -> np.ndarray:
    """A light garment-like block on black."""
    grey = np.zeros(size, np.uint8)
    h, w = size
    grey[h // 6 : h - h // 6, w // 4 : w - w // 4] = 210
    return grey


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def test_decompression_bomb_is_refused_before_any_pixel_is_decoded(tmp_path, monkeypatch):
    decoded = []
    original = ImageFile.ImageFile.load
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: decoded.append(self) or original(self))
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_header_only(30_000, 30_000))  # 900 megapixels claimed by a 100-byte file
    with pytest.raises(ImageError, match="refused before decoding"):
        P.prepare_file(path)
    assert decoded == []


def test_a_bomb_just_over_the_limit_is_refused_and_one_under_is_not_refused_for_size(tmp_path):
    side = int(P.MAX_PIXELS ** 0.5) + 1
    over = tmp_path / "over.png"
    over.write_bytes(_png_header_only(side, side))
    with pytest.raises(ImageError, match="megapixels"):
        P.prepare_file(over)
    under = tmp_path / "under.png"
    under.write_bytes(_png_header_only(side - 2, side - 2))  # claims fewer pixels than the limit, holds none
    with pytest.raises(ImageError) as caught:
        P.prepare_file(under)
    assert "megapixels" not in str(caught.value) and "damaged or truncated" in str(caught.value)


@pytest.mark.parametrize("name, fmt", [("really_a_png.jpg", "PNG"), ("really_a_jpeg.png", "JPEG"),
                                       ("really_a_bmp.gif", "BMP"), ("no_extension", "PNG")])
def test_wrong_extension_is_read_by_content(tmp_path, name, fmt):
    """The same bytes under a misleading name give exactly the input they give under the right one."""
    right = tmp_path / f"right.{fmt.lower()}"
    Image.fromarray(_garment()).save(right, format=fmt)
    wrong = tmp_path / name
    wrong.write_bytes(right.read_bytes())
    out = P.prepare_file(wrong)
    assert np.array_equal(out.pixels, P.prepare_file(right).pixels)
    assert out.pixels.max() > 0.9


def test_truncated_jpeg(tmp_path):
    buffer = io.BytesIO()
    Image.fromarray(np.random.default_rng(1).integers(0, 255, (300, 300), dtype=np.uint8)).save(buffer, "JPEG")
    path = tmp_path / "cut.jpg"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(ImageError, match="damaged or truncated"):
        P.prepare_file(path)


@pytest.mark.parametrize("value", [0, 128, 255])
def test_one_by_one_pixel_is_nothing_to_classify(tmp_path, value):
    path = tmp_path / "dot.png"
    Image.new("L", (1, 1), value).save(path)
    with pytest.raises(EmptyImageError, match="nothing to classify"):
        P.prepare_file(path)


def test_one_by_ten_thousand_uniform_strip_is_nothing_to_classify(tmp_path):
    path = tmp_path / "strip.png"
    Image.new("L", (10_000, 1), 200).save(path)
    with pytest.raises(EmptyImageError):
        P.prepare_file(path)


@pytest.mark.parametrize("transpose", [False, True])
def test_one_by_ten_thousand_strip_with_content_gives_a_valid_input(tmp_path, transpose):
    strip = np.zeros((1, 10_000), np.uint8)
    strip[0, 4_000:6_000] = 255
    path = tmp_path / "strip.png"
    Image.fromarray(strip.T.copy() if transpose else strip).save(path)
    out = P.prepare_file(path)
    assert out.pixels.shape == (28, 28) and np.isfinite(out.pixels).all()
    assert 0 < out.pixels.max() <= 1


def test_palette_with_transparency(tmp_path):
    """A GIF-style palette whose background index is transparent: the garment, not the palette order."""
    grey = _garment()
    palette = Image.fromarray(grey).convert("P")
    background = palette.getpixel((0, 0))
    path = tmp_path / "palette.png"
    palette.save(path, transparency=background)
    out = P.prepare_file(path)
    assert out.inverted  # transparent background composited onto white, as a product photo
    reference = P.prepare_grey(grey.astype(np.float32)).pixels
    assert np.abs(out.pixels - reference).mean() < 0.05


def test_cmyk_jpeg(tmp_path):
    photo = Image.fromarray(255 - _garment()).convert("RGB")  # dark garment on white, like a photo
    path = tmp_path / "print.jpg"
    photo.convert("CMYK").save(path, "JPEG", quality=95)
    assert Image.open(path).mode == "CMYK"
    out = P.prepare_file(path)
    reference = P.prepare_image(photo).pixels
    assert out.inverted and np.abs(out.pixels - reference).mean() < 0.05


def test_sixteen_bit_greyscale_with_garment_on_white(tmp_path):
    values = np.full((120, 90), 65535, np.uint16)
    values[20:100, 25:65] = 9000
    path = tmp_path / "deep.png"
    Image.fromarray(values).save(path)
    out = P.prepare_file(path)
    assert out.inverted and out.pixels.max() > 0.9


def test_near_empty_canvas_speck_is_nothing_to_classify():
    """A tap with the smallest brush on the 448×448 canvas: no confident class for a dot."""
    canvas = np.zeros((448, 448), np.uint8)
    canvas[200:203, 300:303] = 255
    with pytest.raises(EmptyImageError, match="nothing to classify"):
        P.prepare_grey(canvas, light_on_dark=True)


@pytest.mark.parametrize("value", [0, 255])
def test_all_black_and_all_white_canvas_are_nothing_to_classify(value):
    with pytest.raises(EmptyImageError):
        P.prepare_grey(np.full((448, 448), value, np.uint8), light_on_dark=True)
