"""Start the window: parse options, set up the QApplication, show the window, then load the model.

Nothing here (or in what it imports at module level) imports torch: the window is on screen
while the worker thread imports torch and reads the weights.

Options (gui/application.py): --open FILE or FOLDER (so a file manager's "Open with" works), --device,
--weights, --self-test. Without a display it says so and exits 2 (gui/display.py) before Qt aborts.
Set FASHION_DESKTOP_TIMING=1 to print start-up timings (seconds since the process started
`main.py`); =quit also exits after the first prediction, for benchmarks.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

from fashion_desktop.gui.application import ORGANIZATION, create_application, parse_args
from fashion_desktop.gui.deferred import AfterFirstPaint
from fashion_desktop.gui.display import missing_display

__all__ = ["ORGANIZATION", "AfterFirstPaint", "StartupTimer", "create_application", "main", "parse_args"]
TIMING_ENV = "FASHION_DESKTOP_TIMING"


class StartupTimer(QObject):
    """Prints when the window first paints and when the first prediction is on screen."""

    def __init__(self, window, started_at: float, quit_after_first: bool) -> None:
        super().__init__(window)
        self.started_at, self.quit_after_first = started_at, quit_after_first
        self._painted = False
        window.canvas.installEventFilter(self)
        window.modelShown.connect(self._on_model)
        window.predictionShown.connect(self._on_result)
        self._window = window
        self._model = self._result = False

    def _print(self, name: str) -> None:
        print(f"{name}={time.perf_counter() - self.started_at:.3f}", flush=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self._print("window_visible_s")
            watched.removeEventFilter(self)
        return False

    def _on_model(self, _info) -> None:
        if not self._model:
            self._model = True
            self._print("model_ready_s")

    def _on_result(self, result) -> None:
        if not self._result:
            self._result = True
            self._print("first_result_s")
        if result.prediction is not None:
            self._print("first_prediction_s")
            self._window.predictionShown.disconnect(self._on_result)
            if self.quit_after_first:
                QTimer.singleShot(0, self._window.close)


def open_at_start(window, path: str | os.PathLike[str]) -> None:
    """`--open PATH` (a file manager's "Open with", a path on the command line): a picture goes on
    the canvas at once; a folder is classified in the Folder view as soon as the model is ready
    (the view needs its parameters), its worker processes starting meanwhile."""
    if not os.path.isdir(path):
        window.open_path(path)
        return
    from fashion_desktop.gui import folder_pool

    folder_pool.warm_up()

    def classify(_info=None) -> None:
        window.modelShown.disconnect(classify)
        window.exports.classify_folder(path)

    window.modelShown.connect(classify)


def main(argv: list[str] | None = None, *, started_at: float | None = None, prog: str = "fashion-desktop") -> int:
    """Run the window; returns the exit code. `prog`: the name typed, for help and errors."""
    started_at = time.perf_counter() if started_at is None else started_at
    args, qt_args = parse_args(sys.argv[1:] if argv is None else list(argv), prog)
    if args.self_test:  # packaged-build smoke test: every bundled sample, JSON verdict (gui/self_test.py)
        from fashion_desktop.gui.self_test import run as run_packaged_self_test

        return run_packaged_self_test(args, qt_args, started_at=started_at)
    problem = missing_display(qt_args)
    if problem:  # Qt would abort ("could not load the Qt platform plugin"); say what to do instead
        print(f"{prog}: {problem}", file=sys.stderr)
        return 2
    app = create_application(qt_args)
    from fashion_desktop.gui.error_report import install_error_reporter

    install_error_reporter(app)  # unexpected errors: a dialog and errors.log in the data folder

    from fashion_desktop.gui.main_window import MainWindow

    window = MainWindow(QSettings(), weights=args.weights, device=args.device)
    window.setWindowIcon(app.windowIcon())
    timing = os.environ.get(TIMING_ENV, "")
    if timing:
        StartupTimer(window, started_at, quit_after_first=timing == "quit")
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    to_open = args.open or (args.files[0] if args.files else None)

    def after_first_paint() -> None:
        # The worker (numpy answers, then torch) and decoding the picture start once the window is
        # on screen: neither may take the GIL from the first paint.
        window.start()
        if to_open is not None:
            open_at_start(window, to_open)

    AfterFirstPaint(window.canvas, after_first_paint)
    code = app.exec()
    window.shutdown()
    return code
