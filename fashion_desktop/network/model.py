"""The tutorial's `NeuralNetwork`, and loading/saving its weights safely.

The class is the one from PyTorch's "Build the Neural Network" tutorial, attribute for attribute,
so a `model_weights.pth` saved by someone who followed the tutorial series loads here unchanged.
Weights are only ever read with `weights_only=True` (or safetensors): never unpickle a file.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from fashion_desktop.atomic import atomic_save
from fashion_desktop.errors import WeightsError
from fashion_desktop.i18n import QT_TRANSLATE_NOOP, translate
from fashion_desktop.network.architecture import (  # re-exported: the shapes and paths live torch-free
    CONV_TEACHER_KEYS,
    EXPECTED_SHAPES,
    HIDDEN,
    INPUT_SIZE,
    MAX_WEIGHTS_BYTES,
    TOTAL_PARAMETERS,
    default_weights_path,
    shipped_weights_sha256,
)
from fashion_desktop.resources import MODEL_CARD_JSON, resource_path

__all__ = ["EXPECTED_SHAPES", "HIDDEN", "INPUT_SIZE", "MAX_WEIGHTS_BYTES", "TOTAL_PARAMETERS", "LoadedWeights",
           "NeuralNetwork", "default_weights_path", "load_model", "read_weights", "save_weights",
           "shipped_weights_sha256", "state_from_numpy", "state_to_numpy", "validate_state_dict"]

class NeuralNetwork(nn.Module):
    """Exactly the tutorial's network: flatten, then Linear-ReLU-Linear-ReLU-Linear."""

    def __init__(self) -> None:
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits


@dataclass(frozen=True)
class LoadedWeights:
    """A validated state_dict and where it came from."""

    state_dict: dict[str, torch.Tensor]
    path: Path
    sha256: str
    notes: tuple[str, ...] = ()


def sha256_of(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _required_shipped_sha256() -> str:
    """The shipped weights are only trusted with their card: a missing or unreadable card is an error.

    (A person's own weights file needs no card; only the files installed with the app are checked.)
    """
    digest = shipped_weights_sha256()
    if not isinstance(digest, str) or len(digest) != 64:
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "The model card {card} is missing or has no weights checksum, so the shipped weights cannot be "
                      "verified. Reinstall the app, or run 'fashion-desktop train --out {weights}' to make new weights "
                      "with their card."), card=resource_path(MODEL_CARD_JSON), weights=default_weights_path())
    return digest


def _read_file(path: Path) -> bytes:
    if not path.exists():
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "Weights file not found: {path}. Choose an existing .pth, .pt or .safetensors file."),
            path=path)
    if path.is_dir():
        raise WeightsError(QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a weights file."), path=path)
    size = path.stat().st_size
    if size == 0:
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "Weights file {path} is empty (0 bytes). It was probably not saved completely."), path=path)
    if size > MAX_WEIGHTS_BYTES:
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "Weights file {path} is {size} MB; the tutorial's network needs about 2.7 MB. "
                      "This is not a state_dict of NeuralNetwork."), path=path, size=f"{size / 1e6:.0f}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise WeightsError(QT_TRANSLATE_NOOP("Errors", "Cannot read weights file {path}: {reason}."),
                           path=path, reason=exc.strerror or exc) from exc


def _parse_torch(path: Path, data: bytes) -> object:
    if data.startswith(b"PK\x03\x04") and not zipfile.is_zipfile(io.BytesIO(data)):
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is damaged or truncated: it starts like a file saved by torch.save, but its end "
                      "is missing (an interrupted download or copy?). Copy or save it again."), name=path.name)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is not a PyTorch weights file (it is not in torch.save's format). "
                      "Save the model with torch.save(model.state_dict(), 'model_weights.pth')."), name=path.name)
    try:
        return torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "{name} was refused: it contains Python objects other than tensors, and loading it "
                      "could run code. Only plain state_dicts are accepted (torch.save(model.state_dict(), ...))."),
            name=path.name) from exc
    except Exception as exc:  # torch raises many types for damaged archives
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is damaged or truncated and cannot be read ({reason})."),
            name=path.name, reason=type(exc).__name__) from exc


def _parse_safetensors(path: Path, data: bytes) -> object:
    try:
        from safetensors.torch import load as load_safetensors
    except ImportError as exc:  # pragma: no cover - safetensors is a dependency
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "Reading .safetensors files needs the 'safetensors' package.")) from exc
    try:
        return load_safetensors(data)
    except Exception as exc:
        raise WeightsError(QT_TRANSLATE_NOOP("Errors", "{name} is not a valid safetensors file ({reason})."),
                           name=path.name, reason=exc) from exc


def _unwrap(obj: object, path: Path) -> Mapping[str, object]:
    """Accept a bare state_dict or the common `{"model_state_dict": ...}` checkpoint layout."""
    if isinstance(obj, Mapping):
        for key in ("model_state_dict", "state_dict", "model"):
            inner = obj.get(key)
            if isinstance(inner, Mapping) and not isinstance(obj.get("linear_relu_stack.0.weight"), torch.Tensor):
                return inner
        return obj
    raise WeightsError(QT_TRANSLATE_NOOP(
        "Errors", "{name} holds a {kind}, not a state_dict. "
                  "Save the weights with torch.save(model.state_dict(), path)."),
        name=path.name, kind=type(obj).__name__)


def validate_state_dict(raw: Mapping[str, object], name: str = "the weights") -> tuple[dict[str, torch.Tensor], tuple[str, ...]]:
    """Check names, shapes and values; return float32 CPU tensors and notes about conversions."""
    keys = {k.removeprefix("module.").removeprefix("_orig_mod.") : v for k, v in raw.items()}
    missing = [k for k in EXPECTED_SHAPES if k not in keys]
    unexpected = [k for k in keys if k not in EXPECTED_SHAPES]
    if set(keys) == CONV_TEACHER_KEYS:  # a person who opened the CNN teacher in the window: say what it is
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "{name} holds the convolutional teacher that 'fashion-desktop train --recipe teacher' makes: "
                      "a training aid for 'train --teacher', not a network the app runs. Open the tutorial's "
                      "weights (a model_weights.pth) instead."), name=name)
    if missing or unexpected:
        shown = ", ".join(sorted(unexpected)[:5]) + (" …" if len(unexpected) > 5 else "")
        # One whole sentence a case, so a translator never glues English fragments together.
        if missing and unexpected:
            template = QT_TRANSLATE_NOOP("Errors", "{name} does not fit the tutorial's NeuralNetwork: missing {missing}; "
                                                   "unexpected {unexpected}. Expected the keys of NeuralNetwork().state_dict().")
        elif missing:
            template = QT_TRANSLATE_NOOP("Errors", "{name} does not fit the tutorial's NeuralNetwork: missing {missing}. "
                                                   "Expected the keys of NeuralNetwork().state_dict().")
        else:
            template = QT_TRANSLATE_NOOP("Errors", "{name} does not fit the tutorial's NeuralNetwork: unexpected "
                                                   "{unexpected}. Expected the keys of NeuralNetwork().state_dict().")
        raise WeightsError(template, name=name, missing=", ".join(missing), unexpected=shown)
    clean: dict[str, torch.Tensor] = {}
    notes: list[str] = []
    for key, shape in EXPECTED_SHAPES.items():
        value = keys[key]
        if not isinstance(value, torch.Tensor):
            raise WeightsError(QT_TRANSLATE_NOOP("Errors", "{name}: {key} is a {kind}, not a tensor."),
                               name=name, key=key, kind=type(value).__name__)
        if tuple(value.shape) != shape:
            raise WeightsError(QT_TRANSLATE_NOOP(
                "Errors", "{name}: {key} has shape {shape} but the tutorial's network needs {needed}. "
                          "These weights belong to a different architecture."),
                name=name, key=key, shape=tuple(value.shape), needed=shape)
        if not value.is_floating_point():
            raise WeightsError(QT_TRANSLATE_NOOP(
                "Errors", "{name}: {key} has dtype {dtype}; floating-point weights are needed."),
                name=name, key=key, dtype=value.dtype)
        if value.dtype != torch.float32:
            notes.append(translate("Weights", "{key} converted from {dtype} to float32").format(
                key=key, dtype=str(value.dtype).removeprefix("torch.")))
        tensor = value.detach().to(device="cpu", dtype=torch.float32).contiguous()
        if not torch.isfinite(tensor).all():
            raise WeightsError(QT_TRANSLATE_NOOP(
                "Errors", "{name}: {key} contains NaN or infinite values; the network would output garbage."),
                name=name, key=key)
        clean[key] = tensor
    return clean, tuple(notes)


def read_state_dict(path: str | os.PathLike[str], expected_sha256: str | None = None
                    ) -> tuple[Mapping[str, object], str, str]:
    """A weights file's state_dict as stored (not yet checked against any network), its sha256 and its
    name. Tensors only: torch files are read with `weights_only=True`."""
    path = Path(path)
    data = _read_file(path)
    digest = hashlib.sha256(data).hexdigest()
    if expected_sha256 and digest != expected_sha256:
        raise WeightsError(QT_TRANSLATE_NOOP(
            "Errors", "{path} has checksum {digest}… but {expected}… was expected: "
                      "the file is damaged or was replaced. Reinstall the app or run 'fashion-desktop train'."),
            path=path, digest=digest[:12], expected=expected_sha256[:12])
    if path.suffix.lower() == ".safetensors":
        obj = _parse_safetensors(path, data)
    else:
        obj = _parse_torch(path, data)
    raw = {k.removeprefix("module.").removeprefix("_orig_mod."): v for k, v in _unwrap(obj, path).items()}
    return raw, digest, path.name


def read_weights(path: str | os.PathLike[str], expected_sha256: str | None = None) -> LoadedWeights:
    """Read and validate a weights file without touching any live model."""
    raw, digest, name = read_state_dict(path, expected_sha256)
    state_dict, notes = validate_state_dict(raw, name)
    return LoadedWeights(state_dict=state_dict, path=Path(path), sha256=digest, notes=notes)


def load_model(path: str | os.PathLike[str] | None = None) -> tuple[NeuralNetwork, LoadedWeights]:
    """A `NeuralNetwork` on the CPU in eval mode with validated weights (shipped ones by default)."""
    if path is None:
        shipped = default_weights_path()
        if not shipped.is_file():
            raise WeightsError(QT_TRANSLATE_NOOP(
                "Errors", "The shipped weights are missing ({path} does not exist): this installation is "
                          "incomplete. Reinstall Fashion Desktop, or open your own weights "
                          "(Model ▸ Open weights…, or --weights FILE)."), path=shipped)
        loaded = read_weights(shipped, _required_shipped_sha256())
    else:
        loaded = read_weights(path)
    model = NeuralNetwork()
    model.load_state_dict(loaded.state_dict)
    model.eval()
    return model, loaded


def save_weights(model: nn.Module, path: str | os.PathLike[str]) -> str:
    """Save a tutorial-compatible state_dict atomically; returns its sha256."""
    state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
    atomic_save(path, lambda handle: torch.save(state, handle))
    return sha256_of(path)


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())



def state_to_numpy(state_dict: Mapping[str, torch.Tensor]) -> dict[str, np.ndarray]:
    """A state_dict as owned float32 numpy copies: plain data that may cross threads."""
    return {k: v.detach().to("cpu", torch.float32).numpy().copy() for k, v in state_dict.items()}


def state_from_numpy(arrays: Mapping[str, np.ndarray], name: str = "the weights") -> dict[str, torch.Tensor]:
    """Numpy arrays back to a validated state_dict for `NeuralNetwork` (raises WeightsError)."""
    clean, _notes = validate_state_dict({k: torch.from_numpy(np.array(v, np.float32)) for k, v in arrays.items()}, name)
    return clean
