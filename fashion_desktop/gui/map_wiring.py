"""Put the Map view into the window: a dock (View menu, "See inside" toolbar), fed by the window's signals.

`install(window)` is all the main window calls. The view hears about models through
`window.modelShown` (the untrained switch too), about the drawing through `window.predictionShown`,
and about training through the Train panel's trainer (a map after each epoch). A click on a test
image puts it on the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence

from fashion_desktop.gui.panels.map_view import MapPanel


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapPanel", text)


def install(window) -> tuple[MapPanel, object]:
    """Add the Map dock (hidden until asked for) to a MainWindow; returns (panel, dock)."""
    panel = MapPanel(window)
    dock = window._dock(panel, _tr("Map"), "mapDock", Qt.DockWidgetArea.LeftDockWidgetArea)
    dock.hide()
    action = dock.toggleViewAction()
    action.setText(_tr("&Map of the test set"))
    action.setIconText(_tr("Map"))
    action.setShortcut(QKeySequence("Ctrl+Shift+M"))
    tip = _tr("The 10,000 test images placed by a layer's activations, and your drawing among them")
    action.setStatusTip(tip)
    action.setToolTip(tip)
    window.view_menu.insertAction(window.saliency_action, action)  # with the other see-inside views
    bar = getattr(window, "inside_bar", None)
    if bar is not None:
        bar.insertAction(bar.actions()[bar.actions().index(window.testset_dock.toggleViewAction()) + 1], action)

    def first_show(visible: bool) -> None:
        if visible and not dock.isFloating() and dock.width() < 600:
            window.resizeDocks([dock], [640], Qt.Orientation.Horizontal)

    dock.visibilityChanged.connect(first_show)
    window.modelShown.connect(lambda info: panel.set_model_state(
        info.state, _tr("untrained (random weights)") if info.untrained else ""))
    window.predictionShown.connect(panel.show_result)

    def open_test_image(pixels, name: str) -> None:
        window.canvas.load_pixels(pixels)
        window.statusBar().showMessage(_tr("Opened {0}").format(name), 8000)

    panel.imageChosen.connect(open_test_image)
    training = getattr(window, "training_panel", None)
    if training is not None:
        def follow_trainer(state: str) -> None:
            trainer = getattr(training, "trainer", None)
            if state == "starting" and trainer is not None:
                trainer.snapshotReady.connect(panel.show_training_snapshot)

        training.stateChanged.connect(follow_trainer)
    return panel, dock
