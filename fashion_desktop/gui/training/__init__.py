"""Training in the window: the Train panel, its training thread, the data download, and the wiring.

`install(window)` is all the main window calls: it adds the Train dock (hidden until asked for)
and Model ▸ Train… through the window's public API, connects the panel to the window's model and
worker, and names the Prediction dock after the network answering while a training preview is on.

The panel itself (gui/training/panel.py and its parts) is built when the dock is first shown or
`TrainingViews.panel` is first asked for (gui/deferred.py), so the window's first paint does not
wait for it; until then the latest model is remembered and handed over when it is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from fashion_desktop.gui.deferred import DeferredDock

if TYPE_CHECKING:
    from fashion_desktop.gui.training.panel import TrainingPanel

__all__ = ["TrainingViews", "install", "train_action"]

translate = QCoreApplication.translate  # with literal arguments, so that pyside6-lupdate finds them


def train_action(parent: QObject) -> QAction:
    """Model ▸ Train the network… (Ctrl+T): shows the Train panel."""
    action = QAction(translate("TrainingPanel", "&Train the network…"), parent)
    action.setShortcut(QKeySequence("Ctrl+T"))
    action.setStatusTip(translate("TrainingPanel", "Train the tutorial's network on Fashion-MNIST and watch it learn"))
    return action


class TrainingViews(QObject):
    """The Train dock, its menu action, and the panel once built (`panel` builds it)."""

    stateChanged = Signal(str)  # the panel's stateChanged, once it exists (IDLE, STARTING, …)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._live_model = None  # the latest worker.ModelInfo, for a panel built later
        self.show_action = train_action(window)
        layers, parameters = window.dock("layersDock"), window.dock("parametersDock")
        self._deferred = DeferredDock(window, self._build, translate("TrainingPanel", "Train"), "trainingDock",
                                      "bottom", tab_with=parameters, hidden=True)
        self.dock = dock = self._deferred.dock
        window.add_menu_action("model", self.show_action, "training")

        def show_panel() -> None:
            """Make room: the bottom docks become tabs with Train in front (Reset layout undoes it)."""
            if dock.isHidden() and not dock.isFloating() and window.dockWidgetArea(dock) == window.dockWidgetArea(
                    layers) == window.dockWidgetArea(parameters):
                window.tabifyDockWidget(layers, parameters)
                window.tabifyDockWidget(layers, dock)
            dock.show()
            dock.raise_()
            window.resizeDocks([dock], [max(dock.height(), 400)], Qt.Orientation.Vertical)

        self.show_action.triggered.connect(show_panel)
        window.modelShown.connect(self._model_shown)
        prediction = window.dock("probabilitiesDock")
        title = prediction.windowTitle()

        def name_prediction_dock(result) -> None:
            if result.prediction is not None:
                prediction.setWindowTitle(translate("TrainingPanel", "{0} — {1}").format(title, result.preview)
                                          if result.preview else title)

        window.predictionShown.connect(name_prediction_dock)

    @property
    def panel(self) -> TrainingPanel:
        """The Train panel, built now if it was not yet."""
        return self._deferred.widget()

    @property
    def is_built(self) -> bool:
        return self._deferred.is_built

    def build_shown(self) -> None:
        """Build the panel now if the restored layout shows its dock (before the first paint)."""
        self._deferred.build_if_shown()

    def shutdown(self) -> None:
        if self._deferred.is_built:
            self.panel.shutdown()

    def _build(self) -> TrainingPanel:
        from fashion_desktop.gui.training.panel import TrainingPanel

        panel = TrainingPanel(self.window.worker, self.window, show_action=self.show_action)
        panel.useWeights.connect(self.window.load_weights)
        panel.stateChanged.connect(self.stateChanged)
        if self._live_model is not None:
            panel.set_live_model(self._live_model)
        return panel

    def _model_shown(self, info) -> None:
        self._live_model = info
        if self._deferred.is_built:
            self.panel.set_live_model(info)


def install(window) -> TrainingViews:
    """Add the Train dock and Model ▸ Train… to a MainWindow (an `ExtensibleWindow`)."""
    return TrainingViews(window)
