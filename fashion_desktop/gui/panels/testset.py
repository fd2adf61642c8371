"""The real test set: 10,000 Fashion-MNIST images with the model's prediction on each.

Filter by true class or to the misclassified ones; the confusion matrix's cells open the images
they count; clicking an image puts it on the canvas exactly as the network saw it here. The
predictions run in a `TestSetJob` (progress, Cancel) when the panel is shown, and again after the
model changes. Without the data set, the panel says how to get it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fashion_desktop.classes import class_name, class_names
from fashion_desktop.dataset.testset import accuracy, confusion_matrix, select
from fashion_desktop.errors import DataError
from fashion_desktop.gui.panels.test_images import THUMB, TestImagesModel
from fashion_desktop.gui.testset_job import TestSetJob, TestSetPredictions
from fashion_desktop.gui.widgets.confusion import ConfusionTable


class TestSetPanel(QWidget):
    """Browser + confusion matrix. Give it the model with `set_model_state`; it predicts when shown."""

    imageChosen = Signal(object, str)  # (float32 28×28 pixels in [0, 1], a name for the status bar)
    predictionsReady = Signal(object)  # TestSetPredictions (tests, other views)

    def __init__(self, parent: QWidget | None = None, data_dir=None) -> None:
        super().__init__(parent)
        self.setObjectName("TestSetPanel")
        self.data_dir = data_dir
        self.split = None
        self.predictions: TestSetPredictions | None = None
        self.job: TestSetJob | None = None
        self._state: dict[str, np.ndarray] | None = None
        self._generation = 0
        self._cell: tuple[int, int] | None = None  # the confusion cell filtering the browser
        self._data_error = ""

        self.status = QLabel(self.tr("Show this panel to predict the 10,000 test images."), self)
        self.status.setObjectName("testsetStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setOpenExternalLinks(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 10000)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop predicting the test set"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.run_button = QPushButton(self.tr("Predict again"), self)
        self.run_button.setToolTip(self.tr("Run the current network on all 10,000 test images"))
        self.run_button.clicked.connect(self.start)
        self.run_button.hide()

        self.class_combo = QComboBox(self)
        self.class_combo.setObjectName("testsetClass")
        self.class_combo.addItem(self.tr("All classes"), None)
        for i, name in enumerate(class_names()):
            self.class_combo.addItem(name, i)
        self.class_combo.setToolTip(self.tr("Show the test images of one true class"))
        self.class_combo.currentIndexChanged.connect(self._filters_changed)
        self.wrong_check = QCheckBox(self.tr("Only misclassified"), self)
        self.wrong_check.setObjectName("testsetWrong")
        self.wrong_check.toggled.connect(self._filters_changed)
        self.filter_label = QLabel(self)
        self.show_all_button = QPushButton(self.tr("Show all"), self)
        self.show_all_button.clicked.connect(self.clear_cell)
        self.show_all_button.hide()

        self.confusion = ConfusionTable(self)
        self.confusion.setAccessibleName(self.tr("confusion matrix"))
        self.confusion.setToolTip(self.tr("Rows: the true class; columns: the predicted class. "
                                          "Click a cell to see its images."))
        self.confusion.cellClicked.connect(self.open_cell)
        self.confusion.setMinimumSize(440, 240)
        self.accuracy_label = QLabel(" ", self)
        self.accuracy_label.setObjectName("testsetAccuracy")

        self.model = TestImagesModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("test images"))
        self.list.setObjectName("testImages")
        self.list.setModel(self.model)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 18, THUMB + 22))
        self.list.setUniformItemSizes(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.clicked.connect(self._image_clicked)
        self.list.activated.connect(self._image_clicked)

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.run_button)
        filters = QHBoxLayout()
        filters.addWidget(self.class_combo)
        filters.addWidget(self.wrong_check)
        filters.addWidget(self.filter_label, 1)
        filters.addWidget(self.show_all_button)
        left = QVBoxLayout()
        left.addWidget(self.confusion, 1)
        left.addWidget(self.accuracy_label)
        right = QVBoxLayout()
        right.addLayout(filters)
        right.addWidget(self.list, 1)
        body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        body.addLayout(left)
        body.addLayout(right, 1)
        self._body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    @Slot(Qt.DockWidgetArea)
    def fit_dock_area(self, area: Qt.DockWidgetArea) -> None:
        """Matrix above the images in a side dock, beside them in a top or bottom one."""
        wide = area in (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._body.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)

    # ------------------------------------------------------------ model and job

    def set_model_state(self, state: dict[str, np.ndarray] | None) -> None:
        """A new model (weights or the untrained switch): earlier predictions are stale. The same
        parameters again (the device changed) keep them."""
        if state is not None and self._state is not None and state.keys() == self._state.keys() and all(
                np.array_equal(state[k], self._state[k]) for k in state):
            return
        self._state = state
        self._generation += 1
        if self.predictions is not None:
            self.status.setText(self.tr("The network changed: predicting the test set again…"))
        if self.isVisible():
            self.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.predictions is None or self.predictions.generation != self._generation:
            self.start()

    def data_available(self) -> bool:
        """Whether Fashion-MNIST's test files are on this computer (cheap: only looks for files)."""
        from fashion_desktop.dataset.files import find_dataset  # hashlib, gzip: when the view is first shown

        try:
            find_dataset(self.data_dir, ("test",))
        except DataError as exc:
            self._data_error = str(exc)
            return False
        return True

    @Slot()
    def start(self) -> None:
        """Predict the test set with the current network (cancelling a run in progress)."""
        if self._state is None:
            self.status.setText(self.tr("Waiting for the network to load…"))
            return
        if self.split is None and not self.data_available():
            self._show_missing_data()
            return
        if self.job is not None:
            self.cancel()
        self.job = TestSetJob(self._state, self._generation, self.split, self.data_dir, self)
        self.job.loaded.connect(self._on_loaded)
        self.job.progressed.connect(self._on_progress)
        self.job.finishedPredicting.connect(self._on_predictions)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.finished.connect(self._job_ended)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.run_button.hide()
        self.status.setText(self.tr("Reading the test set…") if self.split is None
                            else self.tr("Predicting the 10,000 test images…"))
        self.job.start()

    @Slot()
    def cancel(self) -> None:
        """Stop the running prediction (the last complete results stay)."""
        job = self.job
        if job is None:
            return
        for signal in (job.loaded, job.progressed, job.finishedPredicting, job.failed, job.cancelled, job.finished):
            signal.disconnect()
        job.cancel()
        job.wait()
        job.deleteLater()
        self.job = None
        self._on_cancelled()

    def shutdown(self) -> None:
        """Stop and wait for the job (the window calls this when it closes)."""
        if self.job is not None:
            self.cancel()

    def is_running(self) -> bool:
        return self.job is not None and self.job.isRunning()

    def _job_ended(self) -> None:
        job = self.sender()
        if job is self.job:
            self.job = None
            job.deleteLater()
        self.progress.hide()
        self.cancel_button.hide()
        self.run_button.setVisible(self.split is not None)

    def _on_loaded(self, split) -> None:
        self.split = split
        self.progress.setRange(0, len(split))
        self.status.setText(self.tr("Predicting the {0:,} test images…").format(len(split)))
        if self.predictions is None:
            self._refresh()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_predictions(self, predictions: TestSetPredictions) -> None:
        if predictions.generation != self._generation:
            return  # made by a network that is no longer loaded
        self.predictions = predictions
        matrix = self.confusion_matrix()
        self.status.setText(self.tr("{0:,} test images from {1}").format(len(predictions.labels), self.split.source))
        self.accuracy_label.setText(self.tr("Accuracy {0:.2%} ({1:,} of {2:,} right)").format(
            accuracy(matrix), int(np.trace(matrix)), int(matrix.sum())))
        self.confusion.show_counts(matrix)
        self._refresh()
        self.predictionsReady.emit(predictions)

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("Could not predict the test set: {0}").format(message))

    def _on_cancelled(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.run_button.setVisible(True)
        self.status.setText(self.tr("Cancelled. Press “Predict again” to run the network on the test set."))

    def _show_missing_data(self) -> None:
        self.status.setText(self.tr(
            "<b>Fashion-MNIST is not on this computer</b>, so there is no test set to browse.<br>{0}<br>"
            "See “The data” in the README for every place the app looks.").format(self._data_error))
        self.run_button.setText(self.tr("Look again"))
        self.run_button.show()

    # ------------------------------------------------------------ views

    def export_tables(self, chart) -> list | None:
        """The grid's images or the confusion matrix as numbers, with full class names (gui/chart_export.py)."""
        from fashion_desktop.gui.chart_export import Table

        if chart is self.confusion:
            matrix = self.confusion_matrix()
            if matrix is None:
                return []
            return [Table(self.tr("Confusion matrix (rows: true class, columns: predicted)"),
                          [self.tr("true \\ predicted"), *class_names()],
                          [[name, *map(int, row)] for name, row in zip(class_names(), matrix)])]
        if chart is not self.list:
            return None

        model = self.list.model()
        table = Table(self.tr("Test images shown"), [self.tr("test index"), self.tr("true class"),
                                                    self.tr("predicted"), self.tr("confidence")])
        for row in range(model.rowCount()):
            i = model.test_index(row)
            guess = None if model.predicted is None else int(model.predicted[i])
            table.rows.append([i, class_name(int(model.labels[i])), "" if guess is None else class_name(guess),
                               "" if guess is None else float(model.confidence[i])])
        return [table]

    def confusion_matrix(self) -> np.ndarray | None:
        """Rows: true class, columns: predicted; None until the predictions are in."""
        if self.predictions is None:
            return None
        return confusion_matrix(self.predictions.labels, self.predictions.predicted)

    @Slot(int, int)
    def open_cell(self, true_class: int, predicted_class: int) -> None:
        """Show the images counted in one confusion-matrix cell."""
        if self.predictions is None:
            return
        self._cell = (true_class, predicted_class)
        self._refresh()

    @Slot()
    def clear_cell(self) -> None:
        self._cell = None
        self.confusion.clearSelection()
        self._refresh()

    def _filters_changed(self) -> None:
        self._cell = None
        self.confusion.clearSelection()
        self._refresh()

    def shown_indices(self) -> np.ndarray:
        """Test-set indices of the images in the browser, in order."""
        return self.model.indices.copy()

    def _refresh(self) -> None:
        if self.split is None:
            return
        labels = self.split.labels
        p = self.predictions
        predicted = None if p is None else p.predicted
        if self._cell is not None:
            indices = select(labels, predicted, true_class=self._cell[0], predicted_class=self._cell[1])
            text = self.tr("True {0}, predicted {1}: {2} images").format(
                class_name(self._cell[0]), class_name(self._cell[1]), len(indices))
        else:
            true_class = self.class_combo.currentData()
            wrong = self.wrong_check.isChecked()
            indices = select(labels, predicted, true_class=true_class, misclassified=wrong)
            text = self.tr("{0:,} images").format(len(indices))
            if wrong and predicted is None:
                text = self.tr("Misclassified images appear once the predictions are in")
        self.filter_label.setText(text)
        self.show_all_button.setVisible(self._cell is not None)
        confidence = None if p is None else p.probabilities.max(axis=1)
        self.model.set_data(self.split.images, labels, predicted, confidence, indices)

    def _image_clicked(self, index: QModelIndex) -> None:
        if not index.isValid() or self.split is None:
            return
        i = self.model.test_index(index.row())
        pixels = self.split.images[i].astype(np.float32) / 255.0
        name = self.tr("test image #{0} ({1})").format(i, class_name(int(self.split.labels[i])))
        self.imageChosen.emit(pixels, name)
