"""The main window's own actions, menus and drawing toolbar, including the Device menu.

A mixin of `MainWindow`, kept out of main_window.py so that file holds the window's flow (inputs
to the worker, results to the views) and this one what the user can click. The menus and the
toolbar are declared here by name with their sections (see `extensible_window` for the API other
views use to add to them). The device list the Device menu offers is `DEVICE_KINDS`.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QSpinBox

from fashion_desktop import APP_NAME
from fashion_desktop.classes import class_name
from fashion_desktop.gui.canvas import BRUSH, ERASER, FILL, MAX_BRUSH, MIN_BRUSH, DrawingCanvas
from fashion_desktop.gui.extensible_window import make_action
from fashion_desktop.gui.language import language_menu
from fashion_desktop.images import samples
from fashion_desktop.network.device_choices import CONTEXT as DEVICE_CONTEXT
from fashion_desktop.network.device_choices import DEVICE_KINDS


class WindowMenus:
    """Builds the window's actions (`open_action`, `tool_actions`, `device_actions`, …), menus and toolbar."""

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        return make_action(self, text, slot, shortcut, tip)

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.open_action = self._action(self.tr("&Open picture…"), self.open_dialog, key.Open,
                                        self.tr("Open a picture of a garment"))
        self.save_action = self._action(self.tr("&Save drawing…"), self.save_dialog, key.Save,
                                        self.tr("Save the canvas as a PNG file"))
        self.paste_action = self._action(self.tr("&Paste picture"), self.paste, key.Paste,
                                         self.tr("Classify the picture on the clipboard"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.undo_action = self.canvas.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(key.Undo)])
        self.redo_action = self.canvas.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.clear_action = self._action(self.tr("&Clear"), self.canvas.clear,
                                         [key.Delete, QKeySequence("Ctrl+Backspace")],
                                         self.tr("Erase the whole canvas"))
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        for tool, text, shortcut, tip in (
            (BRUSH, self.tr("&Brush"), "B", self.tr("Draw light strokes")),
            (ERASER, self.tr("&Eraser"), "E", self.tr("Erase back to black")),
            (FILL, self.tr("&Fill"), "F", self.tr("Click inside a closed outline to fill it")),
        ):
            action = self._action(text, partial(self.set_tool, tool), shortcut, tip)
            action.setCheckable(True)
            self.tool_group.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions[BRUSH].setChecked(True)
        self.bigger_action = self._action(self.tr("Bigger brush"), partial(self._step_brush, 1.25), "]")
        self.smaller_action = self._action(self.tr("Smaller brush"), partial(self._step_brush, 0.8), "[")
        self.open_weights_action = self._action(
            self.tr("Open &weights…"), self.open_weights_dialog, "Ctrl+Shift+O",
            self.tr("Load a state_dict saved by the tutorial (.pth, .pt) or a .safetensors file"))
        self.shipped_weights_action = self._action(self.tr("Use the &shipped weights"),
                                                   partial(self.load_weights, None))
        self.guide_action = self._action(self.tr("&Guide"), self.show_guide, key.HelpContents)
        self.about_action = self._action(self.tr("&About {0}").format(APP_NAME), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self, requested_device: str) -> None:
        """The menu bar, each menu with named sections that other views add to."""
        for name, title, sections in (
            ("file", self.tr("&File"), ("open", "export", "quit")),
            ("edit", self.tr("&Edit"), ("history", "picture", "tools")),
            ("samples", self.tr("&Samples"), ("samples",)),
            ("model", self.tr("&Model"), ("weights", "training", "network")),
            ("device", self.tr("&Device"), ("devices",)),
            ("view", self.tr("&View"), ("docks", "toolbars", "overlays", "language", "layout")),
            ("help", self.tr("&Help"), ("help",)),
        ):
            self.add_menu(name, title, sections, before=None)
        for menu, section, actions in (
            ("file", "open", [self.open_action, self.paste_action, self.save_action]),
            ("file", "quit", [self.quit_action]),
            ("edit", "history", [self.undo_action, self.redo_action]),
            ("edit", "picture", [self.paste_action, self.clear_action]),
            ("edit", "tools", [*self.tool_actions.values(), self.bigger_action, self.smaller_action]),
            ("model", "weights", [self.open_weights_action, self.shipped_weights_action]),
            ("view", "layout", [self._action(self.tr("&Reset layout"), self.reset_layout)]),
            ("view", "language", [language_menu(self, self.settings).menuAction()]),  # System / English / 简体中文
            ("help", "help", [self.guide_action, self.about_action]),
        ):
            for action in actions:
                self.add_menu_action(menu, action, section)
        self.samples_menu, self.model_menu = self.menu("samples"), self.menu("model")
        self.device_menu, self.view_menu = self.menu("device"), self.menu("view")
        self._build_samples_menu()
        self._build_device_menu(requested_device)

    def _build_samples_menu(self) -> None:
        first: dict[int, object] = {}
        for sample in samples.list_samples():
            first.setdefault(sample.class_index, sample)
        self.sample_actions: list[QAction] = []
        for index, sample in sorted(first.items()):
            shortcut = f"Ctrl+{(index + 1) % 10}"
            action = self._action(f"&{(index + 1) % 10}  {class_name(index)}", partial(self.open_path, sample.path),
                                  shortcut, self.tr("A real Fashion-MNIST test image (#{0})").format(sample.test_index))
            self.add_menu_action("samples", action)
            self.sample_actions.append(action)
        if not first:
            none = QAction(self.tr("No samples are installed"), self)
            none.setEnabled(False)
            self.add_menu_action("samples", none)

    def _build_toolbar(self) -> None:
        self.tools_bar = self.add_toolbar("tools", self.tr("Drawing tools"), ("tools", "brush", "history", "files"))
        for action in self.tool_actions.values():
            self.add_toolbar_action("tools", action, "tools")
        self.add_toolbar_widget("tools", QLabel(self.tr(" Brush size "), self.tools_bar), "brush")
        self.brush_spin = QSpinBox(self.tools_bar)
        self.brush_spin.setObjectName("brushSize")
        self.brush_spin.setRange(MIN_BRUSH, MAX_BRUSH)
        self.brush_spin.setValue(self.canvas.brush_size)
        self.brush_spin.setSuffix(self.tr(" px"))
        self.brush_spin.setToolTip(self.tr("Brush size in canvas pixels (the canvas is {0} × {0}); [ and ] change it")
                                   .format(DrawingCanvas.SIZE))
        self.brush_spin.valueChanged.connect(self.canvas.set_brush_size)
        self.add_toolbar_widget("tools", self.brush_spin, "brush")
        for action in (self.undo_action, self.redo_action, self.clear_action):
            self.add_toolbar_action("tools", action, "history")
        for action in (self.open_action, self.paste_action):
            self.add_toolbar_action("tools", action, "files")

    def set_tool(self, tool: str) -> None:
        self.canvas.set_tool(tool)
        self.tool_actions[tool].setChecked(True)

    def _step_brush(self, factor: float) -> None:
        """[ and ]: change the brush by a factor, at least one pixel, so small brushes still move."""
        size = self.canvas.brush_size
        step = round(size * factor) - size
        self.brush_spin.setValue(size + (step or (1 if factor > 1 else -1)))

    # ------------------------------------------------------------ the Device menu

    def _build_device_menu(self, requested_device: str) -> None:
        self.device_group = QActionGroup(self)
        self.device_actions: dict[str, QAction] = {}
        for choice in DEVICE_KINDS:
            kind = choice.name
            action = QAction(QCoreApplication.translate(DEVICE_CONTEXT, choice.label), self)
            action.setCheckable(True)
            action.setData(kind)
            if choice.accelerator:
                action.setEnabled(False)
                action.setToolTip(self.tr("Checking which devices this computer has…"))
            action.triggered.connect(partial(self._on_device_action, kind))
            self.device_group.addAction(action)
            self.add_menu_action("device", action)
            self.device_actions[kind] = action
        self._check_device(requested_device)

    def _on_device_action(self, kind: str, _checked: bool = False) -> None:
        self.set_device(kind)

    def _check_device(self, requested: str) -> None:
        kind = requested.split(":", 1)[0]
        action = self.device_actions.get(kind, self.device_actions["auto"])
        action.setChecked(True)

    def _update_device_menu(self, devices: list) -> None:
        for info in devices:
            action = self.device_actions.get(info.name)
            if action is None:
                continue
            action.setEnabled(info.available)
            if info.name == "cuda":
                action.setText(self.tr("C&UDA — {0}").format(info.description) if info.available
                               else self.tr("C&UDA (not available)"))
            elif info.name == "mps":
                action.setText(self.tr("&MPS — {0}").format(info.description) if info.available
                               else self.tr("&MPS (not available)"))
            tip = info.description if info.available else info.reason
            action.setToolTip(tip)
            action.setStatusTip(tip)
