"""What a training run reports, as torch-free records that cross threads and processes."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class BatchProgress:
    epoch: int  # 1-based
    epochs: int
    batch: int  # 1-based within the epoch
    batches: int
    loss: float
    elapsed_s: float
    eta_s: float


@dataclass(frozen=True)
class EpochResult:
    epoch: int
    epochs: int
    train_loss: float
    train_accuracy: float
    val_loss: float
    val_accuracy: float
    best: bool
    seconds: float  # training + validation; the optional test pass below is timed on its own
    test_loss: float | None = None  # set when train() was given a test split
    test_accuracy: float | None = None
    test_seconds: float = 0.0


@dataclass(frozen=True)
class EvalResult:
    accuracy: float
    loss: float
    per_class: list[float]
    confusion: list[list[int]]  # rows: true class, columns: predicted

    def as_dict(self) -> dict:
        return asdict(self)
