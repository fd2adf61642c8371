"""The main window: canvas and input preview in the middle, panels in docks, menus, status bar.

It wires views to the worker and holds no model logic: inputs go out as numpy copies, results
come back as plain data and are handed to the panels. Nothing here imports torch, so the window
can be on screen while the worker is still importing it.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent,
                           QImage, QKeySequence)
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QHBoxLayout, QLabel, QMainWindow,
                               QMessageBox, QSpinBox, QToolBar, QVBoxLayout, QWidget)

from fashion_desktop import APP_NAME
from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.errors import EmptyImageError, ImageError
from fashion_desktop.gui import dialogs
from fashion_desktop.gui.canvas import BRUSH, ERASER, FILL, MAX_BRUSH, MIN_BRUSH, DrawingCanvas
from fashion_desktop.gui.data_folder import app_data_folder
from fashion_desktop.gui.exports import ExportViews
from fashion_desktop.gui.inside import InsideViews
from fashion_desktop.gui.map_wiring import install as install_map
from fashion_desktop.gui.panels.layer_tree import LayerTreePanel
from fashion_desktop.gui.panels.parameters import ParametersPanel
from fashion_desktop.gui.panels.probabilities import ProbabilitiesPanel
from fashion_desktop.gui.preview import InputPreview
from fashion_desktop.gui.recovery import CanvasAutosave, announce_when_ready, recover_settings
from fashion_desktop.gui.training import install as install_training
from fashion_desktop.gui.worker import Failure, InferenceWorker, ModelInfo, Result
from fashion_desktop.network.device_choices import CONTEXT as DEVICE_CONTEXT
from fashion_desktop.network.device_choices import DEVICE_KINDS

IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff *.ppm *.pgm"
WEIGHTS_PATTERNS = "*.pth *.pt *.safetensors"


def qimage_to_rgba(image: QImage) -> np.ndarray:
    """Any QImage → an owned uint8 H×W×4 array (row padding from bytesPerLine dropped)."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    height, width, stride = image.height(), image.width(), image.bytesPerLine()
    view = np.frombuffer(image.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    return view[:, : width * 4].reshape(height, width, 4).copy()


class MainWindow(QMainWindow):
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
        self._build_docks()
        self._build_actions()
        self._build_menus(requested)
        self._build_toolbar()
        self._build_status()
        self.inside = InsideViews(self)  # adds activations_dock, weights_dock, testset_dock, saliency_action, untrained_action
        self.exports = ExportViews(self)  # adds folder_dock/folder_view, export_model_action, copy_chart_action, export_menu
        self.map_panel, self.map_dock = install_map(self)  # the Map view (issue 16)
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
                and not self.worker.busy.is_set())

    # ------------------------------------------------------------ construction

    def _build_central(self) -> None:
        self.canvas = DrawingCanvas(self)
        self.preview = InputPreview(self)
        caption = QLabel(self.tr("What the network sees\n(28 × 28 pixels)"), self)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_note = QLabel(self)
        self.preview_note.setObjectName("previewNote")
        self.preview_note.setWordWrap(True)
        self.preview_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        side = QVBoxLayout()
        side.addWidget(caption)
        side.addWidget(self.preview)
        side.addWidget(self.preview_note)
        side.addStretch(1)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(side)
        self.setCentralWidget(central)

    def _dock(self, widget: QWidget, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.probabilities = ProbabilitiesPanel(self)
        self.layer_tree = LayerTreePanel(self)
        self.parameters = ParametersPanel(self)
        right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
        self.probabilities_dock = self._dock(self.probabilities, self.tr("Prediction"), "probabilitiesDock", right)
        self.layers_dock = self._dock(self.layer_tree, self.tr("Layers"), "layersDock", bottom)
        self.parameters_dock = self._dock(self.parameters, self.tr("Parameters"), "parametersDock", bottom)
        self.splitDockWidget(self.layers_dock, self.parameters_dock, Qt.Orientation.Horizontal)
        self.resizeDocks([self.probabilities_dock], [420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.layers_dock], [260], Qt.Orientation.Vertical)
        self.layer_tree.layerSelected.connect(self.parameters.select_layer)
        self.training_panel, self.training_dock = install_training(self)  # hidden until Model ▸ Train

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.open_action = self._action(self.tr("&Open picture…"), self.open_dialog, key.Open,
                                        self.tr("Open a picture of a garment"))
        self.save_action = self._action(self.tr("&Save drawing…"), self.save_dialog, key.Save,
                                        self.tr("Save the canvas as a PNG file"))
        self.paste_action = self._action(self.tr("&Paste picture"), self.paste, key.Paste,
                                         self.tr("Classify the picture on the clipboard"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.undo_action = self.canvas.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(key.Undo)])
        self.redo_action = self.canvas.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.clear_action = self._action(self.tr("&Clear"), self.canvas.clear, [QKeySequence.StandardKey.Delete,
                                         QKeySequence("Ctrl+Backspace")], self.tr("Erase the whole canvas"))
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        for tool, text, shortcut, tip in (
            (BRUSH, self.tr("&Brush"), "B", self.tr("Draw light strokes")),
            (ERASER, self.tr("&Eraser"), "E", self.tr("Erase back to black")),
            (FILL, self.tr("&Fill"), "F", self.tr("Click inside a closed outline to fill it")),
        ):
            action = self._action(text, partial(self.set_tool, tool), shortcut, tip)
            action.setCheckable(True)
            self.tool_group.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[BRUSH].setChecked(True)
        self.bigger_action = self._action(self.tr("Bigger brush"), partial(self._step_brush, 1.25), "]")
        self.smaller_action = self._action(self.tr("Smaller brush"), partial(self._step_brush, 0.8), "[")
        self.open_weights_action = self._action(
            self.tr("Open &weights…"), self.open_weights_dialog, "Ctrl+Shift+O",
            self.tr("Load a state_dict saved by the tutorial (.pth, .pt) or a .safetensors file"))
        self.shipped_weights_action = self._action(self.tr("Use the &shipped weights"),
                                                   partial(self.load_weights, None))
        self.guide_action = self._action(self.tr("&Guide"), self.show_guide, key.HelpContents)
        self.about_action = self._action(self.tr("&About {0}").format(APP_NAME), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self, requested_device: str) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.open_action, self.paste_action, self.save_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        edit.addActions([self.paste_action, self.clear_action])
        edit.addSeparator()
        edit.addActions(list(self.tool_actions.values()))
        edit.addActions([self.bigger_action, self.smaller_action])

        self.samples_menu = bar.addMenu(self.tr("&Samples"))
        self._build_samples_menu()

        self.model_menu = model = bar.addMenu(self.tr("&Model"))
        model.addActions([self.open_weights_action, self.shipped_weights_action])
        model.addSeparator()
        model.addAction(self.training_panel.show_action)

        self.device_menu = bar.addMenu(self.tr("&Device"))
        self.device_menu.setToolTipsVisible(True)
        self.device_group = QActionGroup(self)
        self.device_actions: dict[str, QAction] = {}
        for choice in DEVICE_KINDS:
            kind = choice.name
            action = QAction(QCoreApplication.translate(DEVICE_CONTEXT, choice.label), self)
            action.setCheckable(True)
            action.setData(kind)
            if choice.accelerator:
                action.setEnabled(False)
                action.setToolTip(self.tr("Checking which devices this computer has…"))
            action.triggered.connect(partial(self._on_device_action, kind))
            self.device_group.addAction(action)
            self.device_menu.addAction(action)
            self.device_actions[kind] = action
        self._check_device(requested_device)

        self.view_menu = bar.addMenu(self.tr("&View"))
        for dock in (self.probabilities_dock, self.layers_dock, self.parameters_dock):
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addAction(self.training_dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self._action(self.tr("&Reset layout"), self.reset_layout))

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.guide_action, self.about_action])

    def _build_samples_menu(self) -> None:
        from fashion_desktop.images.samples import list_samples

        first: dict[int, object] = {}
        for sample in list_samples():
            first.setdefault(sample.class_index, sample)
        self.sample_actions: list[QAction] = []
        for index, sample in sorted(first.items()):
            shortcut = f"Ctrl+{(index + 1) % 10}"
            action = self._action(f"&{(index + 1) % 10}  {CLASS_NAMES[index]}", partial(self.open_path, sample.path),
                                  shortcut, self.tr("A real Fashion-MNIST test image (#{0})").format(sample.test_index))
            self.samples_menu.addAction(action)
            self.sample_actions.append(action)
        if not first:
            none = self.samples_menu.addAction(self.tr("No samples are installed"))
            none.setEnabled(False)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Drawing tools"), self)
        bar.setObjectName("toolsToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions(list(self.tool_actions.values()))
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" Brush size "), bar))
        self.brush_spin = QSpinBox(bar)
        self.brush_spin.setObjectName("brushSize")
        self.brush_spin.setRange(MIN_BRUSH, MAX_BRUSH)
        self.brush_spin.setValue(self.canvas.brush_size)
        self.brush_spin.setSuffix(self.tr(" px"))
        self.brush_spin.setToolTip(self.tr("Brush size in canvas pixels (the canvas is {0} × {0}); [ and ] change it")
                                   .format(DrawingCanvas.SIZE))
        self.brush_spin.valueChanged.connect(self.canvas.set_brush_size)
        bar.addWidget(self.brush_spin)
        bar.addSeparator()
        bar.addActions([self.undo_action, self.redo_action, self.clear_action])
        bar.addSeparator()
        bar.addActions([self.open_action, self.paste_action])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.tools_bar = bar
        self.view_menu.insertAction(self.view_menu.actions()[3], bar.toggleViewAction())

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

    def last_folder(self) -> str:
        folder = str(self.settings.value("folders/last", ""))
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember_folder(self, path: str | Path) -> None:
        self.settings.setValue("folders/last", str(Path(path).resolve().parent))

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
        self.map_panel.shutdown()
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

    @Slot(str)
    def set_tool(self, tool: str) -> None:
        self.canvas.set_tool(tool)
        self.tool_actions[tool].setChecked(True)

    def _step_brush(self, factor: float) -> None:
        """[ and ]: change the brush by a factor, at least one pixel, so small brushes still move."""
        size = self.canvas.brush_size
        step = round(size * factor) - size
        self.brush_spin.setValue(size + (step or (1 if factor > 1 else -1)))

    def open_path(self, path: str | Path) -> bool:
        """Open a picture file onto the canvas; a file that cannot be used gets a dialog saying why."""
        from fashion_desktop.images.preprocess import open_image

        path = Path(path)
        try:
            image = open_image(path)
        except ImageError as exc:
            self.show_error(self.tr("Could not open the picture"), str(exc))
            return False
        self._remember_folder(path)
        return self.open_image(image, path.name)

    def open_image(self, image, name: str) -> bool:
        """Put a decoded PIL image on the canvas as the network's input would see it."""
        from fashion_desktop.images.preprocess import prepare_image

        try:
            prepared = prepare_image(image)
        except EmptyImageError:
            self.canvas.clear()
            self.statusBar().showMessage(self.tr("{0} is blank: there is nothing to classify.").format(name), 8000)
            return False
        except ImageError as exc:
            self.show_error(self.tr("Could not use the picture"), str(exc))
            return False
        self.canvas.load_pixels(prepared.pixels)
        notes = self._preprocessing_notes(prepared.inverted, prepared.filled)
        extra = f" ({notes})" if notes else ""
        self.statusBar().showMessage(self.tr("Opened {0}{1}").format(name, extra), 8000)
        return True

    def open_qimage(self, image: QImage, name: str) -> bool:
        from fashion_desktop.images.preprocess import from_array

        if image.isNull():
            self.show_error(self.tr("Could not use the picture"), self.tr("The picture is empty."))
            return False
        try:
            pil = from_array(qimage_to_rgba(image))
        except ImageError as exc:
            self.show_error(self.tr("Could not use the picture"), str(exc))
            return False
        return self.open_image(pil, name)

    @Slot()
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a picture"), self.last_folder(),
                                              self.tr("Pictures ({0});;All files (*)").format(IMAGE_PATTERNS))
        if path:
            self.open_path(path)

    @Slot()
    def paste(self) -> bool:
        data = QApplication.clipboard().mimeData()
        if data is not None and data.hasImage():
            return self.open_qimage(QImage(data.imageData()), self.tr("the pasted picture"))
        if data is not None and data.hasUrls():
            local = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
            if local:
                return self.open_path(local[0])
        self.statusBar().showMessage(self.tr("The clipboard holds no picture."), 5000)
        return False

    @Slot()
    def save_dialog(self) -> None:
        default = str(Path(self.last_folder()) / "drawing.png")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the drawing"), default, self.tr("PNG image (*.png)"))
        if path:
            self.save_drawing(path if path.lower().endswith(".png") else path + ".png")

    def save_drawing(self, path: str | Path) -> bool:
        """Write the canvas as a PNG, atomically (a crash never leaves half a file)."""
        from PySide6.QtCore import QBuffer, QIODevice

        from fashion_desktop.atomic import atomic_write_bytes

        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.canvas.image().save(buffer, "PNG"):
            self.show_error(self.tr("Could not save the drawing"), self.tr("The PNG could not be encoded."))
            return False
        try:
            atomic_write_bytes(path, bytes(buffer.data()))
        except OSError as exc:
            self.show_error(self.tr("Could not save the drawing"),
                            self.tr("{0} could not be written: {1}.").format(path, exc.strerror or exc))
            return False
        self._remember_folder(path)
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        data = event.mimeData()
        if data.hasImage() or any(url.isLocalFile() for url in data.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        local = [url.toLocalFile() for url in data.urls() if isinstance(url, QUrl) and url.isLocalFile()]
        if local and Path(local[0]).is_dir():  # a folder: classify every picture in it
            event.acceptProposedAction()
            self.exports.classify_folder(local[0])
        elif local:
            event.acceptProposedAction()
            self.open_path(local[0])
        elif data.hasImage():
            event.acceptProposedAction()
            self.open_qimage(QImage(data.imageData()), self.tr("the dropped picture"))

    # ------------------------------------------------------------ model and device

    @Slot()
    def open_weights_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open weights"), self.last_folder(),
                                              self.tr("Weights ({0});;All files (*)").format(WEIGHTS_PATTERNS))
        if path:
            self._remember_folder(path)
            self.load_weights(path)

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

    def _on_device_action(self, kind: str, _checked: bool = False) -> None:
        self.set_device(kind)

    def _check_device(self, requested: str) -> None:
        kind = requested.split(":", 1)[0]
        action = self.device_actions.get(kind, self.device_actions["auto"])
        action.setChecked(True)

    def _update_device_menu(self, devices: list) -> None:
        for info in devices:
            action = self.device_actions.get(info.name)
            if action is None:
                continue
            action.setEnabled(info.available)
            if info.name == "cuda":
                action.setText(self.tr("C&UDA — {0}").format(info.description) if info.available
                               else self.tr("C&UDA (not available)"))
            elif info.name == "mps":
                action.setText(self.tr("&MPS — {0}").format(info.description) if info.available
                               else self.tr("&MPS (not available)"))
            tip = info.description if info.available else info.reason
            action.setToolTip(tip)
            action.setStatusTip(tip)

    # ------------------------------------------------------------ worker → views

    @Slot(str)
    def _on_progress(self, message: str) -> None:
        if self._closing:
            return
        self.statusBar().showMessage(message)
        if self._model is None:
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
        if self.probabilities.state == "loading":
            self.probabilities.show_empty()
        self.inside.show_model(info)
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

    def _preprocessing_notes(self, inverted: bool, filled: bool) -> str:
        """What preprocessing did to the picture, for the status bar and the preview's caption."""
        notes = [self.tr("inverted to light on dark")] if inverted else []
        if filled:
            notes.append(self.tr("closed outline filled"))
        return ", ".join(notes)

    @Slot(object)
    def _on_result(self, result: Result) -> None:
        self.last_received = time.perf_counter()  # the "deliver" stage ends here (bench stage stamps)
        if self._closing or result.request_id < self._latest_shown:
            return
        self._latest_shown = result.request_id
        self.preview.set_pixels(result.pixels)
        self.preview_note.setText(self._preprocessing_notes(result.inverted, result.filled))
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
