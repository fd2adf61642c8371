"""The Map view: the 10,000 test garments as the network sees them, and the drawing moving among them.

Pick a stage (the input pixels, after either ReLU, the logits) and a method: PCA appears at
once, t-SNE is computed in a `MapJob` with progress and Cancel; both are cached on disk per
weights, so a second opening is instant. Each result from the worker places the drawing by the
same projection (exactly for PCA; from its nearest test images for t-SNE), leaves a short trail,
and shows the test images it looks most like. Hover a dot for its picture and classes; click it
to put it on the canvas. While the Train panel trains, the map is redrawn (PCA) after each epoch
from the network being trained.
"""

from __future__ import annotations

import importlib.util

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fashion_desktop.classes import class_name, class_names
from fashion_desktop.explain.map.features import (
    DEFAULT_STAGE,
    STAGES,
    stage_vector,
    weights_key,
)
from fashion_desktop.gui.canvas import array_to_qimage
from fashion_desktop.gui.map_job import MapJob, MapRequest
from fashion_desktop.gui.panels.map_plot import MapPlot

THUMB = 48
LOOKS_LIKE = 6


def _thumbnail(image: np.ndarray, size: int = THUMB) -> QPixmap:
    return QPixmap.fromImage(array_to_qimage(image).scaled(size, size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                             Qt.TransformationMode.FastTransformation))


class _Thumb(QLabel):
    clicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.index = -1
        self.setFixedSize(THUMB + 4, THUMB + 4)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event) -> None:
        if self.index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.index)


class MapPanel(QWidget):
    """Give it the model with `set_model_state`, results with `show_result`; it computes maps when shown."""

    imageChosen = Signal(object, str)  # (float32 28×28 pixels in [0, 1], a name for the status bar)
    mapShown = Signal(object)  # MapLayout, after it is drawn (tests, the bench)

    def __init__(self, parent: QWidget | None = None, data_dir=None, cache_dir=None) -> None:
        super().__init__(parent)
        self.setObjectName("MapPanel")
        if cache_dir is None:
            from fashion_desktop.explain.map.cache import default_folder

            cache_dir = default_folder()
        self.data_dir, self.cache_dir = data_dir, cache_dir
        self.split = None
        self.layout_: object = None  # the MapLayout drawn now
        self.job: MapJob | None = None
        self._state: dict | None = None
        self._key = ""
        self._label = ""
        self._generation = 0
        self._drawn: tuple | None = None  # (key, stage, method) of the map drawn
        self._last_vector = None  # (stage activations dict, pixels) of the latest result, to re-place it
        self._request: MapRequest | None = None
        self._waiting = False  # the job has not delivered its map yet
        self._phrases = {"input": self.tr("placed by their pixels"), "relu1": self.tr("after the first ReLU"),
                         "relu2": self.tr("after the second ReLU"), "logits": self.tr("placed by their logits")}

        self.stage_combo = QComboBox(self)
        self.stage_combo.setObjectName("mapStage")
        names = {"input": self.tr("Input pixels"), "relu1": self.tr("After the first ReLU"),
                 "relu2": self.tr("After the second ReLU"), "logits": self.tr("Logits")}
        for stage in STAGES:
            self.stage_combo.addItem(names[stage], stage)
        self.stage_combo.setCurrentIndex(list(STAGES).index(DEFAULT_STAGE))
        self.stage_combo.setToolTip(self.tr("Which layer's activations place the test images"))
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("mapMethod")
        self.method_combo.addItem(self.tr("PCA (instant)"), "pca")
        self.method_combo.addItem(self.tr("t-SNE (under a minute, then cached)"), "tsne")
        self.method_combo.setToolTip(self.tr("PCA keeps distances straight; t-SNE keeps neighbours together"))
        if importlib.util.find_spec("openTSNE") is None:  # e.g. a bundle built without it: PCA still works
            item = self.method_combo.model().item(1)
            item.setEnabled(False)
            item.setToolTip(self.tr("t-SNE needs the openTSNE package, which is not installed"))
        self.class_combo = QComboBox(self)
        self.class_combo.setObjectName("mapClass")
        self.class_combo.addItem(self.tr("All classes"), None)
        for i, name in enumerate(class_names()):
            self.class_combo.addItem(name, i)
        self.class_combo.setToolTip(self.tr("Show one true class alone"))
        self.stage_combo.currentIndexChanged.connect(self.start)
        self.method_combo.currentIndexChanged.connect(self.start)
        self.class_combo.currentIndexChanged.connect(
            lambda: self.plot.show_class(self.class_combo.currentData()))

        self.status = QLabel(self.tr("Show this view to place the 10,000 test images."), self)
        self.status.setObjectName("mapStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop computing this map"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()

        self.plot = MapPlot(self)
        self.plot.pointHovered.connect(self._hovered)
        self.plot.pointClicked.connect(self.choose)

        self.hover_image = QLabel(self)
        self.hover_image.setFixedSize(THUMB + 4, THUMB + 4)
        self.hover_text = QLabel(self.tr("Hover a dot to see the image; click it to draw on it."), self)
        self.hover_text.setObjectName("mapHover")
        self.hover_text.setWordWrap(True)
        self.looks_caption = QLabel(self.tr("Your drawing looks most like these:"), self)
        self.thumbs = [_Thumb(self) for _ in range(LOOKS_LIKE)]
        for thumb in self.thumbs:
            thumb.clicked.connect(self.choose)

        controls = QHBoxLayout()
        for label, combo in ((self.tr("Stage"), self.stage_combo), (self.tr("Method"), self.method_combo),
                             (self.tr("Show"), self.class_combo)):
            controls.addWidget(QLabel(label, self))
            controls.addWidget(combo, 1)
        busy = QHBoxLayout()
        busy.addWidget(self.status, 1)
        busy.addWidget(self.progress)
        busy.addWidget(self.cancel_button)
        bottom = QGridLayout()
        bottom.addWidget(self.hover_image, 0, 0, 2, 1)
        bottom.addWidget(self.hover_text, 0, 1, 2, 1)
        bottom.addWidget(self.looks_caption, 0, 2, 1, LOOKS_LIKE)
        for i, thumb in enumerate(self.thumbs):
            bottom.addWidget(thumb, 1, 2 + i)
        bottom.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(busy)
        layout.addWidget(self.plot, 1)
        layout.addLayout(bottom)

    # ------------------------------------------------------------ inputs

    @property
    def stage(self) -> str:
        return self.stage_combo.currentData()

    @property
    def method(self) -> str:
        return self.method_combo.currentData()

    def set_model_state(self, state: dict | None, label: str = "") -> None:
        """A model was loaded or swapped (the untrained switch too): map it, now if visible."""
        self._state, self._label = state, label
        self._key = weights_key(state) if state is not None else ""
        if self.isVisible():
            self.start()

    def show_training_snapshot(self, snapshot) -> None:
        """A Train panel snapshot: after each epoch, redraw the map (PCA) from the network being trained."""
        if not self.isVisible() or snapshot.batch != snapshot.batches or self.split is None:
            return
        if self.is_making_map() and self.job.request.use_cache:
            return  # a map the person asked for is being made; the next epoch comes soon
        label = self.tr("the network in training, epoch {0}").format(snapshot.epoch)
        self._run(MapRequest(snapshot.state, "", self.stage, "pca", self._generation, use_cache=False,
                             previous=self.layout_, label=label))

    def show_result(self, result) -> None:
        """Place the drawing from one worker result: the marker, its trail, the nearest test images."""
        prediction = getattr(result, "prediction", None)
        if prediction is None:
            self._last_vector = None
            self.plot.clear_marker()
            self.plot.set_highlight([])
            self._show_neighbours([])
            return
        self._last_vector = (prediction.activations, result.pixels)
        if self.isVisible() and self.layout_ is not None:
            self._place()

    def _place(self) -> None:
        activations, pixels = self._last_vector
        try:
            vector = stage_vector(self.layout_.stage, activations, pixels)
        except KeyError:
            return
        xy, nearest = self.layout_.place(vector)
        self.plot.set_marker(xy)
        if [t.index for t in self.thumbs] != nearest[:LOOKS_LIKE].tolist():  # most strokes keep them
            self.plot.set_highlight(nearest[:LOOKS_LIKE])
            self._show_neighbours(nearest[:LOOKS_LIKE])

    def _show_neighbours(self, indices) -> None:
        for thumb, index in zip(self.thumbs, list(indices) + [-1] * LOOKS_LIKE):
            thumb.index = int(index)
            if index < 0 or self.split is None:
                thumb.clear()
                thumb.setToolTip("")
                continue
            thumb.setPixmap(_thumbnail(self.split.images[index]))
            thumb.setToolTip(self.describe(int(index)))

    # ------------------------------------------------------------ the job

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._wanted() != self._drawn and not self.is_making_map():
            self.start()

    def is_making_map(self) -> bool:
        """A job is computing a map not shown yet (after showing it, a job may still measure it)."""
        return self.job is not None and self._waiting

    def _wanted(self) -> tuple:
        return (self._key, self.stage, self.method)

    @Slot()
    def start(self) -> None:
        """Make the map for the current network, stage and method (from the cache when it can)."""
        if self._state is None or not self.isVisible():
            return
        self._generation += 1
        self._run(MapRequest(self._state, self._key, self.stage, self.method, self._generation,
                             previous=self.layout_ if self._drawn and self._drawn[0] != self._key else None,
                             label=self._label))

    def _run(self, request: MapRequest) -> None:
        self._stop_job()
        job = MapJob(request, self.split, self.data_dir, self.cache_dir, self)
        job.loaded.connect(self._loaded)
        job.progressed.connect(self._progressed)
        job.mapReady.connect(self._map_ready)
        job.agreementReady.connect(self._agreement_ready)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        job.finished.connect(job.deleteLater)
        self.job = job
        self._waiting = True
        self.status.setText(self.tr("Placing the test images…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setVisible(request.method == "tsne")
        job.start()

    def _stop_job(self) -> bool:
        """Cancel the running job and forget it (its late signals are cut); True if one was running."""
        job, self.job = self.job, None
        waiting, self._waiting = self._waiting, False
        if job is None:
            return False
        try:
            running = job.isRunning()
            job.cancel()
            for signal in (job.loaded, job.progressed, job.mapReady, job.agreementReady, job.failed, job.cancelled):
                signal.disconnect()
        except RuntimeError:  # already deleted
            return False
        return running and waiting

    @Slot()
    def cancel(self) -> None:
        """The Cancel button: stop computing the map being made."""
        if self._stop_job():
            self._cancelled()

    def shutdown(self) -> None:
        """Stop running jobs and wait for them (the window is closing)."""
        self._stop_job()
        for job in self.findChildren(MapJob):
            job.cancel()
            job.wait(30_000)  # stops between steps; an import of SciPy under load can take a while

    @Slot(object)
    def _loaded(self, split) -> None:
        self.split = split
        self._show_neighbours([t.index for t in self.thumbs])  # thumbnails placed before the images were read

    @Slot(str, int, int)
    def _progressed(self, phase: str, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if phase == "activations":
            self.status.setText(self.tr("Running the network on the test images…"))
        elif self.method == "tsne":
            self.status.setText(self.tr("t-SNE: arranging the test images…"))

    @Slot(object, object)
    def _map_ready(self, layout, request) -> None:
        if request.use_cache and request.generation != self._generation:
            return  # an older request
        keep_view = self.layout_ is not None and request.previous is not None
        self._waiting = False
        self.layout_ = layout
        self._request = request
        self._drawn = (request.key, layout.stage, layout.method) if request.use_cache else None
        self.plot.set_map(layout.coords, layout.labels, layout.misclassified, keep_view=keep_view,
                          wrong_label=self.tr("misclassified"))
        self.plot.show_class(self.class_combo.currentData())
        self.progress.hide()
        self.cancel_button.hide()
        self._caption(None)
        if self._last_vector is not None:
            self._place()
        self.mapShown.emit(layout)

    @Slot(object, float)
    def _agreement_ready(self, layout, agreement: float) -> None:
        if layout is self.layout_:
            self._caption(agreement)

    def _caption(self, agreement: float | None) -> None:
        layout, request = self.layout_, self._request
        wrong = int(layout.misclassified.sum())
        method = "PCA" if layout.method == "pca" else "t-SNE"
        source = self.tr(" (from the cache)") if layout.from_cache else ""
        who = self.tr(" Network: {0}.").format(request.label) if request.label else ""
        agree = "" if agreement is None else self.tr(
            " {0:.0%} of each image's 10 nearest dots share its class;").format(agreement)
        self.status.setText(self.tr("{0} of the {1:,} test images, {2}{3}:{4} %n misclassified (ringed).{5}", "",
                                    wrong).format(method, len(layout), self._phrases[layout.stage], source, agree,
                                                  who))

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(self.tr("The map could not be made: {0}").format(message))

    @Slot()
    def _cancelled(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(self.tr("Cancelled. Pick a stage or method to try again."))

    # ------------------------------------------------------------ hover and click

    def export_tables(self, chart) -> list | None:
        """The dots shown and the drawing's place as numbers, for CSV and Copy chart (gui/panels/map_table.py)."""
        if chart is not self.plot:
            return None
        from fashion_desktop.gui.panels.map_table import map_tables

        layout = self.layout_
        title = "" if layout is None else self.tr("{0} of the test images, {1}").format(
            "PCA" if layout.method == "pca" else "t-SNE", self._phrases[layout.stage])
        return map_tables(layout, self.plot, title)

    def describe(self, index: int) -> str:
        """A test image's number, true and predicted class (the hover text and the thumbnails' tips)."""
        layout = self.layout_
        truth, guess = int(layout.labels[index]), int(layout.predicted[index])
        mark = self.tr("correct") if truth == guess else self.tr("wrong")
        return self.tr("Test image #{0}\nTrue: {1}\nPredicted: {2} ({3})").format(
            index, class_name(truth), class_name(guess), mark)

    @Slot(int)
    def _hovered(self, index: int) -> None:
        if index < 0 or self.split is None or self.layout_ is None:
            self.hover_image.clear()
            self.hover_text.setText(self.tr("Hover a dot to see the image; click it to draw on it."))
            return
        self.hover_image.setPixmap(_thumbnail(self.split.images[index]))
        self.hover_text.setText(self.describe(index) + "\n" + self.tr("Click to put it on the canvas"))

    @Slot(int)
    def choose(self, index: int) -> None:
        """Put test image `index` on the canvas (through `imageChosen`)."""
        if self.split is None or not 0 <= index < len(self.split):
            return
        pixels = self.split.images[index].astype(np.float32) / 255.0
        self.imageChosen.emit(pixels, self.tr("test image #{0} ({1})").format(
            index, class_name(int(self.split.labels[index]))))
