"""Photo-like test sets: the test images turned into the kinds of files people really hand the app.

Each kind is rendered from a test image into an encoded file in memory, then read back through the
same `decode_image` → `prepare_image` path as a user's file, so the accuracy per kind measures
the whole preprocessing chain, not just the network.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageFilter

from fashion_desktop.errors import EmptyImageError
from fashion_desktop.images.framing import square_all
from fashion_desktop.images.preprocess import decode_image, enclosed, prepare_image

Renderer = Callable[[np.ndarray, np.random.Generator], bytes]


def _encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _upscale(image: np.ndarray, rng: np.random.Generator) -> Image.Image:
    side = int(rng.integers(160, 480))
    return Image.fromarray(image).resize((side, side), Image.Resampling.BICUBIC)


def _silhouette(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A solid garment shape (holes filled) at a drawing-like size, as a bool mask."""
    big = np.pad(np.asarray(_upscale(image, rng)), 12)  # a margin, so outlines close at the edges
    mask = big > 40
    return mask | enclosed(mask)


def render_photo(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """Dark garment on an off-white background, upscaled, off-centre, JPEG-compressed."""
    garment = _upscale(255 - image, rng)
    w = garment.width
    background = int(rng.integers(225, 256))
    canvas_w, canvas_h = int(w * rng.uniform(1.2, 2.0)), int(w * rng.uniform(1.2, 2.0))
    canvas = Image.new("L", (canvas_w, canvas_h), background)
    dark = np.asarray(garment, dtype=np.float32) * (background / 255.0)
    left, top = int(rng.integers(0, canvas_w - w + 1)), int(rng.integers(0, canvas_h - w + 1))
    canvas.paste(Image.fromarray(dark.astype(np.uint8)), (left, top))
    return _encode(canvas.convert("RGB"), "JPEG", quality=int(rng.integers(70, 95)))


def render_noisy_photo(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """A product photo as a phone takes it: sensor noise (σ 2–8), uneven light across the
    background, a speck of dust near a corner, JPEG quality 60–90."""
    garment = _upscale(255 - image, rng)
    w = garment.width
    background = float(rng.uniform(215, 250))
    canvas_w, canvas_h = int(w * rng.uniform(1.2, 2.0)), int(w * rng.uniform(1.2, 2.0))
    grey = np.full((canvas_h, canvas_w), background, np.float32)
    left, top = int(rng.integers(0, canvas_w - w + 1)), int(rng.integers(0, canvas_h - w + 1))
    grey[top : top + w, left : left + w] = np.asarray(garment, np.float32) * (background / 255.0)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = np.add.outer((np.arange(canvas_h) / canvas_h - 0.5) * np.sin(angle),
                        (np.arange(canvas_w) / canvas_w - 0.5) * np.cos(angle))
    grey *= (1.0 - rng.uniform(0.05, 0.25) * (ramp + 0.5)).astype(np.float32)
    radius = rng.uniform(1.5, 5.0)  # the speck: a small dark blot within 6 % of two edges
    cy = rng.uniform(0, 0.06) * canvas_h if rng.random() < 0.5 else canvas_h * (1 - rng.uniform(0, 0.06))
    cx = rng.uniform(0, 0.06) * canvas_w if rng.random() < 0.5 else canvas_w * (1 - rng.uniform(0, 0.06))
    ys, xs = np.ogrid[:canvas_h, :canvas_w]
    grey[(ys - cy) ** 2 + (xs - cx) ** 2 <= radius**2] = rng.uniform(30, 120)
    grey += rng.normal(0, rng.uniform(2, 8), grey.shape).astype(np.float32)
    photo = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L").convert("RGB")
    return _encode(photo, "JPEG", quality=int(rng.integers(60, 91)))


def render_shadowed_photo(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """A product photo lit from above: the garment casts a soft shadow (15–45 % darker, blurred over
    2–5 % of its size) a little below it and to one side, onto an off-white background; JPEG 70–95."""
    garment = _upscale(255 - image, rng)
    w = garment.width
    background = float(rng.integers(225, 256))
    canvas_w, canvas_h = int(w * rng.uniform(1.3, 2.0)), int(w * rng.uniform(1.3, 2.0))
    left, top = int(rng.integers(0, canvas_w - w + 1)), int(rng.integers(0, canvas_h - w + 1))
    shape = Image.fromarray((image > 20).astype(np.uint8) * 255).resize((w, w), Image.Resampling.BILINEAR)
    shadow = Image.new("L", (canvas_w, canvas_h), 0)
    shadow.paste(shape, (left + int(w * rng.uniform(-0.04, 0.04)), top + int(w * rng.uniform(0.01, 0.06))))
    shadow = shadow.filter(ImageFilter.GaussianBlur(w * rng.uniform(0.02, 0.05)))
    grey = np.full((canvas_h, canvas_w), background, np.float32)
    grey *= 1.0 - rng.uniform(0.15, 0.45) * (np.asarray(shadow, np.float32) / 255.0)
    inside = np.asarray(shape) > 127
    region = grey[top : top + w, left : left + w]
    region[inside] = np.asarray(garment, np.float32)[inside] * (background / 255.0)
    photo = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L").convert("RGB")
    return _encode(photo, "JPEG", quality=int(rng.integers(70, 96)))


def render_grey_background(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """A garment photographed on a mid-grey surface (a table, a floor, a backdrop; grey 70–180),
    darker than it or lighter than it at random, with sensor noise (σ 2–5); JPEG 70–95."""
    strength = np.asarray(_upscale(image, rng), np.float32) / 255.0
    w = strength.shape[0]
    background = float(rng.uniform(70, 180))
    target = float(rng.uniform(0, 30)) if rng.random() < 0.5 else float(rng.uniform(225, 255))
    canvas_w, canvas_h = int(w * rng.uniform(1.2, 2.0)), int(w * rng.uniform(1.2, 2.0))
    left, top = int(rng.integers(0, canvas_w - w + 1)), int(rng.integers(0, canvas_h - w + 1))
    grey = np.full((canvas_h, canvas_w), background, np.float32)
    grey[top : top + w, left : left + w] += (target - background) * strength
    grey += rng.normal(0, rng.uniform(2, 5), grey.shape).astype(np.float32)
    photo = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L").convert("RGB")
    return _encode(photo, "JPEG", quality=int(rng.integers(70, 96)))


def render_lamp_lit_photo(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """A photo under one lamp, or through a phone's lens: the light falls off towards the corners
    (20–60 % darker there, the brightest spot anywhere near the middle, garment and background
    alike), on a light background, a darker garment; sensor noise σ 2–5, JPEG 70–95."""
    garment = _upscale(255 - image, rng)
    w = garment.width
    background = float(rng.uniform(200, 250))
    canvas_w, canvas_h = int(w * rng.uniform(1.2, 2.0)), int(w * rng.uniform(1.2, 2.0))
    left, top = int(rng.integers(0, canvas_w - w + 1)), int(rng.integers(0, canvas_h - w + 1))
    grey = np.full((canvas_h, canvas_w), background, np.float32)
    grey[top : top + w, left : left + w] = np.asarray(garment, np.float32) * (background / 255.0)
    cy, cx = rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7)  # the brightest spot, as a share of the frame
    ys = (np.arange(canvas_h, dtype=np.float32) / canvas_h - cy) ** 2
    xs = (np.arange(canvas_w, dtype=np.float32) / canvas_w - cx) ** 2
    r2 = np.add.outer(ys, xs)
    grey *= 1.0 - rng.uniform(0.2, 0.6) * r2 / r2.max()
    grey += rng.normal(0, rng.uniform(2, 5), grey.shape).astype(np.float32)
    photo = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L").convert("RGB")
    return _encode(photo, "JPEG", quality=int(rng.integers(70, 96)))


def render_colour_on_colour(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """A coloured garment photographed on a coloured surface (a red jumper on a green carpet), both
    colours at random, so that their luminances are often close: the garment's own light and dark
    (the test image's levels) shade its colour, its edge blends into the surface; noise σ 2–5, JPEG
    70–95."""
    strength = np.asarray(_upscale(image, rng), np.float32) / 255.0
    w = strength.shape[0]
    cover = np.clip(strength * 4.0, 0.0, 1.0)[..., None]  # where the garment is (soft at its edge)
    shade = (0.55 + 0.45 * strength)[..., None]  # the data set's bright is the garment's full colour
    surface, colour = rng.uniform(20, 235, 3).astype(np.float32), rng.uniform(0, 255, 3).astype(np.float32)
    canvas_w, canvas_h = int(w * rng.uniform(1.2, 2.0)), int(w * rng.uniform(1.2, 2.0))
    left, top = int(rng.integers(0, canvas_w - w + 1)), int(rng.integers(0, canvas_h - w + 1))
    rgb = np.empty((canvas_h, canvas_w, 3), np.float32)
    rgb[:] = surface
    rgb[top : top + w, left : left + w] = surface * (1.0 - cover) + colour * shade * cover
    rgb += rng.normal(0, rng.uniform(2, 5), rgb.shape).astype(np.float32)
    photo = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")
    return _encode(photo, "JPEG", quality=int(rng.integers(70, 96)))


def render_ruled_page(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """The garment's outline drawn in pen on a ruled notebook page, photographed: light-blue rules
    from edge to edge every 3.5–6 % of the page (printed ink darkens the paper), a red margin
    line half the time, light falling off across the page, noise σ 2–6, JPEG 65–92."""
    mask = _silhouette(image, rng)
    pen = max(3, (mask.shape[0] // 60) | 1)
    outline = mask & ~(np.asarray(Image.fromarray(mask.astype(np.uint8) * 255).filter(ImageFilter.MinFilter(pen))) > 127)
    side = mask.shape[0]
    page_w, page_h = int(side * rng.uniform(1.2, 1.8)), int(side * rng.uniform(1.2, 1.8))
    left, top = int(rng.integers(0, page_w - side + 1)), int(rng.integers(0, page_h - side + 1))
    paper = np.array(rng.uniform(215, 250) + rng.normal(0, 3, 3), np.float32)
    rgb = np.empty((page_h, page_w, 3), np.float32)
    rgb[:] = paper
    rules = np.zeros((page_h, page_w), bool)
    step, width = page_h * rng.uniform(0.035, 0.06), max(1, round(page_h * rng.uniform(0.002, 0.005)))
    for y in np.arange(rng.uniform(0, step), page_h, step).astype(int):
        rules[y : y + width] = True
    rgb[rules] *= np.array(rng.normal([0.62, 0.74, 0.93], 0.03), np.float32)
    if rng.random() < 0.5:
        x = int(page_w * rng.uniform(0.06, 0.15))
        rgb[:, x : x + width] *= np.array([0.95, 0.55, 0.55], np.float32)
    ink = np.array(rng.choice([[25, 25, 30], [30, 40, 120], [10, 10, 10]]), np.float32)
    region = rgb[top : top + side, left : left + side]
    region[outline] = ink
    ramp = np.add.outer(np.linspace(0, 1, page_h, dtype=np.float32), np.linspace(0, 1, page_w, dtype=np.float32)) / 2
    rgb *= (1.0 - rng.uniform(0.05, 0.25) * ramp)[..., None]
    rgb += rng.normal(0, rng.uniform(2, 6), rgb.shape).astype(np.float32)
    photo = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")
    return _encode(photo, "JPEG", quality=int(rng.integers(65, 93)))


def render_fine_pen_outline(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """The garment's outline drawn with a line one or two pixels wide on a large white page, as
    Paint's pencil or a fine pen leaves it (600–1,400 pixels across, the line 1/1,400 to
    1/300 of that): half as a clean PNG, half scanned (noise σ 1–4, JPEG 75–95). Shrunk to the app's
    working size, such a line is a fraction of a pixel."""
    side = int(rng.integers(600, 1400))
    small = image > 40
    small = (small | enclosed(small)).astype(np.uint8) * 255  # holes filled at 28 pixels: 1/2,000 of the work
    big = np.pad(np.asarray(Image.fromarray(small).resize((side, side), Image.Resampling.BICUBIC)), side // 20)
    mask = big > 127
    outline = mask & ~square_all(mask, int(rng.integers(1, 3)))  # a line 1 or 2 pixels wide
    grey = np.where(outline, rng.uniform(0, 60), rng.uniform(235, 255)).astype(np.float32)
    if rng.random() < 0.5:
        return _encode(Image.fromarray(grey.astype(np.uint8), "L"), "PNG")
    grey += rng.normal(0, rng.uniform(1, 4), grey.shape).astype(np.float32)
    scan = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), "L").convert("RGB")
    return _encode(scan, "JPEG", quality=int(rng.integers(75, 96)))


def render_cutout(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """A transparent PNG cut-out: the garment opaque, the rest transparent over random colours."""
    garment = np.asarray(_upscale(255 - image, rng))
    alpha = np.asarray(_upscale(np.where(image > 0, 255, 0).astype(np.uint8), rng).resize(garment.shape[::-1]))
    junk = rng.integers(0, 256, size=3)
    rgb = np.where(alpha[..., None] > 0, garment[..., None], junk[None, None, :]).astype(np.uint8)
    rgba = np.dstack([rgb, alpha.astype(np.uint8)])
    return _encode(Image.fromarray(rgba, "RGBA"), "PNG")


def _polarity(mask_image: np.ndarray, rng: np.random.Generator) -> Image.Image:
    ink = mask_image.astype(np.uint8) * 255
    if rng.random() < 0.5:  # half drawn dark on paper, half light on a dark canvas
        ink = 255 - ink
    return Image.fromarray(ink)


def render_filled(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """A flat filled drawing of the garment's silhouette."""
    return _encode(_polarity(_silhouette(image, rng), rng), "PNG")


def render_outline(image: np.ndarray, rng: np.random.Generator) -> bytes:
    """Only the closed outline of the silhouette, a few pixels wide, like a pen drawing."""
    mask = _silhouette(image, rng)
    width = max(3, (mask.shape[0] // 45) | 1)
    shape = Image.fromarray(mask.astype(np.uint8) * 255)
    eroded = np.asarray(shape.filter(ImageFilter.MinFilter(width))) > 127
    return _encode(_polarity(mask & ~eroded, rng), "PNG")


KINDS: dict[str, Renderer] = {
    "photo": render_photo,
    "noisy photo": render_noisy_photo,
    "shadowed photo": render_shadowed_photo,
    "on grey": render_grey_background,
    "lamp-lit photo": render_lamp_lit_photo,
    "colour on colour": render_colour_on_colour,
    "ruled page": render_ruled_page,
    "fine pen outline": render_fine_pen_outline,
    "cutout": render_cutout,
    "filled": render_filled,
    "outline": render_outline,
}


def prepared_set(kind: str, images: np.ndarray, seed: int = 0,
                 progress: Callable[[int], None] | None = None) -> np.ndarray:
    """Render every image as `kind` and read it back like a user's file: (N, 28, 28) float32.

    `progress(done)` is called every few dozen images and at the end: thousands take minutes. A
    rendering the app finds blank ("nothing to classify") stays all zeros: a failure to score, not
    a reason to stop.
    """
    rng = np.random.default_rng(seed)
    render = KINDS[kind]
    out = np.zeros((len(images), 28, 28), np.float32)
    for i, image in enumerate(images):
        try:
            out[i] = prepare_image(decode_image(io.BytesIO(render(image, rng)), kind)).pixels
        except EmptyImageError:
            pass
        if progress is not None and ((i + 1) % 25 == 0 or i + 1 == len(images)):
            progress(i + 1)
    return out
