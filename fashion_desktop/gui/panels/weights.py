"""One parameter's values: the first layer as 512 tiles of 28×28, other matrices as images, biases as bars,
with a histogram and min/max/mean/std.

The layout and statistics come from `fashion_desktop.explain.weights_view`; the values from the worker's
ModelInfo (numpy copies). Items are created once on first show and only updated; a parameter chosen
while the panel is hidden is drawn when it is shown.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from fashion_desktop.explain.weights_view import (
    BARS,
    MATRIX,
    TILES,
    histogram,
    robust_limit,
    stats,
    tile_at,
    tile_grid,
    view_kind,
)

DIVERGING = "CET-D1"
FIRST_LAYER = "linear_relu_stack.0.weight"


class WeightsPanel(QWidget):
    """`set_state(state)` gives the parameters; `show_parameter(name)` picks the one drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WeightsPanel")
        self.state: dict[str, np.ndarray] | None = None
        self.name: str = FIRST_LAYER
        self.kind: str = ""
        self.view = None
        self._image = self._bars = self._hist = self._colorbar = self._main = None
        self._shown: np.ndarray | None = None  # the values being drawn
        self._pending = False
        self.title = QLabel(self.tr("Loading the network…"), self)
        self.title.setObjectName("weightsTitle")
        self.title.setWordWrap(True)
        self.stats_label = QLabel(" ", self)
        self.stats_label.setObjectName("weightsStats")
        self.stats_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout = QLabel(" ", self)
        self.readout.setObjectName("weightsReadout")
        self.readout.setToolTip(self.tr("Scroll over an image to zoom in, drag to move"))
        self._placeholder = QWidget(self)
        self._placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.stats_label)
        self._layout.addWidget(self._placeholder, 1)
        self._layout.addWidget(self.readout)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_view()
        if self._pending:
            self._draw()

    def ensure_view(self) -> None:
        if self.view is not None:
            return
        import pyqtgraph as pg

        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        view = pg.GraphicsLayoutWidget(self)
        view.setObjectName("weightsView")
        view.setBackground(palette.color(QPalette.ColorRole.Base))
        view.setMinimumSize(320, 260)
        main = view.ci.addPlot(row=0, col=0)
        main.setMenuEnabled(False)
        main.setMouseEnabled(x=False, y=False)
        main.hideButtons()
        main.getViewBox().invertY(True)
        self._image = pg.ImageItem(axisOrder="row-major")
        self._image.setColorMap(pg.colormap.get(DIVERGING))
        main.addItem(self._image)
        self._bars = pg.BarGraphItem(x=np.arange(1), height=np.zeros(1), width=0.8, brush=palette.color(
            QPalette.ColorRole.Highlight), pen=pg.mkPen(None))
        main.addItem(self._bars)
        self._colorbar = pg.ColorBarItem(values=(-1.0, 1.0), colorMap=pg.colormap.get(DIVERGING), interactive=False,
                                         width=10, colorMapMenu=False)
        self._colorbar.setImageItem(self._image)
        view.ci.addItem(self._colorbar, row=0, col=1)
        hist = view.ci.addPlot(row=1, col=0)
        hist.setMenuEnabled(False)
        hist.setMouseEnabled(x=False, y=False)
        hist.hideButtons()
        hist.setLabel("bottom", self.tr("value"))
        hist.setLabel("left", self.tr("count"))
        self._hist = pg.BarGraphItem(x0=np.zeros(1), x1=np.ones(1), height=np.zeros(1),
                                     brush=palette.color(QPalette.ColorRole.Mid), pen=pg.mkPen(None))
        hist.addItem(self._hist)
        view.ci.layout.setRowStretchFactor(0, 3)
        view.ci.layout.setRowStretchFactor(1, 1)
        for plot in (main, hist):
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setPen(pg.mkPen(text))
                plot.getAxis(axis).setTextPen(pg.mkPen(text))
        view.scene().sigMouseMoved.connect(self._hover)
        self._main, self._hist_plot = main, hist
        self._layout.replaceWidget(self._placeholder, view)
        self._placeholder.deleteLater()
        self.view = view

    # ------------------------------------------------------------ data in

    def export_tables(self, chart) -> list:
        """The parameter shown, as stored (not as tiled on screen), and its histogram (gui/chart_export.py)."""
        from fashion_desktop.gui.chart_export import Table

        values = None if self.state is None else self.state.get(self.name)
        if values is None:
            return []
        values = np.asarray(values, np.float32)
        if values.ndim == 2:
            table = Table(self.name, [self.tr("output unit")] + [f"input {j}" for j in range(values.shape[1])],
                          [[i, *map(float, row)] for i, row in enumerate(values)])
        else:
            table = Table(self.name, [self.tr("unit"), self.tr("value")], [[i, float(v)] for i, v in enumerate(values.ravel())])
        counts, edges = histogram(values)
        hist = Table(self.tr("{0} histogram").format(self.name), [self.tr("from"), self.tr("to"), self.tr("count")],
                     [[float(a), float(b), int(c)] for a, b, c in zip(edges[:-1], edges[1:], counts)])
        return [table, hist]

    def set_state(self, state: dict[str, np.ndarray] | None) -> None:
        """The model's parameters as numpy arrays (a new model redraws the chosen parameter)."""
        self.state = state
        self._request_draw()

    def show_parameter(self, name: str) -> None:
        """Draw parameter `name` (unknown names say so)."""
        if name:
            self.name = name
            self._request_draw()

    def _request_draw(self) -> None:
        self._pending = True
        if self.isVisible() and self.view is not None:
            self._draw()

    def _draw(self) -> None:
        self._pending = False
        if self.state is None:
            return
        values = self.state.get(self.name)
        if values is None:
            self.title.setText(self.tr("{0} is not a parameter of this network.").format(self.name))
            return
        values = np.asarray(values, np.float32)
        self.kind = view_kind(self.name, values.shape)
        shape = " × ".join(map(str, values.shape))
        explain = {
            TILES: self.tr("each of the {0} rows is one hidden unit's 784 weights, drawn as its 28 × 28 template "
                           "(red: a light pixel there raises the unit, blue: lowers it)").format(values.shape[0]),
            MATRIX: self.tr("rows: the {0} output units, columns: the {1} inputs").format(*values.shape)
            if values.ndim == 2 else "",
            BARS: self.tr("one bias per output unit"),
        }[self.kind]
        self.title.setText(f"<b>{self.name}</b> ({shape}) — {explain}")
        st = stats(values)
        self.stats_label.setText(self.tr("min {0:+.4f}   max {1:+.4f}   mean {2:+.4f}   std {3:.4f}   ({4:,} values)")
                                 .format(st.minimum, st.maximum, st.mean, st.std, st.count))
        main = self._main
        if self.kind == BARS:
            self._image.hide()
            self._colorbar.hide()
            self._bars.setOpts(x=np.arange(values.size), height=values, width=0.8)
            self._bars.show()
            main.getViewBox().invertY(False)
            main.getViewBox().setAspectLocked(False)
            main.showAxis("left")
            main.showAxis("bottom")
            main.setMouseEnabled(x=False, y=False)
            low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
            pad = 0.05 * (high - low or 1.0)
            main.setRange(xRange=(-0.5, values.size - 0.5), yRange=(low - pad, high + pad), padding=0)
            self._shown = values
        else:
            image = tile_grid(values) if self.kind == TILES else values
            limit = robust_limit(values)
            self._bars.hide()
            self._image.setImage(image, autoLevels=False, levels=(-limit, limit))
            self._colorbar.setLevels((-limit, limit))
            self._image.show()
            self._colorbar.show()
            main.getViewBox().invertY(True)
            main.getViewBox().setAspectLocked(True)
            main.hideAxis("left")
            main.hideAxis("bottom")
            main.setMouseEnabled(x=True, y=True)  # scroll to zoom into the tiles, drag to pan
            main.setRange(xRange=(0, image.shape[1]), yRange=(0, image.shape[0]), padding=0.01)
            self._shown = image
        counts, edges = histogram(values)
        self._hist.setOpts(x0=edges[:-1], x1=edges[1:], height=counts)
        self._hist_plot.setRange(xRange=(edges[0], edges[-1]), yRange=(0, max(1, int(counts.max())) * 1.05), padding=0)

    def _hover(self, scene_pos: QPointF) -> None:
        if self._shown is None or self.state is None or not self._main.sceneBoundingRect().contains(scene_pos):
            self.readout.setText(" ")
            return
        p = self._main.getViewBox().mapSceneToView(scene_pos)
        values = self.state[self.name]
        text = " "
        if self.kind == BARS:
            i = int(round(p.x()))
            if 0 <= i < values.size:
                text = self.tr("unit {0}: bias {1:+.4f}").format(i, float(values[i]))
        elif self.kind == TILES:
            hit = tile_at(int(np.floor(p.y())), int(np.floor(p.x())), len(values))
            if hit is not None:
                unit, row, col = hit
                text = self.tr("hidden unit {0}, pixel row {1}, column {2}: weight {3:+.4f}").format(
                    unit, row, col, float(values[unit, row * 28 + col]))
        else:
            r, c = int(np.floor(p.y())), int(np.floor(p.x()))
            if 0 <= r < values.shape[0] and 0 <= c < values.shape[1]:
                text = self.tr("output unit {0} ← input {1}: weight {2:+.4f}").format(r, c, float(values[r, c]))
        self.readout.setText(text)
