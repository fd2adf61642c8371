"""The map's plot: 10,000 dots coloured by true class, rings on the misclassified, and the drawing's marker.

The dots are one pyqtgraph ScatterPlotItem, drawn into a cached pixmap (DeviceCoordinateCache),
so moving the drawing's marker repaints only a small item over a bitmap, never 10,000 spots,
and every scatter item remembers its bounding rectangle (`_Dots`): a repaint of the map went from
6.8 to 2.9 ms (profiled, a stroke with the map open). The marker is placed once and then only
moved (`setPos`), and the trail is a plain path item: pyqtgraph's `setData` on them cost 0.4 ms of
the GUI thread per result, moving them 0.04 ms. Hover and click find the nearest dot
with numpy in screen pixels, not through pyqtgraph's per-spot lookup.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from fashion_desktop.classes import class_names
from fashion_desktop.explain.map.picture import CLASS_COLOURS

PICK_PIXELS = 6.0  # how close (in screen pixels) the pointer must be to a dot to pick it
TRAIL = 12  # the drawing's last positions drawn as a trail


class _Dots(pg.ScatterPlotItem):
    """A scatter item that remembers its bounding rectangle until its geometry changes.

    Qt asks every item for its bounding rectangle many times per repaint (about forty calls for a
    marker move with the map open), and pyqtgraph recomputes it each time, with the data's bounds
    and the size of a pixel in item coordinates: 0.1 ms a call, 4 ms of each 7 ms repaint
    (profiled). pyqtgraph calls `prepareGeometryChange()` before anything that changes it (new
    points, a zoom, a resize), as Qt requires, so that is where the remembered one is dropped.
    """

    _bounds = None

    def prepareGeometryChange(self) -> None:
        self._bounds = None
        super().prepareGeometryChange()

    def boundingRect(self):
        if self._bounds is None:
            self._bounds = super().boundingRect()
        return self._bounds


class MapPlot(pg.PlotWidget):
    """Show a map with `set_map`; move the drawing's marker with `set_marker`."""

    pointClicked = Signal(int)  # a test image's index
    pointHovered = Signal(int)  # a test image's index, or -1 when the pointer leaves the dots

    def __init__(self, parent=None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("mapPlot")
        self.coords = np.zeros((0, 2), np.float32)
        self.visible = np.zeros(0, bool)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.setAspectLocked(True)
        self.setMenuEnabled(False)
        self._brushes = [QBrush(QColor(*rgb, 210)) for rgb in CLASS_COLOURS]
        # One item per class, each with one brush: setData with 10,000 per-spot brushes took a second.
        self.dots = [_Dots(size=5, pen=None, brush=brush, pxMode=True) for brush in self._brushes]
        for item in self.dots:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.rings = _Dots(size=8, pen=pg.mkPen(30, 30, 30, 120, width=1), brush=None, pxMode=True)
        self.rings.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.trail = QGraphicsPathItem()
        pen = QPen(QColor(20, 20, 20, 160), 2, Qt.PenStyle.DotLine)
        pen.setCosmetic(True)  # two screen pixels at any zoom
        self.trail.setPen(pen)
        # One spot at the origin, moved as a whole item: the spot is never re-made during a stroke.
        self.marker = _Dots(pos=np.zeros((1, 2)), size=22, symbol="star", pen=pg.mkPen("k", width=2),
                            brush=pg.mkBrush(255, 230, 0), pxMode=True)
        self.highlight = _Dots(size=14, symbol="o", pen=pg.mkPen(0, 0, 0, width=2), brush=None)
        for item in (*self.dots, self.rings):
            self.addItem(item)
        for item in (self.trail, self.highlight, self.marker):  # never refit the view to the drawing's items
            self.addItem(item, ignoreBounds=True)
        self.trail.setZValue(10)
        self.highlight.setZValue(11)
        self.marker.setZValue(12)
        self.legend = self.addLegend(offset=(8, 8), labelTextColor="k", brush=pg.mkBrush(255, 255, 255, 200))
        for item, name in zip(self.dots, class_names()):
            self.legend.addItem(item, name)
        self._legend_rings = pg.ScatterPlotItem(size=9, pen=pg.mkPen(30, 30, 30), brush=None)
        self._positions: list[np.ndarray] = []
        self._hovered = -1
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.scene().sigMouseClicked.connect(self._mouse_clicked)

    def set_map(self, coords: np.ndarray, labels: np.ndarray, misclassified: np.ndarray, keep_view: bool = False,
                wrong_label: str = "misclassified") -> None:
        """Replace the dots (once per map, not per stroke) and fit the view unless `keep_view`."""
        self.coords = np.asarray(coords, np.float32)
        self.labels = np.asarray(labels)
        self.wrong = np.asarray(misclassified, bool)
        self.visible = np.ones(len(self.coords), bool)
        self._members = [np.flatnonzero(self.labels == c) for c in range(len(self.dots))]
        for item, members in zip(self.dots, self._members):
            item.setData(pos=self.coords[members])
        self.rings.setData(pos=self.coords[self.wrong])
        if self.legend.getLabel(self._legend_rings) is None:
            self.legend.addItem(self._legend_rings, wrong_label)
        self.clear_marker()
        if not keep_view:
            self.autoRange(padding=0.04)
        # Auto-range stays off: a stroke must not refit the view, which would redraw the cached dots.
        self.getPlotItem().vb.disableAutoRange()

    def show_class(self, index: int | None) -> None:
        """Show one true class alone (None: all of them)."""
        if not len(self.coords):
            return
        self.visible = np.ones(len(self.coords), bool) if index is None else self.labels == index
        for c, item in enumerate(self.dots):
            item.setVisible(index is None or c == index)
        self.rings.setData(pos=self.coords[self.wrong & self.visible])

    def set_marker(self, xy: np.ndarray | None) -> None:
        """Put the drawing's marker at `xy` and extend the trail (None hides both)."""
        if xy is None:
            self.clear_marker()
            return
        x, y = float(xy[0]), float(xy[1])
        self._positions = (self._positions + [(x, y)])[-TRAIL:]
        path = QPainterPath(QPointF(*self._positions[0]))
        for point in self._positions[1:]:
            path.lineTo(*point)
        self.trail.setPath(path)
        self.marker.setPos(x, y)
        self.marker.setVisible(True)

    def clear_marker(self) -> None:
        self._positions = []
        self.trail.setPath(QPainterPath())
        self.marker.setVisible(False)

    def trail_points(self) -> np.ndarray:
        """The drawing's last positions on the map, (n, 2), oldest first: the marker is the last."""
        return np.array(self._positions, np.float32).reshape(-1, 2)

    def marker_position(self) -> np.ndarray | None:
        """Where the drawing's marker is, (2,), or None while it is hidden."""
        return self.trail_points()[-1] if self._positions else None

    def set_highlight(self, indices) -> None:
        """Ring these test images (the drawing's nearest ones)."""
        indices = np.asarray(indices, np.int64)
        self.highlight.setData(pos=self.coords[indices] if len(self.coords) else np.zeros((0, 2)))

    def point_at(self, scene_pos: QPointF) -> int:
        """The visible dot nearest to a scene position within PICK_PIXELS, or -1."""
        if not len(self.coords):
            return -1
        box = self.getPlotItem().vb
        if not box.sceneBoundingRect().contains(scene_pos):
            return -1
        point = box.mapSceneToView(scene_pos)
        pixel = box.viewPixelSize()  # view units per screen pixel, (x, y)
        dx = (self.coords[:, 0] - point.x()) / max(pixel[0], 1e-12)
        dy = (self.coords[:, 1] - point.y()) / max(pixel[1], 1e-12)
        squared = np.where(self.visible, dx * dx + dy * dy, np.inf)
        best = int(np.argmin(squared))
        return best if squared[best] <= PICK_PIXELS ** 2 else -1

    def view_to_scene(self, xy) -> QPointF:
        return self.getPlotItem().vb.mapViewToScene(QPointF(float(xy[0]), float(xy[1])))

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        index = self.point_at(scene_pos)
        if index != self._hovered:
            self._hovered = index
            self.pointHovered.emit(index)

    def _mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        index = self.point_at(event.scenePos())
        if index >= 0:
            event.accept()
            self.pointClicked.emit(index)
