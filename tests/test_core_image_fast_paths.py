"""The stroke path's fast forms give exactly what the plain forms they replaced give.

Preprocessing runs at every stroke and for every file, so its steps were rewritten for fewer
numpy calls (padding without `np.pad`, run labels computed once per flood, a blur only around the
ink, a block maximum by strided views, the main box's spans, Pillow's LANCZOS as matrix products).
Each is held here against a plain reference on random inputs: one wrong index or margin would
change a drawing's input to the network.
"""

from __future__ import annotations

from collections import deque

import numpy as np
import pytest
from PIL import Image, ImageFilter

from fashion_desktop.images import framing, outlines, resample
from fashion_desktop.images.arrays import median, pad
from fashion_desktop.images.flood import enclosed, spread


def _bfs_spread(reached: np.ndarray, open_: np.ndarray) -> np.ndarray:
    """4-connected region growing, one pixel at a time (the obvious, slow reference)."""
    out = reached & open_
    queue = deque(zip(*np.nonzero(out)))
    height, width = open_.shape
    while queue:
        y, x = queue.popleft()
        for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
            if 0 <= ny < height and 0 <= nx < width and open_[ny, nx] and not out[ny, nx]:
                out[ny, nx] = True
                queue.append((ny, nx))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_pad_equals_numpy_pad(seed):
    rng = np.random.default_rng(seed)
    for _ in range(50):
        shape = tuple(rng.integers(1, 40, 2))
        array = rng.random(shape).astype(np.float32) if seed % 2 else rng.random(shape) < 0.5
        before, after = int(rng.integers(0, 5)), int(rng.integers(0, 5))
        value = True if array.dtype == bool and seed == 2 else 0
        expected = np.pad(array, ((before, after), (before, after)), constant_values=value)
        got = pad(array, before, after, value=value)
        assert got.dtype == array.dtype and np.array_equal(got, expected)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_median_equals_numpys_to_the_bit(dtype):
    rng = np.random.default_rng(3)
    for trial in range(400):
        size = int(rng.integers(1, 1200))
        values = (rng.normal(128, 40, size) if trial % 2 else rng.integers(0, 256, size)).astype(dtype)
        got, expected = median(values), np.median(values)
        assert got.dtype == expected.dtype and got.tobytes() == expected.tobytes()


def test_preprocessing_a_file_does_not_import_numpy_ma(tmp_path):
    """np.median's NaN check imports numpy.ma (15-25 ms in each of predict's processes)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    picture = tmp_path / "noisy.png"
    rng = np.random.default_rng(0)
    Image.fromarray((200 + rng.normal(0, 6, (300, 240))).clip(0, 255).astype(np.uint8)).save(picture)
    code = ("import sys; from fashion_desktop.images.preprocess import prepare_file; "
            f"prepare_file({str(picture)!r}); print('numpy.ma' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=root)
    assert done.stdout.strip() == "False"


def test_spread_and_holes_equal_a_pixel_by_pixel_flood():
    rng = np.random.default_rng(7)
    for _ in range(150):
        shape = tuple(rng.integers(1, 30, 2))
        open_ = rng.random(shape) < rng.uniform(0.3, 0.9)
        seeds = rng.random(shape) < 0.03
        assert np.array_equal(spread(seeds, open_), _bfs_spread(seeds, open_))
        ink = ~open_
        free = np.pad(open_, 1, constant_values=True)
        border = np.zeros_like(free)
        border[0] = border[-1] = border[:, 0] = border[:, -1] = True
        holes = (free & ~_bfs_spread(border, free))[1:-1, 1:-1]
        assert np.array_equal(enclosed(ink), holes)


def _serpentine(height: int, width: int) -> np.ndarray:
    """Open corridors joined alternately at the right and left ends: each pass reaches one more."""
    open_ = np.ones((height, width), bool)
    for turn, y in enumerate(range(1, height, 2)):
        open_[y] = False
        open_[y, -1 if turn % 2 == 0 else 0] = True
    return open_


def _bfs_holes(ink: np.ndarray) -> np.ndarray:
    free = np.pad(~ink, 1, constant_values=True)
    border = np.zeros_like(free)
    border[0] = border[-1] = border[:, 0] = border[:, -1] = True
    return (free & ~_bfs_spread(border, free))[1:-1, 1:-1]


@pytest.mark.parametrize("size", [(7, 9), (31, 12), (81, 40)])
def test_spread_along_a_serpentine_takes_every_pass_it_needs(size):
    """Growing ends when a pass adds nothing: where each pass adds one corridor, it must not end early."""
    open_ = _serpentine(*size)
    rng = np.random.default_rng(size[0])
    for _ in range(5):
        seeds = np.zeros_like(open_)
        ys, xs = np.nonzero(open_)
        pick = rng.integers(len(ys))
        seeds[ys[pick], xs[pick]] = True
        assert np.array_equal(spread(seeds, open_), _bfs_spread(seeds, open_))
    walled = np.pad(~open_, 1, constant_values=True)  # a frame round the maze: all of it a hole...
    assert np.array_equal(enclosed(walled), _bfs_holes(walled)) and enclosed(walled).sum() == open_.sum()
    walled[1, 0] = False  # ...until a door opens at its far end
    assert np.array_equal(enclosed(walled), _bfs_holes(walled)) and not enclosed(walled).any()


def test_the_noise_filter_around_the_ink_equals_it_over_the_whole_picture():
    rng = np.random.default_rng(11)
    for trial in range(200):
        height, width = (int(v) for v in rng.integers(framing.SMALL + 1, 200, 2))
        mask = np.zeros((height, width), bool)
        top, left = int(rng.integers(0, height)), int(rng.integers(0, width))
        bottom, right = int(rng.integers(top, height + 1)), int(rng.integers(left, width + 1))
        mask[top:bottom, left:right] = rng.random((bottom - top, right - left)) < rng.uniform(0.02, 0.9)
        if trial % 3 == 0:  # specks anywhere, including the picture's edges
            mask |= rng.random(mask.shape) < 0.003
        density = Image.fromarray(mask.astype(np.uint8) * 255, "L").filter(ImageFilter.BoxBlur(framing.NOISE_RADIUS))
        expected = mask & (np.asarray(density) >= framing.NOISE_DENSITY * 255)
        assert np.array_equal(framing.drop_noise(mask), expected)


@pytest.mark.parametrize("seed", range(3))
def test_the_noise_filter_on_narrow_pictures_and_at_their_edges(seed):
    """Pillow repeats a picture's edge pixels beyond it; ink along the edge, and pictures narrower
    than the 7×7 square, are where counting neighbours could part from its blur."""
    rng = np.random.default_rng(100 + seed)
    for trial in range(150):
        long_side, short_side = int(rng.integers(framing.SMALL + 1, 160)), int(rng.integers(1, 12))
        shape = (long_side, short_side) if trial % 2 else (short_side, long_side)
        mask = rng.random(shape) < rng.uniform(0.02, 0.5)
        if trial % 3 == 0:
            mask = rng.random(shape) < 0.4
            mask[:, 0] |= rng.random(shape[0]) < 0.7  # a stroke along the edge
        density = Image.fromarray(mask.astype(np.uint8) * 255, "L").filter(ImageFilter.BoxBlur(framing.NOISE_RADIUS))
        expected = mask & (np.asarray(density) >= framing.NOISE_DENSITY * 255)
        assert np.array_equal(framing.drop_noise(mask), expected)


@pytest.mark.parametrize("seed", range(3))
def test_square_dilation_and_erosion_equal_looking_at_every_square(seed):
    """Gap closing grows and shrinks the ink by squares in doubling steps; any slip at a window's
    end or the picture's edge would bridge gaps it should not, or miss ones it should."""
    from numpy.lib.stride_tricks import sliding_window_view

    rng = np.random.default_rng(200 + seed)
    for trial in range(200):
        shape = tuple(int(v) for v in rng.integers(1, 50, 2))
        radius = int(rng.integers(0, 20))
        mask = rng.random(shape) < rng.uniform(0.0, 1.0)
        if trial % 4 == 0:
            mask = ~(rng.random(shape) < 0.02)  # nearly full: erosion's case
        squares = sliding_window_view(np.pad(mask, radius), (2 * radius + 1, 2 * radius + 1))
        assert np.array_equal(framing.square_any(mask, radius), squares.any(axis=(2, 3)))
        assert np.array_equal(framing.square_all(mask, radius), squares.all(axis=(2, 3)))


@pytest.mark.parametrize("mode", ["RGBA", "LA", "PA", "P"])
def test_luminance_of_transparent_pictures_equals_the_four_channel_formula(mode):
    """Cut-outs composite onto white on separate planes, in place; the bits must be the (H, W, 4) formula's."""
    from fashion_desktop.images.preprocess import luminance

    rng = np.random.default_rng(len(mode))
    for _ in range(20):
        shape = (int(rng.integers(1, 90)), int(rng.integers(1, 90)))
        rgba = Image.fromarray(rng.integers(0, 256, (*shape, 4), dtype=np.uint8), "RGBA")
        image = rgba.convert(mode)
        if mode == "P":
            image.info["transparency"] = int(rng.integers(0, 256))
        plain = np.asarray(image.convert("RGBA"), dtype=np.float32)
        grey = plain[..., 0] * 0.299 + plain[..., 1] * 0.587 + plain[..., 2] * 0.114
        alpha = plain[..., 3] / 255.0
        expected = grey * alpha + 255.0 * (1.0 - alpha)
        got = luminance(image)
        assert got.dtype == np.float32 and got.tobytes() == expected.tobytes()


def test_flatness_equals_the_share_of_full_strength_pixels_inside_the_ink():
    rng = np.random.default_rng(17)
    for trial in range(300):
        shape = (int(rng.integers(2, 60)), int(rng.integers(2, 60)))
        grey = np.where(rng.random(shape) < rng.uniform(0.1, 1.0), rng.uniform(0, 255, shape), 0).astype(np.float32)
        if trial % 3 == 0:
            grey[rng.random(shape) < 0.5] = 255.0  # about half at full strength: the rule's edge
        ink = grey > outlines.EMPTY
        around = np.pad(ink, 1, constant_values=True)  # beyond the edge does not thin the ink
        inside = ink & around[:-2, 1:-1] & around[2:, 1:-1] & around[1:-1, :-2] & around[1:-1, 2:]
        if not ink.any():
            expected = False
        elif inside.sum() < 0.1 * ink.sum():
            expected = True
        else:
            expected = bool((grey[inside] > 0.6 * 255).mean() >= 0.5)
        assert outlines.is_flat(grey) == expected


def _plain_main_box(mask: np.ndarray) -> tuple[int, int, int, int]:
    """framing.main_box as first written: up to four X-Y cuts, each of the whole pass."""
    left, top, right, bottom = 0, 0, mask.shape[1], mask.shape[0]
    for _ in range(4):
        part = mask[top:bottom, left:right]
        c0, c1 = _pieces_span(part.sum(axis=0))
        r0, r1 = _pieces_span(part[:, c0 : c1 + 1].sum(axis=1))
        box = (left + c0, top + r0, left + c1 + 1, top + r1 + 1)
        if box == (left, top, right, bottom):
            break
        left, top, right, bottom = box
    return left, top, right, bottom


def test_main_box_equals_repeating_the_cuts_until_the_box_settles():
    """The main box stops early when a cut dropped only empty rows; specks that sit beside the
    garment in one direction and overlap it in the other need a second cut, which must still come."""
    rng = np.random.default_rng(13)
    second_cuts = 0
    for _ in range(400):
        height, width = (int(v) for v in rng.integers(framing.SMALL + 1, 140, 2))
        mask = np.zeros((height, width), bool)
        top, left = int(rng.integers(0, height // 2)), int(rng.integers(0, width // 2))
        bottom, right = int(rng.integers(top + 10, height + 1)), int(rng.integers(left + 10, width + 1))
        mask[top:bottom, left:right] = rng.random((bottom - top, right - left)) < 0.6
        for _speck in range(int(rng.integers(0, 4))):  # small blobs anywhere
            y, x = int(rng.integers(0, height - 3)), int(rng.integers(0, width - 3))
            mask[y : y + int(rng.integers(1, 4)), x : x + int(rng.integers(1, 4))] = True
        expected = _plain_main_box(mask)
        assert framing.main_box(mask) == expected
        c0, c1 = _pieces_span(mask.sum(axis=0))
        r0, r1 = _pieces_span(mask[:, c0 : c1 + 1].sum(axis=1))
        second_cuts += (c0, r0, c1 + 1, r1 + 1) != expected
    assert second_cuts >= 5  # the case the early stop must not cut short was exercised


def test_block_maximum_equals_the_maximum_of_each_block():
    rng = np.random.default_rng(3)
    for _ in range(100):
        grey = (rng.random(tuple(rng.integers(1, 60, 2))) * 255).astype(np.float32)
        factor = int(rng.integers(1, 6))
        height, width = grey.shape
        rows, cols = -(-height // factor), -(-width // factor)
        expected = np.array([[grey[r * factor:(r + 1) * factor, c * factor:(c + 1) * factor].max()
                              for c in range(cols)] for r in range(rows)], np.float32)
        assert np.array_equal(outlines._block_max(grey, factor), expected)


def _pieces_span(counts: np.ndarray) -> tuple[int, int]:
    """The main span by walking the profile: pieces are runs of non-zero counts; end pieces with
    under MIN_PIECE of the ink go (the obvious, slow reference for framing._main_span)."""
    pieces, start = [], None
    for i, value in enumerate(list(counts) + [0]):
        if value and start is None:
            start = i
        elif not value and start is not None:
            pieces.append((start, i - 1))
            start = None
    total = int(counts.sum())
    big = [(a, b) for a, b in pieces if int(counts[a:b + 1].sum()) >= framing.MIN_PIECE * total]
    if not big:
        return pieces[0][0], pieces[-1][1]
    return big[0][0], big[-1][1]


def test_main_span_equals_walking_the_profile():
    rng = np.random.default_rng(5)
    for _ in range(500):
        counts = rng.integers(1, 40, int(rng.integers(1, 120)))  # a column or row profile of a mask
        counts = np.where(rng.random(counts.shape) < rng.uniform(0.1, 0.9), counts, 0).astype(np.int32)
        if not counts.any():
            counts[int(rng.integers(0, len(counts)))] = 1
        assert framing._main_span(counts) == _pieces_span(counts)


def test_lanczos_resize_equals_pillows():
    """Every picture's last step (the crop → 28 pixels) is Pillow's LANCZOS done as matrix products."""
    rng = np.random.default_rng(8)
    for trial in range(300):
        height, width = (int(v) for v in rng.integers(1, 260, 2))
        grey = (rng.random((height, width)) * 255).astype(np.float32)
        if trial % 2:  # flat strokes: the hard edges where the kernel's negative lobes show
            grey = np.where(rng.random((height, width)) < 0.3, 255.0, 0.0).astype(np.float32)
        scale = 28 / max(height, width)
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        if trial % 5 == 0:  # any size, enlarging too
            size = tuple(int(v) for v in rng.integers(1, 60, 2))
        expected = np.asarray(Image.fromarray(grey, "F").resize(size, Image.Resampling.LANCZOS))
        assert np.abs(resample.resize(grey, *size) - expected).max() <= 5e-4  # of 255: float32 rounding


@pytest.mark.parametrize("side", [180, 300, 459, 700])
def test_a_pictures_grey_taken_before_shrinking_is_its_shrunk_pictures_grey(side):
    """`working_grey` takes an RGB picture's luminance, and a cut-out's composite on white, before
    shrinking (one band resized instead of three or four): the levels are those of shrinking first
    (premultiplied, for a cut-out), to Pillow's rounding, on the same grid. Smooth pictures with
    sharp edges, as photos and cut-outs are; a shifted grid would miss by tens of levels there."""
    from fashion_desktop.images.preprocess import luminance, shrink, working_grey

    rng = np.random.default_rng(side)
    y, x = np.mgrid[0:side, 0:side] / side
    rgb = np.stack([120 + 100 * np.sin(6 * x + k) * np.cos(4 * y - k) for k in range(3)], -1)
    rgb[(np.abs(x - 0.5) < 0.3) & (np.abs(y - 0.5) < 0.35)] = rng.integers(20, 90, 3)  # a garment with edges
    alpha = np.clip(255 * (1.5 - 4 * np.hypot(x - 0.5, y - 0.5)), 0, 255)  # opaque middle, soft rim
    photo = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")
    cutout = Image.fromarray(np.dstack([np.clip(rgb, 0, 255), alpha]).astype(np.uint8), "RGBA")

    grey, colour = working_grey(photo)
    assert colour is not None and colour().size == shrink(photo).size
    assert np.abs(grey - luminance(shrink(photo))).max() <= 1.0
    grey, colour = working_grey(cutout)
    assert colour is None  # a cut-out is read by its levels, as before
    assert grey.shape == luminance(shrink(cutout)).shape
    assert np.abs(grey - luminance(shrink(cutout))).max() <= 3.0
