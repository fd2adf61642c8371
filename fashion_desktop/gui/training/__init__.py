"""Training in the window: the Train panel, its training thread, the data download, and the wiring.

`install(window)` is all the main window calls: it builds the panel in a dock (hidden until
asked for), connects it to the window's model and worker, and names the Prediction dock after
the network answering while a training preview is on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from fashion_desktop.gui.training.panel import TrainingPanel

__all__ = ["TrainingPanel", "install"]

translate = QCoreApplication.translate  # with literal arguments, so that pyside6-lupdate finds them


def install(window) -> tuple[TrainingPanel, object]:
    """Add the Train dock to a MainWindow (from `_build_docks`); returns (panel, dock)."""
    panel = TrainingPanel(window.worker, window)
    dock = window._dock(panel, translate("TrainingPanel",
            "Train"), "trainingDock", Qt.DockWidgetArea.BottomDockWidgetArea)
    window.tabifyDockWidget(window.parameters_dock, dock)
    window.parameters_dock.raise_()
    dock.hide()

    def show_panel() -> None:
        """Make room: the bottom docks become tabs with Train in front (Reset layout undoes it)."""
        if dock.isHidden() and not dock.isFloating() and window.dockWidgetArea(dock) == window.dockWidgetArea(
                window.layers_dock) == window.dockWidgetArea(window.parameters_dock):
            window.tabifyDockWidget(window.layers_dock, window.parameters_dock)
            window.tabifyDockWidget(window.layers_dock, dock)
        dock.show()
        dock.raise_()
        window.resizeDocks([dock], [max(dock.height(), 400)], Qt.Orientation.Vertical)

    panel.show_action = QAction(translate("TrainingPanel", "&Train the network…"), window)
    panel.show_action.setShortcut(QKeySequence("Ctrl+T"))
    panel.show_action.setStatusTip(translate("TrainingPanel",
            "Train the tutorial's network on Fashion-MNIST and watch it learn"))
    panel.show_action.triggered.connect(show_panel)
    window.modelShown.connect(panel.set_live_model)
    panel.useWeights.connect(window.load_weights)
    title = window.probabilities_dock.windowTitle()

    def name_prediction_dock(result) -> None:
        if result.prediction is not None:
            window.probabilities_dock.setWindowTitle(
                translate("TrainingPanel", "{0} — {1}").format(title, result.preview) if result.preview else title)

    window.predictionShown.connect(name_prediction_dock)
    return panel, dock
