"""The window's name for its data folder, kept so its imports stay put.

The rule itself is `fashion_desktop.paths` (platformdirs, the same for the command line and the
window; FASHION_DESKTOP_APP_DATA overrides it). New code should import from there.
"""

from __future__ import annotations

from fashion_desktop.paths import APP_DATA_ENV, app_files_dir

app_data_folder = app_files_dir

__all__ = ["APP_DATA_ENV", "app_data_folder"]
