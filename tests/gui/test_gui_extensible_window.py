"""The window's public API for views: docks, menu entries and toolbar actions by name, never by index."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from fashion_desktop.gui.extensible_window import ExtensibleWindow
from fashion_desktop.gui.widgets.confusion import ConfusionTable


def _shown(widget) -> list[str]:
    """The visible entries of a menu or toolbar, separators as '|'."""
    return ["|" if a.isSeparator() else a.text() for a in widget.actions() if a.isVisible()]


@pytest.fixture
def bare(qtbot):
    window = ExtensibleWindow()
    qtbot.addWidget(window)
    window.add_menu("file", "File", ("open", "export", "quit"))
    window.add_menu("view", "View", ("docks", "toolbars", "layout"))
    return window


def test_actions_land_in_their_named_section_whatever_the_order_of_adding(bare):
    add = bare.add_menu_action
    add("file", QAction("Quit", bare), "quit")
    add("file", QAction("Open", bare), "open")
    assert _shown(bare.menu("file")) == ["Open", "|", "Quit"]  # no separator for the empty export section
    add("file", QAction("Export PNG", bare), "export")
    add("file", QAction("Paste", bare), "open")
    add("file", QAction("Export CSV", bare), "export")
    assert _shown(bare.menu("file")) == ["Open", "Paste", "|", "Export PNG", "Export CSV", "|", "Quit"]
    add("file", QAction("Recent", bare), "recent")  # a new section: before the closing Quit section
    assert _shown(bare.menu("file"))[-3:] == ["Recent", "|", "Quit"]
    add("file", QAction("Print", bare))  # no section: the last one that is not a closing one
    assert _shown(bare.menu("file"))[-4:] == ["Recent", "Print", "|", "Quit"]


def test_a_new_menu_goes_before_the_named_one(bare):
    bare.add_menu("export", "Export", before="view")
    titles = [a.text() for a in bare.menuBar().actions()]
    assert titles == ["File", "Export", "View"]
    assert isinstance(bare.menu("export"), QMenu)
    with pytest.raises(ValueError):
        bare.add_menu("export", "Again")


def test_a_dock_gets_its_name_its_view_entry_and_its_shortcut(bare):
    first = bare.add_dock(QLabel("a"), "Map", "mapDock", "right", shortcut="Ctrl+Shift+M", hidden=True)
    assert bare.dock("mapDock") is first and first.objectName() == "mapDock" and first.isHidden()
    assert bare.dockWidgetArea(first) == Qt.DockWidgetArea.RightDockWidgetArea
    toggle = first.toggleViewAction()
    assert toggle in bare.menu("view").actions() and toggle.shortcut().toString() == "Ctrl+Shift+M"
    second = bare.add_dock(QLabel("b"), "Folders", "foldersDock", "right", tab_with=first)  # beside a hidden one
    assert first.isHidden() and not second.isHidden()
    first.show()
    assert second in bare.tabifiedDockWidgets(first)
    unlisted = bare.add_dock(QLabel("c"), "Quiet", "quietDock", menu_section=None)
    assert unlisted.toggleViewAction() not in bare.menu("view").actions()
    with pytest.raises(ValueError):
        bare.add_dock(QLabel("d"), "Map again", "mapDock")


def test_toolbar_sections_and_their_view_entry(bare):
    bar = bare.add_toolbar("inside", "See inside", ("views", "switches"))
    assert bar.toggleViewAction() in bare.menu("view").actions()
    bare.add_toolbar_action("inside", QAction("Why?", bare), "switches")
    assert _shown(bar) == ["Why?"]
    bare.add_toolbar_action("inside", QAction("Weights", bare), "views")
    bare.add_toolbar_widget("inside", QLabel("size"), "views")
    assert [("|" if a.isSeparator() else a.text()) for a in bar.actions() if a.isVisible()][0] == "Weights"
    assert _shown(bar)[-2:] == ["|", "Why?"]


def test_views_of_the_real_window_use_the_api_and_a_new_one_can_join(make_window):
    window = make_window(start=False)
    view = window.menu("view")
    for name in ("activationsDock", "weightsDock", "testsetDock", "trainingDock"):
        assert window.dock(name).toggleViewAction() in view.actions()
    window.inside.activations_dock.show()
    window.inside.weights_dock.show()
    assert window.inside.weights_dock in window.tabifiedDockWidgets(window.inside.activations_dock)
    assert window.inside.saliency_action in view.actions()
    assert window.training_panel.show_action in window.menu("model").actions()
    assert window.inside.untrained_action in window.menu("model").actions()
    assert _shown(view)[-1] == "&Reset layout"  # the closing section stays last
    note = QLabel("under the preview")
    window.add_under_preview(note)
    assert window.centralWidget().isAncestorOf(note) and note.parentWidget() is window.preview.parentWidget()
    assert note.geometry().top() >= window.preview.geometry().bottom() or not note.isVisible()


def test_one_confusion_table_shows_counts_and_differences():
    matrix = np.zeros((10, 10), np.int64)
    np.fill_diagonal(matrix, 90)
    matrix[6, 0] = 10  # shirts taken for T-shirts
    table = ConfusionTable()
    table.show_counts(matrix)
    assert table.item(6, 0).text() == "10" and "Shirt" in table.item(6, 0).toolTip()
    right, wrong = table.item(0, 0).background().color(), table.item(6, 0).background().color()
    assert right.green() > right.red() and wrong.red() > wrong.green()
    difference = np.zeros((10, 10), np.int64)
    difference[2, 2], difference[2, 4], difference[4, 2] = 5, 3, -3
    table.show_difference(difference, "the shipped model")
    assert [table.item(*cell).text() for cell in ((2, 2), (2, 4), (4, 2), (0, 0))] == ["+5", "+3", "-3", "0"]
    better, worse = table.item(2, 2).background().color(), table.item(2, 4).background().color()
    assert better.green() > better.red() and worse.red() > worse.green()
    assert table.item(4, 2).background().color().green() > table.item(4, 2).background().color().red()
    table.clear_matrix()
    assert table.item(2, 2) is None and table.matrix is None
