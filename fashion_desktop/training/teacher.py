"""The convolutional teacher: a training aid that the shipped network learns from, never shipped itself.

The app's network is the tutorial's MLP, and it stays that. A small CNN sees garments as shapes
that may sit a pixel or two elsewhere and reaches 0.926 on the test set in 15 epochs (4.5 minutes
on two CPU threads), where an MLP teacher reaches 0.903; its softened answers reach the student
through `train --teacher`. Measured on one machine (README, "Garment drawings in training"): the
shipped recipe, seed 2, gave 0.9038 distilled from it against 0.9016 from the MLP teacher, with
canvas outlines 4 points better; seed 0 gave 0.8961, so the seeds spread as much as the teachers
differ. `train --recipe teacher` makes one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import torch
from torch import nn

from fashion_desktop.errors import WeightsError
from fashion_desktop.i18n import QT_TRANSLATE_NOOP
from fashion_desktop.network.architecture import EXPECTED_SHAPES
from fashion_desktop.network.model import NeuralNetwork, read_state_dict, validate_state_dict

DESCRIPTION = ("ConvTeacher (a training aid, not shipped): Conv2d(1,32,3), ReLU, MaxPool, Conv2d(32,64,3), ReLU, "
               "MaxPool, Dropout(0.25), Linear(3136,256), ReLU, Dropout(0.4), Linear(256,10)")


class ConvTeacher(nn.Module):
    """Two 3×3 convolutions and two linear layers; takes the tutorial's (N, 28, 28) inputs."""

    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Dropout(0.25), nn.Linear(64 * 7 * 7, 256), nn.ReLU(), nn.Dropout(0.4), nn.Linear(256, 10),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.features(x.reshape(-1, 1, 28, 28)))


TEACHER_SHAPES = {key: tuple(value.shape) for key, value in ConvTeacher().state_dict().items()}


def _conv_teacher_state(raw: Mapping[str, object]) -> dict[str, torch.Tensor] | None:
    """The state as float32 CPU tensors when it is exactly a ConvTeacher's, else None."""
    state = {k: v.detach().to("cpu", torch.float32) for k, v in raw.items()
             if isinstance(v, torch.Tensor) and v.is_floating_point()}
    if set(raw) != set(TEACHER_SHAPES) or len(state) != len(raw):
        return None
    return state if all(tuple(state[k].shape) == shape for k, shape in TEACHER_SHAPES.items()) else None


def load_teacher(path: str | os.PathLike[str]) -> tuple[nn.Module, str]:
    """A teacher in eval mode and its file's sha256: the tutorial's network or a `ConvTeacher`.

    Read with `weights_only=True` like every weights file; anything else is refused with a message
    that says which two kinds of file are taught from.
    """
    raw, digest, name = read_state_dict(path)
    state = _conv_teacher_state(raw)
    if state is not None:
        teacher: nn.Module = ConvTeacher()
        if not all(torch.isfinite(v).all() for v in state.values()):
            raise WeightsError(QT_TRANSLATE_NOOP(
                "Errors", "{name} contains NaN or infinite values; the teacher would teach garbage."), name=name)
        teacher.load_state_dict(state)
    elif any(key.startswith("features.") for key in raw) or not any(k in raw for k in EXPECTED_SHAPES):
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is neither the tutorial's NeuralNetwork nor the convolutional teacher that "
                      "'fashion-desktop train --recipe teacher' makes."), name=name)
    else:
        teacher = NeuralNetwork()
        teacher.load_state_dict(validate_state_dict(raw, name)[0])
    return teacher.eval(), digest
