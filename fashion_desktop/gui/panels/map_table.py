"""The Map view's numbers for CSV export and Copy chart: where each test image sits, and the drawing.

pyqtgraph's scatter items are not among what `gui/chart_export.py` reads generically (curves,
bars, images), and a dot's position alone would say little: each row also names the test image
and its true and predicted classes, in the window's language like every exported table. Only the
dots shown are written (the Show filter picks one class); the drawing's marker and its trail,
when the drawing is on the map, follow as a second table, the latest position last.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from fashion_desktop.classes import class_name


def map_tables(layout, plot, title: str) -> list:
    """[Table] for a drawn `MapLayout` as `plot` (a MapPlot) shows it; [] before any map is drawn."""
    from fashion_desktop.gui.chart_export import Table

    if layout is None or not len(plot.coords):
        return []

    translate = QCoreApplication.translate
    dots = Table(title, [translate("MapPanel", "test index"), "x", "y", translate("MapPanel", "true class"),
                         translate("MapPanel", "predicted"), translate("MapPanel", "misclassified")])
    for i in np.flatnonzero(plot.visible):
        truth, guess = int(layout.labels[i]), int(layout.predicted[i])
        x, y = plot.coords[i]
        dots.rows.append([int(i), float(x), float(y), class_name(truth), class_name(guess), int(truth != guess)])
    tables = [dots]
    trail = plot.trail_points()
    if len(trail):
        tables.append(Table(translate("MapPanel", "Your drawing on the map (oldest first, the marker last)"), ["x", "y"],
                            [[float(x), float(y)] for x, y in trail]))
    return tables
