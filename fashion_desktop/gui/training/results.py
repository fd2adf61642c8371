"""The Train panel's results: how the trained network compares with the shipped one, and saving it.

After a session the page says the test accuracy (and the shipped model's), the most confused
pairs, per-class accuracy side by side, and a confusion matrix (this network, the shipped one,
or their difference) in the same `ConfusionTable` the test-set view uses. `save_outcome` writes
the weights as a tutorial-style state_dict with a model card beside them.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fashion_desktop.classes import NUM_CLASSES, class_name, class_names
from fashion_desktop.gui.widgets.confusion import ConfusionTable
from fashion_desktop.progress import format_seconds


class ComparisonView(QWidget):
    """`show_outcome(outcome)` fills it from a `SessionOutcome`; `clear()` empties it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("compareLabel")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.class_table = QTableWidget(NUM_CLASSES, 3, self)
        self.class_table.setHorizontalHeaderLabels([self.tr("This network"), self.tr("Shipped"), self.tr("Difference")])
        self.class_table.setVerticalHeaderLabels(list(class_names()))
        self.class_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.class_table.verticalHeader().setMinimumSectionSize(max(14, self.fontMetrics().height()))
        self.class_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # no scrolling
        self.class_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.class_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.class_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.class_table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self.matrix_combo = QComboBox(self)
        self.matrix_combo.addItem(self.tr("Confusion: this network"), "trained")
        self.matrix_combo.addItem(self.tr("Confusion: the shipped model"), "shipped")
        self.matrix_combo.addItem(self.tr("Difference (this − shipped)"), "difference")
        self.matrix_combo.currentIndexChanged.connect(self._show_matrix)
        self.matrix = ConfusionTable(self)
        self.class_table.setAccessibleName(self.tr("per-class accuracy"))  # names them in File ▸ Export
        self.matrix.setAccessibleName(self.tr("confusion matrix"))
        matrix_box = QVBoxLayout()
        matrix_box.addWidget(self.matrix_combo)
        matrix_box.addWidget(self.matrix)
        tables = QHBoxLayout()
        tables.addWidget(self.class_table)
        tables.addLayout(matrix_box, 1)
        layout.addLayout(tables, 1)
        self.clear()

    def clear(self) -> None:
        self.outcome = None
        self.summary.setText(self.tr("Train a network to compare it with the shipped one."))
        self.class_table.clearContents()
        self.matrix.clear_matrix()

    def show_outcome(self, outcome) -> None:
        """A finished `SessionOutcome` with weights: the verdict, the per-class table, the matrix."""
        self.outcome = outcome
        comparison = outcome.comparison
        text = self.tr("This network: test accuracy {0:.4f} on {1:,} test images (best epoch {2} of {3}, "
                       "picked on held-out training images; {4} of training).").format(
            comparison.accuracy, outcome.test_images, outcome.best_epoch, len(outcome.history),
            format_seconds(sum(outcome.epoch_seconds)))
        if comparison.reference_accuracy is not None:
            text += " " + self.tr("The shipped model: {0:.4f} ({1:+.4f}).").format(
                comparison.reference_accuracy, comparison.delta)
        if comparison.most_confused:
            pairs = ", ".join(self.tr("{0} taken for {1} ({2}×)").format(class_name(t), class_name(p), n)
                              for t, p, n in comparison.most_confused[:3])
            text += " " + self.tr("Most confused: {0}.").format(pairs)
        for note in outcome.notes:
            text += " " + note
        self.summary.setText(text)
        for row, item in enumerate(comparison.rows):
            values = (f"{item.accuracy:.3f}", "—" if item.reference is None else f"{item.reference:.3f}",
                      "—" if item.delta is None else f"{item.delta:+.3f}")
            for column, value in enumerate(values):
                self.class_table.setItem(row, column, QTableWidgetItem(value))
        self._show_matrix()

    @Slot()
    def _show_matrix(self) -> None:
        if self.outcome is None or self.outcome.comparison is None:
            return
        comparison = self.outcome.comparison
        kind = self.matrix_combo.currentData()
        matrix = {"trained": comparison.confusion, "shipped": comparison.reference_confusion,
                  "difference": comparison.difference}[kind]
        if matrix is None:
            self.matrix.clear_matrix()
        elif kind == "difference":
            self.matrix.show_difference(matrix, self.tr("the shipped model"))
        else:
            self.matrix.show_counts(matrix)

    def export_tables(self, chart) -> list | None:
        """The matrix shown with full class names, titled by what it shows (gui/chart_export.py)."""
        if chart is not self.matrix:
            return None  # the per-class table reads well as it is
        from fashion_desktop.gui.chart_export import Table

        if self.matrix.matrix is None:
            return []
        return [Table(self.matrix_combo.currentText(), [self.tr("true \\ predicted"), *class_names()],
                      [[name, *map(int, row)] for name, row in zip(class_names(), self.matrix.matrix)])]


def card_fields(outcome) -> dict:
    """What the model card says about a session run in the window."""
    return dict(config=outcome.config, test=outcome.test.as_dict(), best_epoch=outcome.best_epoch,
                best_val_accuracy=outcome.best_val_accuracy, epochs_run=len(outcome.history),
                train_seconds=outcome.seconds, data_source=outcome.data_source, device=outcome.device,
                command=f"Fashion Desktop Train panel, from {outcome.initial_name}", stopped=outcome.stopped,
                threads=outcome.threads)


def save_outcome(outcome, path: str | Path) -> None:
    """Write the session's weights atomically, with their card beside them (OSError when it cannot)."""
    from fashion_desktop.network.model import state_from_numpy  # torch: only once something is saved
    from fashion_desktop.training.model_card import save_trained

    save_trained(state_from_numpy(outcome.state), Path(path), **card_fields(outcome))


def live_weights_path() -> Path:
    """Where "Make it the live model" keeps weights not saved by the user: the per-user data folder."""
    from fashion_desktop.paths import trained_dir

    return trained_dir() / f"trained-{time.strftime('%Y%m%d-%H%M%S')}.pth"
