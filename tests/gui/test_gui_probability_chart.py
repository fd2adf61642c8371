"""The probability chart keeps what does not change per result (grid, ticks, class names) in a
cached layer; after a resize or a palette change it must look exactly like a chart drawn anew."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage, QPalette

from fashion_desktop.gui.panels.probabilities import BarsChart

VALUES = np.array([0.01, 0.9, 0.02, 0.01, 0.03, 0.0, 0.02, 0.005, 0.005, 0.0], np.float32)


def _pixels(chart: BarsChart) -> np.ndarray:
    image = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].copy()


def _chart(qtbot, width: int, height: int, palette: QPalette | None = None) -> BarsChart:
    chart = BarsChart()
    qtbot.addWidget(chart)
    if palette is not None:
        chart.setPalette(palette)
    chart.resize(width, height)
    chart.set_values(VALUES, 1)
    return chart


def test_the_chart_after_a_resize_is_the_chart_drawn_at_that_size(qtbot):
    chart = _chart(qtbot, 420, 300)
    before = _pixels(chart)
    chart.resize(520, 360)
    assert np.array_equal(_pixels(chart), _pixels(_chart(qtbot, 520, 360)))
    chart.set_values(np.roll(VALUES, 3), 4)  # a new result over the cached layer
    fresh = _chart(qtbot, 520, 360)
    fresh.set_values(np.roll(VALUES, 3), 4)
    assert np.array_equal(_pixels(chart), _pixels(fresh))
    assert not np.array_equal(before[:300, :420], _pixels(chart)[:300, :420])


def test_the_chart_after_a_palette_change_is_the_chart_drawn_with_it(qtbot):
    chart = _chart(qtbot, 420, 300)
    _pixels(chart)  # the cached layer is made with the old palette
    dark = QPalette(chart.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
    dark.setColor(QPalette.ColorRole.Text, QColor(230, 230, 230))
    chart.setPalette(dark)
    assert np.array_equal(_pixels(chart), _pixels(_chart(qtbot, 420, 300, dark)))
