"""The ten class probabilities as horizontal bars, the top class in large text.

The bar item is built once and only its lengths (`setOpts(width=…)`, horizontal bars) and
colours change, so a 60 Hz stream of results allocates no plot items, and the axis is fixed at
0–1 so nothing jumps. pyqtgraph is imported only after the window's first paint: it costs about
half a second, which would otherwise delay the window.
Horizontal bars keep the class names horizontal and readable on the left axis.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from fashion_desktop.classes import CLASS_NAMES, NUM_CLASSES

LOADING, EMPTY, ERROR, RESULT = "loading", "empty", "error", "result"


def _bars_plot_class(pg):
    """pyqtgraph's PlotWidget that says when it has painted (pyqtgraph is imported lazily)."""

    class BarsPlot(pg.PlotWidget):
        painted = Signal()

        def paintEvent(self, event: QPaintEvent) -> None:
            super().paintEvent(event)
            self.painted.emit()

    return BarsPlot


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

        palette = self.palette()
        self._bar_colour = palette.color(QPalette.ColorRole.Mid)
        self._top_colour = palette.color(QPalette.ColorRole.Highlight)
        self._inside_text = QColor(Qt.GlobalColor.white)
        self._outside_text = palette.color(QPalette.ColorRole.Text)
        self._brushes_for: int | None = None
        self._brushes: list[QBrush] = []
        self._label_state: list[tuple[str, bool]] = [("", False)] * NUM_CLASSES
        self.plot = None  # built by ensure_plot(), after the window's first paint
        self.bars = None
        self.values: list = []
        self._plot_scheduled = False
        self._placeholder = QWidget(self)
        self._placeholder.setMinimumSize(320, 240)
        self._placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.headline)
        self._layout.addWidget(self.detail)
        self._layout.addWidget(self._placeholder, 1)
        self.show_loading(self.tr("Loading the network…"))

    # ------------------------------------------------------------ the chart

    def paintEvent(self, event: QPaintEvent) -> None:
        """Build the chart right after the first paint, so importing pyqtgraph never delays the window."""
        super().paintEvent(event)
        if self.plot is None and not self._plot_scheduled:
            self._plot_scheduled = True
            QTimer.singleShot(0, self.ensure_plot)

    @Slot()
    def ensure_plot(self) -> None:
        """Create the plot, the bar item and the value labels once; later updates only change them."""
        if self.plot is not None:
            return
        import pyqtgraph as pg  # ~0.5 s to import: deferred until the window is on screen

        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        plot = _bars_plot_class(pg)(self, background=palette.color(QPalette.ColorRole.Base))
        plot.painted.connect(self.painted)
        plot.setObjectName("probabilityPlot")
        plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        plot.setMinimumSize(320, 240)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        item = plot.getPlotItem()
        item.setXRange(0.0, 1.0, padding=0.0)
        item.layout.setContentsMargins(4, 8, 20, 4)  # room for "100%" to overhang the right end
        item.setYRange(-0.6, NUM_CLASSES - 0.4, padding=0.0)
        item.getViewBox().invertY(True)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        item.getAxis("left").setTicks([[(i, name) for i, name in enumerate(CLASS_NAMES)]])
        item.getAxis("bottom").setTicks([[(v, f"{v:.0%}") for v in (0.0, 0.25, 0.5, 0.75, 1.0)], []])
        item.getAxis("bottom").setStyle(hideOverlappingLabels=30)  # let "0%" and "100%" overhang the ends
        grid = QColor(text)
        grid.setAlpha(50)
        for v in (0.25, 0.5, 0.75, 1.0):  # own lines: pyqtgraph's grid would hide the end labels again
            item.addItem(pg.InfiniteLine(pos=v, angle=90, movable=False, pen=pg.mkPen(grid)))
        self.bars = pg.BarGraphItem(x0=np.zeros(NUM_CLASSES), y=np.arange(NUM_CLASSES), height=0.72,
                                    width=self._probabilities.copy(), pen=pg.mkPen(None),
                                    brushes=[self._bar_colour] * NUM_CLASSES)
        plot.addItem(self.bars)
        for i in range(NUM_CLASSES):
            label = pg.TextItem("", color=text, anchor=(0, 0.5))
            label.setPos(0.0, i)
            plot.addItem(label)
            self.values.append(label)
        plot.scene().sigMouseClicked.connect(self._on_click)
        plot.setToolTip(self.tr("Click a class to see which pixels pushed it up or down"))
        self._layout.replaceWidget(self._placeholder, plot)
        self._placeholder.deleteLater()
        self.plot = plot
        self._update_bars(self._probabilities)

    def class_at(self, scene_pos: QPointF) -> int | None:
        """The class whose row (bar, value or name on the axis) is under a scene position."""
        if self.plot is None:
            return None
        item = self.plot.getPlotItem()
        if not item.sceneBoundingRect().contains(scene_pos):
            return None
        y = item.getViewBox().mapSceneToView(scene_pos).y()
        index = int(round(y))
        return index if 0 <= index < NUM_CLASSES and abs(y - index) <= 0.45 else None

    def _on_click(self, event) -> None:
        index = self.class_at(event.scenePos())
        if index is not None:
            self.classClicked.emit(index)

    # ------------------------------------------------------------ what tests and the window read

    def probabilities(self) -> np.ndarray:
        """The bar lengths currently shown."""
        return self._probabilities.copy()

    def export_tables(self, chart) -> list:
        """The numbers behind the bars, for the chart's context menu and File ▸ Export (gui/chart_export.py)."""
        from fashion_desktop.gui.chart_export import Table

        return [Table(self.tr("Probabilities"), [self.tr("class"), self.tr("probability")],
                      [[name, float(p)] for name, p in zip(CLASS_NAMES, self._probabilities)])]

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

    def show_prediction(self, probabilities: np.ndarray, index: int) -> None:
        self.state = RESULT
        self._index = int(index)
        self._update_bars(np.asarray(probabilities, np.float32))
        self.headline.setText(CLASS_NAMES[self._index])
        self.detail.setText(self.tr("{0:.1%} confident").format(float(probabilities[self._index])))

    def _set_state(self, state: str, headline: str, detail: str) -> None:
        self.state, self._index = state, -1
        self.headline.setText(headline)
        self.detail.setText(detail)
        self._update_bars(np.zeros(NUM_CLASSES, np.float32))

    def _update_bars(self, probabilities: np.ndarray) -> None:
        """Change only what changed: at 60 results a second, pyqtgraph's colour and brush parsing
        (and re-laying out unchanged labels) cost more than drawing the bars."""
        self._probabilities = probabilities.copy()
        if self.plot is None:
            return  # ensure_plot() draws the latest values when it runs
        if self._brushes_for != self._index:
            self._brushes_for = self._index
            self._brushes = [QBrush(self._top_colour if i == self._index else self._bar_colour)
                             for i in range(NUM_CLASSES)]
        self.bars.setOpts(width=self._probabilities, brushes=self._brushes)
        for i, (label, p) in enumerate(zip(self.values, self._probabilities)):
            text = f"{p:.1%}" if self._index >= 0 else ""
            inside = bool(p > 0.82)  # no room right of a long bar: write inside it, right-aligned
            if self._label_state[i] != (text, inside):
                if self._label_state[i][1] != inside or self._label_state[i][0] == "":
                    label.setAnchor((1.0, 0.5) if inside else (0.0, 0.5))
                    label.setColor(self._inside_text if inside else self._outside_text)
                self._label_state[i] = (text, inside)
                label.setText(text)
            label.setPos(float(p) - 0.01 if inside else float(p) + 0.01, i)
