"""Take the README screenshot of the real window: run under a display, e.g.

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/make_screenshot.py docs/screenshot-main.png

It starts the app as `main.py` does, draws one of the mouse outlines of images/mouse_outlines.py (the
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

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fashion_desktop.gui.app import create_application  # noqa: E402
from fashion_desktop.gui.canvas import FILL  # noqa: E402
from fashion_desktop.gui.main_window import MainWindow  # noqa: E402
from fashion_desktop.gui.mouse_outlines import draw_outline  # noqa: E402
from fashion_desktop.images.mouse_outlines import OUTLINES  # noqa: E402


def draw(window: MainWindow, name: str, fill: bool) -> None:
    """One of the twenty mouse outlines (images/mouse_outlines.py), drawn with real mouse events."""
    draw_outline(window, OUTLINES[name][1])
    if fill:
        rect = window.canvas.target_rect()
        centre = QPointF(rect.left() + rect.width() / 2, rect.top() + rect.height() * 0.55).toPoint()
        window.set_tool(FILL)
        QTest.mouseClick(window.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--weights", type=Path)
    parser.add_argument("--sample", type=int)
    parser.add_argument("--shape", choices=sorted(OUTLINES), default="T-shirt")
    parser.add_argument("--fill", action="store_true", help="fill the outline with the fill tool")
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("--train", type=int, metavar="EPOCHS", help="shoot the Train panel after EPOCHS epochs")
    parser.add_argument("--map", action="store_true", help="open the Map view and shoot once the map is drawn")
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
            draw(window, args.shape, args.fill)
        if args.train:
            train()
        elif args.map:
            window.map_panel.mapShown.connect(lambda _layout: QTimer.singleShot(1500, shoot))
            window.map_dock.show()
            window.map_dock.raise_()
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
