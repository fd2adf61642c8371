"""The window under measurement, for `fashion-desktop bench` (which runs this as a child process).

    python -m fashion_desktop.gui.probe.window_probe empty-window    # the start-up floor: PySide6 + an empty window
    python -m fashion_desktop.gui.probe.window_probe window --json   # stroke-to-bars, burst, memory
    python -m fashion_desktop.gui.probe.window_probe folder DIR      # the folder view classifying DIR (twice)

`window` draws with real mouse events at a steady rate and records, for each result shown, the
time from the oldest canvas change it includes to the probability chart having repainted it
(as the window opens, with the activations panel open and saliency on, and optionally while the
Train panel trains); then sends a burst of requests and counts the inferences it cost; then runs many inferences
through the whole window path and reports how resident memory grew. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path


def empty_window() -> int:
    """The floor for start-up: import PySide6, show an empty main window, report its first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    central = QWidget(window)
    window.setCentralWidget(central)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print("window_visible", flush=True)
                central.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    central.installEventFilter(watcher)
    window.resize(1280, 820)
    window.show()
    return app.exec()


# Where stroke-to-bars goes, stamp to stamp: the change → the worker takes it (the coalescing
# timer, a busy worker) → preprocessed → forward pass (and saliency) done → the GUI thread has
# the result → the chart has repainted it.
STAGES = ("queue", "preprocess", "forward", "deliver", "paint")


class Probe:
    """Drives one MainWindow through the measurements, each phase in its own local event loop."""

    def __init__(self, device: str) -> None:
        from PySide6.QtCore import QSettings

        from fashion_desktop.gui.app import create_application
        from fashion_desktop.gui.main_window import MainWindow

        self.app = create_application([])
        settings = QSettings(str(Path(tempfile.mkdtemp(prefix="fd-probe-")) / "settings.ini"),
                             QSettings.Format.IniFormat)
        self.window = MainWindow(settings, device=device)
        self.window.resize(1400, 900)
        self.window.show()
        self.window.start()
        self.latencies: list[float] = []
        self.stages: dict[str, list[float]] = {stage: [] for stage in STAGES}
        self._pending: list = []  # (result, when the GUI thread received it), until the chart repaints
        self.window.predictionShown.connect(self._on_shown)
        self.window.probabilities.painted.connect(self._on_painted)

    # ------------------------------------------------------------ plumbing

    def _on_shown(self, result) -> None:
        if result.prediction is not None:
            self._pending.append((result, self.window.last_received))

    def _on_painted(self) -> None:
        now = time.perf_counter()
        for result, received in self._pending:
            self.latencies.append((now - result.created) * 1000.0)
            if result.started and result.prepared:
                stamps = (result.created, result.started, result.prepared, result.finished, received, now)
                for stage, (a, b) in zip(STAGES, zip(stamps, stamps[1:])):
                    self.stages[stage].append((b - a) * 1000.0)
        self._pending.clear()

    def wait(self, condition, timeout_s: float = 60.0) -> None:
        """Run the event loop until `condition()` holds (checked every 5 ms)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: loop.quit() if condition() else None)
        timer.start()
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        deadline.start(int(timeout_s * 1000))
        loop.exec()
        timer.stop()
        if not condition():
            raise RuntimeError(f"the window did not get there within {timeout_s:.0f} s")

    def settle(self) -> None:
        window = self.window
        # generous: on a heavily loaded machine importing torch alone can take a minute
        self.wait(lambda: window.model_info is not None and window.is_settled() and not self._pending, 600.0)

    # ------------------------------------------------------------ phases

    def stroke(self, moves: int, rate_hz: float) -> dict:
        """Draw a looping stroke with real mouse events at `rate_hz`; stroke_to_bars_ms."""
        from PySide6.QtCore import QEventLoop, QPointF, Qt, QTimer
        from PySide6.QtTest import QTest

        canvas = self.window.canvas
        self.settle()
        self.latencies.clear()
        for values in self.stages.values():
            values.clear()
        rect = canvas.target_rect()

        def point(i: int):
            t = i / 25.0
            return QPointF(rect.center().x() + rect.width() * 0.3 * math.cos(t),
                           rect.center().y() + rect.height() * 0.3 * math.sin(1.7 * t)).toPoint()

        loop = QEventLoop()
        state = {"i": 0}
        start = time.perf_counter()

        def step() -> None:
            i = state["i"]
            if i == 0:
                QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point(0))
            elif i < moves:
                QTest.mouseMove(canvas, point(i))
            else:
                QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point(i))
                loop.quit()
                return
            state["i"] += 1
            # steady rate from the stroke's start, as a hand moves, whatever each step cost
            QTimer.singleShot(max(0, round((start + state["i"] / rate_hz - time.perf_counter()) * 1000)), step)

        inferences = self.window.worker.inferences
        QTimer.singleShot(0, step)
        loop.exec()
        self.settle()
        from fashion_desktop.measure.timing import summary

        stages = {stage: summary(values) for stage, values in self.stages.items() if values}
        return {"stroke_to_bars_ms": summary(self.latencies), "stroke_stages_ms": stages,
                "stroke_moves": moves, "stroke_rate_hz": rate_hz,
                "stroke_results_shown": len(self.latencies),
                "stroke_inferences": self.window.worker.inferences - inferences}

    def stroke_inside(self, moves: int, rate_hz: float) -> dict:
        """The same stroke with the activations panel open and the saliency overlay on."""
        window = self.window
        window.inside.activations_dock.show()
        window.inside.activations_dock.raise_()
        window.inside.saliency_action.setChecked(True)
        try:
            figures = self.stroke(moves, rate_hz)
            self.inside_stages = figures["stroke_stages_ms"]
            return figures["stroke_to_bars_ms"]
        finally:
            window.inside.saliency_action.setChecked(False)
            window.inside.activations_dock.hide()

    def stroke_map(self, moves: int, rate_hz: float) -> dict | None:
        """The same stroke with the Map view open (PCA, second ReLU): the marker and trail follow every
        result. Also map_shown_after_open_s, from opening the view (the panel built; a fresh profile has no
        map of its own, so the map shipped for the shipped weights is read, as on a first opening) to the
        map drawn. None without the data."""
        from fashion_desktop.dataset.files import find_dataset
        from fashion_desktop.errors import DataError

        try:
            find_dataset(splits=("test",))
        except DataError:
            return None
        window = self.window
        start = time.perf_counter()  # the first open builds the panel (pyqtgraph): part of what a person waits for
        panel = window.map_panel
        shown: list = []
        panel.mapShown.connect(shown.append)
        window.map_dock.show()
        window.map_dock.raise_()
        try:
            self.wait(lambda: bool(shown), 600.0)
        except RuntimeError:
            return None
        opened = time.perf_counter() - start
        try:
            figures = self.stroke(moves, rate_hz)
            return {"stroke_to_bars_map_ms": figures["stroke_to_bars_ms"], "map_shown_after_open_s": opened}
        finally:
            window.map_dock.hide()

    def stroke_training(self, moves: int, rate_hz: float) -> dict | None:
        """The same stroke while the Train panel trains the tutorial's recipe; None without the data."""
        from fashion_desktop.training.recipe import TrainConfig

        panel = self.window.training_panel
        trainer = panel.start(TrainConfig.tutorial(epochs=100), start_from="random")
        if trainer is None:
            return None
        batches: list = []
        trainer.batchProgress.connect(batches.append)
        try:
            self.wait(lambda: len(batches) >= 2, 300.0)  # data read, the loop under way
            return self.stroke(moves, rate_hz)["stroke_to_bars_ms"]
        finally:
            from fashion_desktop.gui.training.session_controls import RUNNING_STATES

            panel.stop()
            # and the panel idle again (its state follows the trainer's queued `finished`): else the
            # in-app epoch that comes next found it still stopping and measured nothing, once in four runs
            self.wait(lambda: not trainer.isRunning() and panel.state not in RUNNING_STATES, 300.0)

    def epoch_in_app(self, threads: int, epochs: int = 3) -> dict:
        """Epochs of the shipped recipe run by the Train panel, medians over `epochs` as the CLI's
        `epoch_s` is (bench/training.py): epoch_app_s (training + validation, what the CLI's epoch
        also times) and epoch_app_test_s (the test-set pass the panel adds after every epoch for its
        curves, which the CLI's `train` does not run)."""
        from fashion_desktop.training.recipe import TrainConfig

        panel = self.window.training_panel
        trainer = panel.start(TrainConfig.shipped(epochs=epochs), start_from="random", threads=threads)
        if trainer is None:
            return {}
        self.wait(lambda: not trainer.isRunning(), 900.0 * epochs)
        if not trainer.epoch_seconds:
            return {}
        return {"epoch_app_s": statistics.median(trainer.epoch_seconds),
                "epoch_app_test_s": statistics.median(trainer.epoch_test_seconds)}

    def burst(self, count: int) -> dict:
        """`count` requests sent back to back (distinct drawings): how many inferences they cost."""
        import numpy as np

        self.settle()
        worker = self.window.worker
        before = worker.inferences
        rng = np.random.default_rng(0)
        base = self.window.canvas.grey()
        drawings = []
        for _ in range(count):
            grey = base.copy()
            y, x = rng.integers(40, 400, 2)
            grey[y : y + 8, x : x + 8] = 255
            drawings.append(grey)
        for grey in drawings:  # back to back, as fast as the window could send them
            worker.request(grey=grey)
        self.settle()
        return {"burst_200_inferences" if count == 200 else f"burst_{count}_inferences": worker.inferences - before}

    def memory(self, inferences: int) -> dict:
        """Growth of resident memory over `inferences` results shown through the window."""
        from fashion_desktop.gui.probe.soak import run_inferences

        self.settle()
        start = time.perf_counter()
        growth = run_inferences(self.window, inferences, warmup=min(500, inferences))
        key = "rss_growth_10k_mb" if inferences == 10_000 else f"rss_growth_{inferences}_mb"
        return {key: growth, "soak_inferences": inferences, "soak_seconds": time.perf_counter() - start}

    def close(self) -> None:
        self.window.close()


def window(args: argparse.Namespace) -> int:
    probe = Probe(args.device)
    try:
        report: dict = {}
        probe.settle()
        from fashion_desktop.measure.memory import rss_mb

        report["rss_mb"] = rss_mb()  # after start-up: the model is loaded and the first result shown
        report.update(probe.stroke(args.moves, args.rate))
        report["stroke_to_bars_inside_ms"] = probe.stroke_inside(args.moves, args.rate)
        report["stroke_stages_inside_ms"] = probe.inside_stages
        report.update(probe.stroke_map(args.moves, args.rate) or {})
        if args.training:
            report["stroke_to_bars_training_ms"] = probe.stroke_training(args.moves, args.rate)
        report.update(probe.burst(200))
        if args.inferences:
            report.update(probe.memory(args.inferences))
        if args.epoch_threads:  # last: the bench times the CLI's epochs right after (bench/run.py)
            report.update(probe.epoch_in_app(args.epoch_threads))
    finally:
        probe.close()
    print(json.dumps(report))
    return 0


def folder(args: argparse.Namespace) -> int:
    """The folder view on `args.folder`, twice, each from the request to the last row shown, torch already
    imported (in the window the worker imported it long before a folder is chosen). Prints one JSON object.

    `folder_view_cold_images_per_s` first: nothing has started the view's worker processes
    (gui/folder_pool.py), as for a folder dropped the instant the drag enters a fresh window: the
    job starts them (in the background) and decodes the first files in its own thread until they
    are up. Then `folder_view_images_per_s` (the goal's figure) with them running, as every way of
    choosing a folder reaches the view: File ▸ Classify a folder… starts them while its dialog is
    open, a folder dragged in as it enters the window, `--open FOLDER` while the model loads, the
    Folder dock when it first paints, and they serve every later folder (the median of `args.runs`
    passes). With `args.predict_device`, `predict` runs on the same folder before each of those
    passes (`folder_view_predict_images_per_s`, their median): the goal's ratio then compares runs
    seconds apart, not minutes. The runs wait in a local
    event loop, not `app.exec()`, whose end (aboutToQuit) would shut the pool down between them, as
    the window never does. `folder_view_pool_start_s`: how long starting the pool took (the fork
    server, its preloaded modules, the first worker's answer)."""
    import torch  # noqa: F401
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from fashion_desktop.blas_threads import use_one_blas_thread
    from fashion_desktop.gui import folder_pool
    from fashion_desktop.gui.panels.folder_view import FolderView
    from fashion_desktop.network.model import load_model, state_to_numpy

    use_one_blas_thread()  # as the window's worker did long before a folder is chosen
    app = QApplication(sys.argv[:1])  # noqa: F841 - the view needs one
    model, _loaded = load_model(None)
    state = state_to_numpy(model.state_dict())
    view = FolderView()  # would start the pool after its first paint, which comes after the request
    view.resize(900, 700)
    view.show()
    loop = QEventLoop()
    view.finished.connect(loop.quit)
    rates, predict_rates = [], []
    for run in range(1 + args.runs):
        if run and args.predict_device:  # `predict` on the same files between the passes
            predict_rates.append(_predict_rate(args.folder, args.predict_device))
        start = time.perf_counter()
        view.start(args.folder, state)
        loop.exec()
        seconds = time.perf_counter() - start
        rows = view.model.rows
        rates.append(len(rows) / seconds)
    figures = {"folder_view_cold_images_per_s": rates[0], "folder_view_images_per_s": statistics.median(rates[1:]),
               "folder_view_runs": args.runs, "folder_view_files": len(rows),
               "folder_view_predict_images_per_s": statistics.median(predict_rates) if predict_rates else None,
               "folder_view_failed": sum(1 for row in rows if not row.ok),
               "folder_view_pool_start_s": folder_pool.started_in_s}
    folder_pool.shutdown()
    print(json.dumps(figures))
    return 0


def _predict_rate(folder: Path, device: str) -> float:
    """Images per second of `fashion-desktop predict --json FOLDER`, launched as the bench launches it."""
    import subprocess

    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "fashion_desktop", "predict", "--json", "--device", device, str(folder)],
                          capture_output=True, text=True, check=True, timeout=600)
    return len(json.loads(done.stdout)) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fashion_desktop.gui.probe.window_probe")
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("empty-window")
    win = sub.add_parser("window")
    win.add_argument("--device", default="cpu")
    win.add_argument("--moves", type=int, default=300)
    win.add_argument("--rate", type=float, default=60.0, help="mouse moves per second")
    win.add_argument("--inferences", type=int, default=10_000, help="for the memory figure (0 to skip)")
    win.add_argument("--training", action="store_true", help="also draw while the Train panel trains")
    win.add_argument("--epoch-threads", type=int, default=0, metavar="N",
                     help="also time one epoch of the shipped recipe in the Train panel with N threads")
    win.add_argument("--json", action="store_true", help="(the output is always one JSON object)")
    folder_parser = sub.add_parser("folder")
    folder_parser.add_argument("folder", type=Path)
    folder_parser.add_argument("--runs", type=int, default=3, metavar="N",
                               help="passes with the worker processes running (the figure is their median)")
    folder_parser.add_argument("--predict-device", metavar="DEVICE",
                               help="also launch `predict` on the folder before each of those passes")
    args = parser.parse_args(argv)
    if args.what == "folder":
        return folder(args)
    return empty_window() if args.what == "empty-window" else window(args)


if __name__ == "__main__":
    sys.exit(main())
