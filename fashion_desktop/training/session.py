"""One training session as the window runs it: data, threads, device, `loop.train`, the verdict.

The loop itself is `training.loop.train`, the same one `fashion-desktop train` runs; this wraps what the
window needs around it, with no Qt: read the splits, limit torch's CPU threads for the calling
thread, score the starting network, train with the test split scored each epoch, hand out
weight snapshots as numpy (throttled by time), then score the best weights and the shipped
model on the test split and compare them. Everything handed to the callbacks is plain data.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from fashion_desktop.training.compare import Comparison, compare
from fashion_desktop.training.control import TrainControl
from fashion_desktop.training.recipe import TrainConfig
from fashion_desktop.training.records import BatchProgress, EpochResult, EvalResult

# Phases reported through `on_phase`, in order (the window translates them).
LOADING_DATA, PREPARING, TRAINING, SCORING = "loading-data", "preparing", "training", "scoring"


def default_threads(cores: int | None = None) -> int:
    """CPU threads for training in the window: all cores but one, which stays with the GUI and inference.

    On 2 cores that is 1. Measured on this project's busy 2-core machine (README, "Training in
    the window"): two threads made every epoch several times slower than one (OpenMP threads
    waiting on each other) and drawing lag; batch-64 products barely use a second core anyway.
    """
    cores = cores or os.cpu_count() or 1
    return max(1, cores - 1)


@dataclass(frozen=True)
class SessionRequest:
    """What to train. `initial` None: a fresh network as the tutorial creates it (seeded)."""

    config: TrainConfig
    device: str = "auto"
    threads: int = 0  # 0: default_threads()
    initial: dict[str, np.ndarray] | None = None
    initial_name: str = "a fresh random network"
    initial_path: str | None = None  # or start from a weights file (read with weights_only=True)
    subset: int = 0  # train on the first N training images (0: all 60,000)
    test_subset: int = 0  # score the first N test images each epoch and at the end (0: all 10,000)
    data_dir: str | None = None
    snapshot_seconds: float = 0.5  # at most one weight snapshot this often
    compare_shipped: bool = True


@dataclass(frozen=True)
class SessionStarted:
    device: str
    device_notice: str
    threads: int
    train_images: int
    validation_images: int
    test_images: int
    batches: int  # per epoch
    initial_test: EvalResult  # the starting network on the test split: chance for a random one
    data_source: str


@dataclass(frozen=True)
class Snapshot:
    """The weights that would be kept, as numpy, at a point in training."""

    state: dict[str, np.ndarray]
    epoch: int
    batch: int
    batches: int


@dataclass(frozen=True)
class SessionOutcome:
    """The end of a session. `state` is None when it stopped before the first epoch finished."""

    state: dict[str, np.ndarray] | None
    best_epoch: int
    best_val_accuracy: float
    history: list[EpochResult]
    stopped: bool
    seconds: float
    test: EvalResult | None
    shipped: EvalResult | None
    comparison: Comparison | None
    config: dict
    device: str
    threads: int
    data_source: str
    initial_name: str
    test_images: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def epoch_seconds(self) -> list[float]:
        return [r.seconds for r in self.history]


def run_session(request: SessionRequest, control: TrainControl | None = None, *,
                on_phase: Callable[[str], None] | None = None,
                on_started: Callable[[SessionStarted], None] | None = None,
                on_batch: Callable[[BatchProgress], None] | None = None,
                on_epoch: Callable[[EpochResult], None] | None = None,
                on_snapshot: Callable[[Snapshot], None] | None = None,
                on_prepare: Callable[[int, int], None] | None = None,
                clock: Callable[[], float] = time.monotonic) -> SessionOutcome:
    """Run one session in the calling thread (raises DataError when Fashion-MNIST is missing).

    `on_prepare(done, total)` follows the garment drawings made before the first epoch.
    """
    import torch

    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.network.device import choose_device
    from fashion_desktop.network.model import NeuralNetwork, load_model, read_weights, state_from_numpy, state_to_numpy
    from fashion_desktop.training.loop import evaluate, train

    control = control or TrainControl()
    phase = on_phase or (lambda _p: None)
    config = TrainConfig(**request.config.as_dict())  # our own copy: val_size may shrink below
    threads = request.threads or default_threads()
    torch.set_num_threads(threads)  # this thread's pool; see default_threads and the README for why

    phase(LOADING_DATA)
    train_split = load_split("train", request.data_dir)
    test_split = load_split("test", request.data_dir)
    images, labels = train_split.images, train_split.labels
    if request.subset:
        images, labels = images[: request.subset], labels[: request.subset]
        config.val_size = min(config.val_size, max(1, len(labels) // 10))
    test_images, test_labels = test_split.images, test_split.labels
    if request.test_subset:
        test_images, test_labels = test_images[: request.test_subset], test_labels[: request.test_subset]

    choice = choose_device(request.device)
    device = choice.device
    if request.initial_path is not None:
        model = NeuralNetwork()
        model.load_state_dict(read_weights(request.initial_path).state_dict)
    elif request.initial is not None:
        model = NeuralNetwork()
        model.load_state_dict(state_from_numpy(request.initial, request.initial_name))
    else:
        torch.manual_seed(config.seed)  # as train() would: the same seed gives the same fresh network
        model = NeuralNetwork()
    model.to(device)
    initial_test = evaluate(model, test_images, test_labels, device)
    train_count = len(labels) - config.val_size
    batches = max(1, train_count // config.batch_size) if train_count >= config.batch_size else 1
    if on_started:
        on_started(SessionStarted(str(device), choice.notice, threads, train_count, config.val_size,
                                  len(test_labels), batches, initial_test, str(train_split.source)))
    if config.augment and (config.silhouette_p > 0 or config.sketch_p > 0 or config.drawn_p > 0):
        phase(PREPARING)
    last_snapshot = [-float("inf")]
    position = [1, 0, batches]  # epoch, batch, batches: where the next snapshot is from
    last_position: list[int] = []

    def batch_seen(progress: BatchProgress) -> None:
        position[:] = [progress.epoch, progress.batch, progress.batches]
        if progress.epoch == 1 and progress.batch == 1:
            phase(TRAINING)
        if on_batch:
            on_batch(progress)

    def model_seen(network) -> None:
        now = clock()
        epoch_end = position[1] == position[2]
        if on_snapshot is None or position == last_position or (
                now - last_snapshot[0] < request.snapshot_seconds and not epoch_end):
            return
        last_snapshot[0] = now
        last_position[:] = position
        on_snapshot(Snapshot(state_to_numpy(network.state_dict()), *position))

    result = train(images, labels, config, device, model=model, control=control, on_batch=batch_seen,
                   on_epoch=on_epoch, test=(test_images, test_labels), on_model=model_seen, on_prepare=on_prepare)

    phase(SCORING)
    notes: list[str] = []
    if not result.history:
        return SessionOutcome(None, 0, 0.0, [], True, result.seconds, None, None, None, config.as_dict(),
                              str(device), threads, str(train_split.source), request.initial_name, len(test_labels))
    best = NeuralNetwork()
    best.load_state_dict(result.state_dict)
    test = evaluate(best, test_images, test_labels)
    shipped = None
    if request.compare_shipped:
        try:
            shipped_model, _ = load_model()
            shipped = evaluate(shipped_model, test_images, test_labels)
        except Exception as exc:  # the comparison is a bonus: say why it is missing, keep the result
            notes.append(f"The shipped model could not be scored: {exc}")
    return SessionOutcome(state_to_numpy(result.state_dict), result.best_epoch, result.best_val_accuracy,
                          list(result.history), result.stopped, result.seconds, test, shipped,
                          compare(test, shipped), config.as_dict(), str(device), threads,
                          str(train_split.source), request.initial_name, len(test_labels), notes)
