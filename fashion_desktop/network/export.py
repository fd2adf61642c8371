"""Export the network for other tools: ONNX, a `torch.export` program, safetensors, the tutorial's state_dict.

Whatever model is passed in (shipped, trained, opened from a file) is what is written. Each file
is written beside its target, read back the way another tool would read it (ONNX Runtime,
`torch.export.load`, safetensors, `torch.load(weights_only=True)`), and run on the shipped sample
garments plus random inputs at two batch sizes; only if every output agrees with the live model
within `TOLERANCE` (float32 rounding) is it renamed into place. Otherwise nothing is kept and an
`ExportError` says why. ONNX uses PyTorch's current exporter (`torch.onnx.export(dynamo=True)`,
built on `torch.export`, which needs the `onnxscript` package; it runs offline).
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np
import torch
from torch import nn

from fashion_desktop import __version__
from fashion_desktop.atomic import atomic_save
from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.errors import ExportError
from fashion_desktop.i18n import QT_TRANSLATE_NOOP
from fashion_desktop.network.model import NeuralNetwork, validate_state_dict
from fashion_desktop.resources import SAMPLES_DIR, resource_path

FORMATS = ("onnx", "pt2", "safetensors", "state_dict")
SUFFIXES = {"onnx": ".onnx", "pt2": ".pt2", "safetensors": ".safetensors", "state_dict": ".pth"}
DESCRIPTIONS = {
    "onnx": "ONNX (ONNX Runtime, Netron, other frameworks)",
    "pt2": "PyTorch program (torch.export, .pt2)",
    "safetensors": "safetensors weights",
    "state_dict": "PyTorch state_dict (the tutorial's model_weights.pth)",
}
TOLERANCE = 1e-4
ONNX_OPSET = 21
INPUT_NAME = "image"
OUTPUT_NAMES = ("logits", "probabilities")
INPUT_DOC = ("N×28×28 float32 in [0, 1]: a light garment on black, framed like Fashion-MNIST "
             "(the app's preprocessing makes this from any picture)")
RANDOM_CHECKS = 16


class ExportCancelled(ExportError):
    """The person cancelled; nothing was written."""


@dataclass(frozen=True)
class ExportResult:
    """What was written and how well it reproduced the live model."""

    path: Path
    format: str
    size_bytes: int
    max_difference: float  # largest |exported − live| over every checked output
    checked_images: int
    seconds: float
    exporter: str  # how the file was made, e.g. "torch.onnx.export(dynamo=True), opset 21"


def format_for_path(path: str | Path) -> str | None:
    """The format a file name implies (.onnx, .pt2, .safetensors, .pth/.pt), or None."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pt":
        return "state_dict"
    return next((fmt for fmt, ext in SUFFIXES.items() if ext == suffix), None)


def check_inputs(random_count: int = RANDOM_CHECKS, seed: int = 0) -> np.ndarray:
    """The shipped sample garments (28×28 test images) and `random_count` random images, (N, 28, 28)."""
    from PIL import Image

    folder = resource_path(SAMPLES_DIR)
    samples = []
    for path in sorted(folder.glob("*.png")) if folder.is_dir() else []:
        with Image.open(path) as image:
            grey = np.asarray(image.convert("L"), dtype=np.float32) / 255.0
        if grey.shape == (28, 28):
            samples.append(grey)
    rng = np.random.default_rng(seed)
    noise = rng.random((random_count, 28, 28), dtype=np.float32)
    return np.concatenate([np.stack(samples), noise]) if samples else noise


class _WithProbabilities(nn.Module):
    """The tutorial's network with its softmax, so an ONNX user gets both outputs by name."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, image: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        logits = self.model(image)
        return logits, torch.softmax(logits, dim=1)


def _state(model: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().to("cpu", torch.float32).contiguous().clone() for k, v in model.state_dict().items()}


def _metadata(source: str) -> dict[str, str]:
    return {"class_names": json.dumps(list(CLASS_NAMES)), "input": INPUT_DOC,
            "outputs": "logits: N×10; probabilities: N×10 (softmax of the logits)",
            "architecture": "PyTorch tutorial NeuralNetwork: Flatten, Linear(784,512), ReLU, "
                            "Linear(512,512), ReLU, Linear(512,10)",
            "source": source, "producer": f"fashion-desktop {__version__}"}


# ---------------------------------------------------------------- writers: model → bytes


def _onnx_bytes(model: nn.Module, source: str) -> bytes:
    import warnings

    try:
        import onnx
        import onnxscript  # noqa: F401 - torch.onnx.export(dynamo=True) needs it; say so before trying
    except ImportError as exc:
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "Exporting to ONNX needs the '{package}' package, which is not "
                                                      "installed (pip install onnx onnxscript). The other formats work "
                                                      "without it."), package=exc.name or "onnx") from exc
    example = torch.zeros(2, 28, 28)
    batch = torch.export.Dim("batch", min=1, max=1 << 20)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the exporter's notes are for PyTorch developers
        try:
            program = torch.onnx.export(_WithProbabilities(model).eval(), (example,), None, dynamo=True,
                                        input_names=[INPUT_NAME], output_names=list(OUTPUT_NAMES),
                                        dynamic_shapes=({0: batch},), opset_version=ONNX_OPSET,
                                        optimize=True, verbose=False, external_data=False)
        except ImportError as exc:
            raise ExportError(QT_TRANSLATE_NOOP("Errors", "Exporting to ONNX needs the '{package}' package, which is not "
                                                          "installed (pip install onnx onnxscript). The other formats "
                                                          "work without it."), package=exc.name or "onnxscript") from exc
    if program is None:  # only without dynamo=True
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "PyTorch's ONNX exporter returned no program."))
    proto = program.model_proto
    proto.doc_string = "The PyTorch tutorial's Fashion-MNIST network, exported by Fashion Desktop."
    proto.graph.input[0].doc_string = INPUT_DOC
    onnx.helper.set_model_props(proto, _metadata(source))
    onnx.checker.check_model(proto)
    return proto.SerializeToString()


def _pt2_bytes(model: nn.Module, source: str) -> bytes:
    import warnings

    batch = torch.export.Dim("batch", min=1, max=1 << 20)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        program = torch.export.export(model, (torch.zeros(2, 28, 28),), dynamic_shapes=({0: batch},))
    buffer = io.BytesIO()
    torch.export.save(program, buffer, extra_files={"metadata.json": json.dumps(_metadata(source), indent=1)})
    return buffer.getvalue()


def _safetensors_bytes(model: nn.Module, source: str) -> bytes:
    from safetensors.torch import save

    return save(_state(model), metadata={**_metadata(source), "format": "pt"})


def _state_dict_bytes(model: nn.Module, source: str) -> bytes:
    buffer = io.BytesIO()
    torch.save(_state(model), buffer)
    return buffer.getvalue()


_WRITERS: dict[str, Callable[[nn.Module, str], bytes]] = {
    "onnx": _onnx_bytes, "pt2": _pt2_bytes, "safetensors": _safetensors_bytes, "state_dict": _state_dict_bytes,
}


# ---------------------------------------------------------------- readers: file → a function of images


def _run_onnx(path: Path) -> Callable[[np.ndarray], dict[str, np.ndarray]]:
    try:
        import onnxruntime
    except ImportError:  # the reference evaluator ships with onnx: slower, but the same check
        from onnx.reference import ReferenceEvaluator

        evaluator = ReferenceEvaluator(str(path))
        return lambda x: dict(zip(OUTPUT_NAMES, evaluator.run(list(OUTPUT_NAMES), {INPUT_NAME: x})))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    return lambda x: dict(zip(OUTPUT_NAMES, session.run(list(OUTPUT_NAMES), {INPUT_NAME: x})))


def _run_pt2(path: Path) -> Callable[[np.ndarray], dict[str, np.ndarray]]:
    module = torch.export.load(io.BytesIO(path.read_bytes())).module()  # a .tmp name is not taken as .pt2

    def run(x: np.ndarray) -> dict[str, np.ndarray]:
        with torch.inference_mode():
            return {"logits": module(torch.from_numpy(x)).numpy()}
    return run


def _run_weights(path: Path, fmt: str) -> Callable[[np.ndarray], dict[str, np.ndarray]]:
    if fmt == "safetensors":
        from safetensors.torch import load_file

        raw = load_file(str(path))
    else:  # as the tutorial reads it: torch.load(..., weights_only=True)
        raw = torch.load(str(path), map_location="cpu", weights_only=True)
    state, _notes = validate_state_dict(raw, path.name)
    model = NeuralNetwork()
    model.load_state_dict(state)
    model.eval()

    def run(x: np.ndarray) -> dict[str, np.ndarray]:
        with torch.inference_mode():
            return {"logits": model(torch.from_numpy(x)).numpy()}
    return run


_READERS: dict[str, Callable[[Path], Callable[[np.ndarray], dict[str, np.ndarray]]]] = {
    "onnx": _run_onnx, "pt2": _run_pt2,
    "safetensors": lambda path: _run_weights(path, "safetensors"),
    "state_dict": lambda path: _run_weights(path, "state_dict"),
}


def load_exported(path: str | Path, fmt: str) -> Callable[[np.ndarray], dict[str, np.ndarray]]:
    """Read an exported file back as another tool would; returns images → {"logits", …} arrays."""
    return _READERS[fmt](Path(path))


# ---------------------------------------------------------------- the check and the export


def _live_outputs(model: nn.Module, images: np.ndarray) -> dict[str, np.ndarray]:
    with torch.inference_mode():
        logits = model(torch.from_numpy(images))
        return {"logits": logits.numpy(), "probabilities": torch.softmax(logits, dim=1).numpy()}


def verify_export(path: Path, fmt: str, model: nn.Module, images: np.ndarray) -> float:
    """Largest difference between the file's outputs and the live model's; raises ExportError past TOLERANCE."""
    try:
        run = load_exported(path, fmt)
    except Exception as exc:
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "The {format} file could not be read back ({reason}); it was not "
                                                      "kept."), format=fmt, reason=f"{type(exc).__name__}: {exc}") from exc
    worst = 0.0
    for batch in (images[:1], images):  # batch 1 and a larger batch: the batch dimension is dynamic
        live = _live_outputs(model, batch)
        try:
            got = run(np.ascontiguousarray(batch, dtype=np.float32))
        except Exception as exc:
            raise ExportError(QT_TRANSLATE_NOOP("Errors", "The {format} file could not be run on {count} image(s) "
                                                          "({reason}); it was not kept."),
                              format=fmt, count=len(batch), reason=f"{type(exc).__name__}: {exc}") from exc
        for name, values in got.items():
            values = np.asarray(values)
            if values.shape != live[name].shape:
                raise ExportError(QT_TRANSLATE_NOOP("Errors", "The {format} file gives {name} of shape {shape} for "
                                                              "{count} image(s), not {expected}; it was not kept."),
                                  format=fmt, name=name, shape=values.shape, count=len(batch), expected=live[name].shape)
            if not np.all(np.isfinite(values)):
                raise ExportError(QT_TRANSLATE_NOOP("Errors", "The {format} file gives non-finite {name}; it was not "
                                                              "kept."), format=fmt, name=name)
            worst = max(worst, float(np.max(np.abs(values - live[name]))))
    if worst > TOLERANCE:
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "The {format} file does not reproduce the live model: its outputs "
                                                      "differ by up to {worst:.2g} (allowed {allowed:g}); it was not kept."),
                          format=fmt, worst=worst, allowed=TOLERANCE)
    return worst


def export_model(model: nn.Module, path: str | Path, fmt: str | None = None, source: str = "",
                 on_step: Callable[[str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write `model` to `path` in `fmt` (guessed from the suffix if None), checked before it is kept."""
    path = Path(path)
    fmt = fmt or format_for_path(path)
    if fmt not in FORMATS:
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "Unknown export format '{format}' for {name}: choose one of "
                                                      "{formats} (or a file name ending in {suffixes})."),
                          format=fmt, name=path.name, formats=", ".join(FORMATS), suffixes=", ".join(SUFFIXES.values()))
    if path.is_dir():
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "{path} is a folder; give a file name such as {example}."),
                          path=path, example=path / ("model" + SUFFIXES[fmt]))
    step = on_step or (lambda _text: None)

    def check_cancel() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled(QT_TRANSLATE_NOOP("Errors", "The export was cancelled; nothing was written."))

    start = time.perf_counter()
    model = model.to("cpu").eval()
    images = check_inputs()
    step("exporting")
    try:
        data = _WRITERS[fmt](model, source)
    except ExportError:
        raise
    except Exception as exc:
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "PyTorch could not export the network as {format} ({reason})."),
                          format=fmt, reason=f"{type(exc).__name__}: {exc}") from exc
    check_cancel()
    step("checking")
    differences: list[float] = []

    def check(tmp: Path) -> None:
        differences.append(verify_export(tmp, fmt, model, images))
        check_cancel()

    try:
        def write(handle: IO[bytes]) -> None:
            handle.write(data)

        atomic_save(path, write, check)
    except OSError as exc:
        raise ExportError(QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}."), path=path,
                          reason=exc.strerror or exc) from exc
    exporter = {"onnx": f"torch.onnx.export(dynamo=True), opset {ONNX_OPSET}", "pt2": "torch.export.export + save",
                "safetensors": "safetensors.torch.save", "state_dict": "torch.save(state_dict)"}[fmt]
    return ExportResult(path=path, format=fmt, size_bytes=path.stat().st_size, max_difference=differences[0],
                        checked_images=len(images), seconds=time.perf_counter() - start, exporter=exporter)


def model_from_state(state: dict[str, np.ndarray], name: str = "the loaded weights") -> NeuralNetwork:
    """A CPU `NeuralNetwork` from numpy copies of its parameters (what the window's worker hands out)."""
    from fashion_desktop.network.model import state_from_numpy

    model = NeuralNetwork()
    model.load_state_dict(state_from_numpy(state, name))
    return model.eval()
