"""The real test set: predictions in cancellable chunks, the confusion matrix, and which images to show.

Chunks keep a 10,000-image pass responsive: progress after each, and a cancel check between them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from fashion_desktop.classes import NUM_CLASSES


def predict_in_chunks(predict: Callable[[np.ndarray], np.ndarray], images: np.ndarray, chunk: int = 1000,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> np.ndarray | None:
    """Probabilities (N, 10) for uint8 images (N, 28, 28), `chunk` at a time; None when cancelled.

    `predict` maps float32 images in [0, 1] to probabilities (e.g. `Predictor.predict_batch(...)
    .probabilities`); `progress(done, total)` runs after every chunk.
    """
    total = len(images)
    out = np.empty((total, NUM_CLASSES), np.float32)
    for start in range(0, total, chunk):
        if cancelled is not None and cancelled():
            return None
        batch = images[start:start + chunk].astype(np.float32) / 255.0
        out[start:start + len(batch)] = predict(batch)
        if progress is not None:
            progress(start + len(batch), total)
    if cancelled is not None and cancelled():
        return None
    return out


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray, classes: int = NUM_CLASSES) -> np.ndarray:
    """(classes, classes) int64 counts: rows are the true class, columns the predicted one."""
    labels = np.asarray(labels, np.int64).reshape(-1)
    predicted = np.asarray(predicted, np.int64).reshape(-1)
    if labels.shape != predicted.shape:
        raise ValueError(f"{labels.size} labels but {predicted.size} predictions")
    if labels.size and (labels.min() < 0 or labels.max() >= classes or predicted.min() < 0
                        or predicted.max() >= classes):
        raise ValueError(f"classes must be in 0–{classes - 1}")
    return np.bincount(labels * classes + predicted, minlength=classes * classes).reshape(classes, classes)


def select(labels: np.ndarray, predicted: np.ndarray | None, true_class: int | None = None,
           predicted_class: int | None = None, misclassified: bool = False) -> np.ndarray:
    """Indices of the images to show, in test-set order.

    Filters combine: a true class, a predicted class (a confusion cell is both) and "only the
    wrong ones". Filters on predictions select nothing until predictions exist.
    """
    labels = np.asarray(labels)
    keep = np.ones(len(labels), bool)
    if true_class is not None:
        keep &= labels == true_class
    if predicted_class is not None or misclassified:
        if predicted is None:
            return np.zeros(0, np.int64)
        predicted = np.asarray(predicted)
        if predicted_class is not None:
            keep &= predicted == predicted_class
        if misclassified:
            keep &= predicted != labels
    return np.flatnonzero(keep)


def accuracy(confusion: np.ndarray) -> float:
    """Correct / total from a confusion matrix (0 when it is empty)."""
    total = int(np.sum(confusion))
    return float(np.trace(confusion)) / total if total else 0.0
