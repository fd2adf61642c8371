"""Docks that start hidden are built when first shown (issue 14: the first paint waits only for what it shows).

What a person relies on: the window paints without importing the hidden views, and opening one of
them from its menu gives the same working view, showing what the window already knows (the model,
the drawing's last answer, the parameter picked), as if it had been built at start.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np

from fashion_desktop.images.samples import list_samples

ROOT = Path(__file__).resolve().parents[2]
DEFERRED_MODULES = ("fashion_desktop.gui.panels.activations", "fashion_desktop.gui.panels.weights",
                    "fashion_desktop.gui.panels.testset", "fashion_desktop.gui.panels.folder_view",
                    "fashion_desktop.gui.chart_export",
                    "fashion_desktop.gui.model_export")


def test_the_window_is_built_without_the_hidden_views_and_opening_each_imports_and_builds_it(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from fashion_desktop.gui.main_window import MainWindow
        window = MainWindow(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat), device="cpu")
        deferred = {DEFERRED_MODULES!r}
        early = [m for m in deferred if m in sys.modules]
        assert not early, early
        window.show()
        for dock, module, kind in (
                (window.inside.activations_dock, "fashion_desktop.gui.panels.activations", "ActivationsPanel"),
                (window.inside.weights_dock, "fashion_desktop.gui.panels.weights", "WeightsPanel"),
                (window.inside.testset_dock, "fashion_desktop.gui.panels.testset", "TestSetPanel"),
                (window.exports.folder_dock, "fashion_desktop.gui.panels.folder_view", "FolderView")):
            assert not dock.isVisible() and type(dock.widget()).__name__ == "QWidget"
            dock.toggleViewAction().trigger()  # View ▸ …
            dock.raise_()  # a dock shown as a tab behind another is built when its tab is chosen
            app.processEvents()
            assert module in sys.modules, module
            assert type(dock.widget()).__name__ == kind and dock.widget().isVisible(), (kind, dock.widget())
        window.shutdown()
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=180,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr


def test_views_opened_after_the_first_answer_show_what_the_window_already_knows(window, qtbot, wait_idle):
    coat = next(s for s in list_samples() if s.class_index == 4)
    window.open_path(coat.path)
    wait_idle(window)
    window.parameters.table.selectRow(2)  # linear_relu_stack.2.weight, picked while the Weights view is hidden

    window.inside.activations_dock.toggleViewAction().trigger()
    panel = window.inside.activations_dock.widget()
    qtbot.waitUntil(lambda: panel.draws >= 1, timeout=5000)  # the coat's answer, without a new stroke
    assert np.allclose(panel.shown["softmax"].reshape(-1), window.probabilities.probabilities(), atol=1e-6)

    window.inside.weights_dock.toggleViewAction().trigger()  # a tab behind Activations:
    window.inside.weights_dock.raise_()  # built when its tab is chosen
    weights = window.inside.weights_dock.widget()
    qtbot.waitUntil(weights.isVisible, timeout=5000)
    assert weights.name == "linear_relu_stack.2.weight" and weights.kind == "matrix"
    assert weights._image.image.shape == (512, 512)  # drawn from the model handed over at build


def test_the_folder_view_opened_from_its_dock_classifies_a_folder(window, qtbot, tmp_path):
    folder = tmp_path / "pictures"
    folder.mkdir()
    for sample in list_samples()[:3]:
        shutil.copy(sample.path, folder / sample.path.name)
    window.exports.folder_dock.toggleViewAction().trigger()
    view = window.exports.folder_dock.widget()
    assert view is window.exports.folder_view and view.isVisible()
    with qtbot.waitSignal(view.finished, timeout=60_000):
        assert window.exports.classify_folder(folder)
    assert len(view.model.rows) == 3 and all(row.ok for row in view.model.rows)


def test_a_view_the_saved_layout_shows_is_built_for_the_first_paint(make_window, random_weights, qtbot):
    first = make_window(weights=random_weights)
    first.inside.activations_dock.show()
    first.close()  # saves the layout with the Activations dock open
    again = make_window(weights=random_weights, start=False)
    dock = again.inside.activations_dock
    assert dock.isVisible() and type(dock.widget()).__name__ == "ActivationsPanel" and dock.widget().isVisible()
    assert type(again.inside.weights_dock.widget()).__name__ == "QWidget"  # still hidden: still not built


def test_the_charts_on_screen_at_start_get_their_export_menu_after_the_first_answer(window, qtbot):
    from PySide6.QtCore import Qt

    from fashion_desktop.gui import chart_export

    chart = chart_export.find_charts(window.probabilities)[0]
    qtbot.waitUntil(lambda: chart.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu, timeout=5000)
    assert chart in [widget for _name, widget in window.exports.charts()]
