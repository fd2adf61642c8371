"""Every learned parameter, as the tutorial lists them with `named_parameters()`, and their total.

Rows come from `introspect.parameter_table` (computed in the worker). The preview column shows
the first values of `param[:2]`, and its tooltip the full text the tutorial prints.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

COLUMNS = (QT_TRANSLATE_NOOP("ParametersPanel", "Name"), QT_TRANSLATE_NOOP("ParametersPanel", "Shape"),
           QT_TRANSLATE_NOOP("ParametersPanel", "Count"), QT_TRANSLATE_NOOP("ParametersPanel", "Bytes"),
           QT_TRANSLATE_NOOP("ParametersPanel", "Dtype"), QT_TRANSLATE_NOOP("ParametersPanel", "Device"),
           QT_TRANSLATE_NOOP("ParametersPanel", "Preview (param[:2])"))
NUMERIC = {1, 2, 3}


def preview_text(values: np.ndarray, per_row: int = 4) -> str:
    """A one-line preview of `param[:2]`: a few numbers per row, '…' for the rest."""
    values = np.asarray(values)
    if values.ndim == 1:
        shown = ", ".join(f"{v:.4f}" for v in values[:per_row])
        return f"[{shown}{', …' if values.size > per_row else ''}]"
    rows = [preview_text(row, per_row) for row in values]
    return "[" + ", ".join(rows) + "]"


def human_bytes(count: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if count < 1024 or unit == "GiB":
            return f"{count:,} B" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return ""


class ParametersPanel(QWidget):
    """A table of parameters plus the total; `select_layer(name)` selects that layer's rows."""

    parameterSelected = Signal(str)  # the first selected parameter, whenever the selection changes
    parameterActivated = Signal(str)  # double-click or Enter on a row: show its values

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ParametersPanel")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("parameterTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.total = QLabel(self)
        self.total.setObjectName("parameterTotal")
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        self.show_message(self.tr("Loading the network…"))
        self._names: list[str] = []
        self.table.itemSelectionChanged.connect(self._emit_selected)
        self.table.itemActivated.connect(lambda item: self.parameterActivated.emit(self._names[item.row()]))

    def show_message(self, text: str) -> None:
        self.table.setRowCount(0)
        self._names = []
        self.total.setText(text)

    def populate(self, rows: list, total: int) -> None:
        """Fill from `[ParameterInfo]`; `total` is the sum of their counts."""
        self.table.setRowCount(len(rows))
        self._names = [row.name for row in rows]
        for r, row in enumerate(rows):
            cells = (row.name, "(" + ", ".join(map(str, row.shape)) + ")", f"{row.count:,}", f"{row.bytes:,}",
                     row.dtype, row.device, preview_text(row.preview_values))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in NUMERIC:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == len(cells) - 1:
                    item.setToolTip(row.preview)
                else:
                    item.setToolTip(self.tr("Double-click to see all its values in the Weights view"))
                self.table.setItem(r, c, item)
        size = sum(row.bytes for row in rows)
        self.total.setText(self.tr("Total: {0} parameters ({1})").format(f"{total:,}", human_bytes(size)))

    def names(self) -> list[str]:
        return list(self._names)

    def selected_names(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._names[r] for r in rows]

    @Slot()
    def _emit_selected(self) -> None:
        names = self.selected_names()
        if names:
            self.parameterSelected.emit(names[0])

    @Slot(str)
    def select_layer(self, name: str) -> None:
        """Select the parameters of layer `name` ('' selects all; a layer without any selects none)."""
        model = self.table.selectionModel()
        model.clearSelection()
        first = None
        for r, param in enumerate(self._names):
            if name == "" or param.startswith(name + "."):
                index = self.table.model().index(r, 0)
                model.select(index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
                first = index if first is None else first
        if first is not None:
            self.table.scrollTo(first)
