"""`predict`'s engine: files → result rows, in input order, streamed as soon as each is known.

Why this shape: for a folder of pictures the work is decoding and preprocessing, which runs in a
pool of processes (all cores; Pillow holds the GIL for much of its work, so threads do not
scale). Where the CPU is the device, the network is evaluated with numpy from weights read
without torch (`network.numpy_net`, equal to the torch model within 1e-5), so the command never
pays for `import torch`; otherwise torch and the weights load in a thread meanwhile. Rows are
yielded in input order in small groups, so output starts after the first few files, not the last.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from fashion_desktop.classes import CLASS_NAMES, class_name
from fashion_desktop.errors import FashionDesktopError
from fashion_desktop.network.orientation import face_left

if TYPE_CHECKING:
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.numpy_net import NumpyNetwork

_log = logging.getLogger(__name__)
GROUP = 32  # rows evaluated (and printed) together: one matrix product per group
POOL_FROM = 4  # fewer files than this are decoded here: starting processes would cost more


class ErrorRow(dict):
    """A row for a file that failed: `error` in English (JSON, CSV); `.shown` in the reader's language."""

    def __init__(self, *, shown: str, **fields: str) -> None:
        super().__init__(**fields)
        self.shown = shown


def prepare(path: Path) -> tuple[str, object]:
    """One file → ("ok", 28×28 pixels) or ("error", why). Runs in a pool process; plain data back."""
    from fashion_desktop.images.preprocess import prepare_file

    try:
        return "ok", prepare_file(path).pixels
    except FashionDesktopError as exc:  # template + arguments as text: translated in the reader's process
        return "error", (exc.template, {name: str(value) for name, value in exc.arguments.items()})


class Evaluate(Protocol):
    """The network on a batch: (N, 28, 28) → probabilities (N, 10), familiarity (N,) and calibrated
    probabilities (N, 10) or None; `top_classes` alone for the orientation step (network/orientation.py),
    which needs no familiarity."""

    def __call__(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]: ...

    def top_classes(self, batch: np.ndarray) -> np.ndarray: ...


class _NumpyEvaluate:
    def __init__(self, network: NumpyNetwork) -> None:
        self.network = network

    def __call__(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
        probabilities, stages = self.network.forward(batch, activations=self.network.familiarity is not None)
        return (probabilities, *self.network.familiar(stages))

    def top_classes(self, batch: np.ndarray) -> np.ndarray:
        return self.network.forward(batch)[0].argmax(1)


class _TorchEvaluate:
    def __init__(self, predictor: Predictor) -> None:
        self.predictor = predictor

    def __call__(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
        result = self.predictor.predict_batch(batch)
        return result.probabilities, result.familiarity, result.calibrated

    def top_classes(self, batch: np.ndarray) -> np.ndarray:
        return self.predictor.top_classes(batch)


def numpy_evaluator(args: argparse.Namespace) -> Evaluate | None:
    """The network in numpy when the CPU is the device and the weights read without torch; else None."""
    from fashion_desktop.network.device_choices import cpu_is_the_device

    if not cpu_is_the_device(args.device):
        return None
    from fashion_desktop.network.familiarity import familiarity_for
    from fashion_desktop.network.numpy_net import NumpyNetwork, read_numpy_weights

    try:
        loaded = read_numpy_weights(args.weights)
    except FashionDesktopError:  # torch's loader will read it, or word the error
        _log.debug("predict: falling back to torch", exc_info=True)
        return None
    return _NumpyEvaluate(NumpyNetwork(loaded.arrays, familiarity_for(args.weights, loaded.sha256)))


def torch_evaluator(args: argparse.Namespace) -> Future:
    """Import torch and load the model in a thread; the future gives an Evaluate (or raises WeightsError)."""
    future: Future = Future()

    def load() -> None:
        try:
            from fashion_desktop.cli.common import load_predictor

            future.set_result(_TorchEvaluate(load_predictor(args)))
        except BaseException as exc:
            future.set_exception(exc)

    threading.Thread(target=load, name="load torch", daemon=True).start()
    return future


def _pool(count: int) -> Executor | None:
    if count < POOL_FROM or (os.cpu_count() or 1) < 2:
        return None
    # fork where it exists (no re-import in each process); the pool forks every process at its first
    # submit, before any thread of ours starts
    method = "fork" if sys.platform.startswith("linux") else None
    return ProcessPoolExecutor(os.cpu_count(), mp_context=multiprocessing.get_context(method))


def rows(files: list[Path], args: argparse.Namespace,
         on_prepared: Callable[[int], None] = lambda _done: None) -> Iterator[dict]:
    """One dict per file, in input order: {"path", "label", "index", "confidence", "probabilities"} or
    {"path", "error"}. Raises WeightsError (before any row) when the model cannot be loaded."""
    pool = _pool(len(files))
    try:
        prepared = pool.map(prepare, files, chunksize=max(1, min(16, len(files) // (4 * (os.cpu_count() or 1))))) \
            if pool is not None else map(prepare, files)
        evaluate: Evaluate | None = numpy_evaluator(args)
        pending = None if evaluate is not None else torch_evaluator(args)
        group: list[tuple[Path, str, object]] = []
        for done, (path, (status, value)) in enumerate(zip(files, prepared), start=1):
            on_prepared(done)
            group.append((path, status, value))
            if len(group) >= GROUP or done == len(files):
                if evaluate is None and any(s == "ok" for _p, s, _v in group):
                    assert pending is not None
                    evaluate = pending.result()
                yield from _finish(group, evaluate)
                group = []
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _finish(group: list[tuple[Path, str, object]], evaluate: Evaluate | None) -> Iterator[dict]:
    good = [value for _path, status, value in group if status == "ok"]
    if good and evaluate is not None:
        batch = face_left(evaluate, np.stack(good))[0]  # shoes drawn facing right, as the window does
        probabilities, familiarity, calibrated = evaluate(batch)
    else:
        probabilities, familiarity, calibrated = np.empty((0, 10)), None, None
    n = 0
    for path, status, value in group:
        if status != "ok":
            template, arguments = value
            yield ErrorRow(path=str(path), error=template.format(**arguments) if arguments else template,
                           shown=str(FashionDesktopError(template, **arguments)))
            continue
        probs, fam = probabilities[n], None if familiarity is None else float(familiarity[n])
        cal = None if calibrated is None else calibrated[n]
        n += 1
        index = int(probs.argmax())
        # familiar/familiarity: null for weights without a fitted familiarity (network/familiarity.py)
        yield {"path": str(path), "label": CLASS_NAMES[index], "index": index, "confidence": float(probs[index]),
               "probabilities": {name: float(p) for name, p in zip(CLASS_NAMES, probs)},
               "familiar": None if fam is None else bool(fam >= 0.5),
               "familiarity": None if fam is None else round(fam, 4),
               "calibrated_confidence": None if cal is None else float(cal[index]),
               "label_localized": class_name(index)}  # the reader's language (LANG); `label` stays English
