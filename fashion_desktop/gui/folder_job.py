"""Classifying a folder of pictures off the GUI thread, for the folder view.

A QThread lists the folder (`images/listing.py`, as `predict FOLDER` does); worker processes
(gui/folder_pool.py, shared and started early) decode, preprocess and thumbnail the files
(images/folder_decode.py: Pillow and numpy hold the GIL for much of it, so threads in this process
did not scale); this thread classifies them in batches with a CPU predictor of its own, built from
the numpy copy of the live model's parameters (`ModelInfo.state`): the inference worker, and so the
drawing and the bars, are never held up. Rows go out in listing order, in chunks, through
`Signal(object)`; a damaged file is a row with its reason, worded here (the workers have no Qt).
`cancel()` stops it between chunks of files and drops the files not started.

A file that kills its worker process (BrokenProcessPool: a decoder crash) gets a row saying so:
the pool is replaced, the files that were in flight are decoded again, those of the failed chunk
one at a time so the culprit is found. Where processes cannot be started, or keep dying, the
files are decoded in threads of this process instead, as before.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QThread, Signal

from fashion_desktop.gui import folder_pool
from fashion_desktop.images import folder_decode
from fashion_desktop.images.folder_decode import THUMBNAIL, Decoded, Problem

__all__ = ["BATCH", "THUMBNAIL", "FolderJob", "FolderRow"]

BATCH = 64
CHUNK = 8  # files per task sent to a worker: fewer round trips; a cancel waits for at most one chunk
AHEAD = 4  # chunks in flight per worker: the workers never wait for this thread, memory stays bounded
CRASHES_BEFORE_THREADS = 3  # files in a row that killed a fresh worker: the pool, not the files, is at fault
POLL_S = 0.05  # how often a wait for a worker looks at `cancel()`
_CRASHED = Problem(exception="BrokenProcessPool")


@dataclass(frozen=True)
class FolderRow:
    """One file's answer: probabilities (10,) or the reason it has none."""

    path: Path
    thumbnail: np.ndarray | None  # uint8 H×W×4 (RGBA), owned
    probabilities: np.ndarray | None
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.probabilities is not None


def reason(path: Path, problem: Problem) -> str:
    """A worker's `Problem`, as a sentence in the reader's language."""
    if problem == _CRASHED:
        return QCoreApplication.translate("FolderJob", "{0} crashed the picture decoder; the file may be damaged.").format(
            path.name)
    if problem.template:  # what str(FashionDesktopError(...)) says, worded here in the reader's language
        from fashion_desktop import i18n
        from fashion_desktop.errors import CONTEXT

        return i18n.message(CONTEXT, problem.template, **problem.arguments)
    return QCoreApplication.translate("FolderJob", "{0} could not be used ({1}: {2}).").format(
        path.name, problem.exception, problem.detail)


class FolderJob(QThread):
    """Lists, decodes and classifies one folder; emits rows in chunks, then `done` or `failed`/`cancelled`."""

    listed = Signal(int, int)  # pictures found, other files passed over
    rowsReady = Signal(object)  # list[FolderRow], in listing order
    progressed = Signal(int, int)  # files done, total
    done = Signal(float)  # seconds, listing to last row
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, folder: str | Path, state: dict, recursive: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("FolderJob")
        self.folder = Path(folder)
        self.recursive = recursive
        self._state = state
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    stop = cancel  # the test fixtures' name for it

    def run(self) -> None:
        start = time.perf_counter()
        try:
            if self._classify():
                self.done.emit(time.perf_counter() - start)
            else:
                self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - shown in the view; the window stays alive
            self.failed.emit(str(exc) or type(exc).__name__)

    def _classify(self) -> bool:
        from fashion_desktop.images.listing import list_pictures

        folder_pool.warm_up()  # usually started already (the view was built, the dialog opened)
        listing = list_pictures(self.folder, self.recursive)
        files = listing.pictures
        self.listed.emit(len(files), listing.skipped)
        if not files:
            return True
        predictor = self._predictor(os.cpu_count() or 1)  # while the pool starts, if it was not yet
        decoded = self._decoded(files)  # in listing order, ahead of the classifier
        try:
            pending: list[tuple[Path, Decoded]] = []
            done = 0
            for path, answer in decoded:
                if self._cancel.is_set():
                    return False
                pending.append((path, answer))
                if len(pending) == BATCH:
                    done += self._emit(predictor, pending, len(files), done)
                    pending = []
            if pending:
                done += self._emit(predictor, pending, len(files), done)
            return not self._cancel.is_set()
        finally:
            decoded.close()  # a cancel: the files not started are dropped, nothing waits for them

    # ------------------------------------------------------------ decoding

    # what runs in the workers: a top-level function of a module without Qt, pickled by name (tests swap it)
    decode_many: Callable[[list[Path]], list[Decoded]] = staticmethod(folder_decode.decode_many)

    def _decoded(self, files: list[Path]) -> Iterator[tuple[Path, Decoded]]:
        """(path, decoded) for every file in order; stops early (and cancels the rest) when cancelled."""
        start = 0
        while not (folder_pool.is_ready() or folder_pool.is_unusable()) and start < len(files):
            # the pool is still starting (~0.3 s, cold): this thread decodes meanwhile
            if self._cancel.is_set():
                return
            yield files[start], self.decode_many([files[start]])[0]
            start += 1
        pool = folder_pool.get()
        if pool is None:
            yield from self._in_threads(files[start:])
            return
        chunks = deque(files[i:i + CHUNK] for i in range(start, len(files), CHUNK))
        in_flight: deque[tuple[list[Path], Future]] = deque()
        try:
            while chunks or in_flight:
                while chunks and len(in_flight) < AHEAD * folder_pool.workers():
                    chunk = chunks.popleft()
                    in_flight.append((chunk, self._submit(pool, chunk)))
                chunk, future = in_flight.popleft()
                try:
                    answers = self._result(future)
                except BrokenProcessPool:
                    # the pool is dead and every chunk in flight with it: a new pool, the failed chunk
                    # one file at a time (to find the culprit), the others again as they were
                    chunks.extendleft(reversed([c for c, _f in in_flight]))
                    in_flight.clear()
                    pool, answers = self._one_by_one(pool, chunk)
                    if pool is None:  # processes keep dying: threads for the rest
                        yield from zip(chunk, answers)
                        yield from self._in_threads([path for c in chunks for path in c])
                        return
                if answers is None:
                    return
                yield from zip(chunk, answers)
        finally:
            for _chunk, future in in_flight:
                future.cancel()

    def _submit(self, pool: Executor, chunk: list[Path]) -> Future:
        try:
            return pool.submit(self.decode_many, chunk)
        except BrokenProcessPool as exc:  # it broke while idle, or since the last answer: handled as any chunk's
            future: Future = Future()
            future.set_exception(exc)
            return future

    def _result(self, future: Future) -> list[Decoded] | None:
        """The future's answers, or None once `cancel()` is called (checked every POLL_S)."""
        while not self._cancel.is_set():
            if wait_for([future], timeout=POLL_S).done:
                return future.result()
        return None

    def _one_by_one(self, pool: Executor, chunk: list[Path]) -> tuple[Executor | None, list[Decoded] | None]:
        """Decode each file of a chunk alone in a fresh pool; a file that kills its worker gets a row
        saying so. (the pool to go on with or None, the answers or None when cancelled)."""
        answers: list[Decoded] = []
        crashes = 0
        fresh: Executor | None = folder_pool.replace(pool)
        for i, path in enumerate(chunk):
            if fresh is None or crashes >= CRASHES_BEFORE_THREADS:
                return None, answers + [self.decode_many([p])[0] for p in chunk[i:]]
            try:
                one = self._result(self._submit(fresh, [path]))
            except BrokenProcessPool:
                crashes += 1
                answers.append((None, None, _CRASHED))
                fresh = folder_pool.replace(fresh)
                continue
            if one is None:
                return fresh, None
            crashes = 0
            answers.extend(one)
        return fresh, answers

    def _in_threads(self, files: list[Path]) -> Iterator[tuple[Path, Decoded]]:
        """The fallback: a few threads of this process (Pillow releases the GIL while decoding)."""
        pool = ThreadPoolExecutor(max(1, min(4, os.cpu_count() or 1)), thread_name_prefix="folder-decode")
        try:
            for path, answers in zip(files, pool.map(self.decode_many, [[p] for p in files])):
                if self._cancel.is_set():
                    return
                yield path, answers[0]
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _predictor(self, cores: int):
        import torch

        from fashion_desktop.network.export import model_from_state
        from fashion_desktop.network.inference import Predictor

        torch.set_num_threads(max(1, cores - 1))  # this thread only; leaves a core for drawing
        return Predictor(model_from_state(self._state), "cpu")

    def _emit(self, predictor, pending: list[tuple[Path, Decoded]], total: int, done: int) -> int:
        good = [i for i, (_path, (_thumbnail, pixels, _problem)) in enumerate(pending) if pixels is not None]
        probabilities: dict[int, np.ndarray] = {}
        if good:
            from fashion_desktop.network.orientation import face_left

            batch = np.stack([pending[i][1][1] for i in good]).astype(np.float32, copy=False)
            batch = face_left(predictor, batch)[0]  # shoes facing right, as `predict` reads them
            for i, probs in zip(good, predictor.predict_batch(batch).probabilities):
                probabilities[i] = probs.copy()
        rows = [FolderRow(path, thumbnail, probabilities.get(i),
                          "" if i in probabilities else reason(path, problem or Problem(exception="?")))
                for i, (path, (thumbnail, _pixels, problem)) in enumerate(pending)]
        self.rowsReady.emit(rows)
        self.progressed.emit(done + len(rows), total)
        return len(rows)
