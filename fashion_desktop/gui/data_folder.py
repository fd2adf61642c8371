"""Where the app keeps its own files: the error log and the autosaved drawing.

Qt's standard per-user data location (AppDataLocation: ~/.local/share/<org>/<app> on Linux,
%APPDATA% on Windows, ~/Library/Application Support on macOS). FASHION_DESKTOP_APP_DATA
overrides it, so tests and portable installs keep everything in one folder of their choice.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

APP_DATA_ENV = "FASHION_DESKTOP_APP_DATA"


def app_data_folder() -> Path:
    """The folder for the app's own files (not created here: writers create it when they write)."""
    override = os.environ.get(APP_DATA_ENV, "").strip()
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".fashion-desktop"
