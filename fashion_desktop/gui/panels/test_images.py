"""The test set panel's image grid as a Qt list model: the images shown, their thumbnails and tooltips.

Thumbnails are made when a row is first painted and kept, so filtering the 10,000 images (a class,
the misclassified ones, a confusion-matrix cell) only resets the indices shown.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPixmap

from fashion_desktop.classes import class_name
from fashion_desktop.gui.canvas import array_to_qimage
from fashion_desktop.gui.widgets.confusion import short_name

THUMB = 56
translate = QCoreApplication.translate  # with literal arguments, so that pyside6-lupdate finds them


class TestImagesModel(QAbstractListModel):
    """The images currently shown (indices into the split); thumbnails are made when first painted."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.images: np.ndarray | None = None
        self.labels: np.ndarray | None = None
        self.predicted: np.ndarray | None = None
        self.confidence: np.ndarray | None = None
        self.indices = np.zeros(0, np.int64)
        self._cache: dict[int, QPixmap] = {}

    def set_data(self, images, labels, predicted, confidence, indices) -> None:
        self.beginResetModel()
        if images is not self.images:
            self._cache.clear()
        self.images, self.labels, self.predicted, self.confidence = images, labels, predicted, confidence
        self.indices = np.asarray(indices, np.int64)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.indices)

    def test_index(self, row: int) -> int:
        return int(self.indices[row])

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.images is None:
            return None
        i = int(self.indices[index.row()])
        truth = int(self.labels[i])
        guess = None if self.predicted is None else int(self.predicted[i])
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._cache.get(i)
            if pixmap is None:
                image = array_to_qimage(self.images[i])
                pixmap = QPixmap.fromImage(image.scaled(THUMB, THUMB, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                        Qt.TransformationMode.FastTransformation))
                self._cache[i] = pixmap
            return pixmap
        if role == Qt.ItemDataRole.DisplayRole:
            return short_name(guess if guess is not None else truth)
        if role == Qt.ItemDataRole.ForegroundRole and guess is not None and guess != truth:
            return QBrush(QColor(200, 40, 40))
        if role == Qt.ItemDataRole.ToolTipRole:
            if guess is None:
                return translate("TestSetPanel", "Test image #{0}: {1}").format(i, class_name(truth))
            mark = translate("TestSetPanel", "correct") if guess == truth else translate("TestSetPanel", "wrong")
            text = translate("TestSetPanel",
                             "Test image #{0}\nTrue: {1}\nPredicted: {2} ({3:.1%}), {4}\nClick to put it on the canvas")
            return text.format(
                i, class_name(truth), class_name(guess), float(self.confidence[i]), mark)
        if role == Qt.ItemDataRole.UserRole:
            return i
        return None
