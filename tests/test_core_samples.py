"""The shipped sample garments: real test images, one or more per class, named by class."""

from __future__ import annotations

import numpy as np
from PIL import Image

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.images.samples import export_samples, list_samples, sample_name


def test_shipped_samples_cover_every_class_and_are_28x28():
    samples = list_samples()
    assert {s.class_index for s in samples} == set(range(10))
    for sample in samples:
        with Image.open(sample.path) as image:
            assert image.size == (28, 28) and image.mode == "L"
        assert sample.label == CLASS_NAMES[sample.class_index]


def test_shipped_samples_are_the_named_test_images(test_split):
    for sample in list_samples():
        pixels = np.asarray(Image.open(sample.path))
        assert np.array_equal(pixels, test_split.images[sample.test_index])
        assert test_split.labels[sample.test_index] == sample.class_index


def test_export_picks_correctly_classified_images(tmp_path):
    images = np.arange(6 * 28 * 28, dtype=np.uint8).reshape(6, 28, 28)
    labels = np.array([0, 0, 0, 1, 1, 2])
    predicted = np.array([3, 0, 0, 1, 9, 2])
    written = export_samples(images, labels, predicted, tmp_path, per_class=1)
    assert [p.name for p in written] == [sample_name(0, 1), sample_name(1, 3), sample_name(2, 5)]
    assert [s.test_index for s in list_samples(tmp_path)] == [1, 3, 5]
