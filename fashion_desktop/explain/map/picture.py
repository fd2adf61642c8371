"""The map as a picture (PIL), for `fashion-desktop map --out FILE.png`, and the class colours.

The window draws the same colours with pyqtgraph; here a plain image is enough: one dot per
test image coloured by its true class, a ring around the misclassified ones, and a legend.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from fashion_desktop.classes import CLASS_NAMES

# Ten colours that stay apart for most kinds of colour vision (Matplotlib's "tab10").
CLASS_COLOURS: tuple[tuple[int, int, int], ...] = (
    (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
    (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
)


def fit_to_box(coords: np.ndarray, width: int, height: int, margin: int = 12,
               extra: np.ndarray | None = None) -> np.ndarray:
    """Map `coords` (and then `extra` points, by the same transform) into a width × height box,
    keeping the aspect ratio, y up. Returns the pixel positions of coords followed by extra."""
    coords = np.asarray(coords, np.float64)
    low, high = coords.min(axis=0), coords.max(axis=0)
    span = np.maximum(high - low, 1e-12)
    scale = min((width - 2 * margin) / span[0], (height - 2 * margin) / span[1])
    centre = (low + high) / 2
    if extra is not None:
        coords = np.vstack([coords, np.asarray(extra, np.float64).reshape(-1, 2)])
    x = width / 2 + (coords[:, 0] - centre[0]) * scale
    y = height / 2 - (coords[:, 1] - centre[1]) * scale
    return np.stack([x, y], axis=1)


def render(coords: np.ndarray, labels: np.ndarray, misclassified: np.ndarray | None = None,
           title: str = "", size: int = 800, marker: np.ndarray | None = None) -> Image.Image:
    """An RGB picture of the map with a legend on the right (and `marker`, a point, as a cross)."""
    legend = 170
    image = Image.new("RGB", (size + legend, size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    top = 24 if title else 0
    n = len(coords)
    placed = fit_to_box(coords, size, size - top, extra=marker)
    placed[:, 1] += top
    points = placed[:n]
    labels = np.asarray(labels)
    wrong = np.zeros(len(labels), bool) if misclassified is None else np.asarray(misclassified, bool)
    radius = 2.0 if len(labels) > 2000 else 3.5
    for (x, y), label in zip(points, labels):
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=CLASS_COLOURS[int(label)])
    for x, y in points[wrong]:
        r = radius + 1.5
        draw.ellipse((x - r, y - r, x + r, y + r), outline=(0, 0, 0), width=1)
    if marker is not None:
        x, y = placed[n]
        draw.line((x - 10, y, x + 10, y), fill=(0, 0, 0), width=3)
        draw.line((x, y - 10, x, y + 10), fill=(0, 0, 0), width=3)
    if title:
        draw.text((10, 6), title, fill=(0, 0, 0), font=font)
    for i, name in enumerate(CLASS_NAMES):
        y = 40 + 22 * i
        draw.rectangle((size + 10, y, size + 24, y + 14), fill=CLASS_COLOURS[i])
        draw.text((size + 32, y + 1), name, fill=(0, 0, 0), font=font)
    if wrong.any():
        y = 40 + 22 * len(CLASS_NAMES) + 10
        draw.ellipse((size + 11, y, size + 23, y + 12), outline=(0, 0, 0), width=1)
        draw.text((size + 32, y), "misclassified", fill=(0, 0, 0), font=font)
    return image
