"""Training and evaluation: the tutorial's loops, made real (augmentation, EMA, best-so-far, cancel).

One implementation serves the `train` command and the window's Train panel: progress leaves as
plain dataclasses through a callback, and a `TrainControl` pauses or stops it from any thread.
The network stays the tutorial's; only the recipe (how it is trained) is ours.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from fashion_desktop.classes import NUM_CLASSES
from fashion_desktop.network.model import NeuralNetwork
from fashion_desktop.training.control import TrainControl
from fashion_desktop.training.recipe import TrainConfig
from fashion_desktop.training.records import BatchProgress, EpochResult, EvalResult

# Shown from the side in the data set (toe or opening to the left); people draw them facing either way.
SIDEWAYS_CLASSES = (5, 7, 8, 9)  # sandal, sneaker, bag, ankle boot


@dataclass
class TrainResult:
    state_dict: dict[str, torch.Tensor]
    best_epoch: int
    best_val_accuracy: float
    history: list[EpochResult] = field(default_factory=list)
    stopped: bool = False
    seconds: float = 0.0


def to_inputs(images: np.ndarray | torch.Tensor, device: torch.device | str = "cpu") -> torch.Tensor:
    """uint8 (N, 28, 28) → float32 in [0, 1], as the tutorial's ToTensor() gives."""
    tensor = torch.as_tensor(images)
    return tensor.to(device=device).float().div_(255.0)


def silhouettes(images: np.ndarray, threshold: int = 25,
                cancelled: Callable[[], bool] | None = None) -> np.ndarray:
    """Each garment as a flat filled shape (holes filled), as people draw it: uint8 0/255.

    About 15 s for the whole training split on one core: `cancelled` lets a stop end it early
    (the rest stays black; the caller is stopping anyway).
    """
    from fashion_desktop.images.preprocess import enclosed

    out = np.zeros_like(images)
    for i, image in enumerate(images):
        if cancelled is not None and i % 500 == 0 and cancelled():
            break
        mask = image > threshold
        out[i] = (mask | enclosed(mask)) * 255
    return out


def augment_batch(x: torch.Tensor, generator: torch.Generator, config: TrainConfig,
                  flat: torch.Tensor | None = None, sketch: torch.Tensor | None = None,
                  sideways: torch.Tensor | None = None, drawn: torch.Tensor | None = None) -> torch.Tensor:
    """Mirror, whole-pixel shifts (no blur), optional rotation/scale, some flat silhouettes and sketches.

    Done on the whole batch at once. `flat` holds the same images as filled silhouettes
    (see `silhouettes`), `sketch` as sketches (see `training/sketches.py`): some are swapped in
    to teach the network what people draw; `drawn` holds a generated drawing of each image's class
    (images/garment_drawings.py), swapped in for `config.drawn_p` of them. `sideways` marks the images (shoes, bags) that
    `config.mirror_sideways_p` mirrors, since people draw them facing either way.
    """
    n = x.shape[0]
    dev = x.device

    def rand(*shape: int) -> torch.Tensor:
        return torch.rand(*shape, generator=generator, device="cpu").to(dev)

    pick = rand(n)
    if flat is not None and config.silhouette_p > 0:
        x = torch.where((pick < config.silhouette_p)[:, None, None], flat, x)
    if sketch is not None and config.sketch_p > 0:
        chosen = (pick >= config.silhouette_p) & (pick < config.silhouette_p + config.sketch_p)
        x = torch.where(chosen[:, None, None], sketch, x)
    if drawn is not None and config.drawn_p > 0:
        low = config.silhouette_p + config.sketch_p
        x = torch.where(((pick >= low) & (pick < low + config.drawn_p))[:, None, None], drawn, x)
    # The random numbers are drawn whether or not they are used, so a recipe's random stream (and
    # so its weights) does not depend on which augmentations are on; the arithmetic is skipped.
    flip = rand(n) < (0.5 if config.flip else 0.0)
    mirror = config.flip
    if sideways is not None and config.mirror_sideways_p > 0:
        flip = flip | (sideways & (rand(n) < config.mirror_sideways_p))
        mirror = True
    if mirror:
        x = torch.where(flip[:, None, None], x.flip(-1), x)
    angle = (rand(n) - 0.5) * (2 * math.radians(config.rotate_degrees))
    scale = 1.0 + (rand(n) - 0.5) * (2 * config.scale_jitter)
    pixels = torch.randint(-config.shift_pixels, config.shift_pixels + 1, (n, 2), generator=generator)
    if not (config.rotate_degrees or config.scale_jitter or config.shift_pixels):
        return x  # an identity warp: resampling would cost as much as the training step itself
    shift = pixels.to(dev, torch.float32) * (2 / 28)  # whole pixels land on pixel centres: no blur
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1)
    grid = F.affine_grid(theta, [n, 1, 28, 28], align_corners=False)
    x = F.grid_sample(x[:, None], grid, mode="bilinear", padding_mode="zeros", align_corners=False)[:, 0]
    return x


def outlier_drawings(count: int, device: torch.device | str = "cpu",
                     cancelled: Callable[[], bool] | None = None) -> torch.Tensor:
    """`count` non-garment drawings of the training kinds, as the app prepares them: (N, 28, 28) floats."""
    from fashion_desktop.images.non_garments import TRAINING_KINDS, TRAINING_SEED, non_garment_set

    pixels, _ = non_garment_set(max(1, count // len(TRAINING_KINDS)), TRAINING_SEED, TRAINING_KINDS, cancelled)
    return torch.from_numpy(pixels).to(device)


@torch.inference_mode()
def teacher_probabilities(teacher: nn.Module, inputs: torch.Tensor, temperature: float,
                          batch_size: int = 4096) -> torch.Tensor:
    """The teacher's answers, softened by `temperature`, for every training image (computed once)."""
    teacher = teacher.to(inputs.device).eval()
    return torch.cat([F.softmax(teacher(inputs[i : i + batch_size]) / temperature, dim=1)
                      for i in range(0, len(inputs), batch_size)])


def distillation_loss(logits: torch.Tensor, labels: torch.Tensor, soft: torch.Tensor, unchanged: torch.Tensor,
                      config: TrainConfig) -> torch.Tensor:
    """Cross-entropy for every image; the images that are still the data set's (`unchanged`: not a
    sketch, silhouette or mirror) mix in the teacher's softened answers with weight `config.distill`.

    The T² factor keeps the soft term's gradients on the hard term's scale (Hinton et al., 2015).
    """
    hard = F.cross_entropy(logits, labels, label_smoothing=config.label_smoothing, reduction="none")
    t = config.distill_temperature
    kl = F.kl_div(F.log_softmax(logits / t, dim=1), soft, reduction="none").sum(1) * (t * t)
    mixed = torch.where(unchanged, (1 - config.distill) * hard + config.distill * kl, hard)
    return mixed.mean()


class _Ema:
    """Exponential moving average of the weights, with the usual warm-up so short runs work too."""

    def __init__(self, model: nn.Module, decay: float) -> None:
        self.module = copy.deepcopy(model).eval()
        self.decay = decay
        self.steps = 0

    @torch.no_grad()
    def update(self, model: nn.Module) -> None:
        self.steps += 1
        decay = min(self.decay, (1 + self.steps) / (10 + self.steps))
        torch._foreach_lerp_(list(self.module.parameters()), list(model.parameters()), 1.0 - decay)


def _add_hidden_dropout(model: nn.Module, p: float) -> list[torch.utils.hooks.RemovableHandle]:
    """Dropout after each ReLU during training only, as hooks, so the architecture is unchanged."""
    if p <= 0:
        return []

    def hook(module: nn.Module, inputs: tuple, output: torch.Tensor) -> torch.Tensor:
        return F.dropout(output, p, training=module.training)

    return [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, nn.ReLU)]


@torch.inference_mode()
def evaluate(model: nn.Module, images: np.ndarray | torch.Tensor, labels: np.ndarray | torch.Tensor,
             device: torch.device | str = "cpu", batch_size: int = 2000) -> EvalResult:
    """Accuracy, mean loss, per-class accuracy and the confusion matrix."""
    was_training = model.training
    model.eval()
    labels_t = torch.as_tensor(labels, dtype=torch.long)
    confusion = torch.zeros(NUM_CLASSES, NUM_CLASSES, dtype=torch.long)
    total_loss = 0.0
    for start in range(0, len(labels_t), batch_size):
        x = to_inputs(images[start : start + batch_size], device)
        y = labels_t[start : start + batch_size].to(device)
        logits = model(x)
        total_loss += F.cross_entropy(logits, y, reduction="sum").item()
        pred = logits.argmax(1)
        confusion += torch.bincount((y * NUM_CLASSES + pred).cpu(), minlength=NUM_CLASSES**2).view(NUM_CLASSES, NUM_CLASSES)
    model.train(was_training)
    correct = confusion.diag()
    per_class = (correct.float() / confusion.sum(1).clamp(min=1).float()).tolist()
    n = max(1, int(confusion.sum()))
    return EvalResult(float(correct.sum()) / n, total_loss / n, per_class, confusion.tolist())


def split_validation(images: np.ndarray, labels: np.ndarray, val_size: int, seed: int):
    """A seeded hold-out from the training split, used to pick the best epoch (never the test set)."""
    if val_size <= 0:
        return images, labels, images[:0], labels[:0]
    order = np.random.default_rng(seed).permutation(len(labels))
    val, train = order[:val_size], order[val_size:]
    return images[train], labels[train], images[val], labels[val]


def train(images: np.ndarray, labels: np.ndarray, config: TrainConfig, device: torch.device | str = "cpu",
          model: nn.Module | None = None, control: TrainControl | None = None,
          on_batch: Callable[[BatchProgress], None] | None = None,
          on_epoch: Callable[[EpochResult], None] | None = None,
          progress_every: int = 10,
          test: tuple[np.ndarray, np.ndarray] | None = None,
          on_model: Callable[[nn.Module], None] | None = None,
          teacher: nn.Module | None = None,
          on_prepare: Callable[[int, int], None] | None = None,
          on_stage: Callable[[str], None] | None = None) -> TrainResult:
    """Train (from `model`'s weights, or a fresh network as the tutorial creates it).

    Returns the best weights by validation accuracy; a stop keeps the best so far. With
    `config.val_size` 0 every training image is learnt and the last epoch's weights are kept (picking
    an epoch by images the network learns from would pick nothing in particular).
    `test` (images, labels) is scored after every epoch for the curves only: the best epoch is
    still picked on validation. `on_model` gets the network that would be kept (the EMA when
    there is one) with each batch progress and after each epoch, in the training thread: copy
    what you need (e.g. `state_to_numpy(m.state_dict())`) before returning.
    With `teacher` and `config.distill` > 0, the training images that reach the network unchanged
    also learn the teacher's softened answers (knowledge distillation): the recipe's sketches
    then cost the tutorial's MLP less of its accuracy on the data set.
    `on_prepare(done, total)` follows the garment drawings made before the first epoch (a minute or two).
    `on_stage(name)` is told as each other preparation before the first batch begins ("sketches",
    "outliers", "teacher"): the sketches alone take about a minute for the whole training split.
    """
    control = control or TrainControl()
    device = torch.device(device)
    torch.manual_seed(config.seed)
    generator = torch.Generator().manual_seed(config.seed)
    model = (model or NeuralNetwork()).to(device)
    model.train()

    tr_x, tr_y, va_x, va_y = split_validation(images, labels, config.val_size, config.seed)
    held_out = len(va_y) > 0
    if not held_out:  # nothing held out: the curves show training images, and the final epoch is kept
        va_x, va_y = tr_x[: min(len(tr_y), 5000)], tr_y[: min(len(tr_y), 5000)]
    x_all = to_inputs(tr_x, device)
    y_all = torch.as_tensor(tr_y, dtype=torch.long, device=device)
    n = len(y_all)
    batches = max(1, n // config.batch_size) if n >= config.batch_size else 1
    total_steps = batches * config.epochs

    if config.optimizer == "sgd":
        optimizer: torch.optim.Optimizer = torch.optim.SGD(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    elif config.optimizer == "adamw":
        optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    else:
        raise ValueError(f"unknown optimizer {config.optimizer!r}; use 'sgd' or 'adamw'")
    scheduler = None
    if config.schedule == "onecycle":
        scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=config.lr, total_steps=total_steps, pct_start=0.15)
    ema = None
    if config.ema_decay > 0:
        ema = _Ema(model, config.ema_decay)

    best_state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
    result = TrainResult(state_dict=best_state, best_epoch=0, best_val_accuracy=-1.0)
    start = time.perf_counter()

    stage = on_stage or (lambda _name: None)
    flat_all = sketches_all = None
    if config.augment and (config.silhouette_p > 0 or config.sketch_p > 0):
        stage("sketches")
        flat_uint8 = silhouettes(tr_x, cancelled=lambda: control.stopped)
        flat_all = to_inputs(flat_uint8, device) if config.silhouette_p > 0 else None
        if config.sketch_p > 0 and config.sketch_variants > 0:
            from fashion_desktop.training.sketches import sketch_variants

            # uint8 (K, N, 28, 28): a few hundred MB less than floats; converted per batch.
            sketches_all = torch.from_numpy(sketch_variants(flat_uint8, config.sketch_variants, config.seed,
                                                            cancelled=lambda: control.stopped)).to(device)
    drawings = None
    if config.augment and config.drawn_p > 0 and config.drawn_per_class > 0:
        from fashion_desktop.images.garment_drawings import drawing_set

        # (10, K, 28, 28) floats by class; a seed of their own, so they never repeat the sketches' draws
        drawings = torch.from_numpy(drawing_set(config.drawn_per_class, config.seed + 104_729,
                                                cancelled=lambda: control.stopped, progress=on_prepare)).to(device)
    outliers = None
    if config.augment and config.outlier_p > 0 and config.outlier_images > 0:
        stage("outliers")
        outliers = outlier_drawings(config.outlier_images, device, cancelled=lambda: control.stopped)
    outliers_per_batch = max(1, round(config.outlier_p * config.batch_size))
    soft_targets = None
    if teacher is not None and config.distill > 0:
        stage("teacher")
        soft_targets = teacher_probabilities(teacher, x_all, config.distill_temperature)
    sideways_classes = torch.zeros(NUM_CLASSES, dtype=torch.bool, device=device)
    sideways_classes[list(SIDEWAYS_CLASSES)] = True

    def augment(x: torch.Tensor, idx: torch.Tensor) -> torch.Tensor:
        if not config.augment:
            return x
        sketch = None
        if sketches_all is not None:
            variant = torch.randint(0, sketches_all.shape[0], (len(idx),), generator=generator).to(device)
            sketch = sketches_all[variant, idx].float().div_(255.0)
        drawn = None
        if drawings is not None:
            drawn = drawings[y_all[idx], torch.randint(0, drawings.shape[1], (len(idx),), generator=generator).to(device)]
        return augment_batch(x, generator, config, flat_all[idx] if flat_all is not None else None, sketch,
                             sideways_classes[y_all[idx]], drawn)

    hooks = _add_hidden_dropout(model, config.hidden_dropout)
    step = 0
    try:
        for epoch in range(1, config.epochs + 1):
            epoch_start = time.perf_counter()
            order = torch.randperm(n, generator=generator).to(device)
            loss_sum = torch.zeros((), device=device)
            correct = torch.zeros((), device=device, dtype=torch.long)
            seen = 0
            for b in range(batches):
                if control.checkpoint():
                    result.stopped = True
                    break
                idx = order[b * config.batch_size : (b + 1) * config.batch_size]
                original = x_all[idx]
                x = augment(original, idx)
                y = y_all[idx]
                if outliers is not None:
                    extra = outliers[torch.randint(0, len(outliers), (outliers_per_batch,), generator=generator).to(device)]
                    logits, outlier_logits = model(torch.cat([x, extra])).split([len(x), len(extra)])
                else:
                    logits = model(x)
                if soft_targets is None:
                    loss = F.cross_entropy(logits, y, label_smoothing=config.label_smoothing)
                else:
                    loss = distillation_loss(logits, y, soft_targets[idx], (x == original).flatten(1).all(1), config)
                if outliers is not None:  # cross-entropy to the uniform answer (Hendrycks et al., 2019)
                    uniform = torch.logsumexp(outlier_logits, 1) - outlier_logits.mean(1)
                    loss = loss + config.outlier_weight * uniform.mean()
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                optimizer.step()
                if scheduler is not None:
                    scheduler.step()
                if ema is not None:
                    ema.update(model)
                step += 1
                loss_sum += loss.detach() * len(y)
                correct += (logits.detach().argmax(1) == y).sum()
                seen += len(y)
                if on_batch and (b % progress_every == 0 or b == batches - 1):
                    elapsed = time.perf_counter() - start
                    eta = elapsed / step * (total_steps - step)
                    on_batch(BatchProgress(epoch, config.epochs, b + 1, batches, float(loss.detach()), elapsed, eta))
                if on_model and (b % progress_every == 0 or b == batches - 1):
                    on_model(ema.module if ema is not None else model)
            if result.stopped and seen == 0:
                break
            scored = ema.module if ema is not None else model
            val = evaluate(scored, va_x, va_y, device)
            best = val.accuracy > result.best_val_accuracy or not held_out
            if best:
                result.best_val_accuracy = val.accuracy
                result.best_epoch = epoch
                result.state_dict = {k: v.detach().cpu().clone() for k, v in scored.state_dict().items()}
            record = EpochResult(epoch, config.epochs, float(loss_sum) / max(1, seen), float(correct) / max(1, seen),
                                 val.loss, val.accuracy, best, time.perf_counter() - epoch_start)
            if test is not None:
                test_start = time.perf_counter()
                scored_test = evaluate(scored, test[0], test[1], device)
                record = dataclasses.replace(record, test_loss=scored_test.loss, test_accuracy=scored_test.accuracy,
                                             test_seconds=time.perf_counter() - test_start)
            if on_model:
                on_model(scored)
            result.history.append(record)
            if on_epoch:
                on_epoch(record)
            if result.stopped:
                break
    except KeyboardInterrupt:
        result.stopped = True
    finally:
        for handle in hooks:
            handle.remove()
        model.eval()
    result.seconds = time.perf_counter() - start
    return result
