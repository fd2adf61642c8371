"""Nothing lost: a damaged settings file falls back to defaults, and the drawing survives a crash.

Settings: QSettings writes atomically by default (`isAtomicSyncRequired()`), so a crash cannot
half-write them, but a disk error or a hand edit can still leave a file Qt cannot parse (it then
reports `FormatError`) or bytes that are not text at all (Qt's INI reader takes those silently
as junk keys). Either way the file is moved aside, kept for inspection, and the app starts from
defaults with a notice.

Drawing: `CanvasAutosave` writes the canvas as a PNG into the app's data folder a moment after it
changes (one single-shot timer, so a long stroke costs one save, not one per pointer event), and
the encoding and the atomic write run on a background thread, off the drawing's hot path. On a
clean close it saves at once; at start the window restores what was there.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from fashion_desktop.atomic import atomic_write_bytes
from fashion_desktop.gui.canvas import DrawingCanvas, array_to_qimage, qimage_to_array

AUTOSAVE_NAME = "autosave.png"
AUTOSAVE_DELAY_MS = 1500

translate = QCoreApplication.translate  # with literal arguments, so that pyside6-lupdate finds them


# ---------------------------------------------------------------- settings


def _unreadable(path: Path) -> bool:
    """Bytes no settings file holds: NULs, or text that is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError:
        return False  # missing or unreadable: Qt reports that as AccessError itself
    if b"\x00" in data:
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def recover_settings(settings: QSettings) -> tuple[QSettings, str]:
    """`settings`, or fresh defaults at the same place when its file is damaged; plus a notice ('' if fine)."""
    path = Path(settings.fileName())
    is_file = settings.format() == QSettings.Format.IniFormat or path.is_file()
    damaged = settings.status() == QSettings.Status.FormatError or (is_file and path.is_file() and _unreadable(path))
    if settings.status() == QSettings.Status.AccessError:
        return settings, translate("Recovery",
                "Your settings cannot be read or saved ({0}); defaults are used.").format(path)
    if not damaged:
        return settings, ""
    kept = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    fmt = settings.format()
    try:
        os.replace(path, kept)
    except OSError:
        kept = None
        try:
            path.unlink()
        except OSError:
            pass
    fresh = QSettings(str(path), fmt)
    fresh.clear()
    fresh.sync()
    where = translate("Recovery", " The damaged copy was kept as {0}.").format(kept) if kept is not None else ""
    return fresh, translate("Recovery", "Your settings file was damaged and has been reset to the defaults.") + where


# ---------------------------------------------------------------- the drawing


def _encode_png(grey: np.ndarray) -> bytes:
    """Grey pixels → PNG bytes; runs on the autosave thread (QImage is reentrant)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not array_to_qimage(grey).save(buffer, "PNG"):
        raise OSError("the PNG could not be encoded")
    return bytes(buffer.data())


class CanvasAutosave(QObject):
    """Keeps `folder/autosave.png` equal to the canvas, a moment behind; `restore()` puts it back."""

    saved = Signal(str)  # the path, after a write finished (delivered in the GUI thread)
    failed = Signal(str)  # why a write failed (the drawing on screen is unaffected)

    def __init__(self, canvas: DrawingCanvas, folder: Path, parent: QObject | None = None,
                 delay_ms: int = AUTOSAVE_DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("CanvasAutosave")
        self.canvas = canvas
        self.path = Path(folder) / AUTOSAVE_NAME
        self.saves = 0  # writes finished, for tests
        self.restored_notice = ""  # what `restore()` said when it put a drawing back
        self._dirty = False
        self._closed = False
        self._pending: Future | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_soon)
        canvas.changed.connect(self._on_changed)

    @Slot()
    def _on_changed(self) -> None:
        """The hot path: one flag and, at most, starting a timer."""
        self._dirty = True
        if not self._timer.isActive() and not self._closed:
            self._timer.start()

    @Slot()
    def save_soon(self) -> None:
        """Copy the canvas now and write it on the autosave thread."""
        if self._closed or not self._dirty:
            return
        self._dirty = False
        grey = self.canvas.grey()  # an owned copy: the thread never touches the QImage
        self._pending = self._executor.submit(self._write, grey)

    def _write(self, grey: np.ndarray) -> None:
        try:
            if grey.any():
                atomic_write_bytes(self.path, _encode_png(grey))
            else:
                self.path.unlink(missing_ok=True)  # a cleared canvas: nothing to restore
        except OSError as exc:
            self.failed.emit(translate("Recovery", "The drawing could not be autosaved to {0}: {1}").format(
                self.path, exc.strerror or exc))
            return
        self.saves += 1
        self.saved.emit(str(self.path))

    def flush(self) -> None:
        """Write any unsaved change now and wait for it (a clean close)."""
        self._timer.stop()
        if self._dirty and not self._closed:
            self.save_soon()
        if self._pending is not None:
            self._pending.result()

    def close(self) -> None:
        """Flush, then stop the thread. Safe to call twice."""
        if self._closed:
            return
        self.flush()
        self._closed = True
        self._executor.shutdown(wait=True)

    def restore(self) -> str:
        """Put the autosaved drawing back on a blank canvas; returns a notice ('' when there was none)."""
        if not self.path.is_file():
            return ""
        image = QImage(str(self.path))
        if image.isNull() or image.width() != DrawingCanvas.SIZE or image.height() != DrawingCanvas.SIZE:
            damaged = self.path.with_name(self.path.name + ".damaged")
            try:
                os.replace(self.path, damaged)
            except OSError:
                pass
            return translate("Recovery",
                    "The autosaved drawing could not be read; it was set aside as {0}.").format(damaged)
        grey = qimage_to_array(image)
        if not grey.any():
            return ""
        self.canvas.set_grey(grey, translate("Recovery", "Restore drawing"))
        self._dirty = False  # what is on screen is what is on disk
        self._timer.stop()
        self.restored_notice = translate("Recovery", "Your last drawing was restored.")
        return self.restored_notice


def announce_when_ready(window, notices: list[str]) -> None:
    """Show start-up notices in the status bar once the model is ready (earlier ones get overwritten).

    `notices` is read again then, so the window may change it meanwhile: a picture opened at
    start-up ("Open with") puts its own notice in place of the restored drawing's."""
    def text() -> str:
        return " ".join(n for n in notices if n)

    if text():
        window.statusBar().showMessage(text(), 15000)

    def show(_info=None) -> None:
        window.modelShown.disconnect(show)
        if text():
            window.statusBar().showMessage(text(), 15000)

    window.modelShown.connect(show)
