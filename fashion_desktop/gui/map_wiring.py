"""Put the Map view into the window: a dock (View menu, "See inside" toolbar), fed by the window's signals.

`MapViews(window)` is all the main window does. The view hears about models through
`window.modelShown` (the untrained switch too), about the drawing through `window.predictionShown`,
and about training through the Train panel's trainer (a map after each epoch). A click on a test
image puts it on the canvas.

The panel itself is built the first time it is needed (the dock shown, or `panel` asked for): it
imports pyqtgraph, which the window keeps off its first paint. Until then the latest model is
remembered and handed over when the panel is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from fashion_desktop.gui.panels.map_view import MapPanel


translate = QCoreApplication.translate  # with literal arguments, so that pyside6-lupdate finds them


class MapViews(QObject):
    """The Map dock and its panel, built on first use."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._panel: MapPanel | None = None
        self._model: tuple[dict | None, str] | None = None
        placeholder = QLabel(translate("MapPanel", "Show this view to place the 10,000 test images."))
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dock = window.add_dock(placeholder, translate("MapPanel", "Map"), "mapDock", "left", hidden=True,
                                    menu_section=None)
        action = self.dock.toggleViewAction()
        action.setText(translate("MapPanel", "&Map of the test set"))
        action.setIconText(translate("MapPanel", "Map"))
        action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        tip = translate("MapPanel",
                        "The 10,000 test images placed by a layer's activations, and your drawing among them")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        window.add_menu_action("view", action, "docks")  # with the other see-inside views
        window.add_toolbar_action("inside", action, "views")
        self.dock.visibilityChanged.connect(self._visibility_changed)
        window.modelShown.connect(self._model_shown)
        window.predictionShown.connect(self._prediction_shown)
        training = getattr(window, "training_panel", None)
        if training is not None:
            training.stateChanged.connect(self._training_state)

    @property
    def panel(self) -> MapPanel:
        """The Map panel, built now if it was not yet."""
        if self._panel is None:
            from fashion_desktop.gui.panels.map_view import MapPanel  # pyqtgraph: after the first paint

            self._panel = MapPanel(self.window)
            self._panel.imageChosen.connect(self._open_test_image)
            self.dock.setWidget(self._panel)
            if self._model is not None:
                self._panel.set_model_state(*self._model)
        return self._panel

    def shutdown(self) -> None:
        if self._panel is not None:
            self._panel.shutdown()

    # ------------------------------------------------------------ signals

    def _visibility_changed(self, visible: bool) -> None:
        if not visible:
            return
        self.panel  # noqa: B018 - built on first show
        if not self.dock.isFloating() and self.dock.width() < 600:
            self.window.resizeDocks([self.dock], [640], Qt.Orientation.Horizontal)

    def _model_shown(self, info) -> None:
        self._model = (info.state, translate("MapPanel", "untrained (random weights)") if info.untrained else "")
        if self._panel is not None:
            self._panel.set_model_state(*self._model)

    def _prediction_shown(self, result) -> None:
        if self._panel is not None:
            self._panel.show_result(result)

    def _training_state(self, state: str) -> None:
        trainer = getattr(self.window.training_panel, "trainer", None)
        if state == "starting" and trainer is not None:
            trainer.snapshotReady.connect(self._training_snapshot)

    def _training_snapshot(self, snapshot) -> None:
        if self._panel is not None:
            self._panel.show_training_snapshot(snapshot)

    def _open_test_image(self, pixels, name: str) -> None:
        self.window.canvas.load_pixels(pixels)
        self.window.statusBar().showMessage(translate("MapPanel", "Opened {0}").format(name), 8000)
