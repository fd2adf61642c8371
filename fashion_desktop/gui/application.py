"""The window's command-line options and the QApplication, shared by every way the window starts.

`app.py` (the normal start) and `self_test.py` (`--self-test`) both need them; keeping them here
lets `app.py` hand over to the self-test without the two modules importing each other.
Nothing here imports torch.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fashion_desktop import APP_ID, APP_NAME, __version__, i18n, paths
from fashion_desktop.gui import gc_guard, language
from fashion_desktop.gui.icons import app_icon
from fashion_desktop.network.device_choices import device_name

ORGANIZATION = paths.DIR_NAME  # QSettings' folder name; the same name as the per-user data folder


def parse_args(argv: list[str], prog: str = "fashion-desktop") -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (e.g. -platform, -style).

    `prog` is the name the person typed (`fashion-desktop-cli` on Windows), for help and errors.
    A --device that is not a device at all is a usage error (exit 2), as in the commands.
    """
    parser = argparse.ArgumentParser(prog=prog, description=i18n.translate(
        "CliHelp", "{app}: the window.").format(app=APP_NAME))
    parser.add_argument("--open", metavar="FILE", type=Path, help=i18n.translate(
        "CliHelp", "a picture to classify at start, or a folder of pictures"))
    parser.add_argument("--device", type=device_name, metavar="DEVICE",
                        help=i18n.translate("CliHelp", "auto, cpu, cuda, cuda:N or mps (default: the last one chosen)"))
    parser.add_argument("--weights", type=Path, help=i18n.translate(
        "CliHelp", "a state_dict (.pth/.pt/.safetensors) instead of the shipped one"))
    parser.add_argument("--self-test", action="store_true",
                        help=i18n.translate(
                            "CliHelp", "start, load the model, classify a sample, print the result and exit (0 = fine)"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=i18n.translate("CliHelp", "show the program's version number and exit"))
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
    """The app's strings and Qt's own (dialog buttons) in the chosen or the system's language."""
    language.install_chosen(app)
