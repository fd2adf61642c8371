"""A garment that differs from its background by colour, not brightness: grey by colour distance.

The network reads grey levels, and a photo's grey is its luminance. A red jumper on a green
carpet, a blue dress on a brown floor, a yellow shirt on a light-grey sheet can have nearly the
same luminance as what they lie on: the garment then all but vanishes (a probe of coloured
garments on coloured surfaces: 0.10 right where the two luminances differ by under 15 levels of
255, 0.50 at 15–30, 0.91–0.95 above). There, and only there, the grey is the colour's distance from the background's colour, drawn as a
dark garment on white, so the rest of the preprocessing treats it as any photo. Where luminance
carries the difference (every neutral photo, most colour ones) the luminance is kept, bit for bit:
it holds the garment's own shading, which is what the data set's pictures are.
(`evaluate --photo-like 2000`, kind `colour on colour`: 0.820 with 81 "blank" → 0.881 with 13.)
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PIL import Image

from fashion_desktop.images.arrays import median

SAMPLE = 4  # the decision looks at one pixel in SAMPLE² (a few thousand at the working size)
WEAK = 0.5  # luminance is weak when the garment's median departure in it is under this share of the colour's
STRONG = 48.0  # of 255: a luminance departure that plainly shows the garment (coloured garments on
# coloured surfaces were read as well by luminance as by colour from 30 levels of difference up)
MIN_DEPARTURE = 24.0  # of 255: a garment pixel departs at least this far from the background's colour
_LUMA = np.array([0.299, 0.587, 0.114], np.float32)


def _border(rgb: np.ndarray) -> np.ndarray:
    return np.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]])


def _plainly_bright_enough(grey: np.ndarray) -> bool:
    """Whether a tenth of the picture departs from the border's level by STRONG or more in luminance
    (a garment darker or lighter than its surface, most photos): then luminance is kept without
    looking at colour, which costs ~5 times as much (a garment as bright as its surface, with a
    dark print on a tenth of it, is then read by luminance: the print)."""
    coarse = grey[:: 2 * SAMPLE, :: 2 * SAMPLE]
    level = median(np.concatenate([coarse[0], coarse[-1], coarse[:, 0], coarse[:, -1]]))
    return bool(np.count_nonzero(np.abs(coarse - level) >= STRONG) >= 0.1 * coarse.size)


def grey_by_colour(rgb: Callable[[], Image.Image], grey: np.ndarray) -> np.ndarray:
    """`grey` (the luminance of the RGB picture `rgb()` gives, at grey's size), or the colour distance
    from the background rendered dark on white where the garment departs from its background mostly
    in colour. `rgb` is called only then: most photos never need their colour at the working size."""
    if min(grey.shape) < 4 * SAMPLE or _plainly_bright_enough(grey):
        return grey
    image = rgb()
    # decided on a nearest-pixel sample (Pillow picks it in C: a tenth of the time of copying the
    # picture), in squared distances (no square roots: the comparison is the same)
    width, height = image.size
    sample = np.asarray(image.resize((width // SAMPLE, height // SAMPLE), Image.Resampling.NEAREST), np.float32)
    ground = [median(channel) for channel in _border(sample).T]
    # plane by plane: numpy's reductions over an axis of 3 cost ten times as much on a sample this size
    red, green, blue = (sample[..., i] - ground[i] for i in range(3))
    colour = red * red
    colour += green * green
    colour += blue * blue  # 3 × the squared distance: a neutral step of d levels is 3d² here
    garment = colour > 3.0 * MIN_DEPARTURE**2
    if np.count_nonzero(garment) < 0.01 * garment.size:  # no garment to speak of: leave it to the rest
        return grey
    luma = _LUMA[0] * red[garment] + _LUMA[1] * green[garment] + _LUMA[2] * blue[garment]
    if 3.0 * float(median(luma * luma)) >= WEAK**2 * float(median(colour[garment])):
        return grey
    difference = np.asarray(image, np.float32) - np.array(ground, np.float32)
    distance = np.sqrt((difference * difference) @ np.full(3, 1.0 / 3.0, np.float32))
    return np.clip(255.0 - distance, 0.0, 255.0, out=distance)
