"""The drawing canvas: a grey QImage with light strokes on black, as Fashion-MNIST's garments are.

The QImage is the document (fixed 448×448, 16 times the network's input and exactly twice the
preprocessing's working size, so it shrinks by an even 2×2 average); the widget only shows it
scaled to fit, so window size and screen DPI never change what the network receives. Every edit
is one undo step (a stroke, a fill, a clear, a loaded picture) holding before/after snapshots:
at 200 KB each, a bounded stack of them is simpler and safer than replaying strokes.

A stroke repaints only its new segment and the brush outline: the widget's paint runs on the GUI
thread holding Python's GIL (Qt's C++ drawing included), and scaling the whole image at every
mouse move kept the inference thread waiting 1.5 ms per move.

Pens and touch screens: tablet events are handled for pressure; touch arrives as the mouse
events Qt synthesises from unhandled touches.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from fashion_desktop.images.flood import dilate, flood_region

BRUSH, ERASER, FILL = "brush", "eraser", "fill"
TOOLS = (BRUSH, ERASER, FILL)
MIN_BRUSH, MAX_BRUSH, DEFAULT_BRUSH = 3, 128, 36


def qimage_to_array(image: QImage) -> np.ndarray:
    """A Grayscale8 QImage → an owned uint8 H×W array (row padding from bytesPerLine dropped)."""
    if image.format() != QImage.Format.Format_Grayscale8:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    height, width, stride = image.height(), image.width(), image.bytesPerLine()
    view = np.frombuffer(image.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    return view[:, :width].copy()


def array_to_qimage(grey: np.ndarray) -> QImage:
    """A uint8 H×W array → a Grayscale8 QImage that owns its pixels (not a view of the array)."""
    grey = np.ascontiguousarray(grey, dtype=np.uint8)
    height, width = grey.shape
    return QImage(grey.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


class _Snapshot(QUndoCommand):
    """One edit: the canvas before and after. The first redo is skipped (the edit already happened)."""

    def __init__(self, canvas: DrawingCanvas, before: tuple, after: tuple, text: str) -> None:
        super().__init__(text)
        self._canvas, self._before, self._after, self._done = canvas, before, after, True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._canvas._restore(self._after)

    def undo(self) -> None:
        self._canvas._restore(self._before)


class DrawingCanvas(QWidget):
    """Draw with mouse, pen or touch; fill closed outlines; every change emits `changed`."""

    SIZE = 448
    changed = Signal()  # the pixels changed; listeners throttle
    strokeFinished = Signal()
    notice = Signal(str)  # a hint for the status bar, e.g. why a fill did nothing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DrawingCanvas")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)
        self.setAccessibleName(self.tr("Drawing canvas"))
        self._image = QImage(self.SIZE, self.SIZE, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self._source: np.ndarray | None = None  # exact 28×28 input of a loaded picture, until drawn over
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(64)
        self.tool = BRUSH
        self.brush_size = DEFAULT_BRUSH
        self._stroke_before: tuple | None = None
        self._last: QPointF | None = None
        self._hover: QPointF | None = None

    # ------------------------------------------------------------ reading

    def grey(self) -> np.ndarray:
        """The canvas as an owned uint8 array (light on black), safe to hand to another thread."""
        return qimage_to_array(self._image)

    def source_pixels(self) -> np.ndarray | None:
        """The prepared 28×28 input of a loaded picture, while nothing has been drawn over it."""
        return None if self._source is None else self._source.copy()

    def image(self) -> QImage:
        return self._image.copy()

    def is_blank(self) -> bool:
        return not self.grey().any()

    # ------------------------------------------------------------ editing API

    @Slot(str)
    def set_tool(self, tool: str) -> None:
        if tool not in TOOLS:
            raise ValueError(f"unknown tool {tool!r}")
        self.tool = tool
        self.setCursor(Qt.CursorShape.PointingHandCursor if tool == FILL else Qt.CursorShape.CrossCursor)
        self.update()

    @Slot(int)
    def set_brush_size(self, size: int) -> None:
        self.brush_size = max(MIN_BRUSH, min(MAX_BRUSH, int(size)))
        self.update()

    @Slot()
    def clear(self) -> None:
        if self.is_blank() and self._source is None:
            return
        before = self._state()
        self._image.fill(0)
        self._source = None
        self._commit(before, self.tr("Clear"))

    def load_pixels(self, pixels: np.ndarray) -> None:
        """Show a prepared 28×28 input (floats in [0, 1]) scaled up, so it can be drawn over."""
        small = array_to_qimage(np.clip(np.asarray(pixels) * 255.0 + 0.5, 0, 255).astype(np.uint8))
        before = self._state()
        self._image = small.scaled(self.SIZE, self.SIZE, Qt.AspectRatioMode.IgnoreAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self._source = np.array(pixels, dtype=np.float32, copy=True)
        self._commit(before, self.tr("Open picture"))

    def set_grey(self, grey: np.ndarray, text: str = "") -> None:
        """Replace the canvas with grey levels of its own size (light on black)."""
        if grey.shape != (self.SIZE, self.SIZE):
            raise ValueError(f"expected {self.SIZE}×{self.SIZE}, got {grey.shape}")
        before = self._state()
        self._image = array_to_qimage(grey)
        self._source = None
        self._commit(before, text or self.tr("Replace"))

    def fill_at(self, x: int, y: int) -> bool:
        """Fill the dark region around image pixel (x, y) with white, if an outline closes it in.

        A region that reaches the canvas edge is not inside an outline: filling it would paint the
        background, which no garment in the data set has, so it is refused with a notice.
        """
        grey = self.grey()
        if grey[y, x] >= 128:
            return False  # already light
        region = flood_region(grey, x, y)
        if region[0].any() or region[-1].any() or region[:, 0].any() or region[:, -1].any():
            self.notice.emit(self.tr("Click inside a closed outline: this area reaches the edge of the canvas."))
            return False
        grey[dilate(region)] = 255
        before = self._state()
        self._image = array_to_qimage(grey)
        self._source = None
        self._commit(before, self.tr("Fill"))
        return True

    # ------------------------------------------------------------ stroke mechanics

    def _state(self) -> tuple:
        return self._image.copy(), self._source

    def _restore(self, state: tuple) -> None:
        image, source = state
        self._image, self._source = image.copy(), source
        self.update()
        self.changed.emit()

    def _commit(self, before: tuple, text: str) -> None:
        self.undo_stack.push(_Snapshot(self, before, self._state(), text))
        self.update()
        self.changed.emit()

    def target_rect(self) -> QRectF:
        """Where the image is shown: the largest centred square that fits, in widget coordinates."""
        side = max(1.0, min(self.width(), self.height()) - 2.0)
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _source_rect(self, exposed: QRectF) -> QRect:
        """The image pixels under an exposed widget area, with a margin of 4, so smooth scaling samples
        the same neighbours as when the whole image is drawn (its edges fall outside the clip)."""
        rect = self.target_rect()
        scale = self.SIZE / rect.width()
        area = QRectF((exposed.left() - rect.left()) * scale, (exposed.top() - rect.top()) * scale,
                      exposed.width() * scale, exposed.height() * scale)
        return area.toAlignedRect().adjusted(-4, -4, 4, 4).intersected(QRect(0, 0, self.SIZE, self.SIZE))

    def to_image(self, pos: QPointF) -> QPointF:
        rect = self.target_rect()
        scale = self.SIZE / rect.width()
        return QPointF((pos.x() - rect.left()) * scale, (pos.y() - rect.top()) * scale)

    def _begin(self, pos: QPointF, pressure: float = 1.0) -> None:
        point = self.to_image(pos)
        if self.tool == FILL:
            x, y = int(point.x()), int(point.y())
            if 0 <= x < self.SIZE and 0 <= y < self.SIZE:
                self.fill_at(x, y)
            return
        self._stroke_before = self._state()
        self._source = None
        self._last = point
        self._segment(point, point, pressure)

    def _extend(self, pos: QPointF, pressure: float = 1.0) -> None:
        if self._stroke_before is None:
            return
        point = self.to_image(pos)
        self._segment(self._last, point, pressure)
        self._last = point

    def _end(self) -> None:
        if self._stroke_before is None:
            return
        before, self._stroke_before, self._last = self._stroke_before, None, None
        self.undo_stack.push(_Snapshot(self, before, self._state(),
                                       self.tr("Erase") if self.tool == ERASER else self.tr("Stroke")))
        self.strokeFinished.emit()

    def _segment(self, start: QPointF, end: QPointF, pressure: float) -> None:
        width = self.brush_size * (0.35 + 0.65 * max(0.0, min(1.0, pressure)))
        colour = QColor(0, 0, 0) if self.tool == ERASER else QColor(255, 255, 255)
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if start == end:  # a tap: Qt draws nothing for a zero-length line, so paint the dot
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(start, width / 2, width / 2)
        else:
            painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.drawLine(start, end)
        painter.end()
        reach = width / 2 + 2  # the round cap and antialiasing
        self.update(self._to_widget(QRectF(start, end).normalized().adjusted(-reach, -reach, reach, reach)))
        self.changed.emit()

    def _to_widget(self, area: QRectF) -> QRect:
        """An area of the image → the widget pixels that show it (rounded outwards)."""
        rect = self.target_rect()
        scale = rect.width() / self.SIZE
        return QRectF(rect.left() + area.left() * scale, rect.top() + area.top() * scale,
                      area.width() * scale, area.height() * scale).toAlignedRect().adjusted(-1, -1, 1, 1)

    def _update_hover(self, pos: QPointF | None) -> None:
        """Repaint where the brush outline was and where it is now, not the whole canvas."""
        radius = self.brush_size * self.target_rect().width() / self.SIZE / 2 + 2
        for point in (self._hover, pos):
            if point is not None:
                self.update(QRectF(point.x() - radius, point.y() - radius, 2 * radius, 2 * radius).toAlignedRect())
        self._hover = pos

    # ------------------------------------------------------------ events

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._update_hover(event.position())
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()

    def leaveEvent(self, event) -> None:
        self._update_hover(None)
        super().leaveEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        """Pens: pressure scales the brush. Accepting stops Qt from also sending mouse events."""
        kind = event.type()
        pressure = event.pressure() if event.pressure() > 0 else 1.0
        self._update_hover(event.position())
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # clipped to what needs repainting: a stroke repaints only its segment
        exposed = event.rect()
        painter.fillRect(exposed, self.palette().window())
        rect = self.target_rect()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        source = self._source_rect(QRectF(exposed))
        if not source.isEmpty():
            scale = rect.width() / self.SIZE
            target = QRectF(rect.left() + source.left() * scale, rect.top() + source.top() * scale,
                            source.width() * scale, source.height() * scale)
            # Qt scales 32-bit images with SIMD; an 8-bit one costs 3× as much even with the conversion.
            painter.drawImage(target, self._image.copy(source).convertToFormat(QImage.Format.Format_RGB32))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
        if self._hover is not None and self.tool != FILL and rect.contains(self._hover):
            radius = self.brush_size * rect.width() / self.SIZE / 2
            painter.setPen(QPen(QColor(255, 140, 0) if self.tool == ERASER else QColor(120, 180, 255), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(self._hover, radius, radius)
        painter.end()
