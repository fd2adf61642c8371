"""Classifying a folder of pictures off the GUI thread, for the folder view.

A QThread lists the folder (`images/listing.py`, as `predict FOLDER` does), decodes and
preprocesses the files in a small thread pool (Pillow releases the GIL while decoding), makes a
thumbnail of each, and classifies them in batches with a CPU predictor of its own, built from the
numpy copy of the live model's parameters (`ModelInfo.state`): the inference worker, and so the
drawing and the bars, are never held up. Rows go out in chunks through `Signal(object)`; a damaged
file is a row with its reason. `cancel()` stops it between files.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QThread, Signal

BATCH = 64
THUMBNAIL = 48  # pixels, the longest side


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


def _decode(path: Path) -> tuple[np.ndarray | None, np.ndarray | str]:
    """(thumbnail, 28×28 pixels) or (thumbnail or None, the reason) for one file; runs in a pool thread."""
    from fashion_desktop.errors import FashionDesktopError
    from fashion_desktop.images.preprocess import open_image, prepare_image

    thumbnail = None
    try:
        image = open_image(path)
        small = image.copy()
        small.thumbnail((THUMBNAIL, THUMBNAIL))
        thumbnail = np.array(small.convert("RGBA"), dtype=np.uint8)
        return thumbnail, prepare_image(image).pixels
    except FashionDesktopError as exc:
        return thumbnail, str(exc)
    except Exception as exc:  # noqa: BLE001 - one strange file must never stop the folder
        return thumbnail, QCoreApplication.translate("FolderJob", "{0} could not be used ({1}: {2}).").format(
            path.name, type(exc).__name__, exc)


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

        listing = list_pictures(self.folder, self.recursive)
        files = listing.pictures
        self.listed.emit(len(files), listing.skipped)
        if not files:
            return True
        cores = os.cpu_count() or 1
        pool = ThreadPoolExecutor(max(1, min(4, cores)), thread_name_prefix="folder-decode")
        try:
            decoded = pool.map(_decode, files)  # in order, ahead of the classifier
            predictor = self._predictor(cores)
            pending: list[tuple[Path, np.ndarray | None, np.ndarray | str]] = []
            done = 0
            for path, (thumbnail, pixels) in zip(files, decoded):
                if self._cancel.is_set():
                    return False
                pending.append((path, thumbnail, pixels))
                if len(pending) == BATCH:
                    done += self._emit(predictor, pending, len(files), done)
                    pending = []
            if pending:
                done += self._emit(predictor, pending, len(files), done)
            return not self._cancel.is_set()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _predictor(self, cores: int):
        import torch

        from fashion_desktop.network.export import model_from_state
        from fashion_desktop.network.inference import Predictor

        torch.set_num_threads(max(1, cores - 1))  # this thread only; leaves a core for drawing
        return Predictor(model_from_state(self._state), "cpu")

    def _emit(self, predictor, pending: list, total: int, done: int) -> int:
        good = [i for i, (_p, _t, pixels) in enumerate(pending) if isinstance(pixels, np.ndarray)]
        probabilities: dict[int, np.ndarray] = {}
        if good:
            from fashion_desktop.network.orientation import face_left

            batch = np.stack([pending[i][2] for i in good]).astype(np.float32, copy=False)
            batch = face_left(predictor, batch)[0]  # shoes facing right, as `predict` reads them
            for i, probs in zip(good, predictor.predict_batch(batch).probabilities):
                probabilities[i] = probs.copy()
        rows = [FolderRow(path, thumbnail, probabilities.get(i), "" if i in probabilities else str(pixels))
                for i, (path, thumbnail, pixels) in enumerate(pending)]
        self.rowsReady.emit(rows)
        self.progressed.emit(done + len(rows), total)
        return len(rows)
