"""Taking things out of the window: the network, the charts and tables, a folder's answers.

Kept out of main_window.py (the window makes one `ExportViews(window)`), like inside.py. It adds:

- File ▸ Classify a folder… (Ctrl+Shift+F; also dropping a folder on the window): the Folder dock,
  `self.folder_view` in `self.folder_dock` (gui/panels/folder_view.py), a click on a row puts
  that picture on the canvas;
- Model ▸ Export…: the loaded network as ONNX, .pt2, safetensors or a state_dict (gui/model_export.py);
- File ▸ Export: each chart or table on screen as PNG, SVG or CSV, and a context menu with the same
  on every chart (gui/chart_export.py); Edit ▸ Copy chart (Ctrl+Shift+C) copies the chart under the
  mouse pointer (else the last one right-clicked, else the probabilities) as a picture and as numbers.

The Folder view is built when its dock is first shown or `folder_view` is first asked for, and the
export modules are imported when first used (gui/deferred.py): the first paint waits for neither.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QCursor, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMenu,
    QProgressDialog,
    QWidget,
)

from fashion_desktop.gui.deferred import AfterFirstPaint, DeferredDock
from fashion_desktop.gui.extensible_window import make_action

if TYPE_CHECKING:
    from fashion_desktop.gui.model_export import ModelExportThread
    from fashion_desktop.gui.panels.folder_view import FolderView

_MARK = "_fashion_desktop_chart_menu"


class ExportViews(QObject):
    """Builds the Folder dock, the export actions and the charts' context menus on `window`."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.export_thread: ModelExportThread | None = None
        self.last_export = None  # the last ExportResult (tests, the status bar)
        self._progress: QProgressDialog | None = None
        self._last_chart: QWidget | None = None
        self._copied = False  # a chart was put on the clipboard (see shutdown)

        self._folder = DeferredDock(window, self._build_folder_view, self.tr("Folder"), "folderDock", "left",
                                    hidden=True)
        self.folder_dock = self._folder.dock

        self.classify_folder_action = make_action(
            self, self.tr("Classify a &folder…"), self.classify_folder_dialog, "Ctrl+Shift+F",
            self.tr("Classify every picture in a folder; sort, filter and export the answers"))
        self.export_model_action = make_action(
            self, self.tr("&Export the network…"), self.export_model_dialog, None,
            self.tr("Save the loaded network as ONNX, a torch.export program, safetensors or a state_dict"))
        self.copy_chart_action = make_action(
            self, self.tr("Copy &chart"), self.copy_current_chart, "Ctrl+Shift+C",
            self.tr("Copy the chart under the mouse pointer as a picture and as numbers"))
        self.export_menu = QMenu(self.tr("&Export"), window)
        self.export_menu.aboutToShow.connect(self._fill_export_menu)

        window.add_menu_action("file", self.classify_folder_action, "export")
        window.add_menu_action("file", self.export_menu.menuAction(), "export")
        window.add_menu_action("edit", self.copy_chart_action, "picture")
        window.add_menu_action("model", self.export_model_action, "weights")

        for dock in window.findChildren(QDockWidget):
            dock.visibilityChanged.connect(self._rescan_soon)
        self._scanned = False  # the chart menus wait for the first paint and answer (chart_export is imported then)
        AfterFirstPaint(window.canvas, self._after_first_paint)

    @property
    def folder_view(self) -> FolderView:
        """The Folder dock's view, built now if it was not yet."""
        return self._folder.widget()

    def _build_folder_view(self) -> FolderView:
        from fashion_desktop.gui.panels.folder_view import FolderView

        view = FolderView(self.window)
        view.pictureChosen.connect(self.window.open_path)
        return view

    def build_shown(self) -> None:
        """Build the Folder view now if the restored layout shows its dock (before the first paint)."""
        self._folder.build_if_shown()

    # ------------------------------------------------------------ folders

    @Slot()
    def classify_folder_dialog(self) -> None:
        from fashion_desktop.gui import folder_pool

        folder_pool.warm_up()  # the folder view's processes start while the dialog is open
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Classify the pictures in a folder"),
                                                  self.window.last_folder())
        if folder:
            self.classify_folder(folder)

    def classify_folder(self, folder: str | Path, recursive: bool | None = None) -> bool:
        """Show the Folder dock and classify `folder` with the loaded model."""
        window = self.window
        info = window.model_info
        if info is None or info.state is None:
            window.show_error(self.tr("Cannot classify the folder yet"),
                              window.startup_error or self.tr("The network is still loading; try again in a moment."))
            return False
        first = not self.folder_dock.isVisible()
        self.folder_dock.show()
        self.folder_dock.raise_()
        if first and not self.folder_dock.isFloating():  # room for the answers and the errors, once laid out
            dock, wide = self.folder_dock, Qt.Orientation.Horizontal
            QTimer.singleShot(0, lambda: window.resizeDocks([dock], [max(dock.width(), 760)], wide))
        self.folder_view.start(folder, info.state, recursive)
        window.settings.setValue("folders/last", str(Path(folder).resolve()))
        return True

    # ------------------------------------------------------------ the network

    @Slot()
    def export_model_dialog(self) -> None:
        window = self.window
        info = window.model_info
        if info is None or info.state is None:
            window.show_error(self.tr("Nothing to export yet"),
                              window.startup_error or self.tr("The network is still loading; try again in a moment."))
            return
        from fashion_desktop.gui.model_export import filter_strings, format_for

        filters = filter_strings()
        stem = "model_weights" if info.shipped else Path(info.weights_path).stem or "model"
        path, chosen = QFileDialog.getSaveFileName(window, self.tr("Export the network"),
                                                   str(Path(window.last_folder()) / (stem + ".onnx")),
                                                   ";;".join(filters), filters[0])
        if path:
            fmt, path = format_for(path, chosen)
            self.export_model(path, fmt)

    def export_model(self, path: str | Path, fmt: str) -> None:
        """Export the loaded network in the background (progress dialog with Cancel)."""
        from fashion_desktop.gui.model_export import ModelExportThread

        window = self.window
        info = window.model_info
        if self.export_thread is not None and self.export_thread.isRunning():
            window.statusBar().showMessage(self.tr("An export is already running."), 5000)
            return
        if info.untrained:
            source = "untrained network"
        elif info.shipped:
            source = "shipped weights"
        else:
            source = f"{Path(info.weights_path).name} (sha256 {info.weights_sha256})"
        thread = ModelExportThread(info.state, path, fmt, source, self)
        thread.step.connect(self._export_step)
        thread.succeeded.connect(self._export_done)
        thread.failed.connect(self._export_failed)
        thread.cancelled.connect(self._export_cancelled)
        thread.finished.connect(self._export_ended)
        self._progress = QProgressDialog(self.tr("Exporting the network…"), self.tr("Cancel"), 0, 0, window)
        self._progress.setWindowTitle(self.tr("Export the network"))
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.canceled.connect(thread.cancel)
        self.export_thread = thread
        window.remember_folder(path)
        thread.start()

    @Slot(str)
    def _export_step(self, step: str) -> None:
        text = {"exporting": self.tr("Exporting the network…"),
                "checking": self.tr("Reading the file back and checking it against the live model…")}.get(step, step)
        if self._progress is not None:
            self._progress.setLabelText(text)
        self.window.statusBar().showMessage(text)

    @Slot(object)
    def _export_done(self, result) -> None:
        self.last_export = result
        self.window.statusBar().showMessage(self.tr(
            "Exported {0} ({1:,} bytes); it gives the live model's answers on {2} test inputs "
            "(largest difference {3:.1g}).").format(result.path, result.size_bytes, result.checked_images,
                                                   result.max_difference), 15000)

    @Slot(str)
    def _export_failed(self, message: str) -> None:
        self.window.show_error(self.tr("The network was not exported"), message)

    @Slot()
    def _export_cancelled(self) -> None:
        self.window.statusBar().showMessage(self.tr("Export cancelled; nothing was written."), 8000)

    @Slot()
    def _export_ended(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        if self.export_thread is not None:
            self.export_thread.deleteLater()
            self.export_thread = None

    # ------------------------------------------------------------ charts

    def charts(self) -> list[tuple[str, QWidget]]:
        """(name, widget) for every chart or table on screen, named after its dock."""
        from fashion_desktop.gui import chart_export

        found: list[tuple[str, QWidget]] = []
        for dock in self.window.findChildren(QDockWidget):
            if dock.widget() is None or not dock.isVisible():
                continue
            charts = chart_export.find_charts(dock.widget())
            for n, chart in enumerate(charts, 1):
                found.append((self._chart_name(dock, chart, n if len(charts) > 1 else 0), chart))
        return found

    def _chart_name(self, dock: QDockWidget, chart: QWidget, number: int) -> str:
        """The dock's title, and when it holds several charts, which one (plot titles, or its kind)."""
        if not number:
            return dock.windowTitle()
        from fashion_desktop.gui import chart_export

        detail = chart.accessibleName()
        if not detail and chart_export.is_graphics_view(chart):
            import pyqtgraph as pg

            titles = [chart_export.plot_title(i) for i in chart.scene().items() if isinstance(i, pg.PlotItem)]
            detail = ", ".join(t for t in reversed(titles) if t)
        if not detail:
            from PySide6.QtWidgets import QListView, QTableView, QTreeView

            kinds = ((QTableView, self.tr("table")), (QTreeView, self.tr("tree")), (QListView, self.tr("grid")))
            kind = next((text for cls, text in kinds if isinstance(chart, cls)), self.tr("chart"))
            detail = self.tr("{0} {1}").format(kind, number)
        return f"{dock.windowTitle()} — {detail}"

    def _name_of(self, chart: QWidget) -> str:
        return next((name for name, widget in self.charts() if widget is chart), self.tr("chart"))

    @Slot()
    def _after_first_paint(self) -> None:
        """The first answer goes first: the charts on screen get their menus once it is shown (or in a
        second, when none comes)."""
        self.window.predictionShown.connect(self._first_scan)
        QTimer.singleShot(1000, self._first_scan)

    def _first_scan(self, result=None) -> None:
        if self._scanned or (result is not None and result.prediction is None):
            return
        self._scanned = True
        try:
            self.window.predictionShown.disconnect(self._first_scan)
        except (RuntimeError, TypeError):
            pass
        QTimer.singleShot(0, self.install_chart_menus)  # after the answer is painted

    @Slot()
    def _rescan_soon(self) -> None:
        if self._scanned:  # before it, the first scan will see them
            QTimer.singleShot(0, self.install_chart_menus)  # views are built when first shown: look after that

    def install_chart_menus(self) -> None:
        """Give every chart on screen the export context menu (once each)."""
        for _name, chart in self.charts():
            if not chart.property(_MARK):
                chart.setProperty(_MARK, True)
                chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                chart.customContextMenuRequested.connect(partial(self._chart_menu, chart))

    def chart_menu(self, chart: QWidget) -> QMenu:
        from fashion_desktop.gui import chart_export

        menu = QMenu(chart)
        name = self._name_of(chart)
        menu.addAction(self.tr("Save as PNG…"), partial(self.save_chart_dialog, chart, "png"))
        menu.addAction(self.tr("Save as SVG…"), partial(self.save_chart_dialog, chart, "svg"))
        numbers = menu.addAction(self.tr("Save the numbers as CSV…"), partial(self.save_chart_dialog, chart, "csv"))
        numbers.setEnabled(bool(chart_export.chart_tables(chart, name)))
        menu.addSeparator()
        copy = menu.addAction(self.tr("Copy"), partial(self.copy_chart, chart))
        copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
        return menu

    def _chart_menu(self, chart: QWidget, pos: QPoint) -> None:
        self._last_chart = chart
        target = chart.viewport() if hasattr(chart, "viewport") else chart
        self.chart_menu(chart).popup(target.mapToGlobal(pos))

    def _fill_export_menu(self) -> None:
        menu = self.export_menu
        menu.clear()
        menu.addAction(self.export_model_action)
        menu.addSeparator()
        self.install_chart_menus()
        charts = self.charts()
        for name, chart in charts:
            sub = menu.addMenu(name)
            for kind, text in (("png", self.tr("PNG picture…")), ("svg", self.tr("SVG drawing…")),
                               ("csv", self.tr("CSV numbers…"))):
                sub.addAction(text, partial(self.save_chart_dialog, chart, kind))
        if not charts:
            none = menu.addAction(self.tr("No chart is shown"))
            none.setEnabled(False)

    def save_chart_dialog(self, chart: QWidget, kind: str) -> None:
        name = self._name_of(chart)
        stem = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "chart"
        while "--" in stem:
            stem = stem.replace("--", "-")
        filters = {"png": self.tr("PNG picture (*.png)"), "svg": self.tr("SVG drawing (*.svg)"),
                   "csv": self.tr("CSV numbers (*.csv)")}
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export {0}").format(name),
                                              str(Path(self.window.last_folder()) / f"{stem}.{kind}"), filters[kind])
        if not path:
            return
        if Path(path).suffix.lower() != f".{kind}":
            path += f".{kind}"
        self.save_chart(chart, path, name)

    def save_chart(self, chart: QWidget, path: str | Path, name: str = "") -> bool:
        from fashion_desktop.gui import chart_export

        window = self.window
        try:
            chart_export.save_chart(chart, path, name or self._name_of(chart))
        except (OSError, ValueError) as exc:
            window.show_error(self.tr("Could not export the chart"),
                              self.tr("{0}: {1}").format(path, getattr(exc, "strerror", None) or exc))
            return False
        self._last_chart = chart
        window.remember_folder(path)
        window.statusBar().showMessage(self.tr("Saved {0}").format(path), 8000)
        return True

    def current_chart(self) -> QWidget | None:
        """The chart under the mouse pointer, else the last one used, else the probabilities."""
        from fashion_desktop.gui import chart_export

        under = chart_export.chart_of(QApplication.widgetAt(QCursor.pos()))
        if under is not None and under.window() is self.window:
            return under
        shown = [chart for _name, chart in self.charts()]
        if self._last_chart is not None and self._last_chart in shown:
            return self._last_chart
        return next((c for c in shown if self.window.probabilities.isAncestorOf(c)), shown[0] if shown else None)

    @Slot()
    def copy_current_chart(self) -> None:
        chart = self.current_chart()
        if chart is None:
            self.window.statusBar().showMessage(self.tr("No chart is shown."), 5000)
            return
        self.copy_chart(chart)

    def copy_chart(self, chart: QWidget) -> None:
        from fashion_desktop.gui import chart_export

        name = self._name_of(chart)
        chart_export.copy_chart(chart, name)
        self._copied = True
        self._last_chart = chart
        self.window.statusBar().showMessage(self.tr("Copied {0} (picture and numbers).").format(name), 5000)

    def shutdown(self) -> None:
        if self._copied:
            from fashion_desktop.gui.chart_export import release_clipboard

            release_clipboard()  # an in-process clipboard would free our copy after Python is gone: a crash
        if self._folder.is_built:
            self.folder_view.shutdown()
        if self.export_thread is not None:
            self.export_thread.cancel()
            self.export_thread.wait()
