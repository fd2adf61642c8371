"""A whole folder of pictures, classified: thumbnail, class, confidence, second guess, error.

A Qt table model holds the rows as they arrive from the background job (`gui/folder_job.py`); a
sort/filter proxy sorts any column and filters by class (or to the files that failed) and by a
minimum confidence. Clicking a row asks the window to put that picture on the canvas; the answers
export as the same CSV `fashion-desktop predict --csv` writes.

Rows and progress reach the table at most every SHOW_EVERY_MS (the first at once): every showing
repaints the table, its scroll bar and the progress bar (QProgressBar.setValue repaints there and
then), which took the window's thread ~0.3 s of CPU per 1,000 files when it happened for every
batch of 64, CPU the decoding processes beside it needed on a 2-core machine.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
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

from fashion_desktop.classes import class_names
from fashion_desktop.gui import folder_pool
from fashion_desktop.gui.deferred import AfterFirstPaint
from fashion_desktop.gui.folder_job import THUMBNAIL, FolderJob, FolderRow
from fashion_desktop.gui.panels.folder_model import (  # noqa: F401 - the columns are part of this view's API
    ALL_CLASSES,
    CLASS,
    CONFIDENCE,
    ERROR,
    ONLY_ERRORS,
    PICTURE,
    SECOND,
    FolderFilter,
    FolderModel,
)

SHOW_EVERY_MS = 250  # rows and progress gathered for this long are shown together


class FolderView(QWidget):
    """The folder's answers with filters, progress, Cancel and CSV export. Call `start(folder, state)`."""

    pictureChosen = Signal(str)  # a row was clicked: put this file on the canvas
    finished = Signal()  # the job ended (done, cancelled or failed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folderView")
        # its worker processes start once the view is on screen, while the user picks a folder; not before
        # the window's first paint when a restored layout shows the dock at start-up (gui/folder_pool.py)
        AfterFirstPaint(self, folder_pool.warm_up)
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
        for i, name in enumerate(class_names()):
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
        self._pending: list[FolderRow] = []  # arrived, not yet in the table
        self._pending_done: int | None = None
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_gathered)
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
        self._pending, self._pending_done = [], None
        self._show_timer.stop()
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
        # English has no "(s)": one and many are separate source texts (translations keep %n's forms)
        passed = ("" if not skipped else self.tr(" (1 other file passed over)") if skipped == 1
                  else self.tr(" (%n other files passed over)", "", skipped))
        if total:
            classifying = self.tr("Classifying 1 picture…") if total == 1 else self.tr("Classifying %n pictures…", "", total)
            self.status.setText(classifying + passed)
        else:
            hint = "" if self.recursive_check.isChecked() else self.tr(" Include subfolders to look deeper.")
            self.status.setText(self.tr("No pictures in this folder.") + passed + hint)

    @Slot(object)
    def _on_rows(self, rows: list[FolderRow]) -> None:
        self._pending.extend(rows)
        self._show_soon()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self._pending_done = done
        self._show_soon()

    def _show_soon(self) -> None:
        """Show what arrived once the signals already queued are in (a batch's rows and progress), if
        nothing was shown in the last SHOW_EVERY_MS; else when those end."""
        if not self._show_timer.isActive():
            self._show_timer.start(0)

    @Slot()
    def _show_gathered(self) -> None:
        if self._pending or self._pending_done is not None:
            self._show_pending()
            self._show_timer.start(SHOW_EVERY_MS)  # and gather again before the next showing

    def _show_pending(self) -> None:
        if self._pending:
            rows, self._pending = self._pending, []
            self.model.append(rows)
            self._update_shown()
        if self._pending_done is not None:
            self.progress.setValue(self._pending_done)
            self._pending_done = None

    @Slot(float)
    def _on_done(self, seconds: float) -> None:
        self._show_pending()
        self.seconds = seconds
        failed = sum(1 for row in self.model.rows if not row.ok)
        read = len(self.model.rows) - failed
        text = (self.tr("1 picture classified in {0:.1f} s") if read == 1
                else self.tr("%n pictures classified in {0:.1f} s", "", read)).format(seconds)
        if failed:
            text += self.tr("; %n could not be read (see the Error column)", "", failed)
        if self._skipped:
            text += (self.tr("; 1 other file passed over") if self._skipped == 1
                     else self.tr("; %n other files passed over", "", self._skipped))
        self.status.setText(text + ".")

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._show_pending()
        self.status.setText(self.tr("Stopped: {0}").format(message))

    @Slot()
    def _on_cancelled(self) -> None:
        self._show_pending()
        done = len(self.model.rows)
        self.status.setText(self.tr("Cancelled after 1 file; the answers so far are kept.") if done == 1
                            else self.tr("Cancelled after %n files; the answers so far are kept.", "", done))

    @Slot()
    def _job_ended(self) -> None:
        if self.job is not None:
            self.job.deleteLater()
            self.job = None
        self._show_idle()
        self.finished.emit()

    def _show_idle(self) -> None:
        self._show_timer.stop()
        self._show_pending()
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
        written = len(self.model.rows)
        self.status.setText((self.tr("Wrote 1 answer to {0}.") if written == 1
                             else self.tr("Wrote %n answers to {0}.", "", written)).format(path))
        return True
