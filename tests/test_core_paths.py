"""One rule for per-user folders (fashion_desktop/paths.py), the same for the window and the command line."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import platformdirs.macos
import platformdirs.unix
import platformdirs.windows
import pytest

from fashion_desktop import paths
from fashion_desktop.dataset import download, files


@pytest.fixture
def no_override(monkeypatch):
    monkeypatch.delenv(paths.APP_DATA_ENV, raising=False)


def test_linux_keeps_the_folders_earlier_versions_used(monkeypatch, tmp_path, no_override):
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.unix.Unix)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    root = tmp_path / "xdg" / "fashion-desktop"
    assert paths.user_data_root() == root == paths.download_root()
    assert paths.log_dir() == paths.autosave_dir() == root / "Fashion Desktop"  # Qt's organisation/application
    assert paths.trained_dir() == root / "trained"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert paths.user_data_root() == tmp_path / "home" / ".local" / "share" / "fashion-desktop"


def test_macos_uses_application_support(monkeypatch, tmp_path, no_override):
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.macos.MacOS)
    monkeypatch.setenv("HOME", str(tmp_path))
    root = tmp_path / "Library" / "Application Support" / "fashion-desktop"
    assert paths.user_data_root() == root and paths.log_dir() == root / "Fashion Desktop"


def test_windows_uses_the_local_not_the_roaming_folder(monkeypatch, no_override):
    folders = {"CSIDL_LOCAL_APPDATA": "/C/Users/me/AppData/Local", "CSIDL_APPDATA": "/C/Users/me/AppData/Roaming"}
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    assert paths.user_data_root() == Path("/C/Users/me/AppData/Local/fashion-desktop")
    assert paths.trained_dir() == Path("/C/Users/me/AppData/Local/fashion-desktop/trained")


def test_the_override_puts_everything_in_one_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.APP_DATA_ENV, str(tmp_path / "portable"))
    folder = tmp_path / "portable"
    assert paths.log_dir() == paths.autosave_dir() == paths.user_data_root() == folder
    assert paths.trained_dir() == folder / "trained"
    assert download.target_folder() == folder / "FashionMNIST" / "raw"  # where download-data puts it ...
    assert download.target_folder() in files.candidate_dirs()  # ... is where the data is looked for
