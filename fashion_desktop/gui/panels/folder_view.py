"""A whole folder of pictures, classified: thumbnail, class, confidence, second guess, error.

A Qt table model holds the rows as they arrive from the background job (`gui/folder_job.py`); a
sort/filter proxy sorts any column and filters by class (or to the files that failed) and by a
minimum confidence. Clicking a row asks the window to put that picture on the canvas; the answers
export as the same CSV `fashion-desktop predict --csv` writes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.gui.folder_job import THUMBNAIL, FolderJob, FolderRow

PICTURE, CLASS, CONFIDENCE, SECOND, ERROR = range(5)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ONLY_ERRORS = -2
ALL_CLASSES = -1
_ROOT = QModelIndex()


class FolderModel(QAbstractTableModel):
    """The rows of one folder, in listing order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[FolderRow] = []
        self.root = Path()
        self._images: dict[int, QImage] = {}
        self._headers = (self.tr("Picture"), self.tr("Class"), self.tr("Confidence"), self.tr("Second guess"),
                         self.tr("Error"))

    def reset(self, root: Path) -> None:
        self.beginResetModel()
        self.rows, self.root, self._images = [], root, {}
        self.endResetModel()

    def append(self, rows: list[FolderRow]) -> None:
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def name(self, row: FolderRow) -> str:
        try:
            return str(row.path.relative_to(self.root))
        except ValueError:
            return str(row.path)

    @staticmethod
    def ranked(row: FolderRow) -> tuple[int, int]:
        order = np.argsort(row.probabilities)[::-1]
        return int(order[0]), int(order[1])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DecorationRole and column == PICTURE:
            return self._thumbnail(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.error or str(row.path)
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return None
        if column == PICTURE:
            return self.name(row) if role == Qt.ItemDataRole.DisplayRole else self.name(row).casefold()
        if column == ERROR:
            return row.error
        if not row.ok:
            return "" if role == Qt.ItemDataRole.DisplayRole else -1.0
        first, second = self.ranked(row)
        probs = row.probabilities
        if column == CLASS:
            return CLASS_NAMES[first]
        if column == CONFIDENCE:
            return f"{probs[first]:.1%}" if role == Qt.ItemDataRole.DisplayRole else float(probs[first])
        if column == SECOND:
            if role == SORT_ROLE:
                return CLASS_NAMES[second]
            return self.tr("{0} ({1})").format(CLASS_NAMES[second], f"{probs[second]:.1%}")
        return None

    def _thumbnail(self, row: int) -> QImage | None:
        image = self._images.get(row)
        if image is None and self.rows[row].thumbnail is not None:
            pixels = np.ascontiguousarray(self.rows[row].thumbnail)
            height, width = pixels.shape[:2]
            image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGBA8888).copy()
            self._images[row] = image
        return image

    def csv_rows(self, rows: list[int] | None = None) -> list[list[str]]:
        from fashion_desktop.answers import csv_row

        chosen = range(len(self.rows)) if rows is None else rows
        return [csv_row(str(self.rows[i].path), None if self.rows[i].probabilities is None
                        else self.rows[i].probabilities.tolist(), self.rows[i].error) for i in chosen]


class FolderFilter(QSortFilterProxyModel):
    """Keeps the rows of one class (or the failed ones) at or above a minimum confidence."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.class_index = ALL_CLASSES
        self.min_confidence = 0.0
        self.setSortRole(SORT_ROLE)

    def set_filter(self, class_index: int, min_confidence: float) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.class_index, self.min_confidence = class_index, min_confidence
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.class_index, self.min_confidence = class_index, min_confidence
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self.sourceModel().rows[source_row]
        if self.class_index == ONLY_ERRORS:
            return not row.ok
        if not row.ok:
            return self.class_index == ALL_CLASSES and self.min_confidence <= 0
        first = int(row.probabilities.argmax())
        if self.class_index >= 0 and first != self.class_index:
            return False
        return float(row.probabilities[first]) >= self.min_confidence


class FolderView(QWidget):
    """The folder's answers with filters, progress, Cancel and CSV export. Call `start(folder, state)`."""

    pictureChosen = Signal(str)  # a row was clicked: put this file on the canvas
    finished = Signal()  # the job ended (done, cancelled or failed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folderView")
        self.job: FolderJob | None = None
        self.seconds: float | None = None
        self.folder: Path | None = None
        self._total = self._skipped = 0
        self.model = FolderModel(self)
        self.proxy = FolderFilter(self)
        self.proxy.setSourceModel(self.model)

        self.folder_label = QLabel(self.tr("Choose File ▸ Classify a folder… or drop a folder on the window."), self)
        self.folder_label.setWordWrap(True)
        self.recursive_check = QCheckBox(self.tr("Include subfolders"), self)
        self.recursive_check.toggled.connect(self._recursive_toggled)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName("folderStatus")
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.recursive_check)

        self.class_combo = QComboBox(self)
        self.class_combo.addItem(self.tr("All classes"), ALL_CLASSES)
        for i, name in enumerate(CLASS_NAMES):
            self.class_combo.addItem(name, i)
        self.class_combo.addItem(self.tr("Only files with errors"), ONLY_ERRORS)
        self.confidence_spin = QSpinBox(self)
        self.confidence_spin.setRange(0, 100)
        self.confidence_spin.setSuffix(self.tr(" %"))
        self.confidence_spin.setPrefix(self.tr("at least "))
        self.confidence_spin.setToolTip(self.tr("Show only answers at least this confident"))
        self.shown_label = QLabel(self)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_dialog)
        self.class_combo.currentIndexChanged.connect(self._filters_changed)
        self.confidence_spin.valueChanged.connect(self._filters_changed)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show"), self))
        filters.addWidget(self.class_combo)
        filters.addWidget(self.confidence_spin)
        filters.addWidget(self.shown_label, 1)
        filters.addWidget(self.export_button)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # listing order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.table.verticalHeader().setDefaultSectionSize(THUMBNAIL + 6)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((PICTURE, 190), (CLASS, 95), (CONFIDENCE, 85), (SECOND, 140)):
            self.table.setColumnWidth(column, width)
        self.table.clicked.connect(self._row_clicked)
        self.table.activated.connect(self._row_clicked)

        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(progress_row)
        layout.addWidget(self.status)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self._state: dict | None = None
        self._update_shown()

    # ------------------------------------------------------------ running

    def is_running(self) -> bool:
        return self.job is not None and self.job.isRunning()

    def start(self, folder: str | Path, state: dict, recursive: bool | None = None) -> None:
        """Classify every picture in `folder` with the model whose parameters are `state` (numpy)."""
        self.shutdown()
        if recursive is not None:
            self.recursive_check.blockSignals(True)
            self.recursive_check.setChecked(recursive)
            self.recursive_check.blockSignals(False)
        self.folder, self._state, self.seconds = Path(folder), state, None
        self.model.reset(self.folder)
        self.folder_label.setText(str(self.folder))
        self.status.setText(self.tr("Looking for pictures…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.export_button.setEnabled(False)
        job = FolderJob(self.folder, state, self.recursive_check.isChecked(), self)
        job.listed.connect(self._on_listed)
        job.rowsReady.connect(self._on_rows)
        job.progressed.connect(self._on_progress)
        job.done.connect(self._on_done)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.finished.connect(self._job_ended)
        self.job = job
        job.start(FolderJob.Priority.LowPriority)

    @Slot()
    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def shutdown(self) -> None:
        """Stop and wait for a running job (closing the window, or a new folder)."""
        job, self.job = self.job, None
        if job is None:
            return
        job.cancel()
        for signal in (job.listed, job.rowsReady, job.progressed, job.done, job.failed, job.cancelled, job.finished):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass
        job.wait()
        job.deleteLater()
        self._show_idle()

    def _recursive_toggled(self, _checked: bool) -> None:
        if self.folder is not None and self._state is not None:
            self.start(self.folder, self._state)

    @Slot(int, int)
    def _on_listed(self, total: int, skipped: int) -> None:
        self._total, self._skipped = total, skipped
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(0)
        passed = self.tr(" (%n other file(s) passed over)", "", skipped) if skipped else ""
        if total:
            self.status.setText(self.tr("Classifying %n picture(s)…", "", total) + passed)
        else:
            hint = "" if self.recursive_check.isChecked() else self.tr(" Include subfolders to look deeper.")
            self.status.setText(self.tr("No pictures in this folder.") + passed + hint)

    @Slot(object)
    def _on_rows(self, rows: list[FolderRow]) -> None:
        self.model.append(rows)
        self._update_shown()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)

    @Slot(float)
    def _on_done(self, seconds: float) -> None:
        self.seconds = seconds
        failed = sum(1 for row in self.model.rows if not row.ok)
        text = self.tr("%n picture(s) classified", "", len(self.model.rows) - failed)
        if failed:
            text += self.tr("; %n could not be read (see the Error column)", "", failed)
        if self._skipped:
            text += self.tr("; %n other file(s) passed over", "", self._skipped)
        self.status.setText(self.tr("{0} in {1:.1f} s.").format(text, seconds))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("Stopped: {0}").format(message))

    @Slot()
    def _on_cancelled(self) -> None:
        self.status.setText(self.tr("Cancelled after %n file(s); the answers so far are kept.", "",
                                    len(self.model.rows)))

    @Slot()
    def _job_ended(self) -> None:
        if self.job is not None:
            self.job.deleteLater()
            self.job = None
        self._show_idle()
        self.finished.emit()

    def _show_idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(bool(self.model.rows))

    # ------------------------------------------------------------ filtering, clicking, exporting

    @Slot()
    def _filters_changed(self) -> None:
        self.proxy.set_filter(int(self.class_combo.currentData()), self.confidence_spin.value() / 100.0)
        self._update_shown()

    def set_filter(self, class_index: int = ALL_CLASSES, min_confidence_percent: int = 0) -> None:
        self.class_combo.setCurrentIndex(max(0, self.class_combo.findData(class_index)))
        self.confidence_spin.setValue(min_confidence_percent)

    def _update_shown(self) -> None:
        self.shown_label.setText(self.tr("{0} of {1} shown").format(self.proxy.rowCount(), self.model.rowCount()))

    def shown_paths(self) -> list[Path]:
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()].path
                for r in range(self.proxy.rowCount())]

    @Slot(QModelIndex)
    def _row_clicked(self, index: QModelIndex) -> None:
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        self.pictureChosen.emit(str(row.path))

    def csv_text(self, only_shown: bool = False) -> str:
        from fashion_desktop.answers import csv_text

        rows = None
        if only_shown:
            rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())]
        return csv_text(self.model.csv_rows(rows))

    @Slot()
    def export_dialog(self) -> None:
        start = str((self.folder or Path.home()) / "answers.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the answers"), start,
                                              self.tr("CSV (*.csv)"))
        if path:
            self.export_csv(path if path.lower().endswith(".csv") else path + ".csv")

    def export_csv(self, path: str | Path) -> bool:
        from fashion_desktop.atomic import atomic_write_text

        try:
            atomic_write_text(path, self.csv_text(only_shown=False))
        except OSError as exc:
            self.status.setText(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return False
        self.status.setText(self.tr("Wrote %n answer(s) to {0}.", "", len(self.model.rows)).format(path))
        return True
