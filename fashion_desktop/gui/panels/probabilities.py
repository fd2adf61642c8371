"""The ten class probabilities as horizontal bars, the top class in large text.

The chart is one small widget painted with QPainter: a result at 60 Hz costs a repaint of a few
dozen calls over a cached layer of what results do not change (1.57 → 0.51 ms a repaint, pixel for
pixel the same), and the axis is fixed at 0–1 so nothing jumps. It
replaced a pyqtgraph plot whose scene cost hundreds of Python calls per result and whose import
(half a second) fell right after the first paint, when the first answer arrives.
Horizontal bars keep the class names horizontal and readable on the left.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPaintEngine, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from fashion_desktop.classes import NUM_CLASSES, class_name, class_names

LOADING, EMPTY, ERROR, RESULT = "loading", "empty", "error", "result"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class BarsChart(QWidget):
    """Ten horizontal bars with the class names on the left and each value beside its bar.

    Painted directly with QPainter: one paint is a few dozen calls, where a pyqtgraph scene cost
    hundreds of Python calls per result (and half a second of import after the first paint).
    """

    painted = Signal()  # a paint finished: what it shows is on screen
    rowClicked = Signal(int)

    TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probabilityPlot")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel is painted below
        self.values = np.zeros(NUM_CLASSES, np.float32)
        self.index = -1
        self._names_width = 0
        self._static: QPixmap | None = None  # see _static_layer
        self._static_key: tuple = ()

    def set_values(self, values: np.ndarray, index: int) -> None:
        self.values, self.index = values, index
        self.update()

    def _geometry(self) -> tuple[QRectF, float]:
        """The bars' area (0–100 % across) and the height of one row."""
        metrics = self.fontMetrics()
        if not self._names_width:
            self._names_width = max(metrics.horizontalAdvance(name) for name in class_names()) + 10
        left, top = self._names_width, 6
        right = self.width() - metrics.horizontalAdvance("100%") // 2 - 6
        bottom = self.height() - metrics.height() - 8
        area = QRectF(left, top, max(10, right - left), max(10, bottom - top))
        return area, area.height() / NUM_CLASSES

    def row_center(self, index: int) -> QPointF:
        """Where the middle of class `index`'s bar area is, in widget coordinates (clicks, tests)."""
        area, row = self._geometry()
        return QPointF(area.left() + area.width() * 0.3, area.top() + row * (index + 0.5))

    def row_at(self, y: float) -> int | None:
        area, row = self._geometry()
        index = int((y - area.top()) // row) if area.top() <= y < area.bottom() else -1
        return index if 0 <= index < NUM_CLASSES else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.row_at(event.position().y())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.rowClicked.emit(index)
        super().mousePressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LanguageChange):
            self._names_width = 0
        super().changeEvent(event)

    def _static_layer(self) -> QPixmap:
        """Background, grid, tick labels and class names: they change with size, font, palette and
        language, not with a result, so they are drawn once into a pixmap. Per result the chart then
        paints ten bars and ten values over it (text drawing was most of a repaint's GIL-held time)."""
        ratio = self.devicePixelRatioF()
        key = (self.size(), ratio, self.palette().cacheKey(), self.font().key(), tuple(class_names()))
        if self._static is not None and self._static_key == key:
            return self._static
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        self._paint_static(painter)
        painter.end()
        self._static, self._static_key = pixmap, key
        return pixmap

    def _paint_static(self, painter: QPainter) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        grid = QColor(text)
        grid.setAlpha(50)
        area, row = self._geometry()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        height = self.fontMetrics().height()
        painter.setPen(grid)
        for tick in self.TICKS:  # grid lines and their labels under the bars
            x = area.left() + tick * area.width()
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        painter.setPen(text)
        for tick in self.TICKS:
            x = area.left() + tick * area.width()
            painter.drawText(QRectF(x - 30, area.bottom() + 2, 60, height), Qt.AlignmentFlag.AlignHCenter, f"{tick:.0%}")
        for i, name in enumerate(class_names()):
            painter.drawText(QRectF(0, area.top() + i * row, area.left() - 6, row), _RIGHT, name)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        area, row = self._geometry()
        painter = QPainter(self)
        if painter.paintEngine().type() == QPaintEngine.Type.Raster:  # the screen (offscreen and X11 too)
            painter.drawPixmap(0, 0, self._static_layer())
        else:  # an SVG or PDF export: text and lines stay vectors
            self._paint_static(painter)
        bar, top = palette.color(QPalette.ColorRole.Mid), palette.color(QPalette.ColorRole.Highlight)
        text, inside_text = palette.color(QPalette.ColorRole.Text), QColor(Qt.GlobalColor.white)
        show_values = self.index >= 0
        painter.setPen(text)
        for i, value in enumerate(self.values.tolist()):
            y = area.top() + i * row
            length = max(0.0, min(1.0, value)) * area.width()
            painter.fillRect(QRectF(area.left(), y + row * 0.14, length, row * 0.72), top if i == self.index else bar)
            if show_values:
                label = f"{value:.1%}"
                if value > 0.82:  # no room right of a long bar: write inside it, right-aligned
                    painter.setPen(inside_text)
                    painter.drawText(QRectF(area.left(), y, length - 4, row), _RIGHT, label)
                    painter.setPen(text)
                else:
                    painter.drawText(QRectF(area.left() + length + 4, y, 80, row), _LEFT, label)
        painter.end()
        self.painted.emit()


class ProbabilitiesPanel(QWidget):
    """Shows a state: loading, nothing to classify, an error, or a prediction."""

    painted = Signal()  # the chart was repainted: what it shows is now on screen (for the bench)
    classClicked = Signal(int)  # a click on a class's bar or name (e.g. "why this class?")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProbabilitiesPanel")
        self.state = LOADING
        self._probabilities = np.zeros(NUM_CLASSES, np.float32)
        self._index = -1

        self.headline = QLabel(self)
        self.headline.setObjectName("headline")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        detail_font = QFont(self.font())
        detail_font.setPointSizeF(detail_font.pointSizeF() * 1.4)
        self.detail.setFont(detail_font)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.chart = BarsChart(self)
        self.chart.setProperty("exportableChart", True)  # PNG/SVG/CSV and Copy chart (gui/chart_export.py)
        self.chart.painted.connect(self.painted)
        self.chart.rowClicked.connect(self.classClicked)
        self.chart.setToolTip(self.tr("Click a class to see which pixels pushed it up or down"))

        # Said plainly when the familiarity score (network/familiarity.py) flags the input; the bars stay.
        self.unfamiliar = QLabel(self.tr("This does not look like a garment the network knows. "
                                         "The bars show its guess among the ten garments anyway."), self)
        self.unfamiliar.setObjectName("unfamiliar")
        self.unfamiliar.setWordWrap(True)
        self.unfamiliar.setStyleSheet("QLabel#unfamiliar { font-weight: bold; }")
        self.unfamiliar.hide()

        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.headline)
        self._layout.addWidget(self.detail)
        self._layout.addWidget(self.unfamiliar)
        self._layout.addWidget(self.chart, 1)
        self.show_loading(self.tr("Loading the network…"))

    # ------------------------------------------------------------ what tests and the window read

    def probabilities(self) -> np.ndarray:
        """The bar lengths currently shown."""
        return self._probabilities.copy()

    def export_tables(self, chart) -> list:
        """The numbers behind the bars, for the chart's context menu and File ▸ Export (gui/chart_export.py)."""
        from fashion_desktop.gui.chart_export import Table

        return [Table(self.tr("Probabilities"), [self.tr("class"), self.tr("probability")],
                      [[name, float(p)] for name, p in zip(class_names(), self._probabilities)])]

    def shown(self) -> np.ndarray:
        """The probabilities the bars show (a copy)."""
        return self._probabilities.copy()

    def top_index(self) -> int:
        """The highlighted class, or -1 when no prediction is shown."""
        return self._index

    # ------------------------------------------------------------ states

    def show_loading(self, message: str) -> None:
        self._set_state(LOADING, self.tr("Loading…"), message)

    def show_empty(self, message: str = "") -> None:
        self._set_state(EMPTY, self.tr("Nothing to classify yet"),
                        message or self.tr("Draw a garment, or open or paste a picture."))

    def show_error(self, message: str) -> None:
        self._set_state(ERROR, self.tr("Could not classify"), message)

    def show_prediction(self, probabilities: np.ndarray, index: int, familiarity: float | None = None) -> None:
        """The bars and the top class; with `familiarity` below 0.5, also says the drawing is unlike a garment."""
        self.state = RESULT
        self._index = int(index)
        self._update_bars(np.asarray(probabilities, np.float32))
        self.headline.setText(class_name(self._index))
        self.detail.setText(self.tr("{0:.1%} confident").format(float(probabilities[self._index])))
        self.unfamiliar.setVisible(familiarity is not None and familiarity < 0.5)

    def _set_state(self, state: str, headline: str, detail: str) -> None:
        self.unfamiliar.hide()
        self.state, self._index = state, -1
        self.headline.setText(headline)
        self.detail.setText(detail)
        self._update_bars(np.zeros(NUM_CLASSES, np.float32))

    def _update_bars(self, probabilities: np.ndarray) -> None:
        self._probabilities = probabilities.copy()
        self.chart.set_values(self._probabilities, self._index)
