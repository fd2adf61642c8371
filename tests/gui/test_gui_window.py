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
    first._remember_folder(tmp_path / "some.png")
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
