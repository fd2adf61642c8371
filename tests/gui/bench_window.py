"""Measure the window: cold start (median of N launches) and stroke-to-bars latency.

    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/gui/bench_window.py startup --runs 5
    xvfb-run -a -s "-screen 0 1600x1000x24" python tests/gui/bench_window.py latency

`startup` launches `python main.py --open FILE` with FASHION_DESKTOP_TIMING=quit and reads the
times it prints (seconds since main.py's first line), plus the wall time seen from outside
(launch to the line arriving). `latency` draws with real mouse events at 60 moves a second and
records, for each result shown, the time from the oldest canvas change it includes to the bars
being updated. Not collected by pytest: timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def sample_file() -> Path:
    from fashion_desktop.samples import list_samples

    samples = list_samples()
    if samples:
        return samples[0].path
    import numpy as np
    from PIL import Image

    path = Path(tempfile.gettempdir()) / "fashion-desktop-bench.png"
    pixels = np.zeros((28, 28), np.uint8)
    pixels[4:24, 6:22] = 200
    Image.fromarray(pixels).save(path)
    return path


def startup(runs: int, weights: str | None) -> None:
    picture = sample_file()
    rows = []
    for _ in range(runs):
        config = tempfile.mkdtemp(prefix="fd-bench-")
        env = dict(os.environ, FASHION_DESKTOP_TIMING="quit", XDG_CONFIG_HOME=config)
        command = [sys.executable, str(ROOT / "main.py"), "--open", str(picture), "--device", "cpu"]
        if weights:
            command += ["--weights", weights]
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        row = {}
        for line in process.stdout:
            if "=" in line:
                key, value = line.strip().split("=", 1)
                row[key] = float(value)
                row["outside_" + key] = time.perf_counter() - start
        process.wait(timeout=120)
        row["exit_code"] = process.returncode
        rows.append(row)
        print(row, flush=True)
    for key in ("window_visible_s", "model_ready_s", "first_prediction_s", "outside_window_visible_s",
                "outside_first_prediction_s"):
        values = [r[key] for r in rows if key in r]
        if values:
            print(f"median {key} = {statistics.median(values):.3f} (n={len(values)}, "
                  f"min {min(values):.3f}, max {max(values):.3f})")


def latency(weights: str | None, moves: int) -> None:
    from PySide6.QtCore import QPointF, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest

    from fashion_desktop.gui.app import create_application
    from fashion_desktop.gui.main_window import MainWindow

    app = create_application([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    os.environ["FASHION_DESKTOP_APP_DATA"] = tempfile.mkdtemp()  # start blank; never touch the user's autosave
    window = MainWindow(settings, weights=weights, device="cpu")
    window.resize(1400, 900)
    window.show()
    window.start()
    samples: list[float] = []
    window.predictionShown.connect(lambda r: samples.append(window.last_latency_ms) if r.prediction is not None else None)
    state = {"i": 0}
    import math

    def point(i: int) -> QPointF:
        rect = window.canvas.target_rect()
        t = i / 25.0
        return QPointF(rect.center().x() + rect.width() * 0.3 * math.cos(t),
                       rect.center().y() + rect.height() * 0.3 * math.sin(1.7 * t))

    def step() -> None:
        i = state["i"]
        if i == 0:
            QTest.mousePress(window.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point(0).toPoint())
        elif i < moves:
            QTest.mouseMove(window.canvas, point(i).toPoint())
        else:
            QTest.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                               point(i).toPoint())
            QTimer.singleShot(500, window.close)
            return
        state["i"] += 1
        QTimer.singleShot(16, step)

    window.modelShown.connect(lambda _info: QTimer.singleShot(300, step) if state["i"] == 0 else None)
    app.exec()
    worker = window.worker
    print(f"moves {moves}, requests {worker.requests}, inferences {worker.inferences}, "
          f"dropped as superseded {worker.superseded}, results shown {len(samples)}")
    if samples:
        ordered = sorted(samples)
        print(f"stroke-to-bars latency ms: median {statistics.median(ordered):.1f}, "
              f"p95 {ordered[int(0.95 * (len(ordered) - 1))]:.1f}, max {ordered[-1]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("startup", "latency"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--moves", type=int, default=300)
    parser.add_argument("--weights")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.what == "startup":
        startup(args.runs, args.weights)
    else:
        latency(args.weights, args.moves)


if __name__ == "__main__":
    main()
