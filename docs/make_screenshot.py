"""Take the README screenshot of the real window: run under a display, e.g.

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/make_screenshot.py docs/screenshot-main.png

It starts the app as `main.py` does, draws a garment outline with real mouse events (the
preprocessing fills closed outlines; --fill uses the fill tool instead), waits for the bars, and
captures the whole screen with ImageMagick's `import`.
Pass --sample N to open sample garment N instead of drawing. Pass --train N to open the Train
panel, train from a fresh random network with the tutorial's recipe, show the predictions of the
network being trained, and take the picture after N epochs (docs/screenshot-training.png).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fashion_desktop.gui.app import create_application  # noqa: E402
from fashion_desktop.gui.canvas import FILL  # noqa: E402
from fashion_desktop.gui.main_window import MainWindow  # noqa: E402

# Outlines drawn in a 280 × 280 frame scaled to the canvas.
SHAPES = {
    "trouser": [(95, 30), (185, 30), (200, 255), (160, 255), (142, 110), (138, 110), (120, 255), (80, 255), (95, 30)],
    "tshirt": [(105, 40), (125, 55), (155, 55), (175, 40), (235, 75), (215, 125), (195, 112), (195, 245),
               (85, 245), (85, 112), (65, 125), (45, 75), (105, 40)],
}


def widget_point(window: MainWindow, x: float, y: float) -> QPoint:
    rect = window.canvas.target_rect()
    scale = rect.width() / 280
    return QPointF(rect.left() + x * scale, rect.top() + y * scale).toPoint()


def draw_outline(window: MainWindow, outline: list, fill: bool) -> None:
    canvas = window.canvas
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget_point(window, *outline[0]))
    for (x0, y0), (x1, y1) in zip(outline, outline[1:]):
        for t in range(1, 11):
            QTest.mouseMove(canvas, widget_point(window, x0 + (x1 - x0) * t / 10, y0 + (y1 - y0) * t / 10))
            QApplication.processEvents()
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget_point(window, *outline[-1]))
    if fill:
        window.set_tool(FILL)
        QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget_point(window, 140, 150))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--weights", type=Path)
    parser.add_argument("--sample", type=int)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="tshirt")
    parser.add_argument("--fill", action="store_true", help="fill the outline with the fill tool")
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("--train", type=int, metavar="EPOCHS", help="shoot the Train panel after EPOCHS epochs")
    args = parser.parse_args()
    app = create_application([])
    from PySide6.QtCore import QSettings

    settings = QSettings(str(Path("/tmp") / "fashion-desktop-screenshot.ini"), QSettings.Format.IniFormat)
    settings.clear()
    import os
    import tempfile

    os.environ["FASHION_DESKTOP_APP_DATA"] = tempfile.mkdtemp()  # not the user's autosaved drawing
    window = MainWindow(settings, weights=args.weights, device="cpu")
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    window.start()

    def act() -> None:
        if args.sample is not None:
            from fashion_desktop.images.samples import list_samples

            window.open_path(list_samples()[args.sample].path)
        else:
            draw_outline(window, SHAPES[args.shape], args.fill)
        if args.train:
            train()
        else:
            QTimer.singleShot(1500, shoot)

    def train() -> None:
        from fashion_desktop.training.recipe import TrainConfig

        panel = window.training_panel
        panel.show_action.trigger()
        panel.set_preview(True)
        trainer = panel.start(TrainConfig.tutorial(), start_from="random", device="cpu")
        trainer.epochFinished.connect(lambda r: QTimer.singleShot(1200, shoot) if r.epoch == args.train else None)

    def shoot() -> None:
        scale = window.devicePixelRatio()  # e.g. QT_SCALE_FACTOR=2: the screen holds twice the pixels
        crop = f"{round(width * scale)}x{round(height * scale)}+0+0"
        subprocess.run(["import", "-window", "root", "-crop", crop, str(args.out)], check=True)
        window.close()

    window.modelShown.connect(lambda _info: QTimer.singleShot(300, act))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
