"""The window's command-line options and the QApplication, shared by every way the window starts.

`app.py` (the normal start) and `self_test.py` (`--self-test`) both need them; keeping them here
lets `app.py` hand over to the self-test without the two modules importing each other.
Nothing here imports torch.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fashion_desktop import APP_ID, APP_NAME, __version__, paths
from fashion_desktop.gui import gc_guard
from fashion_desktop.gui.icons import app_icon

ORGANIZATION = paths.DIR_NAME  # QSettings' folder name; the same name as the per-user data folder


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
