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


class BareLoop:
    """The floor loop, one epoch per `epoch()` call, so its epochs can alternate with the recipe's.

    Its own random generator: run between the recipe's epochs, it leaves their random stream alone.
    """

    def __init__(self, images, labels, config: TrainConfig, device: torch.device) -> None:
        tr_x, tr_y, _va_x, _va_y = split_validation(images, labels, config.val_size, config.seed)
        self.x_all = to_inputs(tr_x, device)
        self.y_all = torch.as_tensor(tr_y, dtype=torch.long, device=device)
        self.generator = torch.Generator(device=device).manual_seed(config.seed)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(config.seed)
            self.model = NeuralNetwork().to(device).train()
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
        self.batch_size, self.device = config.batch_size, device

    def epoch(self) -> float:
        """Seconds for one epoch."""
        n, size = len(self.y_all), self.batch_size
        start = time.perf_counter()
        order = torch.randperm(n, device=self.device, generator=self.generator)
        for b in range(n // size):
            idx = order[b * size : (b + 1) * size]
            loss = F.cross_entropy(self.model(self.x_all[idx]), self.y_all[idx])
            self.optimizer.zero_grad(set_to_none=True)
            loss.backward()
            self.optimizer.step()
        float(loss.detach())  # wait for the device
        return time.perf_counter() - start


def measure_epoch(device: torch.device, epochs: int = 3,
                  progress: Callable[[str], None] = lambda _m: None) -> dict:
    """epoch_s (the `train` command's loop, shipped recipe) and floor_epoch_s: medians of `epochs`
    each, alternating (a floor epoch right after each of the recipe's), so that a slow spell of the
    machine costs both alike."""
    from fashion_desktop.dataset.files import load_split

    data = load_split("train")
    config = TrainConfig.shipped(epochs=epochs)
    bare = BareLoop(data.images, data.labels, config, device)
    progress("training: the shipped recipe, each epoch followed by one of the bare loop (the floor)")
    setup = time.perf_counter()
    first_epoch: list[float] = []
    records: list[EpochResult] = []
    floor: list[float] = []

    def on_epoch(record: EpochResult) -> None:
        if not records:
            first_epoch.append(time.perf_counter())
        records.append(record)
        floor.append(bare.epoch())
        progress(f"training: epoch {record.epoch}/{record.epochs} {record.seconds:.1f} s, floor {floor[-1]:.1f} s")

    train(data.images, data.labels, config, device, on_epoch=on_epoch)
    setup_s = (first_epoch[0] - setup) - records[0].seconds if first_epoch else None
    return {"epoch_s": statistics.median(r.seconds for r in records), "floor_epoch_s": statistics.median(floor),
            "epochs": len(records), "train_setup_s": setup_s, "train_images": int(len(data.labels) - config.val_size)}
