"""Docks whose content is built when first needed, so that the window's first paint waits only for
what it shows.

Start-up (issue 14) is dominated by importing and building views the first paint does not show:
the see-inside panels, the Folder view, the Train panel, all in docks that start hidden. A
`DeferredDock` adds the dock at once (its object name, title, place, View-menu action and
shortcut exactly as before, so `saveState`/`restoreState` and the menus do not change) holding
an empty placeholder, and builds the real content, imports included, the first time either

- the dock becomes visible (View menu, toolbar, shortcut, a restored layout, `dock.show()`), or
- someone asks for it (`widget()`, e.g. through a view's `panel` property).

A dock the saved layout shows at start is built before the first paint (`build_if_shown`).
The view that owns a deferred dock keeps the latest state its panel would have been given and
hands it over when the panel is built (the `built` signal, or its builder).

`AfterFirstPaint` runs an action once a widget has painted for the first time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QWidget


class DeferredDock(QObject):
    """A dock added now whose content widget `build()` makes on first show or first use."""

    built = Signal(object)  # the content widget, once, right after it went into the dock

    def __init__(self, window, build: Callable[[], QWidget], title: str, name: str, area: str = "right",
                 **dock_options) -> None:
        super().__init__(window)
        self._build = build
        self._widget: QWidget | None = None
        self._building = False
        placeholder = QWidget()
        placeholder.setObjectName(f"{name}Placeholder")
        self.dock: QDockWidget = window.add_dock(placeholder, title, name, area, **dock_options)
        self.dock.visibilityChanged.connect(self._visibility_changed)

    @property
    def is_built(self) -> bool:
        return self._widget is not None

    def widget(self) -> QWidget:
        """The content, built now if it was not yet."""
        if self._widget is None:
            if self._building:  # a builder must not need its own result
                raise RuntimeError(f"{self.dock.objectName()}: its content was asked for while being built")
            self._building = True
            try:
                widget = self._build()
            finally:
                self._building = False
            self._widget = widget  # before it is shown: what its showEvent sets off may ask for it
            placeholder = self.dock.widget()
            self.dock.setWidget(widget)
            if placeholder is not None and placeholder is not widget:
                placeholder.deleteLater()
            if self.dock.isVisible():
                widget.show()  # now, not at the layout's queued show: the dock's next paint has it
            self.built.emit(widget)
        return self._widget

    def build_if_shown(self) -> None:
        """Build now when the dock is to be shown with the window (a restored layout showed it)."""
        if not self.dock.isHidden():
            self.widget()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.widget()


class AfterFirstPaint(QObject):
    """Runs `action` once `widget` has painted for the first time (the window is on screen)."""

    def __init__(self, widget: QWidget, action) -> None:
        super().__init__(widget)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._action is not None:
            action, self._action = self._action, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, action)
        return False
