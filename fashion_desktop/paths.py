"""Where the app keeps what it writes for a person: one rule for the window and the command line.

Before this module the window used Qt's AppDataLocation and the data code used `~/.local/share`
on every OS. Now both ask here; the folders come from `platformdirs` (no Qt, so the CLI and the
core can use them too):

- `user_data_root()`: Linux `$XDG_DATA_HOME/fashion-desktop` (`~/.local/share/fashion-desktop`),
  Windows `%LOCALAPPDATA%\\fashion-desktop`, macOS `~/Library/Application Support/fashion-desktop`.
- `app_files_dir()`: errors.log, crash.log and the autosaved drawing, in `<root>/Fashion Desktop`:
  that subfolder is where Qt's rule (organisation/application) put them, so on Linux nothing moves.
- `trained_dir()`: weights the Train panel made live; `download_root()`: where `download-data`
  and the window put Fashion-MNIST (`FashionMNIST/raw` inside it), and where the data search looks.

`FASHION_DESKTOP_APP_DATA` replaces the per-user root for all of them, and is itself the folder of
errors.log and the autosave: a portable install or a test keeps everything in one folder it chose.
Nothing here creates a folder; whoever writes creates it.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from fashion_desktop import APP_NAME

APP_DATA_ENV = "FASHION_DESKTOP_APP_DATA"
DIR_NAME = "fashion-desktop"  # the folder name on every OS (and Qt's organisation name before)
TRAINED_DIR = "trained"


def _override() -> Path | None:
    value = os.environ.get(APP_DATA_ENV, "").strip()
    return Path(value).expanduser() if value else None


def user_data_root() -> Path:
    """The per-user folder for everything the app writes (FASHION_DESKTOP_APP_DATA if set)."""
    override = _override()
    if override is not None:
        return override
    # Windows: the Local folder (Fashion-MNIST and trained weights must not roam with the profile).
    return platformdirs.PlatformDirs(DIR_NAME, appauthor=False, roaming=False).user_data_path


def app_files_dir() -> Path:
    """The folder of errors.log, crash.log and the autosaved drawing."""
    override = _override()
    return override if override is not None else user_data_root() / APP_NAME


def log_dir() -> Path:
    """Where errors.log and crash.log go."""
    return app_files_dir()


def autosave_dir() -> Path:
    """Where the drawing is autosaved, so it survives a crash or a restart."""
    return app_files_dir()


def trained_dir() -> Path:
    """Where the window keeps weights trained in its Train panel and made the live model."""
    return user_data_root() / TRAINED_DIR


def download_root() -> Path:
    """Where a downloaded Fashion-MNIST goes (`<this>/FashionMNIST/raw`) and is looked for."""
    return user_data_root()
