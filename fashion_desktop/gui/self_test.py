"""`fashion-desktop --self-test`: prove an installed or frozen app works, then exit 0 (1 on failure).

Why it exists: a PyInstaller bundle can build fine and still fail on start (a missing Qt plugin, a
trimmed torch file, weights not found under `sys._MEIPASS`). This runs the real thing headless:
the real window and its worker thread load the bundled weights, every bundled sample is opened
through `MainWindow.open_path` (the File ▸ Open / Samples menu path) and classified by the worker's
Predictor, the window is closed the normal way (settings saved, worker stopped), and a JSON
verdict is printed as the last line of stdout. Build scripts and CI read that line (or the file
named by FASHION_DESKTOP_SELF_TEST_OUT, since a windowed Windows .exe has no stdout).

Settings go to a throwaway folder, never the user's. Without a display it uses Qt's offscreen
platform. Lines starting "self-test: " are progress for people reading a log.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from fashion_desktop import i18n
from fashion_desktop.classes import class_name

OUT_ENV = "FASHION_DESKTOP_SELF_TEST_OUT"
TIMEOUT_ENV = "FASHION_DESKTOP_SELF_TEST_TIMEOUT"
DEFAULT_TIMEOUT_S = 180.0
MIN_ACCURACY = 0.9  # the samples were chosen as ones the shipped model gets right; allow a retrain


def _say(message: str) -> None:
    if sys.stdout is not None:  # a windowed Windows build has none
        print(f"self-test: {message}", flush=True)


def _use_offscreen_without_display() -> None:
    """`--self-test` over SSH or in CI should not need a display server."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM") \
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


class SelfTest:
    """Drives one window through loading, every sample and closing; records what happened."""

    def __init__(self, window, samples, started_at: float, timeout_s: float) -> None:
        from PySide6.QtCore import QTimer

        self.window, self.started_at = window, started_at
        self.queue = list(samples)
        self.results: list[dict] = []
        self.errors: list[str] = []
        if not self.queue:  # zero samples proves nothing about classifying: a failure, not a pass
            self.errors.append("no samples were found in resources/samples: nothing was classified")
        self.model: dict = {}
        self.current = None  # (sample, expected pixels, opened at)
        self.finished = False
        self.code = 1
        window.modelShown.connect(self._on_model)
        window.predictionShown.connect(self._on_result)
        window.worker.failed.connect(self._on_failure)
        self.timer = QTimer(window)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self._fail(f"timed out after {timeout_s:.0f} s"))
        self.timer.start(int(timeout_s * 1000))

    def elapsed(self) -> float:
        return round(time.perf_counter() - self.started_at, 3)

    def _on_model(self, info) -> None:
        if self.model:
            return
        self.model = {"device": info.device, "parameters": info.total, "torch": info.torch_version,
                      "weights": info.weights_path, "weights_sha256": info.weights_sha256,
                      "shipped_weights": info.shipped, "ready_s": self.elapsed()}
        _say(i18n.translate("SelfTest", "model loaded on {device}, {count:,} parameters").format(
            device=info.device, count=info.total))
        self._next()

    def _next(self) -> None:
        from fashion_desktop.images.preprocess import open_image, prepare_image

        if not self.queue:
            self._close()
            return
        sample = self.queue.pop(0)
        try:
            expected = prepare_image(open_image(sample.path)).pixels
        except Exception as exc:  # a damaged sample file is a failed check, not a crash
            self._record(sample, None, f"could not be read: {exc}")
            self._next()
            return
        self.current = (sample, expected, time.perf_counter())
        if not self.window.open_path(sample.path):
            self._record(sample, None, "the window refused to open it")
            self.current = None
            self._next()

    def _on_result(self, result) -> None:
        import numpy as np

        if self.current is None or result.pixels is None:
            return
        sample, expected, opened = self.current
        if result.pixels.shape != expected.shape or not np.allclose(result.pixels, expected, atol=1e-6):
            return  # a result for an earlier canvas; the sample's own is on its way
        self.current = None
        if result.prediction is None:
            self._record(sample, None, result.message or "no prediction")
        else:
            self._record(sample, result.prediction, "", (time.perf_counter() - opened) * 1000.0)
        self._next()

    def _record(self, sample, prediction, problem: str, latency_ms: float = 0.0) -> None:
        entry = {"file": sample.path.name, "expected": sample.label}
        if prediction is not None:
            entry.update(predicted=prediction.label, confidence=round(prediction.confidence, 4),
                         correct=prediction.label == sample.label, inference_ms=round(prediction.milliseconds, 3),
                         shown_after_ms=round(latency_ms, 1))
            _say(i18n.translate("SelfTest", "predicted {label} ({confidence:.1%}), expected {expected}").format(
                label=class_name(prediction.index), confidence=prediction.confidence,
                expected=class_name(sample.class_index)))
        else:
            entry.update(predicted=None, correct=False, problem=problem)
            self.errors.append(f"{sample.path.name}: {problem}")
            _say(f"{sample.path.name}: {problem}")
        self.results.append(entry)

    def _on_failure(self, failure) -> None:
        self._fail(f"{failure.kind}: {failure.message}")

    def _fail(self, message: str) -> None:
        if self.finished:
            return
        self.errors.append(message)
        _say(message)
        self._close()

    def _close(self) -> None:
        """Close the window the way a user does, then check the worker really stopped."""
        from PySide6.QtCore import QCoreApplication

        if self.finished:
            return
        self.finished = True
        self.timer.stop()
        self.window.close()  # closeEvent: save settings, hide, stop and wait for the worker
        if self.window.worker.isRunning():
            self.errors.append("the worker thread was still running after the window closed")
        if self.window.isVisible():
            self.errors.append("the window is still visible after close()")
        self.code = 0 if self.ok() else 1
        QCoreApplication.instance().exit(self.code)

    def ok(self) -> bool:
        if self.errors or not self.model:
            return False
        correct = sum(1 for r in self.results if r.get("correct"))
        return bool(self.results) and correct >= MIN_ACCURACY * len(self.results)

    def verdict(self) -> dict:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion
        from PySide6.QtGui import QGuiApplication

        from fashion_desktop import __version__

        correct = sum(1 for r in self.results if r.get("correct"))
        ok = self.ok()
        summary = (f"{'passed' if ok else 'FAILED'}: model on {self.model.get('device', '?')}, "
                   f"{correct}/{len(self.results)} samples classified correctly in {self.elapsed():.1f} s")
        if self.errors:
            summary += "; " + "; ".join(self.errors)
        return {
            "ok": ok, "summary": summary, "version": __version__, "frozen": bool(getattr(sys, "frozen", False)),
            "python": platform.python_version(), "platform": sys.platform, "qt": qVersion(),
            "pyside6": pyside_version, "qpa": QGuiApplication.platformName(), "model": self.model,
            "samples": len(self.results), "correct": correct, "results": self.results, "errors": self.errors,
            "total_s": self.elapsed(),
        }


def main(argv: list[str] | None = None) -> int:
    """`python -m fashion_desktop.gui.self_test [--weights W] [--device D]`: the same, without the window's options."""
    started_at = time.perf_counter()
    from fashion_desktop.gui.application import parse_args

    args, qt_args = parse_args(sys.argv[1:] if argv is None else list(argv))
    return run(args, qt_args, started_at)


def run(args, qt_args: list[str], started_at: float | None = None) -> int:
    """Entry point from `fashion_desktop.gui.app.main` when `--self-test` is given."""
    started_at = time.perf_counter() if started_at is None else started_at
    _use_offscreen_without_display()
    from PySide6.QtCore import QSettings

    from fashion_desktop.gui.application import create_application
    from fashion_desktop.images.samples import list_samples
    from fashion_desktop.paths import APP_DATA_ENV

    timeout_s = float(os.environ.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT_S)
    app = create_application(qt_args)
    from fashion_desktop.gui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="fashion-desktop-self-test-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        os.environ[APP_DATA_ENV] = folder  # never restore or overwrite the user's autosaved drawing
        window = MainWindow(settings, weights=args.weights, device=args.device or "auto")
        samples = list_samples()
        _say(i18n.translate("SelfTest", "{count} samples; loading the model").format(count=len(samples)))
        test = SelfTest(window, samples, started_at, timeout_s)
        window.show()
        window.start()
        app.exec()
        window.shutdown()
        verdict = test.verdict()
        del settings
    text = json.dumps(verdict)
    if sys.stdout is not None:
        print(text, flush=True)
    out = os.environ.get(OUT_ENV)
    if out:
        from fashion_desktop.atomic import atomic_write_text

        atomic_write_text(out, text + "\n")
    return 0 if verdict["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
