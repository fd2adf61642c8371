"""Distillation and outlier exposure: the recipe parts that let sketches in without costing the data set."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from fashion_desktop.network.familiarity import Familiarity, indecision, load_familiarity
from fashion_desktop.network.model import NeuralNetwork
from fashion_desktop.training.loop import distillation_loss, teacher_probabilities, train
from fashion_desktop.training.recipe import TrainConfig


def _data(n: int = 600, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Ten separable classes of 28×28 images: a bright bar at a class-specific row."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, n)
    images = rng.integers(0, 40, (n, 28, 28)).astype(np.uint8)
    for i, label in enumerate(labels):
        images[i, 2 + 2 * label : 4 + 2 * label, 4:24] = 255
    return images, labels


def test_distillation_mixes_the_teacher_only_into_unchanged_images():
    logits = torch.randn(4, 10)
    labels = torch.tensor([0, 1, 2, 3])
    config = TrainConfig(distill=1.0, distill_temperature=2.0)
    own = F.softmax(logits / 2.0, dim=1)
    # The student already answers as the teacher: nothing left to learn from it on unchanged images.
    assert torch.isclose(distillation_loss(logits, labels, own, torch.ones(4, dtype=torch.bool), config),
                         torch.tensor(0.0), atol=1e-6)
    # Sketches and mirrored images keep their labels alone.
    changed = distillation_loss(logits, labels, own, torch.zeros(4, dtype=torch.bool), config)
    assert torch.isclose(changed, F.cross_entropy(logits, labels))
    uniform = torch.full((4, 10), 0.1)
    assert distillation_loss(logits, labels, uniform, torch.ones(4, dtype=torch.bool), config) > 0


def _convolutional_teacher() -> torch.nn.Module:
    from fashion_desktop.training.teacher import ConvTeacher

    teacher = ConvTeacher().eval()
    with torch.no_grad():
        teacher.classifier[5].weight *= 30  # a decided teacher: a fresh CNN answers almost uniformly
    return teacher


@pytest.mark.parametrize("make_teacher", [NeuralNetwork, _convolutional_teacher], ids=["mlp", "cnn"])
def test_a_student_learns_the_teachers_answers(make_teacher):
    images, labels = _data()
    torch.manual_seed(0)
    teacher = make_teacher()
    x = torch.as_tensor(images).float() / 255.0
    soft = teacher_probabilities(teacher, x, temperature=1.0)
    assert soft.shape == (len(x), 10) and torch.allclose(soft.sum(1), torch.ones(len(x)))
    # A random teacher disagrees with the labels: a student trained on it alone follows the teacher.
    config = TrainConfig(epochs=8, batch_size=64, lr=3e-3, augment=False, distill=1.0, distill_temperature=1.0,
                         ema_decay=0.0, hidden_dropout=0.0, val_size=100)
    result = train(images, labels, config, teacher=teacher)
    student = NeuralNetwork()
    student.load_state_dict(result.state_dict)
    with torch.inference_mode():
        agree = (student(x).argmax(1) == teacher(x).argmax(1)).float().mean()
    assert agree > 0.5


def test_outlier_exposure_teaches_non_garments_no_class_in_particular():
    """How well this carries over to kinds never trained on is a benchmark figure (`evaluate --non-garments`)."""
    from fashion_desktop.images.non_garments import TRAINING_KINDS, TRAINING_SEED, non_garment_set

    images, labels = _data(800)
    outliers, _ = non_garment_set(10, TRAINING_SEED, TRAINING_KINDS)  # the very drawings training draws

    def undecided(outlier_p: float) -> float:
        config = TrainConfig(epochs=6, batch_size=64, augment=True, silhouette_p=0.0, outlier_p=outlier_p,
                             outlier_images=len(outliers), ema_decay=0.0, val_size=100)
        torch.manual_seed(0)
        model = NeuralNetwork()
        result = train(images, labels, config, model=model)  # trained in place: the last epoch, not the best
        assert result.best_val_accuracy > 0.9  # the garments are still learned
        with torch.inference_mode():
            return float(indecision(model.eval()(torch.as_tensor(outliers)).numpy()).mean())

    assert undecided(0.25) > undecided(0.0) + 0.1


def test_non_garment_kinds_draw_the_same_whichever_others_are_drawn():
    from fashion_desktop.images.non_garments import EVERYDAY_KINDS, TRAINING_KINDS, UNSEEN_KINDS, non_garment_set

    everything, kinds = non_garment_set(2, seed=5)
    some, some_kinds = non_garment_set(2, seed=5, kinds=UNSEEN_KINDS)
    assert set(some_kinds) == set(UNSEEN_KINDS) and len(everything) == 2 * len(EVERYDAY_KINDS)
    assert not set(UNSEEN_KINDS) & set(TRAINING_KINDS)  # the unseen kinds stay unseen
    assert np.array_equal(everything[np.isin(kinds, UNSEEN_KINDS)], some)


def test_the_indecision_term_flags_high_indecision_inputs_and_round_trips(tmp_path):
    means, precision = np.zeros((10, 4), np.float32), np.eye(4, dtype=np.float32)
    hidden = np.zeros((2, 4), np.float32)
    logits = np.array([[12.0] + [0.0] * 9, [0.1] * 10])  # a firm answer, and none in particular
    fam = Familiarity(means, precision, threshold=1.0, scale=0.1, indecision_ref=(-10.0, -4.0))
    familiar = fam.familiarity(hidden, logits=logits)
    assert familiar[0] > 0.9 and familiar[1] < 0.1
    assert np.allclose(fam.familiarity(hidden), 1.0, atol=1e-3)  # without logits, only the distances count
    path = tmp_path / "familiarity.npz"
    fam.save(path)
    again = load_familiarity(path)
    assert again.indecision_ref == (-10.0, -4.0) and np.allclose(again.familiarity(hidden, logits=logits), familiar)
    Familiarity(means, precision, 1.0, 0.1).save(path)
    assert load_familiarity(path).indecision_ref is None  # files written before the indecision term still load


def test_every_kind_outlier_exposure_trains_on_draws_a_picture():
    from fashion_desktop.images.non_garments import TRAINING_KINDS, TRAINING_SEED, non_garment_set

    pixels, kinds = non_garment_set(2, TRAINING_SEED, TRAINING_KINDS)
    assert list(dict.fromkeys(kinds)) == list(TRAINING_KINDS)
    assert (pixels.reshape(len(pixels), -1).max(axis=1) > 0.9).all()  # framed at full contrast, none blank


def test_a_drawing_on_the_canvas_is_read_as_the_window_reads_it():
    """A cat's outline drawn on the canvas is filled, as the window fills it (a file's stricter rule
    leaves this one a ring)."""
    from fashion_desktop.images.non_garments import draw, prepared
    from fashion_desktop.images.preprocess import prepare_canvas

    ring = draw("cat", np.random.default_rng(0), filled=False)
    assert prepare_canvas(ring).filled
    assert np.array_equal(prepared(ring), prepare_canvas(ring).pixels)
