"""Screenshots of the "see inside" views in the real window: run under a display, e.g.

    xvfb-run -a -s "-screen 0 1600x1000x24" python docs/make_inside_screenshots.py docs

Writes screenshot-activations.png, -saliency.png, -weights.png, -testset.png and -random.png:
each opens a shipped sample (or a test image), shows one view, waits for it to settle and
captures the screen with ImageMagick's `import`, as docs/make_screenshot.py does.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fashion_desktop.gui.app import create_application  # noqa: E402
from fashion_desktop.gui.main_window import MainWindow  # noqa: E402
from fashion_desktop.images.samples import list_samples  # noqa: E402

WIDTH, HEIGHT = 1500, 960


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def wait(condition, timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not settle")
        pump(0.02)


def shoot(window: MainWindow, path: Path) -> None:
    pump(0.8)
    scale = window.devicePixelRatio()
    crop = f"{round(WIDTH * scale)}x{round(HEIGHT * scale)}+0+0"
    subprocess.run(["import", "-window", "root", "-crop", crop, str(path)], check=True)
    print("wrote", path)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    app = create_application([])  # noqa: F841 - kept alive for the whole run
    settings = QSettings("/tmp/fashion-desktop-inside-screenshots.ini", QSettings.Format.IniFormat)
    settings.clear()
    window = MainWindow(settings, device="cpu")
    window.resize(WIDTH, HEIGHT)
    window.move(0, 0)
    window.show()
    window.start()
    wait(lambda: window.model_info is not None)
    samples = {s.path.name: s.path for s in list_samples()}
    coat = next(p for n, p in samples.items() if n.startswith("4-coat"))
    window.resizeDocks([window.probabilities_dock], [560], Qt.Orientation.Horizontal)

    window.dock("activationsDock").show()
    window.open_path(coat)
    wait(window.is_settled)
    pump(0.3)
    window.inside.activations.select_unit("linear_relu_stack.0", 7)
    shoot(window, out / "screenshot-activations.png")

    window.inside.saliency_action.setChecked(True)
    wait(window.is_settled)
    shoot(window, out / "screenshot-saliency.png")
    window.inside.saliency_action.setChecked(False)

    window.parameters.select_layer("linear_relu_stack.0")
    window.inside.show_weights("linear_relu_stack.0.weight")
    shoot(window, out / "screenshot-weights.png")

    window.dock("activationsDock").hide()
    window.dock("weightsDock").hide()
    window.dock("testsetDock").show()
    window.dock("testsetDock").raise_()
    wait(lambda: window.inside.testset.predictions is not None)
    window.inside.testset.open_cell(6, 0)  # shirts taken for T-shirts
    pump(0.5)
    print("window", window.size().toTuple(), "test set dock", window.dock("testsetDock").size().toTuple())
    shoot(window, out / "screenshot-testset.png")

    window.dock("testsetDock").hide()
    window.resizeDocks([window.probabilities_dock, window.dock("activationsDock")], [300, 600], Qt.Orientation.Vertical)
    window.dock("activationsDock").show()
    window.dock("activationsDock").raise_()
    window.inside.untrained_action.setChecked(True)
    wait(lambda: window.model_info.untrained)
    wait(window.is_settled)
    shoot(window, out / "screenshot-random.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
