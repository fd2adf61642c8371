"""Fixtures for the window's tests: offscreen Qt, throwaway settings, no thread left running."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings, QThread  # noqa: E402

LOAD_TIMEOUT_MS = 60_000  # the first test imports torch in the worker; a busy 2-core machine is slow


@pytest.fixture(autouse=True)
def collect_garbage_in_the_gui_thread(qapp):
    """As the app does (gui/gc_guard.py): Qt objects must never be collected in a worker thread."""
    from fashion_desktop.gui import gc_guard

    gc_guard.install(qapp)


@pytest.fixture(autouse=True)
def no_thread_left_running(monkeypatch):
    """Fail any test that leaves a QThread running (it would crash Qt at exit)."""
    started: list[QThread] = []
    original = QThread.start

    def tracking_start(self, *args, **kwargs):
        started.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", tracking_start)
    yield
    running = [t for t in started if shiboken6.isValid(t) and t.isRunning()]
    for thread in running:  # clean up so one failure does not cascade, then fail
        getattr(thread, "stop", lambda: None)()
        thread.quit()
        thread.wait(30_000)
    assert not running, f"test left QThreads running: {[t.objectName() or type(t).__name__ for t in running]}"


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    """Any QSettings() made during a test lands in tmp_path, never in the user's real settings."""
    folder = str(tmp_path / "qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, folder)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QCoreApplication.setOrganizationName("fashion-desktop-tests")
    yield


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path, monkeypatch):
    """The autosaved drawing, the error log, downloads and trained weights go to tmp_path, never the user's folder."""
    from fashion_desktop.paths import APP_DATA_ENV

    folder = tmp_path / "appdata"
    monkeypatch.setenv(APP_DATA_ENV, str(folder))
    return folder


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def random_weights(tmp_path_factory):
    """A seeded, untrained network's weights: enough for tests that do not judge accuracy."""
    import torch

    from fashion_desktop.network.model import NeuralNetwork, save_weights

    torch.manual_seed(1234)
    path = tmp_path_factory.mktemp("weights") / "random.pth"
    save_weights(NeuralNetwork(), path)
    return path


@pytest.fixture
def make_window(qtbot, settings):
    """Build, show and start windows; each is closed at teardown and must have stopped its worker."""
    from fashion_desktop.gui.main_window import MainWindow

    windows = []

    def make(weights=None, device: str | None = "cpu", settings_=None, wait_for_model: bool = True,
             start: bool = True) -> MainWindow:
        window = MainWindow(settings_ if settings_ is not None else settings, weights=weights, device=device)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        if not start:
            return window
        window.start()
        if wait_for_model:
            qtbot.waitUntil(lambda: window.model_info is not None or bool(window.startup_error), timeout=LOAD_TIMEOUT_MS)
            assert window.model_info is not None, window.startup_error
            _wait_idle(qtbot, window)
        return window

    yield make
    for window in windows:
        window.close()
        assert not window.worker.isRunning()


@pytest.fixture
def window(make_window, random_weights):
    return make_window(weights=random_weights)


def _wait_idle(qtbot, window, timeout: int = LOAD_TIMEOUT_MS) -> None:
    qtbot.waitUntil(window.is_settled, timeout=timeout)


@pytest.fixture
def wait_idle(qtbot):
    """wait_idle(window): every request sent so far has its result on screen."""
    return lambda window, timeout=LOAD_TIMEOUT_MS: _wait_idle(qtbot, window, timeout)


@pytest.fixture
def run_window_process(tmp_path, random_weights):
    """Run `body` in a separate Python process after it has opened a window and started its worker.

    For what needs a real process (a crash, the interpreter's exit): the body sees `app`, `window`,
    `sys`, `QSettings` and `QTimer`, and typically ends with `app.exec()`. Returns the finished process.
    """

    def run(body: str, timeout: int = 300) -> subprocess.CompletedProcess:
        prelude = textwrap.dedent(f"""
            import sys
            from PySide6.QtCore import QSettings, QTimer
            from fashion_desktop.gui.app import create_application
            from fashion_desktop.gui.main_window import MainWindow

            app = create_application([])
            window = MainWindow(QSettings({str(tmp_path / 'window-process.ini')!r}, QSettings.Format.IniFormat),
                                weights={str(random_weights)!r}, device="cpu")
            window.show()
            window.start()
        """)
        return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(body)], capture_output=True,
                              text=True, timeout=timeout, cwd=Path(__file__).resolve().parents[2],
                              env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))

    return run
