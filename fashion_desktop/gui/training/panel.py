"""The Train panel: train the tutorial's network in the window and watch it learn, while drawing.

Settings on the left (recipe, learning rate, batch size, epochs, device, threads, where to start),
curves on the right (training loss per batch, test loss and accuracy per epoch, the shipped
model's accuracy as a reference line), then a comparison with the shipped model. The training
runs in a `TrainerThread`; the panel only starts, pauses and stops it and draws what it reports.
A switch sends the trainer's weight snapshots to the inference worker, so the bars show what
the network being trained thinks of the drawing.

Nothing here imports torch at module level: the recipes are read once the worker has loaded
torch (`set_live_model`), so the window still appears before torch is imported.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QScrollArea, QSizePolicy, QSpinBox, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from fashion_desktop.classes import CLASS_NAMES, NUM_CLASSES
from fashion_desktop.network.device_choices import CONTEXT as DEVICE_CONTEXT
from fashion_desktop.network.device_choices import DEVICE_KINDS
from fashion_desktop.progress import format_seconds

RECIPES = ("tutorial", "shipped")
RANDOM, CURRENT = "random", "current"
IDLE, STARTING, TRAINING_STATE, PAUSED_STATE, STOPPING, DONE = "idle", "starting", "training", "paused", "stopping", "done"


class TrainingPanel(QWidget):
    """Public API (also for benchmarks): `start(config=None, ...)`, `pause()`, `resume()`, `stop()`,
    `trainer` (the running `TrainerThread`: `epochFinished`, `epoch_seconds`), `finished(SessionOutcome)`,
    `outcome`, `save_to(path)`, `make_live()`, `set_preview(on)`, `shutdown()`."""

    finished = Signal(object)  # train_session.SessionOutcome, after it is shown
    useWeights = Signal(str)  # a saved weights file to load as the live model
    stateChanged = Signal(str)  # IDLE, STARTING, TRAINING_STATE, PAUSED_STATE, STOPPING, DONE

    def __init__(self, worker=None, parent: QWidget | None = None, data_dir: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrainingPanel")
        self.worker = worker
        self.data_dir = data_dir
        self.trainer = None  # TrainerThread of the current or last session
        self.downloader = None
        self.download_mirrors: tuple[str, ...] | None = None  # None: download.MIRRORS
        self.lower_priority = True  # training yields the CPU to drawing and inference (False: for benchmarks)
        self.outcome = None  # SessionOutcome of the last finished session
        self.saved_path: Path | None = None
        self.state = IDLE
        self._recipes: dict = {}
        self._live_path: str | None = None
        self._live_name = ""
        self._closing = False
        self._started = None  # SessionStarted
        self._plots_built = False
        self._dirty = False
        self._batch_x: list[float] = []
        self._batch_loss: list[float] = []
        self._epoch_x: list[float] = []
        self._test_loss: list[float] = []
        self._test_accuracy: list[float] = []
        self._last_snapshot = None
        self.batches_seen = 0  # batch progress reports received (tests, benchmarks)

        self._build()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(250)  # curves redraw at most 4 times a second: live, and cheap
        self._redraw_timer.timeout.connect(self._redraw)
        self._set_state(IDLE)

    # ------------------------------------------------------------ construction

    def _build(self) -> None:
        controls = QWidget(self)
        column = QVBoxLayout(controls)
        column.setContentsMargins(0, 0, 0, 0)

        self.data_box = QGroupBox(self.tr("Fashion-MNIST is needed"), controls)
        data_layout = QVBoxLayout(self.data_box)
        self.data_label = QLabel(self.data_box)
        self.data_label.setObjectName("dataLabel")
        self.data_label.setWordWrap(True)
        self.data_label.setOpenExternalLinks(True)
        self.download_button = QPushButton(self.tr("Download it (about 30 MB)"), self.data_box)
        self.download_button.clicked.connect(self.download)
        self.cancel_download_button = QPushButton(self.tr("Cancel"), self.data_box)
        self.cancel_download_button.clicked.connect(self.cancel_download)
        self.download_progress = QProgressBar(self.data_box)
        row = QHBoxLayout()
        row.addWidget(self.download_button)
        row.addWidget(self.cancel_download_button)
        data_layout.addWidget(self.data_label)
        data_layout.addLayout(row)
        data_layout.addWidget(self.download_progress)
        column.addWidget(self.data_box)

        form = QFormLayout()
        self.recipe_combo = QComboBox(controls)
        self.recipe_combo.addItem(self.tr("The tutorial's: SGD, lr 0.001, batch 64"), "tutorial")
        self.recipe_combo.addItem(self.tr("The shipped model's: AdamW, one-cycle, EMA"), "shipped")
        self.recipe_combo.setToolTip(self.tr(
            "The tutorial's optimization loop exactly (plain SGD, no momentum), or the recipe that made the "
            "shipped weights (augmentation, dropout, an average of the weights; slower to start)."))
        self.recipe_combo.currentIndexChanged.connect(self._on_recipe)
        self.lr_spin = QDoubleSpinBox(controls)
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 1.0)
        self.lr_spin.setSingleStep(0.0005)
        self.batch_spin = QSpinBox(controls)
        self.batch_spin.setRange(1, 8192)
        self.epochs_spin = QSpinBox(controls)
        self.epochs_spin.setRange(1, 1000)
        self.device_combo = QComboBox(controls)
        for choice in DEVICE_KINDS:
            self.device_combo.addItem(QCoreApplication.translate(DEVICE_CONTEXT, choice.label).replace("&", ""),
                                      choice.name)
        self.threads_spin = QSpinBox(controls)
        self.threads_spin.setRange(1, max(1, os.cpu_count() or 1))
        self.threads_spin.setValue(max(1, (os.cpu_count() or 1) - 1))
        self.threads_spin.setToolTip(self.tr(
            "CPU threads for training. One core is left for drawing and the live predictions."))
        self.from_combo = QComboBox(controls)
        self.from_combo.addItem(self.tr("A fresh random network (as the tutorial)"), RANDOM)
        self.from_combo.addItem(self.tr("The weights in use now"), CURRENT)
        self.from_combo.setToolTip(self.tr("Start from NeuralNetwork() as the tutorial creates it (seeded), "
                                           "or go on training the weights the bars use now"))
        form.addRow(self.tr("Recipe"), self.recipe_combo)
        form.addRow(self.tr("Learning rate"), self.lr_spin)
        form.addRow(self.tr("Batch size"), self.batch_spin)
        form.addRow(self.tr("Epochs"), self.epochs_spin)
        form.addRow(self.tr("Device"), self.device_combo)
        form.addRow(self.tr("CPU threads"), self.threads_spin)
        form.addRow(self.tr("Start from"), self.from_combo)
        column.addLayout(form)

        buttons = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start"), controls)
        self.start_button.setObjectName("startTraining")
        self.start_button.clicked.connect(lambda: self.start())
        self.pause_button = QPushButton(self.tr("Pause"), controls)
        self.pause_button.clicked.connect(self._toggle_pause)
        self.stop_button = QPushButton(self.tr("Stop"), controls)
        self.stop_button.setToolTip(self.tr("Stop after this batch, keeping the best weights so far"))
        self.stop_button.clicked.connect(self.stop)
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        column.addLayout(buttons)

        self.progress = QProgressBar(controls)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.status_label = QLabel(controls)
        self.status_label.setObjectName("trainingStatus")
        self.status_label.setWordWrap(True)
        self.preview_check = QCheckBox(self.tr("Show the predictions of the network being trained"), controls)
        self.preview_check.setToolTip(self.tr(
            "The bars answer with the weights being trained, updated twice a second, instead of the live model"))
        self.preview_check.toggled.connect(self.set_preview)
        column.addWidget(self.progress)
        column.addWidget(self.status_label)
        column.addWidget(self.preview_check)

        after = QHBoxLayout()
        self.live_button = QPushButton(self.tr("Make it the live model"), controls)
        self.live_button.clicked.connect(self.make_live)
        self.save_button = QPushButton(self.tr("Save as…"), controls)
        self.save_button.setToolTip(self.tr("Save the trained weights as a tutorial-style state_dict with its model card"))
        self.save_button.clicked.connect(self.save_dialog)
        after.addWidget(self.live_button)
        after.addWidget(self.save_button)
        column.addLayout(after)
        column.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(controls.sizeHint().width() + 24)
        scroll.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

        self.tabs = QTabWidget(self)
        self.curves_page = QWidget(self.tabs)
        self._curves_layout = QVBoxLayout(self.curves_page)
        self._curves_layout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.curves_page, self.tr("Curves"))
        self.tabs.addTab(self._build_comparison(), self.tr("Compared with the shipped model"))

        layout = QHBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.tabs, 1)
        for widget in (self.lr_spin, self.batch_spin, self.epochs_spin):
            widget.setEnabled(False)

    def _build_comparison(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.compare_label = QLabel(self.tr("Train a network to compare it with the shipped one."), page)
        self.compare_label.setObjectName("compareLabel")
        self.compare_label.setWordWrap(True)
        layout.addWidget(self.compare_label)
        tables = QHBoxLayout()
        self.class_table = QTableWidget(NUM_CLASSES, 3, page)
        self.class_table.setHorizontalHeaderLabels([self.tr("This network"), self.tr("Shipped"), self.tr("Difference")])
        self.class_table.setVerticalHeaderLabels(list(CLASS_NAMES))
        self.class_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.class_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.class_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.class_table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        matrix_box = QVBoxLayout()
        self.matrix_combo = QComboBox(page)
        self.matrix_combo.addItem(self.tr("Confusion: this network"), "trained")
        self.matrix_combo.addItem(self.tr("Confusion: the shipped model"), "shipped")
        self.matrix_combo.addItem(self.tr("Difference (this − shipped)"), "difference")
        self.matrix_combo.currentIndexChanged.connect(self._show_matrix)
        self.matrix_table = QTableWidget(NUM_CLASSES, NUM_CLASSES, page)
        self.matrix_table.setToolTip(self.tr("Rows: the true class; columns: the predicted class"))
        self.matrix_table.setVerticalHeaderLabels(list(CLASS_NAMES))
        self.matrix_table.setHorizontalHeaderLabels([str(i) for i in range(NUM_CLASSES)])
        self.matrix_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for table in (self.class_table, self.matrix_table):  # ten rows share the height: no scrolling
            table.verticalHeader().setMinimumSectionSize(max(14, self.fontMetrics().height()))
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        matrix_box.addWidget(self.matrix_combo)
        matrix_box.addWidget(self.matrix_table)
        tables.addWidget(self.class_table)
        tables.addLayout(matrix_box, 1)
        layout.addLayout(tables, 1)
        return page

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.check_data()
        if not self._plots_built:
            QTimer.singleShot(0, self._ensure_plots)

    @Slot()
    def _ensure_plots(self) -> None:
        """The curves, built once when first shown (pyqtgraph is imported after the window's first paint)."""
        if self._plots_built:
            return
        self._plots_built = True
        import pyqtgraph as pg

        from fashion_desktop.training.model_card import shipped_accuracy

        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        self.graphs = pg.GraphicsLayoutWidget(self.curves_page)
        self.graphs.setBackground(background)
        self.loss_plot = self.graphs.addPlot(title=self.tr("Loss"))
        self.accuracy_plot = self.graphs.addPlot(title=self.tr("Test accuracy"))
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.showGrid(x=True, y=True, alpha=0.25)
            plot.setLabel("bottom", self.tr("epoch"))
            plot.addLegend(offset=(-10, 10), labelTextColor=text)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTextPen(text)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
        batch_colour = QColor(highlight)
        batch_colour.setAlpha(150)
        self.batch_curve = self.loss_plot.plot([], [], pen=pg.mkPen(batch_colour, width=1),
                                               name=self.tr("training, per batch"))
        self.test_loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen(text, width=1, style=pg.QtCore.Qt.PenStyle.DashLine),
                                                   symbol="o", symbolSize=7, symbolBrush=text,
                                                   name=self.tr("test, per epoch"))
        self.batch_curve.setZValue(1)  # the per-batch loss stays visible where the test loss runs alongside
        self.loss_plot.setYRange(0, 2.5)
        self.loss_plot.enableAutoRange(axis="y", enable=False)
        self.accuracy_curve = self.accuracy_plot.plot([], [], pen=pg.mkPen(highlight, width=2), symbol="o",
                                                      symbolSize=6, symbolBrush=highlight,
                                                      name=self.tr("this network"))
        self.accuracy_plot.setYRange(0, 1, padding=0.02)
        self.accuracy_plot.enableAutoRange(axis="y", enable=False)
        reference = shipped_accuracy()
        self.reference_line = None
        if reference is not None:
            self.reference_line = pg.InfiniteLine(
                pos=reference, angle=0, pen=pg.mkPen(text, width=1, style=pg.QtCore.Qt.PenStyle.DashLine),
                label=self.tr("shipped model {0:.3f}").format(reference),
                labelOpts={"position": 0.02, "color": text, "anchors": [(0, 0), (0, 0)]})
            self.accuracy_plot.addItem(self.reference_line)
        self.chance_line = pg.InfiniteLine(pos=1 / NUM_CLASSES, angle=0,
                                           pen=pg.mkPen(text, width=1, style=pg.QtCore.Qt.PenStyle.DotLine),
                                           label=self.tr("chance"), labelOpts={"position": 0.98, "color": text,
                                                                                        "anchors": [(1, 1), (1, 1)]})
        self.accuracy_plot.addItem(self.chance_line)
        self._curves_layout.addWidget(self.graphs)
        self._dirty = True
        self._redraw()

    # ------------------------------------------------------------ the live model (from the window)

    @Slot(object)
    def set_live_model(self, info) -> None:
        """The window's model changed (worker.ModelInfo): remember its file and the devices; read the recipes."""
        self._live_path, self._live_name = info.weights_path, Path(info.weights_path).name
        self.from_combo.setItemText(1, self.tr("The weights in use now ({0})").format(self._live_name))
        for device in info.devices:
            index = self.device_combo.findData(device.name)
            if index >= 0:
                item = self.device_combo.model().item(index)
                item.setEnabled(device.available)
                item.setToolTip(device.description if device.available else device.reason)
        if not self._recipes:
            self._load_recipes()

    def _load_recipes(self) -> None:
        from fashion_desktop.training.recipe import TrainConfig
        from fashion_desktop.training.session import default_threads

        self._recipes = {"tutorial": TrainConfig.tutorial(), "shipped": TrainConfig.shipped()}
        self.threads_spin.setValue(default_threads())
        for widget in (self.lr_spin, self.batch_spin, self.epochs_spin):
            widget.setEnabled(True)
        self._on_recipe()
        if self.state == IDLE:
            self.status_label.setText(self.tr("Choose a recipe and press Start. Drawing keeps working meanwhile."))
        self._set_state(self.state)

    @Slot()
    def _on_recipe(self) -> None:
        config = self._recipes.get(self.recipe_combo.currentData())
        if config is not None:
            self.lr_spin.setValue(config.lr)
            self.batch_spin.setValue(config.batch_size)
            self.epochs_spin.setValue(config.epochs)

    def config_from_form(self):
        """The recipe chosen, with the learning rate, batch size and epochs from the form."""
        if not self._recipes:
            self._load_recipes()
        from fashion_desktop.training.recipe import TrainConfig

        base = self._recipes[self.recipe_combo.currentData()]
        return TrainConfig(**{**base.as_dict(), "lr": self.lr_spin.value(), "batch_size": self.batch_spin.value(),
                              "epochs": self.epochs_spin.value()})

    # ------------------------------------------------------------ data

    def check_data(self) -> bool:
        """True when Fashion-MNIST is on this machine; otherwise say how to get it and offer the download."""
        from fashion_desktop.dataset.files import find_dataset
        from fashion_desktop.errors import DataError

        try:
            find_dataset(self.data_dir)
        except DataError as exc:
            self.data_label.setText(self.tr(
                "Training needs the Fashion-MNIST images, which are not on this computer.\n\n{0}\n\n"
                "The README's \"The data\" section explains each way. Or download them here "
                "(from the same mirrors torchvision uses; each file is checked).").format(exc))
            self.data_box.setVisible(True)
            downloading = self.downloader is not None and self.downloader.isRunning()
            self.download_button.setEnabled(not downloading)
            self.cancel_download_button.setVisible(downloading)
            self.download_progress.setVisible(downloading)
            self.start_button.setEnabled(False)
            return False
        self.data_box.setVisible(False)
        self._set_state(self.state)
        return True

    @Slot()
    def download(self) -> None:
        """Fetch Fashion-MNIST in a thread, with progress; Cancel stops it."""
        from fashion_desktop.gui.training.download_thread import DownloadThread

        if self.downloader is not None and self.downloader.isRunning():
            return
        self.downloader = DownloadThread(mirrors=self.download_mirrors, parent=self)
        self.downloader.progressed.connect(self._on_download_progress)
        self.downloader.succeeded.connect(self._on_download_done)
        self.downloader.failed.connect(self._on_download_failed)
        self.downloader.cancelled.connect(self._on_download_cancelled)
        self.download_progress.setRange(0, 0)
        self.download_button.setEnabled(False)
        self.cancel_download_button.setVisible(True)
        self.download_progress.setVisible(True)
        self.status_label.setText(self.tr("Downloading Fashion-MNIST…"))
        self.downloader.start()

    @Slot()
    def cancel_download(self) -> None:
        if self.downloader is not None:
            self.downloader.cancel()

    @Slot(object)
    def _on_download_progress(self, progress) -> None:
        if self._closing:
            return
        self.download_progress.setRange(0, 1000)
        self.download_progress.setValue(int(1000 * progress.done_bytes / max(1, progress.total_bytes)))
        self.download_progress.setFormat(self.tr("{0} ({1} of {2} files) · {3:.1f} of {4:.1f} MB").format(
            progress.file, progress.index + 1, progress.files, progress.done_bytes / 1e6, progress.total_bytes / 1e6))

    @Slot(str)
    def _on_download_done(self, folder: str) -> None:
        if self._closing:
            return
        self.status_label.setText(self.tr("Fashion-MNIST is in {0}.").format(folder))
        self.check_data()

    @Slot(str)
    def _on_download_failed(self, message: str) -> None:
        if self._closing:
            return
        self.status_label.setText(self.tr("The download failed: {0}").format(message))
        self.check_data()

    @Slot()
    def _on_download_cancelled(self) -> None:
        if self._closing:
            return
        self.status_label.setText(self.tr("The download was cancelled."))
        self.check_data()

    # ------------------------------------------------------------ training

    def start(self, config=None, *, start_from: str | None = None, device: str | None = None,
              threads: int | None = None, subset: int = 0, test_subset: int = 0):
        """Start a session (the form's settings where an argument is None); returns the TrainerThread.

        Returns None when one is already running or Fashion-MNIST is missing (the panel says why).
        """
        from fashion_desktop.gui.training.trainer_thread import TrainerThread
        from fashion_desktop.training.session import SessionRequest

        if self.state in (STARTING, TRAINING_STATE, PAUSED_STATE, STOPPING) or self._closing:
            return None
        if not self.check_data():
            return None
        if config is None:
            config = self.config_from_form()
        else:
            self._show_config(config)
        start_from = start_from or self.from_combo.currentData()
        if start_from == CURRENT and not self._live_path:
            start_from = RANDOM
        if device:
            index = self.device_combo.findData(device.split(":", 1)[0])
            if index >= 0:
                self.device_combo.setCurrentIndex(index)
        if threads:
            self.threads_spin.setValue(threads)
        request = SessionRequest(
            config=config, device=device or self.device_combo.currentData(), threads=self.threads_spin.value(),
            initial_path=self._live_path if start_from == CURRENT else None,
            initial_name=self._live_name if start_from == CURRENT else "a fresh random network",
            subset=subset, test_subset=test_subset, data_dir=self.data_dir)
        if self.trainer is not None and not self.trainer.isRunning():
            self.trainer.deleteLater()
        self._reset_curves()
        self.outcome, self.saved_path, self._started = None, None, None
        self.trainer = TrainerThread(request, self)
        self.trainer.lower_priority = self.lower_priority
        self.trainer.phaseChanged.connect(self._on_phase)
        self.trainer.sessionStarted.connect(self._on_started)
        self.trainer.batchProgress.connect(self._on_batch)
        self.trainer.epochFinished.connect(self._on_epoch)
        self.trainer.snapshotReady.connect(self._on_snapshot)
        self.trainer.stateChanged.connect(self._on_trainer_state)
        self.trainer.outcomeReady.connect(self._on_outcome)
        self.trainer.failed.connect(self._on_failed)
        self.trainer.finished.connect(self._on_thread_finished)
        self._set_state(STARTING)
        self.status_label.setText(self.tr("Starting…"))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Starting…"))
        self._redraw_timer.start()
        self.trainer.start()
        return self.trainer

    def _show_config(self, config) -> None:
        index = self.recipe_combo.findData("tutorial" if config.optimizer == "sgd" else "shipped")
        self.recipe_combo.blockSignals(True)
        self.recipe_combo.setCurrentIndex(max(0, index))
        self.recipe_combo.blockSignals(False)
        self.lr_spin.setValue(config.lr)
        self.batch_spin.setValue(config.batch_size)
        self.epochs_spin.setValue(config.epochs)

    @Slot()
    def pause(self) -> None:
        if self.trainer is not None and self.state == TRAINING_STATE:
            self.trainer.pause()
            self.pause_button.setText(self.tr("Resume"))
            self.status_label.setText(self.tr("Pausing after this batch…"))

    @Slot()
    def resume(self) -> None:
        if self.trainer is not None and self.state in (TRAINING_STATE, PAUSED_STATE):
            self.trainer.resume()
            self.pause_button.setText(self.tr("Pause"))

    @Slot()
    def _toggle_pause(self) -> None:
        if self.trainer is not None and self.trainer.paused:
            self.resume()
        else:
            self.pause()

    @Slot()
    def stop(self) -> None:
        """Stop after the current batch; the best weights so far are kept and scored."""
        if self.trainer is not None and self.trainer.isRunning():
            self.trainer.stop()
            self._set_state(STOPPING)
            self.status_label.setText(self.tr("Stopping; keeping the best weights so far…"))

    def shutdown(self) -> None:
        """Stop the training and the download threads and wait for them. Safe to call twice."""
        if self._closing:
            return
        self._closing = True
        self._redraw_timer.stop()
        for thread in (self.trainer, self.downloader):
            if thread is not None:
                thread.shutdown()

    # ------------------------------------------------------------ trainer → panel

    @Slot(str)
    def _on_phase(self, phase: str) -> None:
        if self._closing:
            return
        from fashion_desktop.training import session as ts
        texts = {
            ts.LOADING_DATA: self.tr("Reading Fashion-MNIST and scoring the starting network…"),
            ts.PREPARING: self.tr("Preparing filled silhouettes of the training images (the shipped recipe "
                                  "trains on some; about 15 s on one core)…"),
            ts.TRAINING: self.tr("Training…"),
            ts.SCORING: self.tr("Scoring the result on the test images…"),
        }
        self.status_label.setText(texts.get(phase, phase))
        if phase == ts.TRAINING and self.state == STARTING:
            self._set_state(TRAINING_STATE)

    @Slot(object)
    def _on_started(self, started) -> None:
        if self._closing:
            return
        self._started = started
        self._epoch_x.append(0.0)
        self._test_loss.append(started.initial_test.loss)
        self._test_accuracy.append(started.initial_test.accuracy)
        self._dirty = True
        if started.device_notice:
            self.status_label.setText(started.device_notice)

    @Slot(object)
    def _on_batch(self, progress) -> None:
        if self._closing:
            return
        if self.state == STARTING:
            self._set_state(TRAINING_STATE)
        self.batches_seen += 1
        self._batch_x.append(progress.epoch - 1 + progress.batch / progress.batches)
        self._batch_loss.append(progress.loss)
        done = (progress.epoch - 1 + progress.batch / progress.batches) / progress.epochs
        self.progress.setValue(int(1000 * done))
        self.progress.setFormat(self.tr("Epoch {0} of {1} · {2}% · about {3} left").format(
            progress.epoch, progress.epochs, int(100 * done), format_seconds(progress.eta_s)))
        self._dirty = True

    @Slot(object)
    def _on_epoch(self, record) -> None:
        if self._closing:
            return
        if record.test_accuracy is not None:
            self._epoch_x.append(float(record.epoch))
            self._test_loss.append(record.test_loss)
            self._test_accuracy.append(record.test_accuracy)
        where = self._started.device if self._started else ""
        self.status_label.setText(self.tr(
            "Epoch {0}: test accuracy {1:.3f}, loss {2:.3f}; {3:.1f} s on {4}{5}").format(
            record.epoch, record.test_accuracy or 0.0, record.test_loss or 0.0, record.seconds, where,
            self.tr(" (best so far)") if record.best else ""))
        self._dirty = True

    @Slot(object)
    def _on_snapshot(self, snapshot) -> None:
        if self._closing:
            return
        self._last_snapshot = snapshot
        if self.preview_check.isChecked() and self.worker is not None:
            self.worker.preview_weights(snapshot.state, self._snapshot_label(snapshot))

    def _snapshot_label(self, snapshot) -> str:
        return self.tr("in training: epoch {0}, batch {1}/{2}").format(
            snapshot.epoch, snapshot.batch, snapshot.batches)

    @Slot(str)
    def _on_trainer_state(self, state: str) -> None:
        if self._closing:
            return
        from fashion_desktop.gui.training.trainer_thread import PAUSED

        if state == PAUSED and self.state == TRAINING_STATE:
            self._set_state(PAUSED_STATE)
            self.status_label.setText(self.tr("Paused. Drawing still works; Resume goes on from here."))
        elif state != PAUSED and self.state == PAUSED_STATE:
            self._set_state(TRAINING_STATE)
            self.status_label.setText(self.tr("Training…"))

    @Slot(object)
    def _on_outcome(self, outcome) -> None:
        if self._closing:
            return
        self.outcome = outcome
        self._redraw()
        if outcome.state is None:
            self.status_label.setText(self.tr("Stopped before the first epoch finished: there is nothing to keep."))
            self.progress.setFormat(self.tr("Stopped"))
            self._set_state(DONE)
            self.finished.emit(outcome)
            return
        self.progress.setValue(1000 if not outcome.stopped else self.progress.value())
        self.progress.setFormat(self.tr("Stopped early") if outcome.stopped else self.tr("Done"))
        self._show_comparison(outcome)
        self.status_label.setText(self.tr("{0}: test accuracy {1:.4f} (best epoch {2}). Make it the live model, "
                                          "or save it.").format(self.tr("Stopped") if outcome.stopped else self.tr("Done"),
                                                                outcome.test.accuracy, outcome.best_epoch))
        if self.preview_check.isChecked() and self.worker is not None:
            self.worker.preview_weights(outcome.state, self.tr("trained, best epoch {0} (not live yet)")
                                        .format(outcome.best_epoch))
        self._set_state(DONE)
        self.tabs.setCurrentIndex(1)
        self.finished.emit(outcome)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._closing:
            return
        self.status_label.setText(self.tr("Training failed: {0}").format(message))
        self.progress.setFormat(self.tr("Failed"))
        self._set_state(IDLE)
        self.check_data()

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._closing:
            return
        self._redraw_timer.stop()
        self._redraw()
        if self.state in (STARTING, TRAINING_STATE, PAUSED_STATE, STOPPING):
            self._set_state(IDLE)

    # ------------------------------------------------------------ results

    def _show_comparison(self, outcome) -> None:
        comparison = outcome.comparison
        seconds = sum(outcome.epoch_seconds)
        text = self.tr("This network: test accuracy {0:.4f} on {1:,} test images (best epoch {2} of {3}, "
                       "picked on held-out training images; {4} of training).").format(
            comparison.accuracy, outcome.test_images, outcome.best_epoch, len(outcome.history),
            format_seconds(seconds))
        if comparison.reference_accuracy is not None:
            text += " " + self.tr("The shipped model: {0:.4f} ({1:+.4f}).").format(
                comparison.reference_accuracy, comparison.delta)
        if comparison.most_confused:
            pairs = ", ".join(self.tr("{0} taken for {1} ({2}×)").format(CLASS_NAMES[t], CLASS_NAMES[p], n)
                              for t, p, n in comparison.most_confused[:3])
            text += " " + self.tr("Most confused: {0}.").format(pairs)
        for note in outcome.notes:
            text += " " + note
        self.compare_label.setText(text)
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
            self.matrix_table.clearContents()
            return
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        scale = max(1, int(np.abs(matrix).max()))
        for i in range(NUM_CLASSES):
            for j in range(NUM_CLASSES):
                value = int(matrix[i, j])
                item = QTableWidgetItem(f"{value:+d}" if kind == "difference" and value else str(value))
                colour = QColor(highlight if value >= 0 else QColor(200, 60, 60))
                colour.setAlpha(int(200 * (abs(value) / scale) ** 0.5))
                item.setBackground(colour)
                item.setToolTip(self.tr("true {0}, predicted {1}").format(CLASS_NAMES[i], CLASS_NAMES[j]))
                self.matrix_table.setItem(i, j, item)

    def _card_fields(self) -> dict:
        outcome = self.outcome
        return dict(config=outcome.config, test=outcome.test.as_dict(), best_epoch=outcome.best_epoch,
                    best_val_accuracy=outcome.best_val_accuracy, epochs_run=len(outcome.history),
                    train_seconds=outcome.seconds, data_source=outcome.data_source, device=outcome.device,
                    command=f"Fashion Desktop Train panel, from {outcome.initial_name}", stopped=outcome.stopped,
                    threads=outcome.threads)

    def save_to(self, path: str | Path) -> bool:
        """Write the trained weights (atomically) and their model card beside them; False (and why) on failure."""
        from fashion_desktop.training.model_card import save_trained
        from fashion_desktop.network.model import state_from_numpy

        if self.outcome is None or self.outcome.state is None:
            return False
        path = Path(path)
        try:
            save_trained(state_from_numpy(self.outcome.state), path, **self._card_fields())
        except OSError as exc:
            self.status_label.setText(self.tr("Could not save {0}: {1}.").format(path, exc.strerror or exc))
            return False
        self.saved_path = path
        self.status_label.setText(self.tr("Saved {0} and its model card.").format(path))
        return True

    @Slot()
    def save_dialog(self) -> None:
        window = self.window()
        folder = window.last_folder() if hasattr(window, "last_folder") else str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the trained weights"),
                                              str(Path(folder) / "model_weights.pth"),
                                              self.tr("PyTorch state_dict (*.pth)"))
        if path:
            self.save_to(path if path.lower().endswith((".pth", ".pt")) else path + ".pth")

    @Slot()
    def make_live(self) -> Path | None:
        """Use the trained weights for the bars: saved first (in the user data folder unless saved already)."""
        if self.outcome is None or self.outcome.state is None:
            return None
        if self.saved_path is None:
            from fashion_desktop.paths import trained_dir

            stamp = time.strftime("%Y%m%d-%H%M%S")
            if not self.save_to(trained_dir() / f"trained-{stamp}.pth"):
                return None
        self.preview_check.setChecked(False)
        self.useWeights.emit(str(self.saved_path))
        return self.saved_path

    @Slot(bool)
    def set_preview(self, on: bool) -> None:
        """Switch the bars between the live model and the network being trained."""
        if self.preview_check.isChecked() != on:
            self.preview_check.setChecked(on)  # calls back here through toggled
            return
        if self.worker is None:
            return
        if not on:
            self.worker.preview_weights(None)
        elif self.outcome is not None and self.outcome.state is not None and self.state == DONE:
            self.worker.preview_weights(self.outcome.state, self.tr("trained, best epoch {0} (not live yet)")
                                        .format(self.outcome.best_epoch))
        elif self._last_snapshot is not None:
            self.worker.preview_weights(self._last_snapshot.state, self._snapshot_label(self._last_snapshot))

    # ------------------------------------------------------------ drawing

    def _reset_curves(self) -> None:
        for values in (self._batch_x, self._batch_loss, self._epoch_x, self._test_loss, self._test_accuracy):
            values.clear()
        self._last_snapshot = None
        self.batches_seen = 0
        self.compare_label.setText(self.tr("Train a network to compare it with the shipped one."))
        self.class_table.clearContents()
        self.matrix_table.clearContents()
        self.tabs.setCurrentIndex(0)
        self._dirty = True

    @Slot()
    def _redraw(self) -> None:
        if not self._dirty or not self._plots_built:
            return
        self._dirty = False
        self.batch_curve.setData(self._batch_x, self._batch_loss)
        self.test_loss_curve.setData(self._epoch_x, self._test_loss)
        self.accuracy_curve.setData(self._epoch_x, self._test_accuracy)
        epochs = self.trainer.request.config.epochs if self.trainer is not None else 10
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.setXRange(0, max(1, epochs), padding=0.02)
        top = max([2.5] + [v for v in self._test_loss if np.isfinite(v)][:1])
        self.loss_plot.setYRange(0, min(top, 5.0), padding=0.02)

    def _set_state(self, state: str) -> None:
        self.state = state
        running = state in (STARTING, TRAINING_STATE, PAUSED_STATE, STOPPING)
        ready = bool(self._recipes) and not running and self.data_box.isHidden()
        self.start_button.setEnabled(ready)
        self.start_button.setText(self.tr("Start again") if state == DONE else self.tr("Start"))
        self.pause_button.setEnabled(state in (TRAINING_STATE, PAUSED_STATE))
        self.pause_button.setText(self.tr("Resume") if state == PAUSED_STATE else self.tr("Pause"))
        self.stop_button.setEnabled(state in (STARTING, TRAINING_STATE, PAUSED_STATE))
        for widget in (self.recipe_combo, self.lr_spin, self.batch_spin, self.epochs_spin, self.device_combo,
                       self.threads_spin, self.from_combo):
            widget.setEnabled(not running and (bool(self._recipes) or widget is self.device_combo))
        has_result = state == DONE and self.outcome is not None and self.outcome.state is not None
        self.live_button.setEnabled(has_result)
        self.save_button.setEnabled(has_result)
        if not self._recipes and not running:
            self.status_label.setText(self.tr("Waiting for PyTorch to load…"))
        self.stateChanged.emit(state)
