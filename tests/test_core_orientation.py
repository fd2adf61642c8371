"""Shoes drawn facing right are read as well as facing left; nothing else is turned round."""

from __future__ import annotations

import numpy as np
import pytest

from fashion_desktop.network.orientation import SIDE_VIEW, face_left, taller_on_the_left


def _boot() -> np.ndarray:
    """An ankle boot from the side, toe to the left, shaft at the back (right), as the data set shows."""
    image = np.zeros((28, 28), np.float32)
    image[18:26, 2:26] = 1.0  # the foot
    image[4:18, 14:26] = 1.0  # the shaft
    return image


def test_taller_on_the_left_tells_which_way_a_shoe_faces():
    boot = _boot()
    assert taller_on_the_left(np.stack([boot, boot[:, ::-1]])).tolist() == [False, True]
    assert not taller_on_the_left(np.ones((1, 28, 28), np.float32))[0]  # a symmetric shape


class _Reads:
    """A stand-in network that reads every input as `label`, counting the images it was shown."""

    def __init__(self, label: int) -> None:
        self.label, self.seen = label, 0

    def top_classes(self, images):
        self.seen += len(images)
        return np.full(len(images), self.label)


def test_top_classes_are_the_indices_of_a_full_prediction():
    """The orientation check's cheap forward gives the classes the full one gives."""
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    predictor = Predictor(load_model(None)[0])  # the shipped weights
    images = np.random.default_rng(0).random((64, 28, 28), dtype=np.float32)
    assert np.array_equal(predictor.top_classes(images), predictor.predict_batch(images).indices)


def test_a_boot_facing_right_is_mirrored_only_when_its_mirror_reads_as_a_side_view():
    right = _boot()[:, ::-1].copy()
    pixels, mirrored = face_left(_Reads(9), right)
    assert mirrored and np.array_equal(pixels, _boot())
    pixels, mirrored = face_left(_Reads(0), right)  # its mirror looks like a T-shirt: leave it alone
    assert not mirrored and np.array_equal(pixels, right)


def test_shapes_facing_left_cost_no_extra_forward_pass():
    network = _Reads(9)
    batch = np.stack([_boot(), np.ones((28, 28), np.float32)])
    pixels, mirrored = face_left(network, batch)
    assert network.seen == 0 and not mirrored.any() and np.array_equal(pixels, batch)


@pytest.mark.slow
def test_the_shipped_network_reads_test_shoes_either_way_round(test_split):
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import default_weights_path, load_model

    predictor = Predictor(load_model(default_weights_path())[0], "cpu")
    images, labels = test_split.images.astype(np.float32) / 255.0, test_split.labels
    plain = (predictor.predict_batch(images).indices == labels).mean()
    either = (predictor.predict_batch(face_left(predictor, images)[0]).indices == labels).mean()
    assert either >= plain - 0.001  # the test images all face left: (nearly) nothing is turned round
    shoes = np.isin(labels, SIDE_VIEW)
    facing_right = np.ascontiguousarray(images[shoes][:, :, ::-1])
    left = (predictor.predict_batch(images[shoes]).indices == labels[shoes]).mean()
    right = (predictor.predict_batch(face_left(predictor, facing_right)[0]).indices == labels[shoes]).mean()
    assert right >= left - 0.03
