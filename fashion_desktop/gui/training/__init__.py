"""Training in the window: the Train panel, its training thread, the data download, and the wiring.

`install(window)` is all the main window calls: it adds the panel as a dock (hidden until asked
for) and its action to Model ▸ training through the window's public API, connects it to the
window's model and worker, and names the Prediction dock after the network answering while a
training preview is on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget

from fashion_desktop.gui.training.panel import TrainingPanel

__all__ = ["TrainingPanel", "install"]

translate = QCoreApplication.translate  # with literal arguments, so that pyside6-lupdate finds them


def install(window) -> tuple[TrainingPanel, QDockWidget]:
    """Add the Train dock to a MainWindow (an `ExtensibleWindow`); returns (panel, dock)."""
    panel = TrainingPanel(window.worker, window)
    layers, parameters = window.dock("layersDock"), window.dock("parametersDock")
    dock = window.add_dock(panel, translate("TrainingPanel", "Train"), "trainingDock", "bottom", tab_with=parameters,
                           hidden=True)
    window.add_menu_action("model", panel.show_action, "training")

    def show_panel() -> None:
        """Make room: the bottom docks become tabs with Train in front (Reset layout undoes it)."""
        if dock.isHidden() and not dock.isFloating() and window.dockWidgetArea(dock) == window.dockWidgetArea(
                layers) == window.dockWidgetArea(parameters):
            window.tabifyDockWidget(layers, parameters)
            window.tabifyDockWidget(layers, dock)
        dock.show()
        dock.raise_()
        window.resizeDocks([dock], [max(dock.height(), 400)], Qt.Orientation.Vertical)

    panel.show_action.triggered.connect(show_panel)
    window.modelShown.connect(panel.set_live_model)
    panel.useWeights.connect(window.load_weights)
    prediction = window.dock("probabilitiesDock")
    title = prediction.windowTitle()

    def name_prediction_dock(result) -> None:
        if result.prediction is not None:
            prediction.setWindowTitle(translate("TrainingPanel", "{0} — {1}").format(title, result.preview)
                                      if result.preview else title)

    window.predictionShown.connect(name_prediction_dock)
    return panel, dock
