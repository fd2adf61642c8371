"""Every stage of one forward pass, as the tutorial walks through it, live on the person's drawing.

Input 28×28 → the 784-vector after Flatten → each Linear next to its ReLU (same diverging colour
scale, so the negatives the ReLU zeroes turn white) → the 10 logits → the softmax. The values come
from the same forward pass as the bars (the worker's Result); this panel only draws them.

Speed: the plot is built on first show (pyqtgraph is imported late), its image items are created
once and only `setImage`d; results that arrive while the panel is hidden are kept, not drawn, and
the newest one is drawn when it is shown again. Hover reads a cell's index and value; clicking a
hidden unit shows what it looks for in the input (`fashion_desktop.explain.activations.incoming_weights`).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from fashion_desktop.classes import class_name
from fashion_desktop.explain.activations import (
    HIDDEN_LINEARS,
    RELU_OF,
    ROWS,
    as_grid,
    grid_index,
    incoming_weights,
    nice_levels,
    stage_vectors,
    symmetric_levels,
    to_rgba,
)

DIVERGING, SEQUENTIAL, GREY = "CET-D1", "viridis", "CET-L1"


def stage_title(stage: str) -> str:
    """The heading of a stage, in the tutorial's words."""
    return {
        "input": QCoreApplication.translate("ActivationsPanel", "Input 28 × 28"),
        "flatten": QCoreApplication.translate("ActivationsPanel", "nn.Flatten → 784 values"),
        "linear_relu_stack.0": QCoreApplication.translate("ActivationsPanel", "Linear 784 → 512"),
        "linear_relu_stack.1": QCoreApplication.translate("ActivationsPanel", "after ReLU"),
        "linear_relu_stack.2": QCoreApplication.translate("ActivationsPanel", "Linear 512 → 512"),
        "linear_relu_stack.3": QCoreApplication.translate("ActivationsPanel", "after ReLU"),
        "linear_relu_stack.4": QCoreApplication.translate("ActivationsPanel", "Linear 512 → 10: logits"),
        "softmax": QCoreApplication.translate("ActivationsPanel", "nn.Softmax → probabilities"),
    }[stage]


class ActivationsPanel(QWidget):
    """Shows one result's stages; `show_result` is cheap to call on every result."""

    unitSelected = Signal(str, int)  # (hidden Linear layer, unit) after a click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ActivationsPanel")
        self.view = None  # the pyqtgraph GraphicsLayoutWidget, built on first show
        self.images: dict[str, object] = {}  # stage → ImageItem
        self.grids: dict[str, tuple[int, int]] = {}
        self.titles: dict[str, object] = {}  # stage → its heading (LabelItem)
        self._active: dict[str, int] = {}  # ReLU stage → units left non-zero, as its heading says
        self.shown: dict[str, np.ndarray] = {}  # stage → the values (folded into its grid) on screen
        self.levels: dict[str, tuple[float, float]] = {}  # stage → the colour scale's range
        self._luts: dict[str, np.ndarray] = {}  # stage → its colour map as a 256 × RGBA table
        self.unit_image = None
        self.unit_title = None
        self._bars: dict[str, object] = {}  # row key → ColorBarItem
        self._levels: dict[str, tuple[float, float]] = {}  # row key → the levels its colour bar shows
        self._state: dict[str, np.ndarray] | None = None
        self._vectors: dict[str, np.ndarray] | None = None
        self._pending = False  # a result arrived while hidden
        self.unit: tuple[str, int] | None = None
        self.draws = 0  # how many results were drawn (tests: hidden panels draw nothing)

        self.message = QLabel(self.tr("Draw something: every layer's output appears here."), self)
        self.message.setWordWrap(True)
        self.readout = QLabel(" ", self)
        self.readout.setObjectName("activationReadout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._placeholder = QWidget(self)
        self._placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self._placeholder, 1)
        self._layout.addWidget(self.readout)

    # ------------------------------------------------------------ building once

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_view()
        if self._pending:
            self._draw()

    def ensure_view(self) -> None:
        """Create the layout, one ImageItem per stage and the colour bars (once)."""
        if self.view is not None:
            return
        import pyqtgraph as pg

        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        view = pg.GraphicsLayoutWidget(self)
        view.setObjectName("activationsView")
        view.setBackground(palette.color(QPalette.ColorRole.Base))
        view.setMinimumSize(340, 390)
        layout = view.ci
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        maps = {"diverging": pg.colormap.get(DIVERGING), "sequential": pg.colormap.get(SEQUENTIAL),
                "grey": pg.colormap.get(GREY)}
        row_index = 0

        def title(text_: str, col: int, colspan: int = 1):
            return layout.addLabel(text_, row=row_index, col=col, colspan=colspan, color=text, size="8pt")

        def box(col: int, colspan: int = 1, aspect: bool = True):
            vb = layout.addViewBox(row=row_index, col=col, colspan=colspan, lockAspect=aspect, enableMouse=False,
                                   invertY=True)
            vb.setMenuEnabled(False)
            vb.setDefaultPadding(0.0)
            vb.disableAutoRange()  # ranges are fixed below: no re-ranging on every setImage
            return vb

        for row in ROWS:
            cmap = maps["diverging"] if row.signed else maps["grey" if row.key in ("input", "flatten") else "sequential"]
            wide = len(row.stages) == 1 and row.key != "input"
            for c, stage in enumerate(row.stages):
                self.titles[stage] = title(stage_title(stage), c, 2 if wide else 1)
            if row.key == "input":
                self.unit_title = layout.addLabel(self.tr("Click a hidden unit"), row=row_index, col=1, color=text,
                                                  size="8pt")
            layout.layout.setRowFixedHeight(row_index, 16)
            row_index += 1
            items = []
            for c, stage in enumerate(row.stages):
                vb = box(c, 2 if wide else 1, aspect=not wide)
                item = pg.ImageItem(axisOrder="row-major")
                self._luts[stage] = cmap.getLookupTable(0.0, 1.0, 256, alpha=True, mode="byte")
                vb.addItem(item)
                item.setImage(to_rgba(np.zeros(row.grid, np.float32), (-1.0, 1.0), self._luts[stage]), autoLevels=False)
                vb.setRange(xRange=(0, row.grid[1]), yRange=(0, row.grid[0]), padding=0)
                self.images[stage], self.grids[stage] = item, row.grid
                items.append(item)
                if wide:
                    layout.layout.setRowFixedHeight(row_index, 30)
                else:  # the 28×28 images and the 16×32 unit grids share what is left, never collapsing
                    layout.layout.setRowMinimumHeight(row_index, 48)
            if row.key == "input":
                vb = box(1)
                self.unit_image = pg.ImageItem(axisOrder="row-major")
                self.unit_image.setColorMap(maps["diverging"])  # drawn only on a click: the item colours it
                self.unit_image.setImage(np.zeros((28, 28), np.float32), levels=(-1.0, 1.0))
                vb.addItem(self.unit_image)
                vb.setRange(xRange=(0, 28), yRange=(0, 28), padding=0)
                layout.layout.setRowMaximumHeight(row_index, 110)
            if row.signed or row.key == "softmax":
                bar = pg.ColorBarItem(values=(-1.0, 1.0) if row.signed else (0.0, 1.0), colorMap=cmap,
                                      interactive=False, width=10, colorMapMenu=False)
                if not row.signed:
                    bar.axis.setTicks([[(0.0, "0"), (1.0, "1")]])  # a 34-pixel strip has room for two labels
                layout.addItem(bar, row=row_index, col=2)
                self._bars[row.key] = bar
            row_index += 1
        view.scene().sigMouseMoved.connect(self._hover)
        view.scene().sigMouseClicked.connect(self._click)
        self._layout.replaceWidget(self._placeholder, view)
        self._placeholder.deleteLater()
        self.view = view

    # ------------------------------------------------------------ data in

    def set_model_state(self, state: dict[str, np.ndarray] | None) -> None:
        """The model's parameters (numpy), for the clicked unit's weights."""
        self._state = state
        if self.unit is not None and self.isVisible():
            self._draw_unit()

    def show_result(self, pixels: np.ndarray | None, activations: dict[str, np.ndarray] | None) -> None:
        """Keep the newest stages; draw them now only if the panel is on screen."""
        if pixels is None or not activations:
            self._vectors, self._pending = None, False
            self.message.setText(self.tr("Draw something: every layer's output appears here."))
            self.message.show()
            if self.view is not None:
                self.view.hide()  # no stale layers next to an empty canvas
            return
        self._vectors = stage_vectors(pixels, activations)
        self._pending = True
        if self.isVisible() and self.view is not None:
            self._draw()

    def export_tables(self, chart) -> list:
        """Every stage's values for the drawing shown, one row per unit (gui/chart_export.py)."""
        from fashion_desktop.gui.chart_export import Table

        table = Table(self.tr("Activations"), [self.tr("stage"), self.tr("unit"), self.tr("value")])
        for stage, values in (self._vectors or {}).items():
            table.rows.extend([stage, i, float(v)] for i, v in enumerate(np.ravel(values)))
        return [table] if table.rows else []

    def stage_shapes(self) -> dict[str, tuple[int, ...]]:
        """What each stage's image currently holds (rows, columns), for tests and screenshots."""
        return {stage: values.shape for stage, values in self.shown.items()}

    def _draw(self) -> None:
        self._pending = False
        vectors = self._vectors
        if vectors is None:
            return
        self.message.hide()
        self.view.show()
        for row in ROWS:
            values = [vectors[stage] for stage in row.stages]
            levels = nice_levels(symmetric_levels(*values)) if row.signed else (0.0, 1.0)
            for stage, v in zip(row.stages, values):
                grid = as_grid(v, row.grid)
                self.shown[stage], self.levels[stage] = grid, levels
                self.images[stage].setImage(to_rgba(grid, levels, self._luts[stage]), autoLevels=False)
            for stage in row.stages:
                if stage in RELU_OF:  # say how many units survive: they can be few, and faint on a shared scale
                    active = int(np.count_nonzero(vectors[stage]))
                    if self._active.get(stage) != active:
                        self._active[stage] = active
                        self.titles[stage].setText(self.tr("after ReLU: {0} of {1} units > 0").format(
                            active, vectors[stage].size), color=self.palette().color(QPalette.ColorRole.Text),
                            size="8pt")
            bar = self._bars.get(row.key)
            if bar is not None and row.signed and self._levels.get(row.key) != levels:
                bar.setLevels(levels)
                self._levels[row.key] = levels
        if self.unit is not None and self.unit[0] == "linear_relu_stack.2":
            self._draw_unit()  # depends on which first-layer units are active
        self.draws += 1

    # ------------------------------------------------------------ hover and click

    def _cell_at(self, scene_pos: QPointF) -> tuple[str, int] | None:
        for stage, item in self.images.items():
            if item.sceneBoundingRect().contains(scene_pos):
                p = item.mapFromScene(scene_pos)
                index = grid_index(int(np.floor(p.y())), int(np.floor(p.x())), self.grids[stage])
                if index is not None:
                    return stage, index
        return None

    def describe(self, stage: str, index: int) -> str:
        """The hover text for one cell: where it is and its value (and its pair's, for Linear/ReLU)."""
        vectors = self._vectors
        value = "" if vectors is None else f"{vectors[stage][index]:+.4f}"
        if stage == "input":
            return self.tr("Input pixel row {0}, column {1} (index {2}): {3}").format(
                index // 28, index % 28, index, value)
        if stage == "flatten":
            return self.tr("Flatten index {0} (pixel row {1}, column {2}): {3}").format(
                index, index // 28, index % 28, value)
        if stage in ("linear_relu_stack.4", "softmax"):
            shown = value if stage != "softmax" or vectors is None else f"{vectors[stage][index]:.2%}"
            return self.tr("{0} · {1} ({2}): {3}").format(stage_title(stage), index, class_name(index), shown)
        linear = RELU_OF.get(stage, stage)
        relu = next(k for k, v in RELU_OF.items() if v == linear)
        if vectors is None:
            return self.tr("{0} · unit {1}").format(stage_title(linear), index)
        return self.tr("{0} · unit {1}: {2:+.4f} → after ReLU {3:.4f}  (click: what it looks for)").format(
            stage_title(linear), index, float(vectors[linear][index]), float(vectors[relu][index]))

    def _hover(self, scene_pos: QPointF) -> None:
        cell = self._cell_at(scene_pos)
        self.readout.setText(self.describe(*cell) if cell else " ")

    def _click(self, event) -> None:
        cell = self._cell_at(event.scenePos())
        if cell is None:
            return
        stage, index = cell
        layer = RELU_OF.get(stage, stage)
        if layer in HIDDEN_LINEARS:
            self.select_unit(layer, index)

    def select_unit(self, layer: str, unit: int) -> None:
        """Show hidden `unit` of `layer`'s incoming weights as a 28×28 image."""
        self.unit = (layer, unit)
        self._draw_unit()
        self.unitSelected.emit(layer, unit)

    def unit_weights(self) -> np.ndarray | None:
        """The 28×28 picture of the selected unit (None when none is selected or no model is known)."""
        if self.unit is None or self._state is None:
            return None
        layer, unit = self.unit
        active = None
        if layer == "linear_relu_stack.2" and self._vectors is not None:
            active = self._vectors["linear_relu_stack.1"]
        return incoming_weights(self._state, layer, unit, active)

    def _draw_unit(self) -> None:
        weights = self.unit_weights()
        if weights is None or self.unit_image is None:
            return
        layer, unit = self.unit
        self.unit_image.setImage(weights, autoLevels=False, levels=symmetric_levels(weights))
        if layer == HIDDEN_LINEARS[0]:
            text = self.tr("Layer 1 unit {0}: its weights").format(unit)
        else:
            text = self.tr("Layer 2 unit {0}: via active layer 1").format(unit)
        self.unit_title.setText(text, color=self.palette().color(QPalette.ColorRole.Text), size="8pt")
