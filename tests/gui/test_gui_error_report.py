"""Unexpected exceptions (in a slot, in the worker, in any thread) show a dialog, go to errors.log, and
the app stays usable. pytest-qt normally turns exceptions in Qt callbacks into test failures; these
tests switch that off because such exceptions are exactly what they provoke."""

from __future__ import annotations

import sys
import threading

import numpy as np
import pytest
import shiboken6

from fashion_desktop.gui.error_report import LOG_BACKUPS, LOG_NAME, MAX_LOG_BYTES, ErrorReporter
from fashion_desktop.gui.panels.probabilities import RESULT

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def reporter(qapp, private_data_folder):
    hooks = (sys.excepthook, threading.excepthook)
    reporter = ErrorReporter().install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None and shiboken6.isValid(reporter.dialog):
        reporter.dialog.close()
    assert (sys.excepthook, threading.excepthook) == hooks


def drawing() -> np.ndarray:
    grey = np.zeros((448, 448), np.uint8)
    grey[80:380, 140:300] = 255
    return grey


def test_the_log_is_in_the_data_folder(reporter, private_data_folder):
    assert reporter.log_path == private_data_folder / LOG_NAME


def test_an_exception_in_a_slot_shows_a_dialog_is_logged_and_the_app_goes_on(window, reporter, qtbot, wait_idle,
                                                                             monkeypatch):
    def broken(*_args):
        raise RuntimeError("boom in a slot")

    monkeypatch.setattr(window.probabilities, "show_prediction", broken)
    window.worker.request(grey=drawing())
    qtbot.waitUntil(lambda: reporter.count >= 1, timeout=30_000)
    summary, details = reporter.last_report
    assert summary == "RuntimeError: boom in a slot"
    assert "Traceback" in details and "_on_result" in details
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    assert "boom in a slot" in dialog.text() and "keeps running" in dialog.informativeText()
    assert str(reporter.log_path) in dialog.informativeText()
    assert "boom in a slot" in reporter.log_path.read_text(encoding="utf-8")
    monkeypatch.undo()
    wait_idle(window)
    window.worker.request(grey=drawing()[::-1].copy())
    wait_idle(window)
    assert window.probabilities.state == RESULT


def test_an_unexpected_error_in_the_worker_is_reported(window, reporter, qtbot, wait_idle):
    def broken(_request):
        raise ZeroDivisionError("bug inside the worker")

    window.worker.before_request = broken
    window.worker.request(grey=drawing())
    qtbot.waitUntil(lambda: reporter.count >= 1, timeout=30_000)
    assert "bug inside the worker" in reporter.last_report[0]
    assert "ZeroDivisionError: bug inside the worker" in reporter.log_path.read_text(encoding="utf-8")
    assert reporter.dialog is not None and reporter.dialog.isVisible()
    window.worker.before_request = None
    window.worker.request(grey=drawing())
    wait_idle(window)
    assert window.probabilities.state == RESULT and window.worker.isRunning()


def test_an_exception_in_a_python_thread_is_reported(reporter, qtbot):
    def work() -> None:
        raise ValueError("thread went wrong")

    thread = threading.Thread(target=work, name="helper-thread")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.count >= 1, timeout=10_000)
    assert reporter.last_report[0] == "ValueError: thread went wrong"
    text = reporter.log_path.read_text(encoding="utf-8")
    assert "helper-thread" in text and "ValueError: thread went wrong" in text


def test_a_storm_of_errors_opens_one_dialog_and_the_log_stays_capped(reporter, qtbot):
    dialogs = set()
    for i in range(300):
        try:
            raise KeyError(f"error number {i} " + "x" * 2000)
        except KeyError:
            sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: reporter.count >= 300, timeout=30_000)
    dialogs.add(id(reporter.dialog))
    assert len(dialogs) == 1 and reporter.dialog.isVisible()
    assert "300 errors so far" in reporter.dialog.informativeText()
    logs = sorted(reporter.folder.glob(LOG_NAME + "*"))
    assert 1 < len(logs) <= LOG_BACKUPS + 1
    assert all(path.stat().st_size <= MAX_LOG_BYTES + 10_000 for path in logs)


def test_a_folder_that_cannot_be_written_still_shows_the_dialog(qapp, qtbot, tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the data folder should be")
    reporter = ErrorReporter(blocker / "sub").install()
    try:
        try:
            raise OSError("disk trouble")
        except OSError:
            sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: reporter.count >= 1, timeout=10_000)
        assert reporter.dialog is not None and "disk trouble" in reporter.dialog.text()
    finally:
        reporter.uninstall()
        reporter.dialog.close()


def test_the_app_reports_a_failing_slot_and_keeps_running(random_weights, tmp_path):
    """The real entry point (gui/app.py main) installs the reporter: a slot fails, the app goes on, the log has it."""
    import os
    import subprocess
    import textwrap

    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from fashion_desktop.gui import app as app_module
        from fashion_desktop.gui.main_window import MainWindow

        original_start = MainWindow.start

        def start(self):
            original_start(self)

            def broken_slot():
                raise RuntimeError("deliberate failure in a slot")

            QTimer.singleShot(0, broken_slot)
            def check_then_close():
                print("still running:", self.isVisible(), flush=True)
                self.close()

            QTimer.singleShot(1500, check_then_close)

        MainWindow.start = start
        sys.exit(app_module.main(["--weights", {str(random_weights)!r}, "--device", "cpu"]))
    """)
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FASHION_DESKTOP_APP_DATA=str(data),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert "still running: True" in done.stdout
    log = (data / LOG_NAME).read_text(encoding="utf-8")
    assert "RuntimeError: deliberate failure in a slot" in log and "Traceback" in log


def _run_with_reporter(tmp_path, body: str):
    """A fresh process that installs the reporter in `tmp_path`, runs `body`, then exits normally."""
    import os
    import subprocess
    import textwrap

    script = textwrap.dedent("""
        import faulthandler, sys
        from PySide6.QtWidgets import QApplication
        from fashion_desktop.gui.error_report import ErrorReporter
        app = QApplication(sys.argv)
        ErrorReporter(sys.argv[1]).install()
    """) + textwrap.dedent(body)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          timeout=120, env=env)


def test_a_clean_run_leaves_no_crash_log(tmp_path):
    from fashion_desktop.gui.error_report import CRASH_NAME

    done = _run_with_reporter(tmp_path, "import pathlib; print(pathlib.Path(sys.argv[1], 'crash.log').exists())")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True", "the crash handler needs its file while the app runs"
    assert not (tmp_path / CRASH_NAME).exists()


def test_a_fatal_crash_is_written_to_the_crash_log(tmp_path):
    from fashion_desktop.gui.error_report import CRASH_NAME

    done = _run_with_reporter(tmp_path, "faulthandler._sigsegv()")
    assert done.returncode != 0
    assert "Fatal Python error" in (tmp_path / CRASH_NAME).read_text(encoding="utf-8")
