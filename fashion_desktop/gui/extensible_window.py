"""The window's public way to grow: add a dock, a menu, a menu entry, a toolbar or a toolbar action.

A feature view (the see-inside views, the Train panel, a future Map view or Export menu) adds
itself to the window through these calls, never through private attributes or fixed indexes:

    dock = window.add_dock(panel, window.tr("Map"), "mapDock", "right",
                           shortcut="Ctrl+Shift+M", hidden=True)   # toggle listed in View ▸ docks
    window.add_menu_action("file", export_action, section="export")
    window.add_menu("export", window.tr("E&xport"), sections=("images", "weights"))  # before View
    window.add_toolbar("inside", window.tr("See inside"), sections=("views", "switches"))
    window.add_toolbar_action("inside", dock.toggleViewAction(), section="views")
    window.add_under_preview(note_label)   # a caption under the 28 × 28 input preview

Menus and toolbars are found by a short name; inside each, actions sit in named *sections*
(separated by separators that appear only between non-empty sections), so the order is stated
by name and survives whatever else is added. The main window declares (see MainWindow):

    menus    file: open, export, quit · edit: history, picture, tools · samples: samples
             model: weights, training, network · device: devices
             view: docks, toolbars, overlays, layout · help: help
    toolbars tools: tools, brush, history, files

A section name not declared yet is created on first use, at the end of the menu or toolbar but
before a declared closing section (File's quit, View's layout: they stay last). Every dock gets
a stable object name (its saved position is restored by name) and its show/hide action in
View ▸ docks. `menu(name)`, `toolbar(name)` and `dock(name)` give back what was added.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

AREAS = {"left": Qt.DockWidgetArea.LeftDockWidgetArea, "right": Qt.DockWidgetArea.RightDockWidgetArea,
         "top": Qt.DockWidgetArea.TopDockWidgetArea, "bottom": Qt.DockWidgetArea.BottomDockWidgetArea}
CLOSING_SECTIONS = ("quit", "layout")  # a new section goes before these



def make_action(parent: QObject, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    """An action with its shortcut(s), status tip and slot: what every view adds to a menu or toolbar."""
    action = QAction(text, parent)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    return action

class Sections:
    """Named, ordered groups of actions in one QMenu or QToolBar, with separators between groups."""

    def __init__(self, widget: QMenu | QToolBar, names: tuple[str, ...] | list[str]) -> None:
        self.widget = widget
        self.order: list[str] = []
        self.members: dict[str, list[QAction]] = {}
        self.starts: dict[str, QAction] = {}  # the separator in front of each section but the first
        for name in names:
            self._create(name)

    def _create(self, name: str) -> None:
        closing = next((n for n in self.order if n in CLOSING_SECTIONS), None)
        separator = QAction(self.widget)
        separator.setSeparator(True)
        if closing is None:
            self.order.append(name)
            self.widget.addAction(separator)
        else:
            self.order.insert(self.order.index(closing), name)
            self.widget.insertAction(self.starts[closing], separator)
        self.members[name] = []
        self.starts[name] = separator
        self._update_separators()

    def add(self, action: QAction, section: str) -> QAction:
        """Append `action` to the end of `section` (created if new)."""
        if section not in self.members:
            self._create(section)
        following = self.order[self.order.index(section) + 1:]
        if following:
            self.widget.insertAction(self.starts[following[0]], action)
        else:
            self.widget.addAction(action)
        self.members[section].append(action)
        self._update_separators()
        return action

    def add_widget(self, widget: QWidget, section: str) -> QAction:
        """A widget in a toolbar section (a spin box, a label)."""
        assert isinstance(self.widget, QToolBar), "widgets go into toolbars"
        if section not in self.members:
            self._create(section)
        following = self.order[self.order.index(section) + 1:]
        before = self.starts[following[0]] if following else None
        action = self.widget.insertWidget(before, widget) if before else self.widget.addWidget(widget)
        self.members[section].append(action)
        self._update_separators()
        return action

    def _update_separators(self) -> None:
        """A separator shows only where a non-empty section follows another non-empty one."""
        seen = False
        for name in self.order:
            filled = bool(self.members[name])
            self.starts[name].setVisible(filled and seen)
            seen = seen or filled


class ExtensibleWindow(QMainWindow):
    """A QMainWindow with named menus, toolbars and docks that views add themselves to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._menus: dict[str, QMenu] = {}
        self._menu_sections: dict[str, Sections] = {}
        self._toolbars: dict[str, QToolBar] = {}
        self._toolbar_sections: dict[str, Sections] = {}
        self._docks: dict[str, QDockWidget] = {}
        self._under_preview: QBoxLayout | None = None  # the column under the input preview (set by the window)

    # ------------------------------------------------------------ menus

    def add_menu(self, name: str, title: str, sections: tuple[str, ...] = (), before: str | None = "view") -> QMenu:
        """A new menu-bar menu, placed before the menu named `before` (None or unknown: at the end)."""
        if name in self._menus:
            raise ValueError(f"there is a menu named {name!r} already")
        menu = QMenu(title, self)
        menu.setObjectName(f"{name}Menu")
        menu.setToolTipsVisible(True)
        anchor = self._menus.get(before) if before else None
        if anchor is not None:
            self.menuBar().insertMenu(anchor.menuAction(), menu)
        else:
            self.menuBar().addMenu(menu)
        self._menus[name] = menu
        self._menu_sections[name] = Sections(menu, sections or (name,))
        return menu

    def menu(self, name: str) -> QMenu:
        """A menu by its short name ('file', 'edit', 'samples', 'model', 'device', 'view', 'help', …)."""
        return self._menus[name]

    def add_menu_action(self, menu: str, action: QAction, section: str | None = None) -> QAction:
        """Put `action` at the end of `section` of the named menu (default: its last declared section
        that is not a closing one)."""
        sections = self._menu_sections[menu]
        return sections.add(action, section or _default_section(sections))

    # ------------------------------------------------------------ toolbars

    def add_toolbar(self, name: str, title: str, sections: tuple[str, ...] = ()) -> QToolBar:
        """A new text-only toolbar at the top, its show/hide action in View ▸ toolbars."""
        if name in self._toolbars:
            raise ValueError(f"there is a toolbar named {name!r} already")
        bar = QToolBar(title, self)
        bar.setObjectName(f"{name}ToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self._toolbars[name] = bar
        self._toolbar_sections[name] = Sections(bar, sections or (name,))
        if "view" in self._menus:
            self.add_menu_action("view", bar.toggleViewAction(), "toolbars")
        return bar

    def toolbar(self, name: str) -> QToolBar:
        return self._toolbars[name]

    def add_toolbar_action(self, toolbar: str, action: QAction, section: str | None = None) -> QAction:
        """Put `action` at the end of `section` of the named toolbar (default: its last section)."""
        sections = self._toolbar_sections[toolbar]
        return sections.add(action, section or sections.order[-1])

    def add_toolbar_widget(self, toolbar: str, widget: QWidget, section: str | None = None) -> QAction:
        sections = self._toolbar_sections[toolbar]
        return sections.add_widget(widget, section or sections.order[-1])

    # ------------------------------------------------------------ docks

    def add_dock(self, widget: QWidget, title: str, name: str, area: str | Qt.DockWidgetArea = "right", *,
                 tab_with: QDockWidget | None = None, split_from: QDockWidget | None = None,
                 orientation: Qt.Orientation = Qt.Orientation.Vertical, hidden: bool = False,
                 shortcut: str | None = None, menu_section: str | None = "docks") -> QDockWidget:
        """A movable, floatable, closable dock named `name` (its saved position is restored by this name).

        `tab_with` puts it as a tab beside that dock; `split_from` splits that dock's space with it
        (`orientation`). Its show/hide action goes into View ▸ `menu_section` (None: no entry), with
        `shortcut` if given. `hidden`: out of the way until the user shows it.
        """
        if name in self._docks:
            raise ValueError(f"there is a dock named {name!r} already")
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(AREAS[area] if isinstance(area, str) else area, dock)
        if split_from is not None:
            self.splitDockWidget(split_from, dock, orientation)
        if tab_with is not None:
            was_hidden = tab_with.isHidden()
            tab_with.show()  # Qt tabs a dock only with one that is in the layout
            self.tabifyDockWidget(tab_with, dock)
            tab_with.raise_()
            tab_with.setHidden(was_hidden)  # hidden, it keeps its place in the tab group
        if shortcut:
            dock.toggleViewAction().setShortcut(QKeySequence(shortcut))
        if menu_section and "view" in self._menus:
            self.add_menu_action("view", dock.toggleViewAction(), menu_section)
        if hidden:
            dock.hide()
        self._docks[name] = dock
        return dock

    def dock(self, name: str) -> QDockWidget:
        """A dock by the object name it was added with."""
        return self._docks[name]

    def docks(self) -> list[QDockWidget]:
        return list(self._docks.values())

    # ------------------------------------------------------------ the central area

    def add_under_preview(self, widget: QWidget) -> None:
        """A widget in the column under the network's input preview (after what is there already)."""
        column = self._under_preview
        if column is None:
            raise RuntimeError("this window has no preview column")
        column.insertWidget(column.count() - 1, widget)  # the last item is the stretch


def _default_section(sections: Sections) -> str:
    usable = [name for name in sections.order if name not in CLOSING_SECTIONS]
    return usable[-1] if usable else sections.order[-1]
