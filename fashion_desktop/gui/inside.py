"""The "see inside" views of the window: activations, why this class, weights, test set, untrained switch.

Kept out of main_window.py so the window only makes one object and passes it each model and each
result. It adds itself through the window's public API (`add_dock`, `add_menu_action`,
`add_toolbar`, `add_under_preview`) and keeps what it adds as its own attributes (public, for
people, tests and the bench command):

- `activations_dock`, `weights_dock`, `testset_dock` (hidden at first; View ▸ docks and the
  "See inside" toolbar show them) and their panels `activations`, `weights`, `testset`;
- `saliency_action` (checkable, View ▸ overlays: the "why this class" overlay on the network's
  input) and `untrained_action` (checkable, Model ▸ network: the tutorial's freshly initialised
  network instead of the trained one).

Nothing here runs the network: the worker computes saliency only while the overlay is on, the
panels draw only while they are visible.

The three panels are built when their dock is first shown or the panel is first asked for
(gui/deferred.py): the window's first paint does not wait for them. Until then this object keeps
the latest model parameters, result and chosen parameter, and hands them over when it builds one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from fashion_desktop.classes import class_name
from fashion_desktop.explain.saliency import overlay_rgba
from fashion_desktop.gui.deferred import DeferredDock

if TYPE_CHECKING:
    import numpy as np

    from fashion_desktop.gui.panels.activations import ActivationsPanel
    from fashion_desktop.gui.panels.testset import TestSetPanel
    from fashion_desktop.gui.panels.weights import WeightsPanel

_NOTHING = object()  # no model parameters have arrived yet


class InsideViews(QObject):
    """Builds the docks and actions on `window` (a MainWindow) and routes models and results to them."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._explained: int | None = None  # the class pinned by a click in the bar chart; None: the top class
        self._state: object = _NOTHING  # the latest model parameters, for panels built later
        self._stages: tuple | None = None  # the latest result's (pixels, activations)
        self._parameter = ""  # the parameter last chosen in the Parameters dock

        self._activations = DeferredDock(window, self._build_activations, self.tr("Activations"), "activationsDock",
                                         "right", split_from=window.probabilities_dock, hidden=True)
        self.activations_dock = self._activations.dock
        self._weights = DeferredDock(window, self._build_weights, self.tr("Weights"), "weightsDock", "right",
                                     tab_with=self.activations_dock, hidden=True)
        self.weights_dock = self._weights.dock
        self._testset = DeferredDock(window, self._build_testset, self.tr("Test set"), "testsetDock", "left",
                                     hidden=True)
        self.testset_dock = self._testset.dock

        self.saliency_action = self._switch(
            self.tr("&Why this class? (saliency overlay)"), self.tr("Why?"), "Ctrl+Shift+W",
            self.tr("Colour the network's input by how much each pixel pushed the class up (red) or down (blue); "
                    "click a class in the chart to explain that one"), self._saliency_toggled)
        self.untrained_action = self._switch(
            self.tr("&Untrained network (random weights)"), self.tr("Untrained"), "Ctrl+Shift+U",
            self.tr("Use NeuralNetwork() as the tutorial first creates it, before any training; "
                    "switch off to return to the trained weights"), self._untrained_toggled)
        self.untrained_action.setEnabled(False)
        window.add_menu_action("view", self.saliency_action, "overlays")
        window.add_menu_action("model", self.untrained_action, "network")
        window.add_toolbar("inside", self.tr("See inside"), ("views", "switches"))
        for dock in (self.activations_dock, self.weights_dock, self.testset_dock):
            window.add_toolbar_action("inside", dock.toggleViewAction(), "views")
        for action in (self.saliency_action, self.untrained_action):
            window.add_toolbar_action("inside", action, "switches")

        self.saliency_note = QLabel(window)
        self.saliency_note.setObjectName("saliencyNote")
        self.saliency_note.setWordWrap(True)
        self.saliency_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.saliency_note.setMaximumWidth(220)
        self.saliency_note.hide()
        window.add_under_preview(self.saliency_note)

        self._sized: set[str] = set()
        self.activations_dock.visibilityChanged.connect(self._first_show)
        self.testset_dock.visibilityChanged.connect(self._first_show)
        window.probabilities.classClicked.connect(self.explain_class)
        window.parameters.parameterSelected.connect(self._parameter_selected)
        window.parameters.parameterActivated.connect(self.show_weights)
        window.worker.failed.connect(self._on_failure)

    def build_shown(self) -> None:
        """Build the panels whose docks the restored layout shows (before the first paint)."""
        for deferred in (self._activations, self._weights, self._testset):
            deferred.build_if_shown()

    # ------------------------------------------------------------ the panels, built on first use

    @property
    def activations(self) -> ActivationsPanel:
        return self._activations.widget()

    @property
    def weights(self) -> WeightsPanel:
        return self._weights.widget()

    @property
    def testset(self) -> TestSetPanel:
        return self._testset.widget()

    def _build_activations(self) -> ActivationsPanel:
        from fashion_desktop.gui.panels.activations import ActivationsPanel

        panel = ActivationsPanel(self.window)
        if self._state is not _NOTHING:
            panel.set_model_state(self._state)
        if self._stages is not None:
            panel.show_result(*self._stages)
        return panel

    def _build_weights(self) -> WeightsPanel:
        from fashion_desktop.gui.panels.weights import WeightsPanel

        panel = WeightsPanel(self.window)
        if self._state is not _NOTHING:
            panel.set_state(self._state)
        panel.show_parameter(self._parameter)
        return panel

    def _build_testset(self) -> TestSetPanel:
        from fashion_desktop.gui.panels.testset import TestSetPanel

        panel = TestSetPanel(self.window)
        dock = self._testset.dock
        panel.fit_dock_area(self.window.dockWidgetArea(dock))
        dock.dockLocationChanged.connect(panel.fit_dock_area)
        panel.imageChosen.connect(self.open_test_image)
        if self._state is not _NOTHING:
            panel.set_model_state(self._state)
        return panel

    def _switch(self, text: str, short: str, shortcut: str, tip: str, slot) -> QAction:
        """A checkable action: menu text, toolbar text, shortcut, tip."""
        action = QAction(text, self.window)
        action.setCheckable(True)
        action.setIconText(short)
        action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.toggled.connect(slot)
        return action

    # ------------------------------------------------------------ from the window

    def show_model(self, info) -> None:
        """A model was loaded, moved or swapped: pass its parameters on, keep the switch in step."""
        window = self.window
        self._state = info.state
        if self._activations.is_built:
            self.activations.set_model_state(info.state)
        if self._weights.is_built:
            self.weights.set_state(info.state)
        if self._testset.is_built:
            self.testset.set_model_state(info.state)
        action = self.untrained_action
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
        self._stages = (result.pixels, None if prediction is None else prediction.activations)
        if self._activations.is_built:
            self.activations.show_result(*self._stages)
        if result.saliency is not None and self.saliency_action.isChecked():
            window.preview.set_overlay(overlay_rgba(result.saliency))
            self.saliency_note.setText(self.tr(
                "Why {0}? <span style='color:#e6281e'>Red</span> pixels raised its score, "
                "<span style='color:#286ef0'>blue</span> ones lowered it.").format(class_name(result.saliency_class)))
            self.saliency_note.show()
        else:
            window.preview.set_overlay(None)
            self.saliency_note.setVisible(self.saliency_action.isChecked() and prediction is not None)

    def shutdown(self) -> None:
        try:
            self.window.worker.failed.disconnect(self._on_failure)
        except (RuntimeError, TypeError):
            pass
        if self._testset.is_built:
            self.testset.shutdown()

    @Slot(object)
    def _on_failure(self, failure) -> None:
        """The worker could not compute saliency and switched it off: show the action off too."""
        if failure.kind == "saliency":
            action = self.saliency_action
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
        if dock is self.activations_dock:
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
        action = self.saliency_action
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
    def _parameter_selected(self, name: str) -> None:
        if name:
            self._parameter = name
        if self._weights.is_built:
            self.weights.show_parameter(name)

    @Slot(str)
    def show_weights(self, name: str) -> None:
        if name:
            self._parameter = name
        dock = self.weights_dock
        dock.show()
        dock.raise_()
        self.weights.show_parameter(name)

    @Slot(object, str)
    def open_test_image(self, pixels: np.ndarray, name: str) -> None:
        """Put a test image on the canvas exactly as it is (it already is a 28×28 network input)."""
        self.window.canvas.load_pixels(pixels)
        self.window.statusBar().showMessage(self.tr("Opened {0}").format(name), 8000)
