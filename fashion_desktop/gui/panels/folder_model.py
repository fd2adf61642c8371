"""The folder view's data: one row per file (FolderModel) and the class/confidence filter with sorting (FolderFilter).

Numbers sort as numbers (SORT_ROLE); failed files sort last by confidence and can be shown alone.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QImage

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.gui.folder_job import FolderRow

PICTURE, CLASS, CONFIDENCE, SECOND, ERROR = range(5)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ONLY_ERRORS = -2
ALL_CLASSES = -1
_ROOT = QModelIndex()


class FolderModel(QAbstractTableModel):
    """The rows of one folder, in listing order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[FolderRow] = []
        self.root = Path()
        self._images: dict[int, QImage] = {}
        self._headers = (self.tr("Picture"), self.tr("Class"), self.tr("Confidence"), self.tr("Second guess"),
                         self.tr("Error"))

    def reset(self, root: Path) -> None:
        self.beginResetModel()
        self.rows, self.root, self._images = [], root, {}
        self.endResetModel()

    def append(self, rows: list[FolderRow]) -> None:
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def name(self, row: FolderRow) -> str:
        try:
            return str(row.path.relative_to(self.root))
        except ValueError:
            return str(row.path)

    @staticmethod
    def ranked(row: FolderRow) -> tuple[int, int]:
        order = np.argsort(row.probabilities)[::-1]
        return int(order[0]), int(order[1])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DecorationRole and column == PICTURE:
            return self._thumbnail(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.error or str(row.path)
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return None
        if column == PICTURE:
            return self.name(row) if role == Qt.ItemDataRole.DisplayRole else self.name(row).casefold()
        if column == ERROR:  # the path is in the first column; the tooltip has the whole message
            if role == Qt.ItemDataRole.DisplayRole:
                return row.error.removeprefix(str(row.path)).lstrip(" :")
            return row.error
        if not row.ok:
            return "" if role == Qt.ItemDataRole.DisplayRole else -1.0
        first, second = self.ranked(row)
        probs = row.probabilities
        if column == CLASS:
            return CLASS_NAMES[first]
        if column == CONFIDENCE:
            return f"{probs[first]:.1%}" if role == Qt.ItemDataRole.DisplayRole else float(probs[first])
        if column == SECOND:
            if role == SORT_ROLE:
                return CLASS_NAMES[second]
            return self.tr("{0} ({1})").format(CLASS_NAMES[second], f"{probs[second]:.1%}")
        return None

    def _thumbnail(self, row: int) -> QImage | None:
        image = self._images.get(row)
        if image is None and self.rows[row].thumbnail is not None:
            pixels = np.ascontiguousarray(self.rows[row].thumbnail)
            height, width = pixels.shape[:2]
            image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGBA8888).copy()
            self._images[row] = image
        return image

    def csv_rows(self, rows: list[int] | None = None) -> list[list[str]]:
        from fashion_desktop.answers import csv_row

        chosen = range(len(self.rows)) if rows is None else rows
        return [csv_row(str(self.rows[i].path), None if self.rows[i].probabilities is None
                        else self.rows[i].probabilities.tolist(), self.rows[i].error) for i in chosen]


class FolderFilter(QSortFilterProxyModel):
    """Keeps the rows of one class (or the failed ones) at or above a minimum confidence."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.class_index = ALL_CLASSES
        self.min_confidence = 0.0
        self.setSortRole(SORT_ROLE)

    def set_filter(self, class_index: int, min_confidence: float) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.class_index, self.min_confidence = class_index, min_confidence
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.class_index, self.min_confidence = class_index, min_confidence
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self.sourceModel().rows[source_row]
        if self.class_index == ONLY_ERRORS:
            return not row.ok
        if not row.ok:
            return self.class_index == ALL_CLASSES and self.min_confidence <= 0
        first = int(row.probabilities.argmax())
        if self.class_index >= 0 and first != self.class_index:
            return False
        return float(row.probabilities[first]) >= self.min_confidence
