"""Seconds per epoch of the shipped recipe on the full training split, against a bare loop.

The floor does the same forward, loss, backward and AdamW step on the same tensors in the same
batches, with no augmentation, dropout, EMA, schedule or validation: what remains is the
arithmetic every epoch must do.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import torch
from torch.nn import functional as F

from fashion_desktop.network.model import NeuralNetwork
from fashion_desktop.training.loop import split_validation, to_inputs, train
from fashion_desktop.training.recipe import TrainConfig
from fashion_desktop.training.records import EpochResult


def bare_epoch_seconds(images, labels, config: TrainConfig, device: torch.device, epochs: int) -> list[float]:
    """Per-epoch seconds of the floor loop."""
    torch.manual_seed(config.seed)
    tr_x, tr_y, _va_x, _va_y = split_validation(images, labels, config.val_size, config.seed)
    x_all = to_inputs(tr_x, device)
    y_all = torch.as_tensor(tr_y, dtype=torch.long, device=device)
    model = NeuralNetwork().to(device).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    n, size = len(y_all), config.batch_size
    seconds = []
    for _ in range(epochs):
        start = time.perf_counter()
        order = torch.randperm(n, device=device)
        for b in range(n // size):
            idx = order[b * size : (b + 1) * size]
            loss = F.cross_entropy(model(x_all[idx]), y_all[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        float(loss.detach())  # wait for the device
        seconds.append(time.perf_counter() - start)
    return seconds


def measure_epoch(device: torch.device, epochs: int = 2,
                  progress: Callable[[str], None] = lambda _m: None) -> dict:
    """epoch_s (the `train` command's loop, shipped recipe) and floor_epoch_s: medians."""
    from fashion_desktop.dataset.files import load_split

    data = load_split("train")
    config = TrainConfig.shipped(epochs=epochs)
    progress("training: the bare loop (floor)")
    floor = bare_epoch_seconds(data.images, data.labels, config, device, epochs)
    progress("training: the shipped recipe")
    setup = time.perf_counter()
    first_epoch: list[float] = []
    records: list[EpochResult] = []

    def on_epoch(record: EpochResult) -> None:
        if not records:
            first_epoch.append(time.perf_counter())
        records.append(record)
        progress(f"training: epoch {record.epoch}/{record.epochs} {record.seconds:.1f} s")

    train(data.images, data.labels, config, device, on_epoch=on_epoch)
    setup_s = (first_epoch[0] - setup) - records[0].seconds if first_epoch else None
    return {"epoch_s": statistics.median(r.seconds for r in records), "floor_epoch_s": statistics.median(floor),
            "train_setup_s": setup_s, "train_images": int(len(data.labels) - config.val_size)}
