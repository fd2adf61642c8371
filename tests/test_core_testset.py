"""The test set: chunked, cancellable predictions; the confusion matrix; which images to show."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from fashion_desktop.dataset.testset import accuracy, confusion_matrix, predict_in_chunks, select


def test_confusion_matrix_counts_true_rows_against_predicted_columns():
    labels = np.array([0, 0, 1, 2, 2, 2])
    predicted = np.array([0, 1, 1, 2, 0, 2])
    matrix = confusion_matrix(labels, predicted, classes=3)
    assert matrix.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert accuracy(matrix) == pytest.approx(4 / 6)
    with pytest.raises(ValueError):
        confusion_matrix(labels, predicted[:3], classes=3)
    with pytest.raises(ValueError):
        confusion_matrix(np.array([3]), np.array([0]), classes=3)


def test_select_combines_class_cell_and_misclassified_filters():
    labels = np.array([0, 0, 1, 2, 2, 2])
    predicted = np.array([0, 1, 1, 2, 0, 2])
    assert select(labels, predicted).tolist() == [0, 1, 2, 3, 4, 5]
    assert select(labels, predicted, true_class=2).tolist() == [3, 4, 5]
    assert select(labels, predicted, misclassified=True).tolist() == [1, 4]
    assert select(labels, predicted, true_class=2, predicted_class=0).tolist() == [4]
    assert select(labels, None, misclassified=True).tolist() == []  # nothing is known to be wrong yet
    assert select(labels, None, true_class=0).tolist() == [0, 1]


def test_chunks_report_progress_and_stop_when_cancelled():
    images = np.zeros((25, 28, 28), np.uint8)
    seen: list[tuple[int, int]] = []

    def predict(batch: np.ndarray) -> np.ndarray:
        assert batch.dtype == np.float32 and batch.max() <= 1.0
        out = np.zeros((len(batch), 10), np.float32)
        out[:, 3] = 1.0
        return out

    probabilities = predict_in_chunks(predict, images, chunk=10, progress=lambda d, t: seen.append((d, t)))
    assert probabilities.shape == (25, 10) and (probabilities.argmax(1) == 3).all()
    assert seen == [(10, 25), (20, 25), (25, 25)]
    calls: list[int] = []
    cancelled = predict_in_chunks(lambda b: calls.append(len(b)) or predict(b), images, chunk=10,
                                  cancelled=lambda: len(calls) >= 1)
    assert cancelled is None and calls == [10]


def test_the_shipped_model_on_the_real_test_set(test_split):
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    predictor = Predictor(load_model()[0])
    probabilities = predict_in_chunks(lambda b: predictor.predict_batch(b).probabilities, test_split.images, 2000)
    matrix = confusion_matrix(test_split.labels, probabilities.argmax(1))
    assert matrix.sum() == 10_000
    assert matrix.sum(axis=1).tolist() == [1000] * 10  # Fashion-MNIST's test set: 1,000 per class
    card = json.loads((Path(__file__).parents[1] / "resources" / "model_card.json").read_text(encoding="utf-8"))
    assert accuracy(matrix) == pytest.approx(card["test"]["accuracy"], abs=1e-4)  # the model card's figure
