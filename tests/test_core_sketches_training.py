"""Sketches made from training images: outlines and crude shapes framed as the app frames a drawing."""

from __future__ import annotations

import numpy as np
import torch

from fashion_desktop.training.sketches import STYLES, render_sketches, sketch_variants


def _box(n: int = 8) -> np.ndarray:
    shapes = np.zeros((n, 28, 28), np.uint8)
    shapes[:, 4:24, 8:20] = 255  # a tall block, like a dress
    return shapes


def test_sketches_keep_size_range_and_framing():
    out = render_sketches(_box(), torch.Generator().manual_seed(0))
    assert out.shape == (8, 28, 28) and out.dtype == np.uint8
    for image in out:
        rows = np.flatnonzero((image > 20).any(1))
        cols = np.flatnonzero((image > 20).any(0))
        assert image.max() == 255
        assert rows[-1] - rows[0] >= 24  # longest side fills the frame, as Fashion-MNIST's
        assert abs((rows[0] + rows[-1]) / 2 - 13.5) <= 1.5 and abs((cols[0] + cols[-1]) / 2 - 13.5) <= 1.5


def test_outlines_are_hollow_and_filled_shapes_are_not():
    shapes = _box(40)
    g = torch.Generator().manual_seed(1)
    filled = render_sketches(shapes, g, styles=torch.full((40,), STYLES.index("filled")))
    outline = render_sketches(shapes, g, styles=torch.full((40,), STYLES.index("outline")))
    centre = (slice(11, 17), slice(11, 17))
    assert (filled[:, centre[0], centre[1]].mean(axis=(1, 2)) > 200).all()
    assert np.median(outline[:, centre[0], centre[1]].mean(axis=(1, 2))) < 60


def test_variants_are_reproducible_by_seed():
    a = sketch_variants(_box(4), 2, seed=3)
    b = sketch_variants(_box(4), 2, seed=3)
    assert a.shape == (2, 4, 28, 28) and np.array_equal(a, b) and not np.array_equal(a[0], a[1])


def test_augmentation_swaps_in_sketches_and_mirrors_only_sideways_garments():
    from fashion_desktop.training.loop import augment_batch
    from fashion_desktop.training.recipe import TrainConfig

    x = torch.rand(6, 28, 28)
    sketch = torch.rand(6, 28, 28)
    config = TrainConfig(silhouette_p=0.0, sketch_p=1.0)
    assert torch.equal(augment_batch(x, torch.Generator().manual_seed(0), config, None, sketch), sketch)
    sideways = torch.tensor([True, False, True, False, False, False])
    mirrored = augment_batch(x, torch.Generator().manual_seed(0), TrainConfig(sketch_p=0.0, silhouette_p=0.0,
                                                                                mirror_sideways_p=1.0), None, None,
                             sideways)
    assert torch.equal(mirrored[sideways], x[sideways].flip(-1)) and torch.equal(mirrored[~sideways], x[~sideways])
