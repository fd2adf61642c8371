"""Start the window: parse options, set up the QApplication, show the window, then load the model.

Nothing here (or in what it imports at module level) imports torch: the window is on screen
while the worker thread imports torch and reads the weights.

Options: --open FILE (so a file manager's "Open with" works), --device, --weights, --self-test.
Set FASHION_DESKTOP_TIMING=1 to print start-up timings (seconds since the process started
`main.py`); =quit also exits after the first prediction, for benchmarks.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from fashion_desktop import APP_ID, APP_NAME, __version__
from fashion_desktop.gui import gc_guard
from fashion_desktop.gui.icons import app_icon

ORGANIZATION = "fashion-desktop"
TIMING_ENV = "FASHION_DESKTOP_TIMING"


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (e.g. -platform, -style)."""
    parser = argparse.ArgumentParser(prog="fashion-desktop", description=f"{APP_NAME}: the window.")
    parser.add_argument("--open", metavar="FILE", type=Path, help="a picture to classify at start")
    parser.add_argument("--device", help="auto, cpu, cuda, cuda:N or mps (default: the last one chosen)")
    parser.add_argument("--weights", type=Path, help="a state_dict (.pth/.pt/.safetensors) instead of the shipped one")
    parser.add_argument("--self-test", action="store_true",
                        help="start, load the model, classify a sample, print the result and exit (0 = fine)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("files", nargs="*", type=Path, help=argparse.SUPPRESS)  # "Open with" may pass a bare path
    return parser.parse_known_args(argv)


def create_application(qt_args: list[str]) -> QApplication:
    """The QApplication with names (for QSettings and the desktop), icon and translations."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else "fashion-desktop", *qt_args])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # Wayland finds the icon and name through the .desktop file
    app.setWindowIcon(app_icon())
    install_translators(app)
    gc_guard.install(app)  # Qt objects must never be collected in a worker thread
    return app


def install_translators(app: QApplication) -> None:
    """Qt's own strings (dialog buttons) in the user's language; the app's strings go through tr()."""
    translator = QTranslator(app)
    if translator.load(QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)


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


class StartupTimer(QObject):
    """Prints when the window first paints and when the first prediction is on screen."""

    def __init__(self, window, started_at: float, quit_after_first: bool) -> None:
        super().__init__(window)
        self.started_at, self.quit_after_first = started_at, quit_after_first
        self._painted = False
        window.canvas.installEventFilter(self)
        window.modelShown.connect(self._on_model)
        window.predictionShown.connect(self._on_result)
        self._window = window
        self._model = self._result = False

    def _print(self, name: str) -> None:
        print(f"{name}={time.perf_counter() - self.started_at:.3f}", flush=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self._print("window_visible_s")
            watched.removeEventFilter(self)
        return False

    def _on_model(self, _info) -> None:
        if not self._model:
            self._model = True
            self._print("model_ready_s")

    def _on_result(self, result) -> None:
        if not self._result:
            self._result = True
            self._print("first_result_s")
        if result.prediction is not None:
            self._print("first_prediction_s")
            self._window.predictionShown.disconnect(self._on_result)
            if self.quit_after_first:
                QTimer.singleShot(0, self._window.close)


def main(argv: list[str] | None = None, *, started_at: float | None = None) -> int:
    """Run the window; returns the exit code."""
    started_at = time.perf_counter() if started_at is None else started_at
    args, qt_args = parse_args(sys.argv[1:] if argv is None else list(argv))
    if args.self_test:  # packaged-build smoke test: every bundled sample, JSON verdict (gui/self_test.py)
        from fashion_desktop.gui.self_test import run as run_packaged_self_test

        return run_packaged_self_test(args, qt_args, started_at=started_at)
    app = create_application(qt_args)
    from fashion_desktop.gui.error_report import install_error_reporter

    install_error_reporter(app)  # unexpected errors: a dialog and errors.log in the data folder

    from fashion_desktop.gui.main_window import MainWindow

    window = MainWindow(QSettings(), weights=args.weights, device=args.device)
    window.setWindowIcon(app.windowIcon())
    timing = os.environ.get(TIMING_ENV, "")
    if timing:
        StartupTimer(window, started_at, quit_after_first=timing == "quit")
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    window.start()
    to_open = args.open or (args.files[0] if args.files else None)
    if to_open is not None:  # decoding it must not delay the window's first paint
        AfterFirstPaint(window.canvas, lambda: window.open_path(to_open))
    code = app.exec()
    window.shutdown()
    return code
