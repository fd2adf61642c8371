"""One confusion-matrix table for every view that shows one (the test set, the Train panel).

Rows are the true class, columns the predicted one. Counts are tinted by their share of the row:
the diagonal green (right answers), the rest red, small confusions made visible. A difference
of two matrices (this network − another) is tinted by size and by whether it helps: more on the
diagonal or less off it is green, the reverse red. Each cell's tooltip says what it counts.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from fashion_desktop.classes import CLASS_NAMES, NUM_CLASSES

SHORT_NAMES = ("T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Boot")
COLUMN_NAMES = ("Tee", "Trou", "Pull", "Dress", "Coat", "Sand", "Shirt", "Snkr", "Bag", "Boot")  # fit 10 columns
GOOD, BAD = QColor(40, 150, 70), QColor(210, 50, 40)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConfusionTable", text)


class ConfusionTable(QTableWidget):
    """A 10 × 10 read-only table; `show_counts(matrix)` or `show_difference(matrix)`, `clear_matrix()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(NUM_CLASSES, NUM_CLASSES, parent)
        self.setObjectName("confusionMatrix")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalHeaderLabels(COLUMN_NAMES)
        self.setVerticalHeaderLabels(SHORT_NAMES)
        for c, name in enumerate(CLASS_NAMES):
            self.horizontalHeaderItem(c).setToolTip(_tr("Predicted: {0}").format(name))
            self.verticalHeaderItem(c).setToolTip(_tr("True class: {0}").format(name))
        for header in (self.horizontalHeader(), self.verticalHeader()):  # ten rows and columns share the space
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(30)
        self.verticalHeader().setMinimumSectionSize(max(14, self.fontMetrics().height()))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip(_tr("Rows: the true class; columns: the predicted class"))
        self.matrix: np.ndarray | None = None  # what is shown (tests, other views)

    def show_counts(self, matrix: np.ndarray) -> None:
        """A confusion matrix of image counts."""
        matrix = np.asarray(matrix)
        row_totals = matrix.sum(axis=1).clip(min=1)
        for r in range(NUM_CLASSES):
            for c in range(NUM_CLASSES):
                count = int(matrix[r, c])
                share = count / row_totals[r]
                strength = share if r == c else min(1.0, share * 4)  # small confusions still visible
                tip = _tr("True {0}, predicted {1}: {2} images ({3:.1%} of the {0} images)").format(
                    CLASS_NAMES[r], CLASS_NAMES[c], count, share)
                self._set(r, c, str(count), GOOD if r == c else BAD, strength, tip)
        self.matrix = matrix

    def show_difference(self, matrix: np.ndarray, other: str) -> None:
        """This network's counts minus `other`'s (a name for the tooltips)."""
        matrix = np.asarray(matrix)
        scale = max(1, int(np.abs(matrix).max()))
        for r in range(NUM_CLASSES):
            for c in range(NUM_CLASSES):
                value = int(matrix[r, c])
                better = value > 0 if r == c else value < 0
                tip = _tr("True {0}, predicted {1}: {2:+d} images compared with {3}").format(
                    CLASS_NAMES[r], CLASS_NAMES[c], value, other)
                self._set(r, c, f"{value:+d}" if value else "0", GOOD if better else BAD,
                          (abs(value) / scale) ** 0.5, tip)
        self.matrix = matrix

    def clear_matrix(self) -> None:
        self.clearContents()
        self.matrix = None

    def _set(self, row: int, column: int, text: str, tint: QColor, strength: float, tip: str) -> None:
        palette = self.palette()
        base, ink = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setBackground(QColor(round(base.red() + (tint.red() - base.red()) * strength),
                                  round(base.green() + (tint.green() - base.green()) * strength),
                                  round(base.blue() + (tint.blue() - base.blue()) * strength)))
        item.setForeground(QColor(Qt.GlobalColor.white) if strength > 0.55 else ink)
        item.setToolTip(tip)
        self.setItem(row, column, item)
