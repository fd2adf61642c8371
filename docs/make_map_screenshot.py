"""A screenshot of the Map view with a drawing on it: run under a display, e.g.

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/make_map_screenshot.py docs [tsne]

Opens the window, shows the Map (PCA, or t-SNE when asked and cached or computed), draws a pair
of trousers in four strokes so the drawing's marker leaves a trail, and writes screenshot-map.png.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fashion_desktop.gui.app import create_application  # noqa: E402
from fashion_desktop.gui.main_window import MainWindow  # noqa: E402

WIDTH, HEIGHT = 1500, 960


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def wait(condition, timeout: float = 600.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not settle")
        pump(0.05)


def trousers(size: int, steps: int) -> np.ndarray:
    """A drawing of trousers, light strokes on black, made of the first `steps` of four strokes."""
    image = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(image)
    s = size / 448
    strokes = [[(150, 60), (298, 60)], [(150, 60), (130, 400), (205, 400), (224, 150)],
               [(298, 60), (318, 400), (243, 400), (224, 150)], [(150, 60), (298, 60), (224, 150)]]
    for stroke in strokes[:steps]:
        draw.line([(x * s, y * s) for x, y in stroke], fill=255, width=int(14 * s), joint="curve")
    return np.asarray(image)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    method = sys.argv[2] if len(sys.argv) > 2 else "pca"
    app = create_application([])  # noqa: F841 - kept alive for the whole run
    settings = QSettings("/tmp/fashion-desktop-map-screenshot.ini", QSettings.Format.IniFormat)
    settings.clear()
    window = MainWindow(settings, device="cpu")
    window.resize(WIDTH, HEIGHT)
    window.move(0, 0)
    window.show()
    window.start()
    wait(lambda: window.model_info is not None)
    panel = window.map_panel
    if method == "tsne":
        panel.method_combo.setCurrentIndex(1)
    started = time.perf_counter()
    window.map_dock.show()
    window.map_dock.raise_()
    window.resizeDocks([window.map_dock], [760], Qt.Orientation.Horizontal)
    wait(lambda: panel.layout_ is not None and panel.layout_.method == method)
    print(f"map shown after {time.perf_counter() - started:.2f} s (from the cache: {panel.layout_.from_cache})")
    size = window.canvas.grey().shape[0]
    for steps in range(1, 5):
        window.canvas.set_grey(trousers(size, steps))
        wait(window.is_settled)
        pump(0.2)
    pump(0.8)
    scale = window.devicePixelRatio()
    path = out / "screenshot-map.png"
    subprocess.run(["import", "-window", "root", "-crop", f"{round(WIDTH * scale)}x{round(HEIGHT * scale)}+0+0",
                    str(path)], check=True)
    print("wrote", path, "top class:", window.probabilities.top_index())
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
