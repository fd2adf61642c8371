"""The window around the views: settings, docks, menus, dialogs, start-up states."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from fashion_desktop import APP_ID, __version__
from fashion_desktop.gui.panels.probabilities import EMPTY, ERROR, LOADING


def test_settings_persist_between_windows(make_window, random_weights, tmp_path):
    settings = QSettings(str(tmp_path / "persist.ini"), QSettings.Format.IniFormat)
    first = make_window(weights=random_weights, settings_=settings)
    first.brush_spin.setValue(37)
    first.set_device("cpu")
    first.parameters_dock.hide()
    first.resize(760, 560)  # within the offscreen screen (800 × 600): restoreGeometry clamps to it
    size = (first.width(), first.height())
    assert size != (1280, 820)  # not the default size
    first.remember_folder(tmp_path / "some.png")
    first.close()
    second = make_window(weights=random_weights, device=None, settings_=settings)
    assert second.canvas.brush_size == 37
    assert second.device_actions["cpu"].isChecked()
    assert second.parameters_dock.isHidden()
    assert (second.width(), second.height()) == size
    assert second.last_folder() == str(tmp_path.resolve())


def test_docks_can_be_hidden_and_restored_from_the_view_menu(window):
    docks = (window.probabilities_dock, window.layers_dock, window.parameters_dock)
    view_actions = {action.text() for action in window.view_menu.actions()}
    for dock in docks:
        assert dock.toggleViewAction().text() in view_actions
        dock.toggleViewAction().trigger()
        assert dock.isHidden()
    window.reset_layout()
    assert all(dock.isVisible() for dock in docks)


def test_panels_show_loading_until_the_worker_has_the_model(make_window, random_weights, qtbot, wait_idle):
    window = make_window(weights=random_weights, start=False)
    assert window.isVisible() and window.model_info is None
    assert window.probabilities.state == LOADING
    assert "Loading" in window.layer_tree.topLevelItem(0).text(0)
    assert window.parameters.table.rowCount() == 0 and "Loading" in window.parameters.total.text()
    window.start()
    qtbot.waitUntil(lambda: window.model_info is not None, timeout=60_000)
    wait_idle(window)
    assert window.probabilities.state == EMPTY
    assert window.parameters.table.rowCount() == 6


def test_missing_weights_at_start_are_explained(make_window, qtbot, tmp_path):
    window = make_window(weights=tmp_path / "nowhere.pth", wait_for_model=False)
    qtbot.waitUntil(lambda: bool(window.startup_error), timeout=60_000)
    assert "not found" in window.startup_error
    assert window.probabilities.state == ERROR
    assert window.last_message is not None and "Open weights" in window.last_message[1]


def test_about_and_guide(window, qtbot):
    from fashion_desktop.gui.dialogs import about_text

    window.show_about()
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None and box.isVisible()
    text = about_text(window.model_info)
    import torch
    from PySide6.QtCore import qVersion

    assert __version__ in text and torch.__version__ in text and qVersion() in text and "cpu" in text
    box.close()
    window.show_guide()
    guide = window.findChild(QDialog, "guideDialog")
    assert guide is not None and guide.isVisible()
    guide.close()


def test_every_menu_action_has_text_and_key_ones_have_shortcuts(window):
    for action in (window.open_action, window.save_action, window.paste_action, window.undo_action,
                   window.redo_action, window.clear_action, window.guide_action, window.open_weights_action):
        assert action.shortcuts(), action.text()
    for menu in window.menuBar().findChildren(type(window.samples_menu)):
        for action in menu.actions():
            assert action.isSeparator() or action.text()


def test_create_application_names_the_app(qapp):
    from fashion_desktop.gui.app import create_application

    app = create_application([])
    assert app is qapp
    assert app.desktopFileName() == APP_ID
    assert not app.windowIcon().isNull()
    assert app.applicationVersion() == __version__


def test_tool_and_brush_shortcuts(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.canvas.setFocus()
    QTest.keyClick(window, Qt.Key.Key_E)
    assert window.canvas.tool == "eraser" and window.tool_actions["eraser"].isChecked()
    QTest.keyClick(window, Qt.Key.Key_F)
    assert window.canvas.tool == "fill"
    QTest.keyClick(window, Qt.Key.Key_B)
    assert window.canvas.tool == "brush"
    size = window.canvas.brush_size
    QTest.keyClick(window, Qt.Key.Key_BracketRight)
    assert window.canvas.brush_size > size and window.brush_spin.value() == window.canvas.brush_size
    QTest.keyClick(window, Qt.Key.Key_BracketLeft)
    QTest.keyClick(window, Qt.Key.Key_BracketLeft)
    assert window.canvas.brush_size < size


def test_samples_menu_has_one_item_per_class_and_opens_it(make_window, random_weights, tmp_path, monkeypatch,
                                                          wait_idle):
    """With stand-in files: the menu code is tested even where the shipped samples are missing."""
    import numpy as np
    from PIL import Image

    import fashion_desktop.images.samples as samples
    from fashion_desktop.classes import CLASS_NAMES

    for class_index, test_index in ((1, 5), (1, 9), (7, 3)):
        pixels = np.zeros((28, 28), np.uint8)
        pixels[3:25, 8 + class_index : 20] = 220
        Image.fromarray(pixels).save(tmp_path / samples.sample_name(class_index, test_index))
    real = samples.list_samples
    monkeypatch.setattr(samples, "list_samples", lambda folder=None: real(tmp_path))
    window = make_window(weights=random_weights)
    assert [a.text() for a in window.sample_actions] == [f"&2  {CLASS_NAMES[1]}", f"&8  {CLASS_NAMES[7]}"]
    assert window.sample_actions[0].shortcut().toString() == "Ctrl+2"
    window.sample_actions[1].trigger()
    wait_idle(window)
    from fashion_desktop.images.preprocess import prepare_file

    assert np.array_equal(window.preview.pixels(), prepare_file(tmp_path / samples.sample_name(7, 3)).pixels)
