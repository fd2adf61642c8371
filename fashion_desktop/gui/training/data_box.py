"""The Train panel's data box: says Fashion-MNIST is missing, how to get it, and downloads it.

Training needs the data set; this box is the one place that looks for it, explains each way to
get it, and fetches it with the verified downloader (`dataset/download.py`) in a thread, with
progress and Cancel. It hides itself once the files are here and tells the panel through
`availabilityChanged`; its messages for the panel's status line go out through `message`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from fashion_desktop.errors import DataError

if TYPE_CHECKING:
    from fashion_desktop.gui.training.download_thread import DownloadThread


class DataBox(QGroupBox):
    """`check()` looks for the data (True when it is here); `download()`, `cancel()`, `shutdown()`."""

    availabilityChanged = Signal(bool)  # after each check: True when the data set is on this computer
    message = Signal(str)  # what happened to the download, for the panel's status line

    def __init__(self, data_dir: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Fashion-MNIST is needed"))
        self.data_dir = data_dir
        self.downloader: DownloadThread | None = None
        self.mirrors: tuple[str, ...] | None = None  # None: the downloader's own list
        self._closing = False
        self.label = QLabel(self)
        self.label.setObjectName("dataLabel")
        self.label.setWordWrap(True)
        self.label.setOpenExternalLinks(True)
        self.download_button = QPushButton(self.tr("Download it (about 30 MB)"), self)
        self.download_button.clicked.connect(self.download)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        row = QHBoxLayout()
        row.addWidget(self.download_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addWidget(self.progress)

    def is_downloading(self) -> bool:
        return self.downloader is not None and self.downloader.isRunning()

    def check(self) -> bool:
        """True when Fashion-MNIST is on this computer; otherwise show how to get it and offer the download."""
        from fashion_desktop.dataset.files import find_dataset  # hashlib, gzip: when the panel is first shown

        try:
            find_dataset(self.data_dir)
        except DataError as exc:
            self.label.setText(self.tr(
                "Training needs the Fashion-MNIST images, which are not on this computer.\n\n{0}\n\n"
                "The README's \"The data\" section explains each way. Or download them here "
                "(from the same mirrors torchvision uses; each file is checked).").format(exc))
            self.setVisible(True)
            downloading = self.is_downloading()
            self.download_button.setEnabled(not downloading)
            self.cancel_button.setVisible(downloading)
            self.progress.setVisible(downloading)
            self.availabilityChanged.emit(False)
            return False
        self.setVisible(False)
        self.availabilityChanged.emit(True)
        return True

    @Slot()
    def download(self) -> None:
        """Fetch Fashion-MNIST in a thread, with progress; Cancel stops it."""
        if self.is_downloading():
            return
        # imported on the first download, not at start: urllib, http and ssl cost the first paint ~0.1 s
        from fashion_desktop.gui.training.download_thread import DownloadThread

        self.downloader = DownloadThread(mirrors=self.mirrors, parent=self)
        self.downloader.progressed.connect(self._on_progress)
        self.downloader.succeeded.connect(self._on_done)
        self.downloader.failed.connect(self._on_failed)
        self.downloader.cancelled.connect(self._on_cancelled)
        self.progress.setRange(0, 0)
        self.download_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.progress.setVisible(True)
        self.message.emit(self.tr("Downloading Fashion-MNIST…"))
        self.downloader.start()

    @Slot()
    def cancel(self) -> None:
        if self.downloader is not None:
            self.downloader.cancel()

    def shutdown(self) -> None:
        """Stop the download and wait for its thread. Safe to call twice."""
        self._closing = True
        if self.downloader is not None:
            self.downloader.shutdown()

    @Slot(object)
    def _on_progress(self, progress) -> None:
        if self._closing:
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * progress.done_bytes / max(1, progress.total_bytes)))
        self.progress.setFormat(self.tr("{0} ({1} of {2} files) · {3:.1f} of {4:.1f} MB").format(
            progress.file, progress.index + 1, progress.files, progress.done_bytes / 1e6, progress.total_bytes / 1e6))

    def _finish(self, text: str) -> None:
        if self._closing:
            return
        self.message.emit(text)
        self.check()

    @Slot(str)
    def _on_done(self, folder: str) -> None:
        self._finish(self.tr("Fashion-MNIST is in {0}.").format(folder))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish(self.tr("The download failed: {0}").format(message))

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish(self.tr("The download was cancelled."))
