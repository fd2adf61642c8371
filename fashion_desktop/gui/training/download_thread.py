"""Downloading Fashion-MNIST off the GUI thread, with progress and cancel (core: `download.py`)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from fashion_desktop.dataset.download import DownloadCancelled, download_dataset
from fashion_desktop.errors import FashionDesktopError


class DownloadThread(QThread):
    """Fetches the four files into the per-user data folder (or `root`)."""

    progressed = Signal(object)  # download.DownloadProgress
    succeeded = Signal(str)  # the folder
    failed = Signal(str)  # what went wrong and what to do
    cancelled = Signal()

    def __init__(self, root: str | None = None, mirrors: tuple[str, ...] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("DownloadThread")
        self.root = root
        self.mirrors = mirrors
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        self._cancel.set()
        return self.wait(timeout_ms) if self.isRunning() else True

    def run(self) -> None:
        kwargs = {"mirrors": self.mirrors} if self.mirrors else {}
        try:
            folder = download_dataset(self.root, on_progress=self.progressed.emit, cancelled=self._cancel.is_set,
                                      **kwargs)
        except DownloadCancelled:
            self.cancelled.emit()
            return
        except FashionDesktopError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # never take the app down over a download
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.succeeded.emit(str(folder))
