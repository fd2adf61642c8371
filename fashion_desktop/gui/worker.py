"""The one thread that owns the model session: a latest-wins mailbox with Qt signals around it.

Why a thread of its own: torch takes seconds to import and the network must never run on the GUI
thread. Why one: the model and its device are not thread-safe, so exactly one thread creates,
moves and calls them (like Qt's Mandelbrot render thread). What the model does lives in the core's
`live.session.ModelSession`, testable without Qt; this module only decides *when* it runs and
turns what it reports into signals. What crosses threads is plain data: numpy copies in, the
records of `live.records` out through `Signal(object)`.

Requests coalesce: there is one pending slot, and a new request replaces the one waiting there,
so a burst of drawing events costs one or two inferences, never a growing queue; requests that
replace each other faster than a hand makes them (code, not drawing) are let finish first. A
request that is overtaken while being preprocessed is dropped before its forward pass. Commands (load weights,
switch device, …) are not coalesced, except preview snapshots (only the newest waits): they queue
as bound session calls and run, in order, before the next inference.

Imports: this module is imported by the window at start-up, so it imports no torch. The session
module (which imports torch) is imported when the worker starts, by a helper thread, while this
thread already answers with the same network evaluated by numpy (`live.quick`); then the session
starts here, answers the last input again on the chosen device, and answers from then on.
"""

from __future__ import annotations

import collections
import dataclasses
import importlib
import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QThread, Signal

from fashion_desktop.errors import FashionDesktopError
from fashion_desktop.live.records import Failure, ModelInfo, Request, Result, failure_result

if TYPE_CHECKING:
    from fashion_desktop.live.quick import QuickSession
    from fashion_desktop.live.session import ModelSession

__all__ = ["Failure", "InferenceWorker", "ModelInfo", "Request", "Result"]

_log = logging.getLogger(__name__)

translate = QCoreApplication.translate  # with literal arguments, so that pyside6-lupdate finds them


IMPORT_GRACE_S = 0.5  # at most this long, torch's import waits for the first numpy answer
# Requests replacing a waiting one less than this apart come from code (a paste, an undo storm, a
# script), not from a hand: the window sends at most one per pass of its event loop, each with a
# repaint. Such a burst is let finish before its newest request is answered (see `_settle_burst`).
BURST_GAP_S = 0.001
BURST_SETTLE_MAX_S = 0.008  # half a frame: a long burst still shows an answer this often


@dataclass(frozen=True)
class _Command:
    """One queued call into the session; `kind` names it in a `Failure` if it raises."""

    kind: str  # 'startup', 'weights', 'device', 'saliency', 'untrained', 'preview'
    call: Callable[[ModelSession], Any]


class InferenceWorker(QThread):
    """Owns the model session. Call `request`, `load_weights`, `set_device`, `stop` from the GUI thread."""

    resultReady = Signal(object)  # Result
    modelReady = Signal(object)  # ModelInfo, after startup, a weights change or a device change
    failed = Signal(object)  # Failure
    progress = Signal(str)  # what the worker is doing while the panels wait
    deviceFailed = Signal(str)  # a device failed mid-session; the model moved to the CPU (the notice)

    def __init__(self, weights: str | Path | None = None, device: str = "auto", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("InferenceWorker")
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._startup = (weights, device)
        self._commands: collections.deque[_Command] = collections.deque()
        self._pending: Request | None = None
        self._stopping = False
        self._next_id = 0
        self._last_arrival = 0.0  # when the newest request came (perf_counter)
        self._burst = False  # the waiting request replaced another within BURST_GAP_S
        self.session: ModelSession | None = None  # created in the worker thread; touch it only there
        self.quick: QuickSession | None = None  # numpy answers until the session has started (worker thread)
        self.requests = 0  # requests received
        self.superseded = 0  # requests dropped after preprocessing because a newer one arrived
        self.busy = threading.Event()  # set while a request is being processed
        self._in_hand = False  # a request or command was taken from the queue and is not finished
        self._started = False  # the session has started (or failed to): until then a model may still arrive
        self.emitted = 0  # results sent to the GUI thread (with `received` there: none still in the event queue)
        self.before_request: Callable[[Request], None] | None = None  # test hook, runs in the worker
        self.before_import: Callable[[], None] | None = None  # test hook: runs before torch is imported
        self._answered = threading.Event()  # the first numpy prediction went out: torch may load now

    # ------------------------------------------------------------ GUI-thread API

    @property
    def inferences(self) -> int:
        """Forward passes run (tests and benchmarks read it)."""
        session, quick = self.session, self.quick
        return (session.inferences if session is not None else 0) + (quick.inferences if quick is not None else 0)

    @property
    def last_request_id(self) -> int:
        """The id of the newest request (0 before any); its result is the one that will be shown."""
        with self._lock:
            return self._next_id

    def is_idle(self) -> bool:
        """Nothing waits and nothing is being worked on (a re-answer queued after a command counts as waiting)."""
        with self._lock:
            return self._started and self._pending is None and not self._commands and not self._in_hand

    def request(self, grey: np.ndarray | None = None, pixels: np.ndarray | None = None,
                created: float | None = None) -> int:
        """Queue an input, replacing any request still waiting; returns its id.

        The replaced request's `created` is carried forward: the result shown answers both changes,
        so latency is timed from the older one.
        """
        grey = None if grey is None else np.array(grey, dtype=np.uint8, copy=True)
        pixels = None if pixels is None else np.array(pixels, dtype=np.float32, copy=True)
        arrival = time.perf_counter()
        created = arrival if created is None else created
        with self._wake:
            self._next_id += 1
            self.requests += 1
            self._burst = self._pending is not None and arrival - self._last_arrival < BURST_GAP_S
            self._last_arrival = arrival
            if self._pending is not None:  # its result would have answered the older change too: time from it
                created = min(created, self._pending.created)
            self._pending = Request(self._next_id, grey, pixels, created)
            self._wake.notify()
            return self._next_id

    def load_weights(self, path: str | Path | None) -> None:
        """Load another weights file (None: the shipped ones); on failure the current model stays."""
        self._queue(_Command("weights", lambda session: session.load(path)))

    def set_device(self, requested: str) -> None:
        """Move the model to 'auto', 'cpu', 'cuda', 'cuda:N' or 'mps' (falls back to the CPU with a notice)."""
        self._queue(_Command("device", lambda session: session.move(requested)))

    def set_saliency(self, enabled: bool, class_index: int | None = None) -> None:
        """Compute gradient × input for `class_index` (None: the top class) with every result while enabled."""
        self._queue(_Command("saliency", lambda session: session.set_saliency(enabled, class_index)))

    def set_untrained(self, untrained: bool) -> None:
        """Swap in a freshly initialised network (the trained one is kept aside), or swap it back."""
        self._queue(_Command("untrained", lambda session: session.use_untrained(untrained)))

    def preview_weights(self, state: dict | None, label: str = "") -> None:
        """Answer with these weights (a numpy state_dict, e.g. a training snapshot) until called with None.

        The loaded model stays loaded. Only the newest waiting snapshot is applied: older ones are dropped.
        """
        self._queue(_Command("preview", lambda session: session.preview(state, label)), replace=True)

    def stop(self) -> None:
        """Ask the loop to end after the current step; pair with `wait()`."""
        with self._wake:
            self._stopping = True
            self._answered.set()  # a torch import still waiting for the first answer need not wait
            self._pending = None
            self._commands.clear()
            self._wake.notify()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop and wait for the thread to end (a running import or forward pass is finished first)."""
        self.stop()
        self.quit()
        return self.wait(timeout_ms) if self.isRunning() else True

    def _queue(self, command: _Command, replace: bool = False) -> None:
        """Queue a command; with `replace`, waiting commands of the same kind are dropped first."""
        with self._wake:
            if self._stopping:
                return
            if replace:
                for stale in [c for c in self._commands if c.kind == command.kind]:
                    self._commands.remove(stale)
            self._commands.append(command)
            self._wake.notify()

    # ------------------------------------------------------------ the worker thread

    def run(self) -> None:
        with self._lock:
            if self._stopping:
                return
        from fashion_desktop.blas_threads import use_one_blas_thread  # here: not before the first paint

        use_one_blas_thread()  # every stroke's resize and familiarity are small products (blas_threads.py)
        if not self._answer_while_torch_loads():
            return
        self._start_session()
        with self._lock:
            self._started = True
        while True:
            with self._wake:
                while not self._stopping and not self._commands and self._pending is None:
                    self._wake.wait()
                if self._stopping:
                    return
                if not self._commands:
                    self._settle_burst()
                if self._commands:
                    command, request = self._commands.popleft(), None
                else:
                    command, request = None, self._pending
                    self._pending = None
                if self._stopping:
                    return
                self._in_hand = True
            try:
                if command is not None:
                    self._run_command(command)
                elif request is not None:
                    self._run_request(request)
            finally:
                with self._lock:
                    self._in_hand = False

    def _settle_burst(self) -> None:
        """With the lock held: while requests pour in faster than a hand makes them, wait for a
        pause of BURST_GAP_S (at most BURST_SETTLE_MAX_S), so a burst costs the answer to its
        newest request, not one answer for every gap this thread happened to find in it (which
        grew with every speed-up of the forward pass). Drawing never waits here."""
        deadline = time.perf_counter() + BURST_SETTLE_MAX_S
        while self._burst and self._pending is not None and not self._stopping and not self._commands:
            now = time.perf_counter()
            quiet = now - self._last_arrival
            if quiet >= BURST_GAP_S or now >= deadline:
                break
            self._wake.wait(min(BURST_GAP_S - quiet, deadline - now))
        self._burst = False

    def _answer_while_torch_loads(self) -> bool:
        """Import torch in a helper thread while this one answers with numpy; False: stop was asked.

        The helper only imports modules; the model is still created, moved and called in this
        thread alone. Without a numpy answerer (weights it cannot read) requests simply wait.
        """
        weights, _device = self._startup
        try:
            from fashion_desktop.live.quick import QuickSession

            self.quick = QuickSession(weights)
        except Exception:  # the session's loader will say what is wrong with the file
            _log.info("No numpy answers before PyTorch has loaded", exc_info=True)
        imported = threading.Event()

        def load() -> None:
            try:
                # Importing torch holds the GIL for long stretches (loading its libraries): let the
                # first answer (a restored drawing, the picture opened at launch) go out first.
                self._answered.wait(IMPORT_GRACE_S if self.quick is not None else 0.0)
                with self._lock:
                    if self._stopping:  # closed meanwhile: no torch to import
                        return
                if self.before_import is not None:
                    self.before_import()
                importlib.import_module("fashion_desktop.live.session")
            except BaseException:  # _start_session imports it again and reports the failure
                _log.debug("Importing the session module failed", exc_info=True)
            finally:
                with self._wake:
                    imported.set()
                    self._wake.notify()

        # Not a daemon: closing the window mid-import ends this QThread at once (the window never
        # waits for torch), and the interpreter lets the import finish before the process exits.
        loader = threading.Thread(target=load, name="import torch")
        loader.start()
        while True:
            with self._wake:
                while not self._stopping and not imported.is_set() and (
                        self._pending is None or self.quick is None):
                    self._wake.wait()
                if self._stopping:
                    return False
                if imported.is_set():
                    break
                self._settle_burst()
                if self._stopping:
                    return False
                request, self._pending = self._pending, None
                self._in_hand = True
            try:
                if request is not None:
                    self._run_request(request)
                    if self.quick is not None and self.quick.inferences:
                        self._answered.set()
            finally:
                with self._lock:
                    self._in_hand = False
        loader.join()
        return True

    def _start_session(self) -> None:
        """Import torch (through the session module), then start the session: threads, device, weights."""
        self.progress.emit(translate("InferenceWorker", "Loading PyTorch…"))
        weights, device = self._startup
        try:
            # Here, not at the top: this is what imports torch, and it must happen in this thread.
            from fashion_desktop.live.session import ModelSession, SessionEvents, Texts

            self.session = ModelSession(
                SessionEvents(model_changed=self.modelReady.emit, device_failed=self.deviceFailed.emit,
                              failed=self.failed.emit),
                Texts(no_weights=translate("InferenceWorker", "No weights are loaded. Use Model ▸ Open weights…"),
                      device_failed=translate("InferenceWorker", "{0} failed ({1}); the network now runs on the CPU."),
                      saliency_off=translate("InferenceWorker", "The saliency overlay was switched off: {0}")))
        except Exception as exc:  # a broken torch install: say so; requests then answer "no weights"
            _log.warning("The model session could not start", exc_info=True)
            self.failed.emit(Failure("startup", f"{type(exc).__name__}: {exc}", traceback.format_exc()))
            return

        def start(session: ModelSession) -> None:
            self.progress.emit(translate("InferenceWorker", "Loading the weights…"))
            session.start(weights, device, leave_for_gui=1)
            if session.last is None and self.quick is not None:  # hand over: answer the last input again
                session.last = self.quick.last

        self._run_command(_Command("startup", start))

    def _run_command(self, command: _Command) -> None:
        session = self.session
        if session is None:
            self.failed.emit(Failure(command.kind, translate("InferenceWorker", "The network could not be started.")))
            return
        try:
            command.call(session)
        except FashionDesktopError as exc:
            self.failed.emit(Failure(command.kind, str(exc)))
        except Exception as exc:  # a bug or an unexpected torch error: show it, keep the thread alive
            # Logged to the error file; the window already shows its own dialog for `failed`.
            _log.warning("Worker command '%s' failed unexpectedly", command.kind, exc_info=True)
            self.failed.emit(Failure(command.kind, f"{type(exc).__name__}: {exc}", traceback.format_exc()))
        if session.has_model:  # show the last input again, answered by the model as it is now
            with self._wake:
                if self._pending is None and session.last is not None:
                    self._pending = session.last

    def _run_request(self, request: Request) -> None:
        self.busy.set()
        try:
            result = self._answer(request)
            if result is None:
                self.superseded += 1
                with self._lock:  # the newer request's result answers this change too: keep its time
                    waiting = self._pending
                    if waiting is not None and request.created < waiting.created:
                        self._pending = dataclasses.replace(waiting, created=request.created)
            else:
                with self._lock:
                    self.emitted += 1
                self.resultReady.emit(result)
        finally:
            self.busy.clear()

    def _answer(self, request: Request) -> Result | None:
        if self.session is None and self.quick is None:
            return Result(request.id, message=translate("InferenceWorker", "No weights are loaded. Use Model ▸ Open weights…"),
                          created=request.created, finished=time.perf_counter())
        if self.before_request is not None:
            try:
                self.before_request(request)
            except Exception as exc:
                return failure_result(request, exc)
        if self.session is None:  # torch is still loading (or failed to): numpy answers
            assert self.quick is not None
            return self.quick.answer(request, self._superseded)
        return self.session.answer(request, self._superseded)

    def _superseded(self) -> bool:
        """A newer request is waiting: this one's result would be stale before it is shown."""
        with self._lock:
            return self._pending is not None or self._stopping
