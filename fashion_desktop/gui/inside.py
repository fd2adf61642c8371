"""The "see inside" views of the window: activations, why this class, weights, test set, untrained switch.

Kept out of main_window.py so the window only makes one object and passes it each model and each
result. It adds to the window (public, for people, tests and the bench command):

- `window.activations_dock`, `window.weights_dock`, `window.testset_dock` (hidden at first; View menu
  and the "See inside" toolbar show them) and their panels `window.activations`, `window.weights`,
  `window.testset`;
- `window.saliency_action` (checkable: the "why this class" overlay on the network's input) and
  `window.untrained_action` (checkable: the tutorial's freshly initialised network instead of the
  trained one).

Nothing here runs the network: the worker computes saliency only while the overlay is on, the
panels draw only while they are visible.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar

from fashion_desktop.classes import class_name
from fashion_desktop.gui.panels.activations import ActivationsPanel
from fashion_desktop.gui.panels.testset import TestSetPanel
from fashion_desktop.gui.panels.weights import WeightsPanel


class InsideViews(QObject):
    """Builds the docks and actions on `window` (a MainWindow) and routes models and results to them."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._explained: int | None = None  # the class pinned by a click in the bar chart; None: the top class
        right, left = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea

        window.activations = ActivationsPanel(window)
        window.weights = WeightsPanel(window)
        window.testset = TestSetPanel(window)
        window.activations_dock = window._dock(window.activations, self.tr("Activations"), "activationsDock", right)
        window.weights_dock = window._dock(window.weights, self.tr("Weights"), "weightsDock", right)
        window.testset_dock = window._dock(window.testset, self.tr("Test set"), "testsetDock", left)
        window.testset_dock.dockLocationChanged.connect(window.testset.fit_dock_area)
        window.splitDockWidget(window.probabilities_dock, window.activations_dock, Qt.Orientation.Vertical)
        window.tabifyDockWidget(window.activations_dock, window.weights_dock)
        for dock in (window.activations_dock, window.weights_dock, window.testset_dock):
            dock.hide()

        window.saliency_action = QAction(self.tr("&Why this class? (saliency overlay)"), window)
        window.saliency_action.setCheckable(True)
        window.saliency_action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        tip = self.tr("Colour the network's input by how much each pixel pushed the class up (red) or down (blue); "
                      "click a class in the chart to explain that one")
        window.saliency_action.setStatusTip(tip)
        window.saliency_action.setToolTip(tip)
        window.saliency_action.toggled.connect(self._saliency_toggled)
        window.untrained_action = QAction(self.tr("&Untrained network (random weights)"), window)
        window.untrained_action.setCheckable(True)
        window.untrained_action.setEnabled(False)
        window.untrained_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        tip = self.tr("Use NeuralNetwork() as the tutorial first creates it, before any training; "
                      "switch off to return to the trained weights")
        window.untrained_action.setStatusTip(tip)
        window.untrained_action.setToolTip(tip)
        window.untrained_action.toggled.connect(self._untrained_toggled)

        docks = [window.activations_dock, window.weights_dock, window.testset_dock]
        window.view_menu.insertActions(window.view_menu.actions()[4], [d.toggleViewAction() for d in docks]
                                       + [window.saliency_action])
        window.model_menu.addSeparator()
        window.model_menu.addAction(window.untrained_action)
        bar = QToolBar(self.tr("See inside"), window)
        bar.setObjectName("insideToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([d.toggleViewAction() for d in docks])
        bar.addSeparator()
        bar.addActions([window.saliency_action, window.untrained_action])
        window.saliency_action.setIconText(self.tr("Why?"))
        window.untrained_action.setIconText(self.tr("Untrained"))
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        window.inside_bar = bar

        self.saliency_note = QLabel(window)
        self.saliency_note.setObjectName("saliencyNote")
        self.saliency_note.setWordWrap(True)
        self.saliency_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.saliency_note.setMaximumWidth(220)
        self.saliency_note.hide()
        side = window.centralWidget().layout().itemAt(1).layout()
        side.insertWidget(side.indexOf(window.preview_note) + 1, self.saliency_note)

        self._sized: set[str] = set()
        window.activations_dock.visibilityChanged.connect(self._first_show)
        window.testset_dock.visibilityChanged.connect(self._first_show)
        window.probabilities.classClicked.connect(self.explain_class)
        window.parameters.parameterSelected.connect(window.weights.show_parameter)
        window.parameters.parameterActivated.connect(self.show_weights)
        window.testset.imageChosen.connect(self.open_test_image)
        window.worker.failed.connect(self._on_failure)

    # ------------------------------------------------------------ from the window

    def show_model(self, info) -> None:
        """A model was loaded, moved or swapped: pass its parameters on, keep the switch in step."""
        window = self.window
        window.activations.set_model_state(info.state)
        window.weights.set_state(info.state)
        window.testset.set_model_state(info.state)
        action = window.untrained_action
        action.setEnabled(True)
        action.blockSignals(True)
        action.setChecked(info.untrained)
        action.blockSignals(False)
        if info.untrained:
            window.setWindowTitle(window.windowTitle() + self.tr(" — untrained network"))
            window.statusBar().showMessage(self.tr(
                "Untrained network: freshly initialised, as the tutorial first creates it. Its answers are noise; "
                "the trained weights are kept and come back when you switch it off."), 15000)

    def show_result(self, result) -> None:
        """Hand one result's activations and saliency to the views (they skip work while hidden/off)."""
        window = self.window
        prediction = result.prediction
        window.activations.show_result(result.pixels, None if prediction is None else prediction.activations)
        if result.saliency is not None and window.saliency_action.isChecked():
            from fashion_desktop.explain.saliency import overlay_rgba

            window.preview.set_overlay(overlay_rgba(result.saliency))
            self.saliency_note.setText(self.tr(
                "Why {0}? <span style='color:#e6281e'>Red</span> pixels raised its score, "
                "<span style='color:#286ef0'>blue</span> ones lowered it.").format(class_name(result.saliency_class)))
            self.saliency_note.show()
        else:
            window.preview.set_overlay(None)
            self.saliency_note.setVisible(window.saliency_action.isChecked() and prediction is not None)

    def shutdown(self) -> None:
        try:
            self.window.worker.failed.disconnect(self._on_failure)
        except (RuntimeError, TypeError):
            pass
        self.window.testset.shutdown()

    @Slot(object)
    def _on_failure(self, failure) -> None:
        """The worker could not compute saliency and switched it off: show the action off too."""
        if failure.kind == "saliency":
            action = self.window.saliency_action
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)
            self._explained = None
            self.window.preview.set_overlay(None)
            self.saliency_note.hide()

    @Slot(bool)
    def _first_show(self, visible: bool) -> None:
        """The first time a view appears, give it room: the activations most of the column under the
        bars, the test set enough width for its confusion matrix."""
        window, dock = self.window, self.sender()
        if not visible or dock.objectName() in self._sized or dock.isFloating():
            return
        self._sized.add(dock.objectName())
        if dock is window.activations_dock:
            total = window.probabilities_dock.height() + dock.height()
            window.resizeDocks([window.probabilities_dock, dock], [300, max(390, total - 300)],
                               Qt.Orientation.Vertical)
        elif window.dockWidgetArea(dock) in (Qt.DockWidgetArea.LeftDockWidgetArea,
                                             Qt.DockWidgetArea.RightDockWidgetArea):
            window.resizeDocks([dock], [500], Qt.Orientation.Horizontal)

    # ------------------------------------------------------------ actions

    @Slot(bool)
    def _saliency_toggled(self, on: bool) -> None:
        if not on:
            self._explained = None
            self.window.preview.set_overlay(None)
            self.saliency_note.hide()
        self.window.worker.set_saliency(on, self._explained)

    @Slot(int)
    def explain_class(self, index: int) -> None:
        """A click on a class in the chart: explain that class (a second click returns to the top class)."""
        action = self.window.saliency_action
        self._explained = None if (action.isChecked() and self._explained == index) else index
        if action.isChecked():
            self.window.worker.set_saliency(True, self._explained)
        else:
            action.setChecked(True)  # toggled → set_saliency with the pinned class

    def explained_class(self) -> int | None:
        """The class the overlay explains when pinned by a click; None means the top class."""
        return self._explained

    @Slot(bool)
    def _untrained_toggled(self, on: bool) -> None:
        self.window.worker.set_untrained(on)
        self.window.statusBar().showMessage(self.tr("Creating an untrained network…") if on
                                            else self.tr("Back to the trained weights…"))

    @Slot(str)
    def show_weights(self, name: str) -> None:
        dock = self.window.weights_dock
        dock.show()
        dock.raise_()
        self.window.weights.show_parameter(name)

    @Slot(object, str)
    def open_test_image(self, pixels: np.ndarray, name: str) -> None:
        """Put a test image on the canvas exactly as it is (it already is a 28×28 network input)."""
        self.window.canvas.load_pixels(pixels)
        self.window.statusBar().showMessage(self.tr("Opened {0}").format(name), 8000)
