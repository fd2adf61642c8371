"""Drawing with real mouse events: the 28×28 preview and the bars follow, even mid-stroke."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtTest import QTest

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.gui.canvas import BRUSH, ERASER, FILL, DrawingCanvas, array_to_qimage, qimage_to_array
from fashion_desktop.gui.panels.probabilities import EMPTY, RESULT

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def px(v: float) -> int:
    """Positions and sizes below are given in a 280-pixel frame; this scales them to the canvas."""
    return round(v * DrawingCanvas.SIZE / 280)


def at(window, x: float, y: float) -> QPoint:
    """Widget position of point (x, y) of the 280 frame on the canvas."""
    rect = window.canvas.target_rect()
    scale = rect.width() / 280
    return QPointF(rect.left() + x * scale, rect.top() + y * scale).toPoint()


def stroke(window, points, release: bool = True) -> None:
    canvas = window.canvas
    QTest.mousePress(canvas, LEFT, NONE, at(window, *points[0]))
    for point in points[1:]:
        QTest.mouseMove(canvas, at(window, *point))
    if release:
        QTest.mouseRelease(canvas, LEFT, NONE, at(window, *points[-1]))


def line(x0, y0, x1, y1, steps=12):
    return [(x0 + (x1 - x0) * t / steps, y0 + (y1 - y0) * t / steps) for t in range(steps + 1)]


def test_blank_canvas_says_nothing_to_classify(window):
    panel = window.probabilities
    assert panel.state == EMPTY
    assert panel.headline.text() == "Nothing to classify yet"
    assert panel.top_index() == -1
    assert not panel.probabilities().any()
    assert window.preview.pixels() is None


def test_bars_and_preview_update_during_the_stroke(window, qtbot, wait_idle):
    panel = window.probabilities
    stroke(window, line(60, 40, 220, 40) + line(220, 40, 220, 240), release=False)
    qtbot.waitUntil(lambda: panel.state == RESULT, timeout=10_000)
    assert window.canvas._stroke_before is not None, "the stroke should still be in progress"
    first = panel.probabilities()
    preview = window.preview.pixels()
    assert preview is not None and preview.shape == (28, 28) and preview.max() > 0.5
    assert np.isclose(first.sum(), 1.0, atol=1e-5)

    for point in line(220, 240, 60, 240) + line(60, 240, 60, 40):
        QTest.mouseMove(window.canvas, at(window, *point))
    QTest.mouseRelease(window.canvas, LEFT, NONE, at(window, 60, 40))
    wait_idle(window)
    assert not np.array_equal(window.preview.pixels(), preview)
    assert not np.allclose(panel.probabilities(), first)
    assert panel.top_index() == int(panel.probabilities().argmax())
    assert panel.headline.text() == CLASS_NAMES[panel.top_index()]
    assert "%" in panel.detail.text()


def test_bars_equal_the_core_predictor_for_the_same_input(window, random_weights, wait_idle):
    from fashion_desktop.images.preprocess import prepare_canvas
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model
    from fashion_desktop.network.orientation import face_left

    stroke(window, line(70, 30, 200, 30) + line(200, 30, 230, 250) + line(230, 250, 50, 250) + line(50, 250, 70, 30))
    wait_idle(window)
    model, _ = load_model(random_weights)
    predictor = Predictor(model, "cpu")
    expected_input = face_left(predictor, prepare_canvas(window.canvas.grey()).pixels)[0]  # shoes facing right turn
    assert np.array_equal(window.preview.pixels(), expected_input)
    expected = predictor.predict(expected_input).probabilities
    assert np.allclose(window.probabilities.probabilities(), expected, atol=1e-6)


def test_undo_redo_and_clear_with_shortcuts(window, qtbot, wait_idle):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    stroke(window, line(40, 140, 240, 140))
    wait_idle(window)
    assert not window.canvas.is_blank() and window.probabilities.state == RESULT
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.is_blank()
    wait_idle(window)
    assert window.probabilities.state == EMPTY
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.canvas.is_blank()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert not window.canvas.is_blank()
    wait_idle(window)
    assert window.probabilities.state == RESULT
    QTest.keyClick(window, Qt.Key.Key_Delete)
    assert window.canvas.is_blank()
    wait_idle(window)
    assert window.probabilities.state == EMPTY
    window.canvas.undo_stack.undo()
    assert not window.canvas.is_blank()
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()


def test_eraser_and_brush_size(window):
    canvas = window.canvas
    window.brush_spin.setValue(px(40))
    assert canvas.brush_size == px(40)
    stroke(window, line(40, 140, 240, 140))
    assert canvas.grey()[px(140), px(140)] == 255
    assert canvas.grey()[px(155), px(140)] == 255  # 40 wide: 15 off the centre line is still ink
    window.set_tool(ERASER)
    window.brush_spin.setValue(px(10))
    stroke(window, line(140, 100, 140, 180))
    assert canvas.grey()[px(140), px(140)] == 0
    assert canvas.grey()[px(140), px(100)] == 255  # the eraser only took its own path
    window.set_tool(BRUSH)
    assert window.tool_actions[BRUSH].isChecked()


def test_fill_tool_fills_a_closed_outline_only(window, wait_idle):
    canvas = window.canvas
    window.brush_spin.setValue(px(8))
    stroke(window, line(60, 60, 220, 60) + line(220, 60, 220, 220) + line(220, 220, 60, 220) + line(60, 220, 60, 60))
    assert canvas.grey()[px(140), px(140)] == 0
    window.set_tool(FILL)
    steps = canvas.undo_stack.count()
    QTest.mouseClick(canvas, LEFT, NONE, at(window, 140, 140))
    grey = canvas.grey()
    assert grey[px(140), px(140)] == 255 and grey[px(100), px(200)] == 255
    assert grey[px(20), px(20)] == 0 and grey[px(250), px(250)] == 0, "the fill must stay inside the outline"
    assert canvas.undo_stack.count() == steps + 1
    QTest.mouseClick(canvas, LEFT, NONE, at(window, 20, 20))  # outside: no closed outline, nothing filled
    assert canvas.grey()[px(20), px(20)] == 0
    assert canvas.undo_stack.count() == steps + 1
    assert "closed outline" in window.statusBar().currentMessage()
    canvas.undo_stack.undo()
    assert canvas.grey()[px(140), px(140)] == 0
    wait_idle(window)


def test_qimage_conversion_respects_row_padding():
    grey = (np.arange(29 * 7, dtype=np.uint8) * 3).reshape(7, 29)  # 29 wide: rows are padded to 32 bytes
    image = array_to_qimage(grey)
    assert image.bytesPerLine() > image.width()
    back = qimage_to_array(image)
    assert np.array_equal(back, grey)
    back[0, 0] = 99
    assert qimage_to_array(image)[0, 0] == grey[0, 0], "the array must be a copy, not a view of the QImage"
    assert image.format() == QImage.Format.Format_Grayscale8


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3].astype(int)


def test_a_stroke_repaints_only_its_segment_and_the_screen_matches_a_full_repaint(qtbot, qapp):
    """The canvas repaints just the stroke's new segment and the brush outline (not the whole
    scaled image) at every move; what ends up on screen must be exactly what a full repaint
    draws: no gaps, no leftover brush outlines, no seams between repainted pieces."""
    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(613, 577)  # not a multiple of the image: pieces meet at fractional positions
    canvas.show()
    QTest.qWaitForWindowExposed(canvas)
    painted = []
    original = canvas.paintEvent

    def record(event):
        painted.append(event.rect())
        original(event)

    canvas.paintEvent = record
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(100, 100))
    for i in range(40):
        QTest.mouseMove(canvas, QPoint(100 + i * 9, 100 + int(80 * np.sin(i / 5))))
        qapp.processEvents()
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(460, 120))
    QTest.mouseMove(canvas, QPoint(300, 400))  # the brush outline leaves the stroke's end
    qapp.processEvents()
    QTest.qWait(50)
    assert painted and max(r.width() * r.height() for r in painted[1:]) < 0.25 * canvas.width() * canvas.height()
    on_screen = _rgb(qapp.primaryScreen().grabWindow(canvas.winId()).toImage())
    full = _rgb(canvas.grab().toImage())
    assert on_screen.shape == full.shape
    assert (full.max(axis=2) > 200).sum() > 20_000  # the stroke is there
    assert np.abs(on_screen - full).max() <= 2  # smooth scaling may round a level differently
