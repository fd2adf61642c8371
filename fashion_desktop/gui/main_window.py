"""The main window: canvas and input preview in the middle, panels in docks, menus, status bar.

It wires views to the worker and holds no model logic: inputs go out as numpy copies, results
come back as plain data and are handed to the panels. Nothing here imports torch, so the window
can be on screen while the worker is still importing it.

Its jobs are split by module: `extensible_window` (the public API views use to add docks, menus
and toolbar actions), `window_menus` (the window's own actions, menus, toolbar, Device menu),
`picture_files` (open, paste, drop, save), `inside` (the see-inside views) and `training` (the
Train panel), which add themselves through that API. This module keeps the flow: drawing →
worker → views, the status bar, settings and the window's lifetime.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QWidget

from fashion_desktop import APP_NAME
from fashion_desktop.gui import dialogs, gc_guard
from fashion_desktop.gui.canvas import DrawingCanvas
from fashion_desktop.gui.data_folder import app_data_folder
from fashion_desktop.gui.exports import ExportViews
from fashion_desktop.gui.extensible_window import ExtensibleWindow
from fashion_desktop.gui.inside import InsideViews
from fashion_desktop.gui.map_wiring import MapViews
from fashion_desktop.gui.panels.layer_tree import LayerTreePanel
from fashion_desktop.gui.panels.parameters import ParametersPanel
from fashion_desktop.gui.panels.probabilities import ProbabilitiesPanel
from fashion_desktop.gui.picture_files import PictureFiles
from fashion_desktop.gui.preview import PreviewColumn
from fashion_desktop.gui.recovery import CanvasAutosave, announce_when_ready, recover_settings
from fashion_desktop.gui.training import install as install_training
from fashion_desktop.gui.window_menus import WindowMenus
from fashion_desktop.gui.worker import Failure, InferenceWorker, ModelInfo, Result


class MainWindow(PictureFiles, WindowMenus, ExtensibleWindow):
    """The window. Call `start()` after `show()` so the worker loads torch while the window paints."""

    predictionShown = Signal(object)  # Result, after the panels show it (timing, tests)
    modelShown = Signal(object)  # ModelInfo, after the panels show it

    def __init__(self, settings: QSettings | None = None, weights: str | Path | None = None,
                 device: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings if settings is not None else QSettings()
        self.settings, settings_notice = recover_settings(self.settings)  # a damaged file → defaults
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self._closing = False
        self._model: ModelInfo | None = None
        self._no_model: str = ""  # why there is no model (startup failed)
        self._latest_shown = 0
        self._received = 0  # results delivered to this window (is_settled compares with the worker's count)
        self._dirty_since: float | None = None
        self.last_latency_ms: float | None = None
        self.last_received = 0.0  # perf_counter when the GUI thread got the last result
        self.last_message: tuple[str, str] | None = None  # (title, text) of the last dialog shown

        requested = device or str(self.settings.value("device", "auto"))
        self.worker = InferenceWorker(weights=weights, device=requested)
        self.worker.resultReady.connect(self._on_result)
        self.worker.modelReady.connect(self._on_model)
        self.worker.failed.connect(self._on_failure)
        self.worker.progress.connect(self._on_progress)

        self._build_central()
        self._build_actions()
        self._build_menus(requested)
        self._build_toolbar()
        self._build_docks()
        self._build_status()
        self.inside = InsideViews(self)  # the see-inside docks, the saliency overlay, the untrained switch
        self.training_panel, self.training_dock = install_training(self)  # hidden until Model ▸ Train
        self.exports = ExportViews(self)  # the Folder dock, File ▸ Export, Model ▸ Export the network, Copy chart
        self.map_view = MapViews(self)  # the Map view (issue 16); its panel is built on first show
        self.map_dock = self.map_view.dock
        self._coalesce = QTimer(self)  # zero-interval: fires once the events already queued are handled
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(0)
        self._coalesce.timeout.connect(self._send_changes)
        self._timing_text = QTimer(self)  # the inference time is readable at 4 Hz, not at 60
        self._timing_text.setSingleShot(True)
        self._timing_text.setInterval(250)
        self._timing_text.timeout.connect(self._show_timing)
        self._last_milliseconds: float | None = None
        self._last_engine = self._shown_engine = ""  # "numpy" or "torch": what computed the last answer
        self.canvas.changed.connect(self._on_canvas_changed)
        self.canvas.notice.connect(partial(self.statusBar().showMessage, timeout=6000))
        self._default_state = self.saveState()
        self._restore_settings()
        for view in (self.inside, self.exports):  # the panels of hidden docks the saved layout shows
            view.build_shown()  # are built now, for the first paint; the others when first shown
        self.autosave = CanvasAutosave(self.canvas, app_data_folder(), self)  # the drawing survives a crash
        self.autosave.failed.connect(partial(self.statusBar().showMessage, timeout=8000))
        self.startup_notices = [n for n in (settings_notice, self.autosave.restore()) if n]
        announce_when_ready(self, self.startup_notices)

    @property
    def model_info(self) -> ModelInfo | None:
        """What the panels show about the loaded model; None until the worker has loaded one."""
        return self._model

    @property
    def startup_error(self) -> str:
        """Why no model could be loaded at start ('' when one was)."""
        return self._no_model

    @property
    def last_result_id(self) -> int:
        """The request id of the result on screen."""
        return self._latest_shown

    def is_settled(self) -> bool:
        """No change waits to be sent, and the newest request's result is on screen."""
        return (self._dirty_since is None and self._latest_shown == self.worker.last_request_id
                and self.worker.is_idle() and self._received == self.worker.emitted)

    # ------------------------------------------------------------ construction

    def _build_central(self) -> None:
        self.canvas = DrawingCanvas(self)
        column = PreviewColumn(self)
        self.preview, self.preview_note = column.preview, column.note
        self._under_preview = column.column  # add_under_preview() puts views' notes here
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(column)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.probabilities = ProbabilitiesPanel(self)
        self.layer_tree = LayerTreePanel(self)
        self.parameters = ParametersPanel(self)
        self.probabilities_dock = self.add_dock(self.probabilities, self.tr("Prediction"), "probabilitiesDock", "right")
        self.layers_dock = self.add_dock(self.layer_tree, self.tr("Layers"), "layersDock", "bottom")
        self.parameters_dock = self.add_dock(self.parameters, self.tr("Parameters"), "parametersDock", "bottom",
                                             split_from=self.layers_dock, orientation=Qt.Orientation.Horizontal)
        self.resizeDocks([self.probabilities_dock], [420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.layers_dock], [260], Qt.Orientation.Vertical)
        self.layer_tree.layerSelected.connect(self.parameters.select_layer)

    def _build_status(self) -> None:
        self.device_label = QLabel(self.tr("Device: loading…"), self)
        self.device_label.setObjectName("deviceLabel")
        self.timing_label = QLabel("", self)
        self.timing_label.setObjectName("timingLabel")
        self.statusBar().addPermanentWidget(self.device_label)
        self.statusBar().addPermanentWidget(self.timing_label)
        self.statusBar().showMessage(self.tr("Starting…"))

    # ------------------------------------------------------------ settings

    def _restore_settings(self) -> None:
        # The layout last computed its minimum size while the optional docks were still shown;
        # restoreGeometry() would clamp a small saved window to that stale minimum.
        self.layout().activate()
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        try:
            self.brush_spin.setValue(int(self.settings.value("canvas/brush", self.canvas.brush_size)))
        except (TypeError, ValueError):
            pass

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("canvas/brush", self.canvas.brush_size)
        self.settings.sync()

    @Slot()
    def reset_layout(self) -> None:
        self.restoreState(self._default_state)
        for dock in (self.probabilities_dock, self.layers_dock, self.parameters_dock):
            dock.show()

    # ------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Start the worker (imports torch, loads the weights) and classify the current canvas."""
        if not self.worker.isRunning():
            self.worker.start()
        self.request_prediction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.hide()  # gone at once, even if the worker must first finish importing torch or a forward pass
        self.shutdown()
        super().closeEvent(event)

    @property
    def map_panel(self):
        """The Map view's panel (built on first use: it brings pyqtgraph)."""
        return self.map_view.panel

    @Slot()
    def shutdown(self) -> None:
        """Stop the worker and wait for it; results still in flight are ignored. Safe to call twice."""
        if self._closing:
            return
        self._closing = True
        self._coalesce.stop()
        self._timing_text.stop()
        self.inside.shutdown()
        self.exports.shutdown()
        self.map_view.shutdown()
        self.autosave.close()
        for signal, slot in ((self.worker.resultReady, self._on_result), (self.worker.modelReady, self._on_model),
                             (self.worker.failed, self._on_failure), (self.worker.progress, self._on_progress)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.training_panel.shutdown()  # before the worker: the trainer may still send it snapshots
        self.worker.shutdown()

    # ------------------------------------------------------------ inputs → worker

    @Slot()
    def _on_canvas_changed(self) -> None:
        """Send the drawing once the events already queued are handled: every change reaches the
        worker without waiting for a frame, and a burst delivered at once is sent once."""
        if self._dirty_since is None:
            self._dirty_since = time.perf_counter()
        if not self._coalesce.isActive():
            self._coalesce.start()

    @Slot()
    def _send_changes(self) -> None:
        if self._dirty_since is not None:
            self.request_prediction()

    def request_prediction(self) -> int:
        """Send the canvas (or a loaded picture's exact input) to the worker; returns the request id."""
        created = self._dirty_since if self._dirty_since is not None else time.perf_counter()
        self._dirty_since = None
        if self._closing:
            return 0
        pixels = self.canvas.source_pixels()
        if pixels is not None:
            return self.worker.request(pixels=pixels, created=created)
        return self.worker.request(grey=self.canvas.grey(), created=created)

    def _canvas_has_input(self) -> bool:
        return self.canvas.source_pixels() is not None or bool(self.canvas.grey().any())

    # ------------------------------------------------------------ model and device

    def load_weights(self, path: str | Path | None) -> None:
        """Load weights in the worker; on failure a dialog says why and the current model stays."""
        self.worker.load_weights(path)
        self.statusBar().showMessage(self.tr("Loading weights…"))

    def set_device(self, requested: str) -> None:
        """Move the model in the worker and remember the choice."""
        self.settings.setValue("device", requested)
        self._check_device(requested)
        self.worker.set_device(requested)
        self.statusBar().showMessage(self.tr("Switching to {0}…").format(requested))

    # ------------------------------------------------------------ worker → views

    @Slot(str)
    def _on_progress(self, message: str) -> None:
        if self._closing:
            return
        self.statusBar().showMessage(message)
        if self._model is None and self.probabilities.state == "loading":  # a numpy answer already shown stays
            self.probabilities.show_loading(message)

    @Slot(object)
    def _on_model(self, info: ModelInfo) -> None:
        if self._closing:
            return
        first = self._model is None
        self._model, self._no_model = info, ""
        self.layer_tree.populate(info.tree)
        self.parameters.populate(info.parameters, info.total)
        self._update_device_menu(info.devices)
        self.device_label.setText(self.tr("Device: {0} ({1})").format(info.device, info.device_description))
        self.device_label.setToolTip(info.device_notice or info.device_description)
        name = "" if info.shipped else f" — {Path(info.weights_path).name}"
        self.setWindowTitle(APP_NAME + name)
        if info.device_notice:
            self.statusBar().showMessage(info.device_notice, 15000)
        elif first:
            self.statusBar().showMessage(self.tr("Ready: draw a garment, or pick one from the Samples menu."), 8000)
        else:
            self.statusBar().showMessage(self.tr("Using {0} on {1}").format(Path(info.weights_path).name,
                                                                         info.device), 8000)
        for note in info.weights_notes:
            self.statusBar().showMessage(note, 15000)
        if self.probabilities.state == "loading" and not self._canvas_has_input():
            self.probabilities.show_empty()  # with a drawing, "Loading…" stays until its answer arrives
        self.inside.show_model(info)
        if first:
            gc_guard.freeze_long_lived()  # start-up's objects: no collection pauses a stroke to traverse them
        self.modelShown.emit(info)

    @Slot(object)
    def _on_failure(self, failure: Failure) -> None:
        if self._closing:
            return
        if failure.kind == "weights":
            kept = self.tr("The weights in use before are still loaded.") if self._model else ""
            self.show_error(self.tr("Could not load the weights"), failure.message, kept)
        elif failure.kind == "startup":
            self._no_model = failure.message
            self.probabilities.show_error(failure.message)
            self.layer_tree.show_message(self.tr("No model is loaded."))
            self.parameters.show_message(self.tr("No model is loaded."))
            self.device_label.setText(self.tr("Device: none"))
            self.show_error(self.tr("Could not load the network"), failure.message,
                            self.tr("Use Model ▸ Open weights… to choose a weights file."))
        else:
            self.show_error(self.tr("Something went wrong"), failure.message)
        self.statusBar().showMessage(failure.message, 15000)

    @Slot(object)
    def _on_result(self, result: Result) -> None:
        self.last_received = time.perf_counter()  # the "deliver" stage ends here (bench stage stamps)
        self._received += 1
        if self._closing or result.request_id < self._latest_shown:
            return
        self._latest_shown = result.request_id
        self.preview.set_pixels(result.pixels)
        self.preview_note.setText(self._preprocessing_notes(result.inverted, result.filled, result.mirrored))
        if result.prediction is not None:
            prediction = result.prediction
            self.probabilities.show_prediction(prediction.probabilities, prediction.index,
                                               prediction.familiarity)
            self._last_milliseconds = prediction.milliseconds
            self._last_engine = getattr(prediction, "engine", "torch")
            if not self._timing_text.isActive() or self._last_engine != self._shown_engine:
                self._show_timing()
                self._timing_text.start()
        elif self._no_model:  # no network: that matters more than what is on the canvas
            self.probabilities.show_error(self._no_model)
        elif result.empty:
            self.probabilities.show_empty()
        elif self._model is None:
            self.probabilities.show_loading(result.message)
        else:
            self.probabilities.show_error(result.message)
            self.statusBar().showMessage(self.tr("Classification failed: {0}").format(result.message), 10000)
        self.inside.show_result(result)
        self.last_latency_ms = (time.perf_counter() - result.created) * 1000.0
        self.predictionShown.emit(result)

    @Slot()
    def _show_timing(self) -> None:
        if self._last_milliseconds is not None:
            if self._last_engine == "numpy":  # the status bar says what answered
                text = self.tr("Inference: {0:.2f} ms (NumPy, while PyTorch loads)")
                tip = self.tr("PyTorch is still loading; the same network answered, computed with NumPy.")
            else:
                text = self.tr("Inference: {0:.2f} ms (PyTorch)")
                tip = self.tr("PyTorch computed this answer on the chosen device.")
            self.timing_label.setText(text.format(self._last_milliseconds))
            self.timing_label.setToolTip(tip)
            self._shown_engine = self._last_engine
            self._last_milliseconds = None

    # ------------------------------------------------------------ dialogs

    def show_error(self, title: str, text: str, informative: str = "") -> None:
        """A window-modal message that does not block the event loop (inference keeps running)."""
        self.last_message = (title, text + (f"\n{informative}" if informative else ""))
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        if informative:
            box.setInformativeText(informative)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    @Slot()
    def show_guide(self) -> None:
        dialogs.show_guide(self)

    @Slot()
    def show_about(self) -> None:
        dialogs.show_about(self, self._model)
