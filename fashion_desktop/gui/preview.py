"""The 28×28 image the network actually receives, shown large with visible pixels.

People draw at 448×448; the network sees 784 numbers. Showing the real input (not the drawing)
explains most surprising predictions: thin strokes vanish, shapes get cropped and centred.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from fashion_desktop.gui.canvas import array_to_qimage


class InputPreview(QWidget):
    """Paints `pixels` (float32 28×28 in [0, 1]) with nearest-neighbour scaling; blank when None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InputPreview")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(112, 112)
        self.setAccessibleName(self.tr("Network input, 28 by 28 pixels"))
        self._pixels: np.ndarray | None = None
        self._image = None
        self._overlay: QImage | None = None  # the saliency overlay (RGBA), drawn over the pixels

    def sizeHint(self) -> QSize:
        return QSize(168, 168)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def pixels(self) -> np.ndarray | None:
        return None if self._pixels is None else self._pixels.copy()

    def set_pixels(self, pixels: np.ndarray | None) -> None:
        if pixels is None:
            self._pixels, self._image = None, None
        else:
            self._pixels = np.array(pixels, dtype=np.float32, copy=True)
            grey = array_to_qimage(np.clip(self._pixels * 255.0 + 0.5, 0, 255).astype(np.uint8))
            self._image = grey.convertToFormat(QImage.Format.Format_RGB32)  # scales ~6× faster than 8-bit
        self.update()

    def set_overlay(self, rgba: np.ndarray | None) -> None:
        """Draw uint8 28×28×4 colours over the input (e.g. `saliency.overlay_rgba`); None removes it."""
        if rgba is None:
            self._overlay = None
        else:
            data = np.ascontiguousarray(rgba, dtype=np.uint8)
            height, width = data.shape[:2]
            self._overlay = QImage(data.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()
        self.update()

    def has_overlay(self) -> bool:
        return self._overlay is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = max(1.0, min(self.width(), self.height()) - 2.0)
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter.fillRect(rect, Qt.GlobalColor.black)
        if self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(rect, self._image)
            if self._overlay is not None:
                painter.drawImage(rect, self._overlay)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.end()


class PreviewColumn(QWidget):
    """The column beside the canvas: a caption, the 28×28 input, a note on what preprocessing did,
    and whatever views add under it (`ExtensibleWindow.add_under_preview` inserts before the stretch).

    Its width is fixed: a long note ("closed outline filled, mirrored: …") wraps instead of
    widening the column and shrinking the canvas while the person draws.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        caption = QLabel(QCoreApplication.translate("MainWindow", "What the network sees\n(28 × 28 pixels)"), self)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = InputPreview(self)
        self.note = QLabel(self)
        self.note.setObjectName("previewNote")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        for widget in (caption, self.preview, self.note):
            self.column.addWidget(widget)
        self.column.addStretch(1)
        self.setFixedWidth(max(caption.sizeHint().width(), self.preview.sizeHint().width()) + 24)
