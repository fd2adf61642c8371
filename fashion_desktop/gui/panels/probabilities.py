"""The ten class probabilities as horizontal bars, the top class in large text.

The bar item is built once and only its lengths and colours change, so a 60 Hz stream of
results costs no allocation of plot items, and the axis is fixed at 0–1 so nothing jumps.
Horizontal bars keep the class names horizontal and readable on the left axis.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from fashion_desktop.classes import CLASS_NAMES, NUM_CLASSES

LOADING, EMPTY, ERROR, RESULT = "loading", "empty", "error", "result"


class ProbabilitiesPanel(QWidget):
    """Shows a state: loading, nothing to classify, an error, or a prediction."""

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
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        palette = self.palette()
        self._bar_colour = palette.color(QPalette.ColorRole.Mid)
        self._top_colour = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.Text)
        self.plot = pg.PlotWidget(self, background=palette.color(QPalette.ColorRole.Base))
        self.plot.setObjectName("probabilityPlot")
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot.setMinimumSize(320, 240)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        item = self.plot.getPlotItem()
        item.setXRange(0.0, 1.0, padding=0.02)  # a sliver of margin so the 0% and 100% ticks show
        item.setYRange(-0.6, NUM_CLASSES - 0.4, padding=0.0)
        item.getViewBox().invertY(True)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        item.getAxis("left").setTicks([[(i, name) for i, name in enumerate(CLASS_NAMES)]])
        item.getAxis("bottom").setTicks([[(v, f"{v:.0%}") for v in (0.0, 0.25, 0.5, 0.75, 1.0)], []])
        item.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # keep 0% and 100% at the ends
        item.showGrid(x=True, y=False, alpha=0.25)
        self.bars = pg.BarGraphItem(x0=np.zeros(NUM_CLASSES), y=np.arange(NUM_CLASSES), height=0.72,
                                    width=self._probabilities.copy(), pen=pg.mkPen(None),
                                    brushes=[self._bar_colour] * NUM_CLASSES)
        self.plot.addItem(self.bars)
        self.values = []
        for i in range(NUM_CLASSES):
            label = pg.TextItem("", color=text, anchor=(0, 0.5))
            label.setPos(0.0, i)
            self.plot.addItem(label)
            self.values.append(label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addWidget(self.plot, 1)
        self.show_loading(self.tr("Loading the network…"))

    # ------------------------------------------------------------ what tests and the window read

    def probabilities(self) -> np.ndarray:
        """The bar lengths currently shown."""
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
        self._probabilities = probabilities.copy()
        colours = [self._top_colour if i == self._index else self._bar_colour for i in range(NUM_CLASSES)]
        self.bars.setOpts(width=self._probabilities, brushes=colours)
        for i, (label, p) in enumerate(zip(self.values, self._probabilities)):
            if self._index < 0:
                label.setText("")
                continue
            label.setText(f"{p:.1%}")
            inside = p > 0.82  # no room right of a long bar: write inside it, right-aligned
            label.setAnchor((1.0, 0.5) if inside else (0.0, 0.5))
            label.setColor(QColor(Qt.GlobalColor.white) if inside else self.palette().color(QPalette.ColorRole.Text))
            label.setPos(float(p) - 0.01 if inside else float(p) + 0.01, i)
