"""The training loop: it learns, it is reproducible, and it stops cleanly keeping the best weights."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from fashion_desktop.network.model import NeuralNetwork
from fashion_desktop.training.control import TrainControl
from fashion_desktop.training.loop import augment_batch, evaluate, silhouettes, train
from fashion_desktop.training.recipe import TrainConfig


def _small(train_split, n=2000):
    return train_split.images[:n], train_split.labels[:n]


def test_training_learns_and_is_reproducible(train_split, test_split):
    images, labels = _small(train_split)
    config = TrainConfig(epochs=2, val_size=200, seed=3)
    first = train(images, labels, config)
    second = train(images, labels, config)
    model = NeuralNetwork()
    model.load_state_dict(first.state_dict)
    assert evaluate(model, test_split.images[:1000], test_split.labels[:1000]).accuracy > 0.55
    assert all(torch.equal(first.state_dict[k], second.state_dict[k]) for k in first.state_dict)


def test_tutorial_recipe_runs(train_split):
    images, labels = _small(train_split, 640)
    result = train(images, labels, TrainConfig.tutorial(epochs=1, val_size=64))
    assert result.best_epoch == 1 and len(result.history) == 1


def test_stop_keeps_the_best_so_far(train_split):
    images, labels = _small(train_split)
    control = TrainControl()
    epochs_seen = []

    def on_epoch(record):
        epochs_seen.append(record.epoch)
        if record.epoch == 2:
            control.stop()

    result = train(images, labels, TrainConfig(epochs=10, val_size=200), control=control, on_epoch=on_epoch)
    assert result.stopped and epochs_seen == [1, 2] and result.best_epoch in (1, 2)
    assert set(result.state_dict) == set(NeuralNetwork().state_dict())


def test_augmentation_keeps_shapes_and_range():
    x = torch.rand(16, 28, 28)
    flat = (x > 0.5).float()
    out = augment_batch(x, torch.Generator().manual_seed(0), TrainConfig(silhouette_p=0.5), flat)
    assert out.shape == x.shape and out.min() >= 0 and out.max() <= 1
    assert not torch.equal(out, x)


def test_silhouettes_are_filled_shapes():
    ring = np.zeros((1, 28, 28), np.uint8)
    ring[0, 5:20, 5] = ring[0, 5:20, 19] = ring[0, 5, 5:20] = ring[0, 19, 5:20] = 200
    flat = silhouettes(ring)
    assert flat[0, 12, 12] == 255 and flat[0, 0, 0] == 0 and set(np.unique(flat)) == {0, 255}


def test_whole_pixel_shift_does_not_blur():
    x = torch.zeros(1, 28, 28)
    x[0, 10, 10] = 1.0
    config = TrainConfig(shift_pixels=2, silhouette_p=0.0)
    for seed in range(5):
        out = augment_batch(x, torch.Generator().manual_seed(seed), config)
        assert np.isclose(float(out.max()), 1.0) and int((out > 0.01).sum()) == 1


def test_test_split_is_scored_each_epoch_but_the_best_is_picked_on_validation(train_split, test_split):
    images, labels = _small(train_split, 1280)
    seen_models = []
    result = train(images, labels, TrainConfig.tutorial(epochs=2, val_size=128, lr=0.05), progress_every=5,
                   test=(test_split.images[:500], test_split.labels[:500]), on_model=seen_models.append)
    assert [r.test_accuracy is not None and r.test_loss is not None for r in result.history] == [True, True]
    assert all(0.0 <= r.test_accuracy <= 1.0 and r.test_seconds >= 0 for r in result.history)
    assert all(isinstance(m, NeuralNetwork) for m in seen_models) and len(seen_models) > 2
    plain = train(images, labels, TrainConfig.tutorial(epochs=2, val_size=128, lr=0.05))
    assert all(r.test_accuracy is None for r in plain.history)  # without a test split nothing changes
    assert all(torch.equal(plain.state_dict[k], result.state_dict[k]) for k in plain.state_dict)


@pytest.mark.parametrize("val_size, kept", [(0, 3), (128, 1)])
def test_with_nothing_held_out_the_final_epoch_is_kept(train_split, monkeypatch, val_size, kept):
    """`train --validation 0` learns every image: no epoch can be picked on held-out ones, so the last is kept
    even where the accuracy on (learnt) training images was higher before; with images held out, the best is."""
    from fashion_desktop.training import loop
    from fashion_desktop.training.records import EvalResult

    scores = iter([0.9, 0.8, 0.7])  # each epoch scores worse than the one before
    monkeypatch.setattr(loop, "evaluate", lambda *args, **kwargs: EvalResult(next(scores), 0.0, [], []))
    images, labels = _small(train_split, 1280)
    states = []
    result = train(images, labels, TrainConfig.tutorial(epochs=3, val_size=val_size, lr=0.05),
                   on_model=lambda m: states.append({k: v.clone() for k, v in m.state_dict().items()}))
    assert result.best_epoch == kept
    if val_size == 0:  # the weights are the last epoch's, as on_model saw them last
        assert all(torch.equal(result.state_dict[k], states[-1][k]) for k in result.state_dict)


def test_the_card_says_whether_any_training_image_was_held_out():
    """The model card must not call images the network learnt from "held out"."""
    import copy

    from fashion_desktop.training.model_card import read_card, render_markdown

    shipped = read_card()
    assert shipped and shipped["familiarity"]
    cards = {}
    for held_out in (True, False):
        card = copy.deepcopy(shipped)
        card["training"]["recipe"]["val_size"] = 1000 if held_out else 0
        card["familiarity"]["fitted_on_learnt_images"] = not held_out
        cards[held_out] = render_markdown(card)
    assert "held-out validation split" in cards[True] and "fitted on the held-out training images" in cards[True]
    assert "Every training image learnt; the final epoch's weights" in cards[False]
    assert "training images the network also learnt from (none was held out)" in cards[False]
    assert "Calibration: none (temperature 1)" in cards[False]
    assert "held-out validation split" not in cards[False]


def test_silhouettes_stop_early_when_cancelled():
    images = np.full((2000, 28, 28), 200, np.uint8)
    out = silhouettes(images, cancelled=lambda: True)
    assert not out.any()
