"""A training recipe as plain data: the window builds its form from it before torch is imported.

`TrainConfig.shipped()` is the bundled weights' recipe (with a teacher to distil from, see `distill`;
they were made with `val_size=0`, `train --validation 0`: every training image learnt, the final
epoch kept);
`TrainConfig.tutorial()` is the tutorial's loop; `TrainConfig.teacher()` makes the convolutional
teacher the shipped weights learn from (training/teacher.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class TrainConfig:
    """A training recipe. `shipped()` is the bundled weights' (with `val_size=0`); `tutorial()` the tutorial's."""

    epochs: int = 60
    batch_size: int = 128
    optimizer: str = "adamw"  # or "sgd"
    lr: float = 2e-3
    weight_decay: float = 0.02
    schedule: str = "onecycle"  # or "constant"
    label_smoothing: float = 0.0
    hidden_dropout: float = 0.1
    augment: bool = True
    flip: bool = False  # mirrored shoes cost accuracy: the data set's face left
    shift_pixels: int = 0  # an MLP is not shift-invariant; the data set is centred
    rotate_degrees: float = 0.0
    scale_jitter: float = 0.0
    silhouette_p: float = 0.2
    # Swapped for a sketch of itself (training/sketches.py): outlines, crude shapes.
    sketch_p: float = 0.25
    sketch_variants: int = 2  # sketches rendered per training image, once per run
    # Swapped for a drawing of the same class made from random measurements (images/garment_drawings.py):
    # garments in the proportions and with the inner lines people draw, not only the data set's.
    drawn_p: float = 0.0
    drawn_per_class: int = 1000  # drawings made once per run (about 13 ms each)
    mirror_sideways_p: float = 0.0  # mirror shoes and bags (drawn facing either way) this often
    # Weight of a teacher network's softened answers on the unchanged training images. It needs a
    # teacher (`train --teacher`; the shipped weights' was this recipe with sketch_p=0); without
    # one, or at 0, training learns from the labels alone.
    distill: float = 0.8
    distill_temperature: float = 4.0
    # Outlier exposure: each batch also gets this share of everyday non-garment drawings
    # (images/non_garments.py, its training kinds only), taught to answer no class in particular
    # (a uniform answer), so the familiarity score can tell them from garments.
    outlier_p: float = 0.0
    outlier_weight: float = 0.5
    outlier_images: int = 3000  # drawn once per run
    ema_decay: float = 0.998
    val_size: int = 1000
    seed: int = 0

    @classmethod
    def shipped(cls, **overrides: object) -> TrainConfig:
        return cls(**overrides)  # type: ignore[arg-type]

    @classmethod
    def teacher(cls, **overrides: object) -> TrainConfig:
        """The convolutional teacher's (training/teacher.py): the data set alone, shifted by up to two
        pixels (a CNN learns from that, an MLP does not), 15 epochs; its dropout is in its layers."""
        base: dict[str, object] = dict(epochs=15, shift_pixels=2, hidden_dropout=0.0, silhouette_p=0.0, sketch_p=0.0,
                                       drawn_p=0.0, distill=0.0, mirror_sideways_p=0.0, outlier_p=0.0)
        base.update(overrides)
        return cls(**base)  # type: ignore[arg-type]

    @classmethod
    def tutorial(cls, **overrides: object) -> TrainConfig:
        """As the tutorial: SGD, lr 1e-3, batch 64, 10 epochs, nothing else."""
        base = dict(
            epochs=10, batch_size=64, optimizer="sgd", lr=1e-3, weight_decay=0.0, schedule="constant",
            label_smoothing=0.0, hidden_dropout=0.0, augment=False, silhouette_p=0.0, sketch_p=0.0, drawn_p=0.0,
            mirror_sideways_p=0.0, distill=0.0, outlier_p=0.0, ema_decay=0.0,
        )
        base.update(overrides)
        return cls(**base)  # type: ignore[arg-type]

    def as_dict(self) -> dict:
        return asdict(self)
