"""Charts and tables out of the window: PNG, SVG, and their numbers as CSV; copy to the clipboard.

A "chart" is any pyqtgraph view (probabilities, training curves, activations, weights and
histogram) or item view (confusion matrices, the test-set grid, tables) in the window. Pictures
come from Qt itself: `QWidget.grab()` for PNG (what is on screen, at the screen's pixel ratio) and
`QSvgGenerator` for SVG (the widget painted as vector paths and text; pyqtgraph's SVGExporter
raises on Qt 6's path syntax in pyqtgraph 0.14). The numbers come from what
the chart draws: each pyqtgraph curve's x/y, each bar's position and length, each image's pixel
values (the layer's activations or weights), each table cell; a panel can give better-labelled
tables with an `export_tables()` method returning `[Table]`. pyqtgraph's own CSVExporter only knows
curves, not bars or images, hence this.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMimeData,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
)
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

FORMATS = ("png", "svg", "csv")


@dataclass
class Table:
    """One block of numbers: a title, column names, rows (numbers or text)."""

    title: str
    header: list[str]
    rows: list[list] = field(default_factory=list)


# ---------------------------------------------------------------- what counts as a chart


def is_graphics_view(widget: QWidget) -> bool:
    """A pyqtgraph plot (or one of ours built on QGraphicsView), not any graphics view."""
    from PySide6.QtWidgets import QGraphicsView

    return isinstance(widget, QGraphicsView) and type(widget).__module__.startswith(("pyqtgraph", "fashion_desktop"))


CHART_PROPERTY = "exportableChart"  # a widget painted by hand says it is a chart with this Qt property


def is_chart(widget: QWidget) -> bool:
    """A pyqtgraph view, an item view (table, list, grid), or a widget that says it is a chart."""
    return (is_graphics_view(widget) or isinstance(widget, QAbstractItemView)
            or bool(widget.property(CHART_PROPERTY)))


def find_charts(root: QWidget, visible_only: bool = True) -> list[QWidget]:
    """The charts inside `root` (itself included), in widget-tree order."""
    found = [root] if is_chart(root) else []
    for child in root.findChildren(QWidget):
        if is_chart(child) and not any(child is f or f.isAncestorOf(child) for f in found):
            found.append(child)
    return [w for w in found if w.isVisibleTo(root.window()) or not visible_only]


def chart_of(widget: QWidget | None) -> QWidget | None:
    """The chart a widget belongs to (a view's viewport belongs to its view)."""
    while widget is not None:
        if is_chart(widget):
            return widget
        widget = widget.parentWidget()
    return None


# ---------------------------------------------------------------- the numbers


def plot_title(item) -> str:
    """A pyqtgraph plot's title, or ''."""
    label = getattr(item, "titleLabel", None)
    text = getattr(label, "text", "") if label is not None else ""
    return text if isinstance(text, str) else ""


def _items_tables(view) -> list[Table]:
    import pyqtgraph as pg

    tables: list[Table] = []
    plots = [i for i in view.scene().items() if isinstance(i, pg.PlotItem)]

    def title_for(item, kind: str) -> str:
        owner = next((p for p in plots if item in p.items), None)
        name = item.name() if hasattr(item, "name") and callable(item.name) else None
        parts = [t for t in (plot_title(owner) if owner is not None else "", name or "", kind) if t]
        return " — ".join(parts)

    for item in reversed(view.scene().items()):  # items() is topmost first; creation order reads better
        if isinstance(item, pg.PlotDataItem):
            x, y = item.getData()
            if x is None or len(x) == 0:
                continue
            tables.append(Table(title_for(item, "curve"), ["x", "y"], [[float(a), float(b)] for a, b in zip(x, y)]))
        elif isinstance(item, pg.BarGraphItem):
            tables.append(_bars_table(item, title_for(item, "bars")))
        elif isinstance(item, pg.ImageItem) and item.image is not None and item.isVisible():
            image = np.asarray(item.image)
            if image.ndim == 2:
                tables.append(Table(title_for(item, f"image {image.shape[0]}×{image.shape[1]}"),
                                    [f"column {j}" for j in range(image.shape[1])],
                                    [[float(v) for v in row] for row in image]))
    return [t for t in tables if t.rows]


def _bars_table(item, title: str) -> Table:
    opts = item.opts
    height, width = opts.get("height"), opts.get("width")
    if opts.get("x0") is not None and opts.get("y") is not None and np.ndim(width) == 1:  # horizontal bars
        y, value = np.asarray(opts["y"], float), np.asarray(width, float)
        start = np.broadcast_to(np.asarray(opts["x0"], float), value.shape)
        return Table(title, ["y", "from", "length"], [[a, b, c] for a, b, c in zip(y, start, value)])
    value = np.asarray(height, float).ravel()
    if opts.get("x0") is not None and opts.get("x1") is not None:  # histogram bins
        x0 = np.broadcast_to(np.asarray(opts["x0"], float), value.shape)
        x1 = np.broadcast_to(np.asarray(opts["x1"], float), value.shape)
        return Table(title, ["from", "to", "height"], [[a, b, c] for a, b, c in zip(x0, x1, value)])
    x = np.broadcast_to(np.asarray(opts.get("x", np.arange(len(value))), float), value.shape)
    return Table(title, ["x", "height"], [[a, b] for a, b in zip(x, value)])


def _item_view_table(view: QAbstractItemView, title: str) -> Table:
    from PySide6.QtCore import Qt

    model = view.model()
    if model is None:
        return Table(title, [])
    columns, rows = model.columnCount(), model.rowCount()
    horizontal = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    vertical = [str(model.headerData(r, Qt.Orientation.Vertical) or "") for r in range(rows)]
    with_row_names = any(vertical) and not all(v == str(i + 1) for i, v in enumerate(vertical))
    out = Table(title, ([""] if with_row_names else []) + horizontal)
    is_tree = isinstance(view, QTreeView)

    def add(parent: QModelIndex, depth: int) -> None:  # a tree's rows below their parents, indented
        for r in range(model.rowCount(parent)):
            if _hidden(view, r, parent):
                continue
            cells = []
            for c in range(columns):
                index = model.index(r, c, parent)
                text = model.data(index, Qt.ItemDataRole.DisplayRole)
                if text in (None, ""):  # an icon grid: the tooltip says what the cell is
                    text = model.data(index, Qt.ItemDataRole.ToolTipRole)
                cells.append("" if text is None else str(text).replace("\n", " "))
            if depth and cells:
                cells[0] = "  " * depth + cells[0]
            names = [vertical[r]] if with_row_names and not parent.isValid() else ([""] if with_row_names else [])
            out.rows.append(names + cells)
            if is_tree:
                first = model.index(r, 0, parent)
                if model.rowCount(first):
                    add(first, depth + 1)

    add(QModelIndex(), 0)
    return out


def _hidden(view: QAbstractItemView, row: int, parent: QModelIndex) -> bool:
    try:
        return bool(view.isRowHidden(row, parent))  # QTreeView
    except TypeError:
        return bool(view.isRowHidden(row)) if hasattr(view, "isRowHidden") else False  # QTableView, QListView


def chart_tables(chart: QWidget, title: str = "") -> list[Table]:
    """The numbers a chart shows, as tables (a panel's own `export_tables()` first)."""
    owner = chart
    while owner is not None:
        provider = getattr(owner, "export_tables", None)
        if callable(provider):
            tables = provider(chart)
            if tables is not None:
                return tables
        owner = owner.parentWidget()
    if is_graphics_view(chart):
        return _items_tables(chart)
    if isinstance(chart, QAbstractItemView):
        table = _item_view_table(chart, title)
        return [table] if table.rows else []
    return []


def csv_text(tables: list[Table]) -> str:
    """One table as plain CSV; several one after another, each under a `# title` line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for n, table in enumerate(tables):
        if len(tables) > 1:
            if n:
                buffer.write("\n")
            writer.writerow([f"# {table.title}"])
        writer.writerow(table.header)
        writer.writerows([[f"{v:.7g}" if isinstance(v, float) else v for v in row] for row in table.rows])
    return buffer.getvalue()


# ---------------------------------------------------------------- pictures and files


def png_bytes(chart: QWidget) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    chart.grab().save(buffer, "PNG")
    return bytes(buffer.data())


def svg_bytes(chart: QWidget, title: str = "") -> bytes:
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    size = chart.size()
    generator.setSize(QSize(size.width(), size.height()))
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("Fashion Desktop")
    painter = QPainter(generator)
    try:
        # The widget as it paints itself (QGraphicsView.render would refit the scene, and pyqtgraph's
        # SVGExporter fails on Qt 6's path syntax): vector paths and text, laid out as on screen.
        QWidget.render(chart, painter, QPoint())
    finally:
        painter.end()
    buffer.close()
    return bytes(data)


def save_chart(chart: QWidget, path: str | Path, title: str = "") -> Path:
    """Write the chart as PNG, SVG or CSV (by the suffix), atomically. Raises OSError or ValueError."""
    from fashion_desktop.atomic import atomic_write_bytes

    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    if kind == "png":
        data = png_bytes(chart)
    elif kind == "svg":
        data = svg_bytes(chart, title)
    elif kind == "csv":
        tables = chart_tables(chart, title)
        if not tables:
            raise ValueError(QCoreApplication.translate("ChartExport", "this chart has no numbers to export yet"))
        data = csv_text(tables).encode("utf-8")
    else:
        raise ValueError(QCoreApplication.translate("ChartExport", "unknown format {0}: use .png, .svg or .csv")
                         .format(path.suffix or path.name))
    atomic_write_bytes(path, data)
    return path


def copy_chart(chart: QWidget, title: str = "") -> QMimeData:
    """Put the chart on the clipboard: as a picture, and its numbers as text (tab-separated pastes into sheets)."""
    mime = QMimeData()
    mime.setImageData(chart.grab().toImage())
    tables = chart_tables(chart, title)
    if tables:
        mime.setText(csv_text(tables))
    QGuiApplication.clipboard().setMimeData(mime)
    return mime
