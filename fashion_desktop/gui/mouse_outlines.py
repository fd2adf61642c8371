"""Outlines drawn with real mouse events in the real window: how many the app reads right.

    python -m fashion_desktop.gui.mouse_outlines [--weights W] [--json]

`fashion-desktop evaluate --mouse-outlines` runs this in a process of its own (it needs a Qt
application; offscreen works). Each of the twenty outlines of `images/mouse_outlines.py` is drawn
as one stroke with the default brush on a cleared canvas, a mouse move every few pixels as a hand
makes them, and the answer on screen is read once the window has settled.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path


def draw_outline(window, outline) -> None:
    """One stroke along the polyline (280 × 280 frame) on `window`'s canvas, with QTest mouse events."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    canvas = window.canvas
    rect = canvas.target_rect()
    scale = rect.width() / 280

    def at(x: float, y: float):
        return QPointF(rect.left() + x * scale, rect.top() + y * scale).toPoint()

    QTest.mousePress(canvas, left, none, at(*outline[0]))
    for (x0, y0), (x1, y1) in itertools.pairwise(outline):
        steps = max(2, int(max(abs(x1 - x0), abs(y1 - y0)) / 8))
        for t in range(1, steps + 1):
            QTest.mouseMove(canvas, at(x0 + (x1 - x0) * t / steps, y0 + (y1 - y0) * t / steps))
    QTest.mouseRelease(canvas, left, none, at(*outline[-1]))


def _wait(app, condition, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the window did not settle within {timeout_s:.0f} s")
        app.processEvents()
        time.sleep(0.005)


def score(weights: str | None = None) -> dict:
    """{'right': n, 'total': 20, 'flagged': n, 'answers': {outline: {'expected', 'answer', 'confidence',
    'flagged'}}}; 'flagged': the window said the drawing does not look like a garment it knows."""
    from PySide6.QtCore import QSettings

    from fashion_desktop.classes import CLASS_NAMES
    from fashion_desktop.gui.app import create_application
    from fashion_desktop.gui.main_window import MainWindow
    from fashion_desktop.images.mouse_outlines import OUTLINES

    app = create_application([])
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(QSettings(str(Path(folder) / "outlines.ini"), QSettings.Format.IniFormat),
                            weights=weights, device="cpu")
        window.resize(1280, 820)
        window.show()
        window.start()
        _wait(app, lambda: window.model_info is not None or bool(window.startup_error), 600)
        if window.model_info is None:
            raise RuntimeError(window.startup_error)
        answers = {}
        try:
            for name, (expected, outline) in OUTLINES.items():
                window.canvas.clear()
                draw_outline(window, outline)
                _wait(app, lambda: window.is_settled() and window.probabilities.state == "result", 60)
                index = window.probabilities.top_index()
                answers[name] = {"expected": expected, "answer": CLASS_NAMES[index],
                                 "confidence": round(float(window.probabilities.shown()[index]), 3),
                                 "flagged": not window.probabilities.unfamiliar.isHidden()}
        finally:
            window.close()
    right = sum(a["answer"] == a["expected"] for a in answers.values())
    flagged = sum(a["flagged"] for a in answers.values())
    return {"right": right, "total": len(answers), "flagged": flagged, "answers": answers}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = score(args.weights)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for name, a in result["answers"].items():
            mark = "✓" if a["answer"] == a["expected"] else "✗"
            note = "  (said not to look like a garment)" if a["flagged"] else ""
            print(f"{mark} {name:<26} {a['answer']:<12} {a['confidence']:.2f}{note}")
        print(f"{result['right']} of {result['total']} outlines read right; {result['flagged']} said not to look "
              "like a garment")
    return 0


if __name__ == "__main__":
    sys.exit(main())
