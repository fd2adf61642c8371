"""The Train panel's curves: training loss per batch, test loss and accuracy per epoch, reference lines.

Kept apart from the panel because drawing has rules of its own: pyqtgraph is imported only when
the curves are first shown (after the window's first paint), and they redraw at most four times
a second however fast the batches come, so a fast loop cannot starve drawing on the canvas.
The numbers are kept in plain lists (`batch_loss`, `test_accuracy`, …) that tests read.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from fashion_desktop.classes import NUM_CLASSES


class TrainingCurves(QWidget):
    """`reset(epochs)`, then `add_start`, `add_batch`, `add_epoch`; `start()`/`stop()` the redraw timer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plots_built = False
        self.epochs = 10  # the x axis runs to this
        self.batch_x: list[float] = []
        self.batch_loss: list[float] = []
        self.epoch_x: list[float] = []
        self.test_loss: list[float] = []
        self.test_accuracy: list[float] = []
        self._dirty = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._timer = QTimer(self)
        self._timer.setInterval(250)  # at most 4 redraws a second: live, and cheap
        self._timer.timeout.connect(self.redraw)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.plots_built:
            QTimer.singleShot(0, self.build)

    @Slot()
    def build(self) -> None:
        """Make the plots, once (pyqtgraph is imported here, after the window's first paint)."""
        if self.plots_built:
            return
        self.plots_built = True
        import pyqtgraph as pg  # deferred on purpose: ~0.5 s, not needed to paint the window

        from fashion_desktop.training.model_card import shipped_accuracy  # json: after the first paint too

        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        dashed = pg.mkPen(text, width=1, style=pg.QtCore.Qt.PenStyle.DashLine)
        self.graphs = pg.GraphicsLayoutWidget(self)
        self.graphs.setBackground(palette.color(QPalette.ColorRole.Base))
        self.loss_plot = self.graphs.addPlot(title=self.tr("Loss"))
        self.accuracy_plot = self.graphs.addPlot(title=self.tr("Test accuracy"))
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.showGrid(x=True, y=True, alpha=0.25)
            plot.setLabel("bottom", self.tr("epoch"))
            plot.addLegend(offset=(-10, 10), labelTextColor=text)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTextPen(text)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
        batch_colour = QColor(highlight)
        batch_colour.setAlpha(150)
        self.batch_curve = self.loss_plot.plot([], [], pen=pg.mkPen(batch_colour, width=1),
                                               name=self.tr("training, per batch"))
        self.test_loss_curve = self.loss_plot.plot([], [], pen=dashed, symbol="o", symbolSize=7, symbolBrush=text,
                                                   name=self.tr("test, per epoch"))
        self.batch_curve.setZValue(1)  # the per-batch loss stays visible where the test loss runs alongside
        self.loss_plot.setYRange(0, 2.5)
        self.loss_plot.enableAutoRange(axis="y", enable=False)
        self.accuracy_curve = self.accuracy_plot.plot([], [], pen=pg.mkPen(highlight, width=2), symbol="o",
                                                      symbolSize=6, symbolBrush=highlight,
                                                      name=self.tr("this network"))
        self.accuracy_plot.setYRange(0, 1, padding=0.02)
        self.accuracy_plot.enableAutoRange(axis="y", enable=False)
        reference = shipped_accuracy()
        self.reference_line = None
        if reference is not None:
            self.reference_line = pg.InfiniteLine(
                pos=reference, angle=0, pen=dashed, label=self.tr("shipped model {0:.3f}").format(reference),
                labelOpts={"position": 0.02, "color": text, "anchors": [(0, 0), (0, 0)]})
            self.accuracy_plot.addItem(self.reference_line)
        self.chance_line = pg.InfiniteLine(pos=1 / NUM_CLASSES, angle=0,
                                           pen=pg.mkPen(text, width=1, style=pg.QtCore.Qt.PenStyle.DotLine),
                                           label=self.tr("chance"),
                                           labelOpts={"position": 0.98, "color": text, "anchors": [(1, 1), (1, 1)]})
        self.accuracy_plot.addItem(self.chance_line)
        self._layout.addWidget(self.graphs)
        self._dirty = True
        self.redraw()

    # ------------------------------------------------------------ data

    def reset(self, epochs: int) -> None:
        for values in (self.batch_x, self.batch_loss, self.epoch_x, self.test_loss, self.test_accuracy):
            values.clear()
        self.epochs = epochs
        self._dirty = True

    def add_start(self, test_loss: float, test_accuracy: float) -> None:
        """The starting network's score, at epoch 0."""
        self.epoch_x.append(0.0)
        self.test_loss.append(test_loss)
        self.test_accuracy.append(test_accuracy)
        self._dirty = True

    def add_batch(self, progress) -> None:
        """One `BatchProgress`."""
        self.batch_x.append(progress.epoch - 1 + progress.batch / progress.batches)
        self.batch_loss.append(progress.loss)
        self._dirty = True

    def add_epoch(self, record) -> None:
        """One `EpochResult` (only those scored on the test set add points)."""
        if record.test_accuracy is not None:
            self.epoch_x.append(float(record.epoch))
            self.test_loss.append(record.test_loss)
            self.test_accuracy.append(record.test_accuracy)
            self._dirty = True

    # ------------------------------------------------------------ drawing

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer and draw what came last."""
        self._timer.stop()
        self.redraw()

    @Slot()
    def redraw(self) -> None:
        if not self._dirty or not self.plots_built:
            return
        self._dirty = False
        self.batch_curve.setData(self.batch_x, self.batch_loss)
        self.test_loss_curve.setData(self.epoch_x, self.test_loss)
        self.accuracy_curve.setData(self.epoch_x, self.test_accuracy)
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.setXRange(0, max(1, self.epochs), padding=0.02)
        top = max([2.5] + [v for v in self.test_loss if np.isfinite(v)][:1])
        self.loss_plot.setYRange(0, min(top, 5.0), padding=0.02)
