"""Unexpected errors: logged to a file in the user's data folder and shown in a dialog; the app goes on.

A bug in a slot, in the worker or in any Python thread must not kill the window or vanish
silently. `ErrorReporter.install()` sets `sys.excepthook` (PySide6 routes exceptions raised in
slots and event handlers there) and `threading.excepthook`, and listens to the `fashion_desktop`
logger: every ERROR with a traceback (the worker logs its unexpected failures that way) is
written to `errors.log` (size-capped, rotated) and brings up one dialog at a time with the
details. Records may come from any thread; the dialog is always made in the GUI thread through
a queued signal. Known problems (a bad file, bad weights) are not reported here: they have their
own clear messages. Fatal crashes (a segfault in a native library) go to `crash.log` through
`faulthandler`, since no Python code runs then.
"""

from __future__ import annotations

import atexit
import faulthandler
import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fashion_desktop import paths

LOG_NAME = "errors.log"
CRASH_NAME = "crash.log"
MAX_LOG_BYTES = 512 * 1024  # then errors.log.1, errors.log.2: the log never grows without bound
LOG_BACKUPS = 2
ROOT_LOGGER = "fashion_desktop"

_log = logging.getLogger(f"{ROOT_LOGGER}.unhandled")


class _DialogBridge(logging.Handler):
    """Hands ERROR records to the reporter (from whatever thread logged them)."""

    def __init__(self, reporter: ErrorReporter) -> None:
        super().__init__(logging.ERROR)
        self.reporter = reporter

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if record.exc_info and record.exc_info[1] is not None:
                exc = record.exc_info[1]
                summary = f"{type(exc).__name__}: {exc}"
                details = "".join(traceback.format_exception(*record.exc_info))
            else:
                summary, details = record.getMessage(), ""
            details = f"{record.getMessage()} (thread {record.threadName})\n\n{details}"
            if shiboken6.isValid(self.reporter):
                self.reporter._incoming.emit(summary, details)
        except Exception:  # reporting must never raise into the code that failed
            self.handleError(record)


class ErrorReporter(QObject):
    """Logs unexpected errors to `log_path` and shows them; `install()` once, `uninstall()` in tests."""

    reported = Signal(str, str)  # summary, details: after a report was logged and shown (GUI thread)
    _incoming = Signal(str, str)

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorReporter")
        self.folder = Path(folder) if folder is not None else paths.log_dir()
        self.log_path = self.folder / LOG_NAME
        self.count = 0  # reports received since install()
        self.last_report: tuple[str, str] | None = None
        self.dialog: QMessageBox | None = None
        self._handlers: list[logging.Handler] = []
        self._previous: tuple | None = None
        self._crash_file: IO | None = None
        self._incoming.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------ installing

    def install(self) -> ErrorReporter:
        """Take over the exception hooks and the package logger. Safe if the folder cannot be written."""
        logger = logging.getLogger(ROOT_LOGGER)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            file_handler = RotatingFileHandler(self.log_path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS,
                                               encoding="utf-8", delay=True)
            file_handler.setLevel(logging.WARNING)
            file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: "
                                                        "%(message)s"))
            self._handlers.append(file_handler)
            self._crash_file = open(self.folder / CRASH_NAME, "a", encoding="utf-8")  # noqa: SIM115 - kept open
            faulthandler.enable(self._crash_file, all_threads=True)
            atexit.register(self._close_crash_log)
        except OSError as exc:  # a read-only home: still show dialogs, say where the log could not go
            print(f"fashion-desktop: cannot write {self.log_path}: {exc}", file=sys.stderr)
        self._handlers.append(_DialogBridge(self))
        for handler in self._handlers:
            logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > logging.WARNING:
            logger.setLevel(logging.WARNING)
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        return self

    def uninstall(self) -> None:
        """Give the hooks back and close the log (tests; the app keeps its reporter to the end)."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        logger = logging.getLogger(ROOT_LOGGER)
        for handler in self._handlers:
            logger.removeHandler(handler)
            handler.close()
        self._handlers = []
        self._close_crash_log()

    def _close_crash_log(self) -> None:
        """Stop the crash handler; a crash log that nothing was written to is removed, not left behind.

        faulthandler needs an open file before anything goes wrong, so the file exists while the app
        runs; only a crash writes to it. An empty one at exit (or one left by a killed process) says
        nothing and would make a person look for a crash that never happened.
        """
        if self._crash_file is None:
            return
        atexit.unregister(self._close_crash_log)
        faulthandler.disable()
        path = Path(self._crash_file.name)
        self._crash_file.close()
        self._crash_file = None
        try:
            if path.stat().st_size == 0:
                path.unlink()
        except OSError:
            pass

    # ------------------------------------------------------------ the hooks

    def _excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous is not None:
            self._previous[0](exc_type, exc, tb)
            return
        _log.error("Unhandled exception", exc_info=(exc_type, exc, tb))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        _log.error("Unhandled exception in thread %s", name, exc_info=(args.exc_type, args.exc_value,
                                                                        args.exc_traceback))

    # ------------------------------------------------------------ the dialog (GUI thread)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        self.count += 1
        self.last_report = (summary, details)
        try:
            self._open_dialog(summary, details)
        except Exception as exc:  # never recurse into the hook that called us
            print(f"fashion-desktop: could not show an error dialog: {exc}", file=sys.stderr)
        self.reported.emit(summary, details)

    def _open_dialog(self, summary: str, details: str) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setInformativeText(self._informative(self.count))
            return  # one dialog at a time: a failing loop must not bury the window under dialogs
        parent = QApplication.activeWindow() or next(
            (w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == "MainWindow"), None)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Something went wrong"),
                          self.tr("An unexpected error occurred: {0}").format(summary[:500]),
                          QMessageBox.StandardButton.Ok, parent if isinstance(parent, QWidget) else None)
        box.setObjectName("errorReportDialog")
        box.setInformativeText(self._informative(1))
        box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._dialog_closed)
        self.dialog = box
        box.open()

    def _informative(self, count: int) -> str:
        where = self.tr("The details were saved in {0}.").format(self.log_path) if any(
            isinstance(h, RotatingFileHandler) for h in self._handlers) else ""
        more = self.tr(" ({0} errors so far.)").format(count) if count > 1 else ""
        return self.tr("The app keeps running; you can go on working.") + more + " " + where

    @Slot()
    def _dialog_closed(self) -> None:
        self.dialog = None


def install_error_reporter(parent: QObject, folder: Path | None = None) -> ErrorReporter:
    """Create and install the app's reporter (called once by gui/app.py)."""
    return ErrorReporter(folder, parent).install()
