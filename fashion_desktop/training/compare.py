"""Comparing two models' test results: overall, per class, and where their confusions differ.

Plain data for the Train panel (and anyone else): a freshly trained network against the shipped
one, both scored on the same 10,000 test images by `training.loop.evaluate`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from fashion_desktop.classes import CLASS_NAMES


@dataclass(frozen=True)
class ClassRow:
    name: str
    accuracy: float
    reference: float | None

    @property
    def delta(self) -> float | None:
        return None if self.reference is None else self.accuracy - self.reference


@dataclass(frozen=True)
class Comparison:
    """`confusion` rows are true classes, columns predicted; `difference` = this − reference."""

    accuracy: float
    reference_accuracy: float | None
    rows: tuple[ClassRow, ...]
    confusion: np.ndarray  # (10, 10) int
    reference_confusion: np.ndarray | None
    most_confused: tuple[tuple[int, int, int], ...]  # (true, predicted, count), worst first, off-diagonal

    @property
    def delta(self) -> float | None:
        return None if self.reference_accuracy is None else self.accuracy - self.reference_accuracy

    @property
    def difference(self) -> np.ndarray | None:
        return None if self.reference_confusion is None else self.confusion - self.reference_confusion


def _field(result, name: str):
    return result[name] if isinstance(result, dict) else getattr(result, name)


def compare(result, reference=None, top: int = 5) -> Comparison:
    """`result` and `reference`: `EvalResult`s or their `as_dict()` (e.g. a model card's "test")."""
    confusion = np.asarray(_field(result, "confusion"), dtype=np.int64)
    per_class = list(_field(result, "per_class"))
    ref_per_class = list(_field(reference, "per_class")) if reference is not None else [None] * len(per_class)
    rows = tuple(ClassRow(name, float(a), None if r is None else float(r))
                 for name, a, r in zip(CLASS_NAMES, per_class, ref_per_class))
    off = confusion.copy()
    np.fill_diagonal(off, 0)
    order = np.argsort(off, axis=None)[::-1][:top]
    worst = tuple((int(i // off.shape[1]), int(i % off.shape[1]), int(off.flat[i])) for i in order if off.flat[i] > 0)
    return Comparison(
        accuracy=float(_field(result, "accuracy")),
        reference_accuracy=None if reference is None else float(_field(reference, "accuracy")),
        rows=rows,
        confusion=confusion,
        reference_confusion=None if reference is None else np.asarray(_field(reference, "confusion"), dtype=np.int64),
        most_confused=worst,
    )
