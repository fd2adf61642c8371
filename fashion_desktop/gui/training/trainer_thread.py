"""The training thread: runs `training.session.run_session` off the GUI thread and the inference worker.

A QThread of its own because training is long and torch-heavy: on the GUI thread it would freeze
drawing; on the inference worker it would stall every prediction. Everything it emits is plain
data (the core's dataclasses, numpy snapshots). Pause, resume and stop go through the core's
thread-safe `TrainControl`; a stop keeps the best weights so far.
"""

from __future__ import annotations

import os
import sys
import threading
import traceback

from PySide6.QtCore import QThread, Signal

from fashion_desktop.errors import FashionDesktopError
from fashion_desktop.training.control import TrainControl
from fashion_desktop.training.session import SessionRequest, run_session

RUNNING, PAUSED = "running", "paused"
NICE = 10  # Linux: how much lower than the GUI and the inference worker the training thread runs


def lower_this_threads_priority(nice: int = NICE) -> bool:
    """Linux: make the calling thread (and the torch threads it starts) yield the CPU to drawing and inference.

    QThread priorities do nothing on Linux (SCHED_OTHER has one level), but nice is per thread
    there. Elsewhere the thread is started with QThread.LowPriority instead. True when applied.
    """
    if not sys.platform.startswith("linux") or not hasattr(os, "setpriority"):
        return False
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except OSError:
        return False
    return True


class _SignallingControl(TrainControl):
    """The core's control, telling the thread when the loop really blocks on a pause and resumes."""

    def __init__(self, thread: TrainerThread) -> None:
        super().__init__()
        self._thread = thread

    def checkpoint(self) -> bool:
        if self.paused and not self.stopped:
            self._thread.stateChanged.emit(PAUSED)
            stop = super().checkpoint()
            if not stop:
                self._thread.stateChanged.emit(RUNNING)
            return stop
        return super().checkpoint()


class TrainerThread(QThread):
    """One training session. Create, connect, `start()`; `pause()`, `resume()`, `stop()` from any thread."""

    prepareProgress = Signal(int, int)  # garment drawings made, of how many (before the first epoch)
    phaseChanged = Signal(str)  # training.session.LOADING_DATA, PREPARING, TRAINING, SCORING
    sessionStarted = Signal(object)  # SessionStarted
    batchProgress = Signal(object)  # train.BatchProgress
    epochFinished = Signal(object)  # train.EpochResult (seconds: that epoch's training + validation)
    snapshotReady = Signal(object)  # training.session.Snapshot: numpy weights
    stateChanged = Signal(str)  # RUNNING / PAUSED, when the loop actually blocks or goes on
    outcomeReady = Signal(object)  # training.session.SessionOutcome, once, at the end
    failed = Signal(str)  # a sentence for the person (e.g. Fashion-MNIST is missing)

    def __init__(self, request: SessionRequest, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("TrainerThread")
        self.request = request
        self.control = _SignallingControl(self)
        self.epoch_seconds: list[float] = []  # per finished epoch, written in this thread, read after
        self.epoch_test_seconds: list[float] = []  # the test-set pass the panel runs after each epoch
        self.lower_priority = True  # False: compete with the GUI as an equal (for benchmarks)

    def pause(self) -> None:
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

    def stop(self) -> None:
        """End after the current batch; the best weights so far are kept (and scored)."""
        self.control.stop()

    @property
    def paused(self) -> bool:
        return self.control.paused

    def shutdown(self, timeout_ms: int = 60000) -> bool:
        """Stop and wait for the thread (the batch in progress, or the data loading, finishes first)."""
        self.control.stop()
        return self.wait(timeout_ms) if self.isRunning() else True

    def _epoch(self, record) -> None:
        self.epoch_seconds.append(record.seconds)
        self.epoch_test_seconds.append(record.test_seconds)
        self.epochFinished.emit(record)

    def start(self, priority: QThread.Priority = QThread.Priority.LowPriority) -> None:
        """Start below the GUI's priority: drawing and the live bars come first, training takes what is left."""
        super().start(priority)

    def run(self) -> None:
        if self.lower_priority:
            lower_this_threads_priority()
        try:
            outcome = run_session(self.request, self.control, on_phase=self.phaseChanged.emit,
                                  on_started=self.sessionStarted.emit, on_batch=self.batchProgress.emit,
                                  on_epoch=self._epoch, on_snapshot=self.snapshotReady.emit,
                                  on_prepare=self.prepareProgress.emit)
        except FashionDesktopError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug or a device failure: say it, never take the app down
            traceback.print_exc()
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.outcomeReady.emit(outcome)
