"""Any picture → the 28×28 input the network was trained on: a light garment on black, filling the frame.

Fashion-MNIST was made from product photos on white: trimmed to the garment, the longest side
resized to 28, centred, intensities negated. We undo what real files add and redo those steps:
EXIF rotation, transparency, polarity, background level, contrast, framing, and closed outlines
(a line drawing is filled, since the network only ever saw solid garments). Each step is a small
function; `prepare` chains them. Images are shrunk to a working size first, so a 12-megapixel
photo costs a few milliseconds.
"""

from __future__ import annotations

import os
import struct
import warnings
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from fashion_desktop.errors import EmptyImageError, ImageError
from fashion_desktop.i18n import QT_TRANSLATE_NOOP
from fashion_desktop.images import colour_contrast, framing, outlines, paper_lines, resample
from fashion_desktop.images.arrays import median
from fashion_desktop.images.flood import enclosed  # noqa: F401  (re-exported: the silhouettes of training and tests)

SIZE = 28
WORK_SIZE = 224  # longest side while cropping/filling: 8× the output, enough for thin strokes
MAX_PIXELS = 80_000_000  # refuse larger images before decoding (decompression bombs)
CONTENT_THRESHOLD = 24.0  # of 255: what counts as garment rather than background noise
MIN_CONTENT_FRACTION = 0.0005  # fewer garment pixels than this is "nothing to classify"
FAINT_SHARE = 0.1  # of the garment's median level: fainter pixels (a shadow's halo) do not widen its box


@dataclass(frozen=True)
class Prepared:
    """The network's input (float32 28×28 in [0, 1]) and what preprocessing did to get it."""

    pixels: np.ndarray
    inverted: bool = False
    filled: bool = False
    bbox: tuple[int, int, int, int] = (0, 0, 0, 0)  # left, top, right, bottom in the working image
    by_colour: bool = False  # told from its background by colour, not brightness (then drawn dark on white and inverted)


# ---------------------------------------------------------------- reading files


def open_image(path: str | os.PathLike[str]) -> Image.Image:
    """Open and decode an image file (first frame), refusing what cannot or should not be decoded.

    The file is opened first and only a failure is looked into: asking the file system beforehand
    (exists, is a folder, its size) cost three calls a file, ~2 % of a photo's preprocessing."""
    path = Path(path)
    name = str(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        if not path.exists():
            raise ImageError(QT_TRANSLATE_NOOP("Errors", "{name}: no such file."), name=name) from exc
        if path.is_dir():  # IsADirectoryError here, PermissionError on Windows
            raise ImageError(QT_TRANSLATE_NOOP("Errors", "{name} is a folder, not an image."), name=name) from exc
        if isinstance(exc, PermissionError):
            raise ImageError(QT_TRANSLATE_NOOP("Errors", "{name} cannot be read: permission denied."),
                             name=name) from exc
        raise ImageError(QT_TRANSLATE_NOOP("Errors", "{name} cannot be read: {reason}."), name=name,
                         reason=exc.strerror or exc) from exc
    with handle:
        if os.fstat(handle.fileno()).st_size == 0:
            raise ImageError(QT_TRANSLATE_NOOP("Errors", "{name} is empty (0 bytes)."), name=name)
        return decode_image(handle, name)


# What Pillow's decoders raise for bad data (OSError covers "truncated", "broken data stream" and
# Image.DecompressionBombError's siblings; SyntaxError comes from some plugins' parsers; struct and
# zlib errors from headers and compressed chunks). Anything else (AttributeError, TypeError, KeyError,
# RuntimeError...) is a programming error and must surface, not be reported as a damaged file.
DAMAGED_DATA = (OSError, ValueError, SyntaxError, EOFError, struct.error, zlib.error)


def decode_image(source, name: str = "image") -> Image.Image:
    """Decode from a binary file object; raises ImageError with a reason a person understands."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(source)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageError(
                    QT_TRANSLATE_NOOP("Errors", "{name} is {width}×{height} pixels, over the limit of {limit} "
                                      "megapixels; it was refused before decoding. Scale it down and try again."),
                    name=name, width=width, height=height, limit=MAX_PIXELS // 1_000_000)
            if width < 1 or height < 1:
                raise ImageError(QT_TRANSLATE_NOOP("Errors", "{name} has no pixels."), name=name)
            image.seek(0)  # first frame of an animation
            _shrink_while_decoding(image)
            image.load()
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError(
            QT_TRANSLATE_NOOP("Errors", "{name} is too large to decode safely (over {limit} megapixels); it was "
                              "refused before decoding. Scale it down and try again."),
            name=name, limit=MAX_PIXELS // 1_000_000) from exc
    except UnidentifiedImageError as exc:
        raise ImageError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is not an image this app can read (PNG, JPEG, BMP, WebP, GIF, TIFF…)."),
                         name=name) from exc
    except DAMAGED_DATA as exc:
        raise ImageError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is damaged or truncated and cannot be decoded ({reason})."),
                         name=name, reason=type(exc).__name__) from exc
    try:
        ImageOps.exif_transpose(image, in_place=True)  # in place: otherwise every upright picture is copied
    except DAMAGED_DATA:  # a broken EXIF block must not cost the picture
        pass
    return image


def _shrink_while_decoding(image: Image.Image) -> None:
    """Let JPEG decode at a reduced scale (the DCT does it for free)."""
    if image.format == "JPEG":
        image.draft(image.mode, (WORK_SIZE, WORK_SIZE))


def from_array(array: np.ndarray) -> Image.Image:
    """A PIL image from an H×W, H×W×3 or H×W×4 uint8 array (e.g. pasted pixels)."""
    array = np.ascontiguousarray(array)
    if array.dtype != np.uint8 or array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[2] not in (3, 4)):
        raise ImageError(QT_TRANSLATE_NOOP(
            "Errors", "Pixels of shape {shape} and type {dtype} are not an 8-bit image."),
                         shape=array.shape, dtype=array.dtype)
    return Image.fromarray(array, "L" if array.ndim == 2 else ("RGB", "RGBA")[array.shape[2] - 3])


# ---------------------------------------------------------------- the steps


def shrink(image: Image.Image, max_side: int = WORK_SIZE, whole_factors: bool = True) -> Image.Image:
    """Downscale so the longest side is at most `max_side` (area-averaging, so strokes survive).
    `whole_factors=False`: in one resize, on the grid Pillow resizes an RGBA picture on."""
    longest = max(image.size)
    if longest <= max_side:
        return image
    scale = max_side / longest
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    if image.mode not in ("L", "LA", "RGB", "RGBA", "F", "I"):
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    factor = longest // max_side
    if factor >= 2 and whole_factors and image.mode in ("L", "RGB", "F", "I"):
        # Whole-factor area averaging first: 5× faster than resize (the canvas: 448 → 224 exactly).
        image = image.reduce(factor)
        if max(image.size) <= max_side:
            return image
    return image.resize(size, Image.Resampling.BOX, reducing_gap=2.0)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def luminance(image: Image.Image) -> np.ndarray:
    """Grey levels 0–255 as float32, transparency composited onto white like a product photo."""
    mode = image.mode
    if mode.startswith("I;16") or mode == "I":
        values = np.asarray(image, dtype=np.float32)
        top = 65535.0 if mode.startswith("I;16") or values.max(initial=0) > 255 else 255.0
        return np.clip(values * (255.0 / top), 0, 255)
    if mode == "F":
        values = np.nan_to_num(np.asarray(image, dtype=np.float32), nan=0.0, posinf=255.0, neginf=0.0)
        return np.clip(values * (255.0 if values.max(initial=0) <= 1.0 else 1.0), 0, 255)
    if _has_alpha(image):
        # The same float32 operations as on an (H, W, 4) array, on contiguous planes and in place:
        # a third less time on a cut-out
        red, green, blue, alpha = (np.asarray(plane, dtype=np.float32) for plane in
                                   (image if mode == "RGBA" else image.convert("RGBA")).split())
        red *= 0.299
        green *= 0.587
        blue *= 0.114
        grey = red
        grey += green
        grey += blue
        alpha /= 255.0
        paper = 1.0 - alpha
        paper *= 255.0
        grey *= alpha
        grey += paper
        return grey
    return np.asarray(image if mode == "L" else image.convert("L"), dtype=np.float32)


def border_level(grey: np.ndarray) -> float:
    """Median of the outermost pixels: the background's grey level."""
    edge = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    return float(median(edge))


def needs_inversion(grey: np.ndarray, ground: np.ndarray | float | None = None) -> bool:
    """Is the garment darker than its background (a photo on white, a drawing on paper)? Then the
    picture is negated, as the data set was.

    Decided by which way the picture departs from its background (`ground`: `framing.background`'s
    level or plane), not by how light the background is: a black jacket on a grey table and a
    white shirt on a grey floor both lie on mid-grey, and the wrong polarity lost the garment
    altogether ("the image is blank"). A picture that departs neither way goes by the level: a
    light background is paper.
    """
    if ground is None:
        ground = framing.background(grey)
    step = 4 if min(grey.shape) >= 64 else 1  # one pixel in 16 is plenty for two sums
    if isinstance(ground, np.ndarray) and ground.ndim == 2:  # a plane
        departure = grey[::step, ::step] - ground[::step, ::step]
        border = framing.border(grey) - framing.border(ground)
    else:
        departure = grey[::step, ::step] - float(ground)
        border = framing.border(grey) - float(ground)
    noise = max(8.0, 4.0 * float(np.std(border)))
    lighter = float(departure[departure > noise].sum())
    darker = -float(departure[departure < -noise].sum())
    if lighter == darker:  # blank, or nothing beyond the noise
        return float(np.mean(ground)) > 127.0
    return darker > lighter


def normalise(grey: np.ndarray, level: bool = False, ground: np.ndarray | float | None = None) -> np.ndarray:
    """Subtract the background (a level, or the plane or bowl of light across a sheet; only a
    level with `level=True`, e.g. the canvas; `ground` when the caller has it already) and stretch
    the garment to full contrast (dataset maxima are 255)."""
    if ground is None:
        ground = border_level(grey) if level else framing.background(grey)
    grey = grey - ground
    top = float(grey.max(initial=0))
    if top < CONTENT_THRESHOLD:
        return np.zeros_like(grey)
    grey *= 255.0 / top  # in place: `grey` is this function's own array by now
    return np.clip(grey, 0, 255, out=grey)


def noise_floor(grey: np.ndarray) -> float:
    """The background's own noise (JPEG speckle, paper grain), from the border of a normalised picture."""
    edge = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    return float(np.clip(edge.mean() + 4.0 * edge.std(), 4.0, 40.0))


def content_threshold(grey: np.ndarray) -> float:
    """What counts as garment: above the background's own noise (JPEG speckle, paper grain), and
    above a small share of the garment's median level (`FAINT_SHARE`).

    The noise floor keeps a clean PNG's faint edge pixels (the data set's framing counts them)
    and keeps a noisy photo's noise out of the box. The share keeps out most of a soft drop
    shadow: a product photo's shadow fades from the garment's edge into the background, and the
    noise floor alone framed its whole halo, so the garment came out smaller and off-centre
    (`evaluate --photo-like 2000`, shadowed photos: 0.84 → 0.87 right; 0.91 without a shadow; no
    other kind moved). A larger share framed shadows better but cut the soft edges of photos;
    the median, not a brighter percentile, so that a white T-shirt with a dark print on white
    keeps its faint body in the box. Pictures at the data set's scale keep every pixel.
    """
    noise = noise_floor(grey)
    if max(grey.shape) <= 2 * SIZE:  # at the data set's scale a faint pixel is detail, not a shadow
        return noise
    ink = grey[::2, ::2]  # every fourth pixel is plenty for a median, at a quarter of the cost
    ink = ink[ink > noise]
    if ink.size == 0:
        return noise
    middle = ink.size // 2
    return max(noise, FAINT_SHARE * float(np.partition(ink, middle)[middle]))


def content_bbox(grey: np.ndarray, threshold: float | None = None) -> tuple[int, int, int, int]:
    """Bounding box (left, top, right, bottom) of the garment; EmptyImageError when there is none.

    Noise pixels and a separate speck near the edge do not count (`framing`)."""
    mask = grey > (content_threshold(grey) if threshold is None else threshold)
    enough = max(1, MIN_CONTENT_FRACTION * grey.size)
    if np.count_nonzero(mask) >= enough:  # count_nonzero: a tenth of bool.sum's time
        mask = framing.drop_noise(mask)
    box = framing.main_box(mask) if np.count_nonzero(mask) >= enough else None
    if box is None:
        raise EmptyImageError(QT_TRANSLATE_NOOP("Errors", "There is nothing to classify yet: the image is blank."))
    return box


def is_line_drawing(grey: np.ndarray) -> bool:
    """Flat strokes (nearly all at full brightness) rather than a photo's shades of grey."""
    return outlines.is_flat(grey)


def fill_outlines(grey: np.ndarray, drawing: bool = False) -> tuple[np.ndarray, bool]:
    """Fill the inside of closed outlines (small gaps closed first); photos and solid shapes pass unchanged."""
    return outlines.fill_outlines(grey, drawing)


def fit(grey: np.ndarray, size: int = SIZE) -> np.ndarray:
    """Longest side to `size`, aspect kept, centred on black: how Fashion-MNIST framed its garments."""
    h, w = grey.shape
    if size - 2 <= max(h, w) <= size:
        # Already at the network's scale (a Fashion-MNIST picture, say): resampling would only blur it.
        resized = grey
    else:
        scale = size / max(h, w)
        new_size = (max(1, round(w * scale)), max(1, round(h * scale)))
        resized = resample.resize(grey, *new_size)  # Pillow's LANCZOS, as two matrix products
    new_h, new_w = resized.shape
    out = np.zeros((size, size), np.float32)
    # Odd margins put the extra pixel first, as Fashion-MNIST did (bounding-box centre at 14.0 or
    # 13.5); the MLP notices a one-pixel shift.
    top, left = (size - new_h + 1) // 2, (size - new_w + 1) // 2
    out[top : top + new_h, left : left + new_w] = np.clip(resized, 0, 255)
    return out


# ---------------------------------------------------------------- the whole chain


def prepare_grey(grey: np.ndarray, light_on_dark: bool | None = None, drawing: bool = False) -> Prepared:
    """Grey levels (any size, 0–255) → the network's input. `light_on_dark=None` detects polarity;
    `drawing=True` says the picture is a drawing (the canvas), so every closed outline is filled."""
    grey = np.asarray(grey)
    if grey.ndim != 2 or grey.size == 0:
        raise ImageError(QT_TRANSLATE_NOOP("Errors", "Expected a 2-D grey image, got shape {shape}."), shape=grey.shape)
    if grey.dtype == np.uint8:  # the canvas, at every stroke: shrink while still 8-bit (SIMD, no NaN)
        if max(grey.shape) > WORK_SIZE:
            grey = np.asarray(shrink(Image.fromarray(grey, "L")))
        grey = grey.astype(np.float32)
    else:
        grey = np.asarray(grey, dtype=np.float32)
        if max(grey.shape) > WORK_SIZE:
            grey = np.asarray(shrink(Image.fromarray(grey, "F")), dtype=np.float32)
        grey = np.nan_to_num(grey, nan=0.0, posinf=255.0, neginf=0.0)
    return _prepare_working(grey, light_on_dark, drawing)


def _prepare_working(grey: np.ndarray, light_on_dark: bool | None, drawing: bool) -> Prepared:
    """The steps, on a finite float32 working image (at most WORK_SIZE across)."""
    # the canvas is evenly black: a level, no plane to fit
    ground = border_level(grey) if drawing else framing.background(grey)
    inverted = needs_inversion(grey, ground) if light_on_dark is None else not light_on_dark
    if inverted:
        grey = 255.0 - grey
        ground = 255.0 - ground
    grey = normalise(grey, ground=ground)
    if not drawing:  # a photographed page: its printed rules are not garment (the canvas has none)
        grey = paper_lines.erase_printed_lines(grey, max(8.0, 0.5 * noise_floor(grey)))
    left, top, right, bottom = content_bbox(grey)
    crop = grey[top:bottom, left:right]
    strongest = float(crop.max(initial=0))
    if 0 < strongest < 255:  # the picture's darkest mark was a speck outside the box
        crop = crop * (255.0 / strongest)
    crop, filled = fill_outlines(crop, drawing)
    pixels = fit(crop) / 255.0
    return Prepared(pixels.astype(np.float32), inverted, filled, (left, top, right, bottom))


def prepare_canvas(grey: np.ndarray) -> Prepared:
    """The window's canvas (light strokes on black) → the network's input, as a drawing."""
    return prepare_grey(grey, light_on_dark=True, drawing=True)


def working_grey(image: Image.Image) -> tuple[np.ndarray, Callable[[], Image.Image] | None]:
    """A decoded picture's grey levels at the working size, and how to get its colour there (RGB only).

    Where Pillow can do it in 8 bits, the grey is taken before shrinking, so one band is resized
    rather than three or four, the largest step after decoding (~0.4 ms of a 300-pixel photo,
    ~1 ms of a cut-out): an RGB picture's luminance, and a cut-out composited on white (what
    resizing it premultiplied and compositing after gave, on the same sampling grid). The levels
    differ from shrinking first by Pillow's rounding only: none on the bench's 1,000 files' photos,
    up to 3 of 255 along a cut-out's edge.
    """
    if image.mode == "RGB":
        return np.asarray(shrink(image.convert("L")), np.float32), lambda: shrink(image)
    if image.mode == "RGBA":
        on_white = Image.composite(image.convert("L"), Image.new("L", image.size, 255), image.getchannel("A"))
        return np.asarray(shrink(on_white, whole_factors=False), np.float32), None
    return luminance(shrink(image)), None


def prepare_image(image: Image.Image) -> Prepared:
    """A decoded PIL image → the network's input."""
    try:
        bright, colour = working_grey(image)
        grey = bright if colour is None else colour_contrast.grey_by_colour(colour, bright)
    except (OSError, ValueError) as exc:  # Pillow: "conversion from X to Y not supported"; a bug surfaces
        raise ImageError(QT_TRANSLATE_NOOP(
            "Errors", "The image's pixel format ({mode}) cannot be converted ({reason})."),
                         mode=image.mode, reason=exc) from exc
    if grey.size == 0:
        raise ImageError(QT_TRANSLATE_NOOP("Errors", "Expected a 2-D grey image, got shape {shape}."), shape=grey.shape)
    prepared = _prepare_working(grey, None, False)  # `luminance` is finite float32 at the working size
    return prepared if grey is bright else replace(prepared, by_colour=True)


def prepare_file(path: str | os.PathLike[str]) -> Prepared:
    """A file on disk → the network's input; ImageError (or EmptyImageError) with a reason otherwise."""
    return prepare_image(open_image(path))
