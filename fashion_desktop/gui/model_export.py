"""Model ▸ Export…: write the loaded network as ONNX, .pt2, safetensors or a state_dict, off the GUI thread.

What is exported is what the worker reports as loaded (`ModelInfo.state`, numpy copies of the
parameters): the shipped weights, weights trained in the app, or a file opened with Model ▸ Open
weights. The core (`network/export.py`) writes the file, reads it back and checks it against a CPU
copy of the model before keeping it; a refused export leaves nothing behind and the window says why.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, Signal

FILTERS = (  # (format, suffix, filter text)
    ("onnx", ".onnx", "ONNX (*.onnx)"),
    ("pt2", ".pt2", "PyTorch program, torch.export (*.pt2)"),
    ("safetensors", ".safetensors", "safetensors (*.safetensors)"),
    ("state_dict", ".pth", "PyTorch state_dict (*.pth *.pt)"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ModelExport", text)


def filter_strings() -> list[str]:
    return [_tr(text) for _fmt, _suffix, text in FILTERS]


def format_for(path: str, chosen_filter: str) -> tuple[str, str]:
    """(format, path with its suffix): the suffix typed wins, else the filter chosen in the dialog."""
    from_suffix = {".onnx": "onnx", ".pt2": "pt2", ".safetensors": "safetensors", ".pth": "state_dict",
                   ".pt": "state_dict"}.get(Path(path).suffix.lower())
    if from_suffix:
        return from_suffix, path
    for (fmt, suffix, _text), shown in zip(FILTERS, filter_strings()):
        if shown == chosen_filter:
            return fmt, path + suffix
    return "onnx", path + ".onnx"


class ModelExportThread(QThread):
    """Runs one export; `step` says which phase, then `succeeded(ExportResult)` or `failed(str)`/`cancelled`."""

    step = Signal(str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, state: dict, path: str | Path, fmt: str, source: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("ModelExportThread")
        self.state, self.path, self.fmt, self.source = state, Path(path), fmt, source
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    stop = cancel

    def run(self) -> None:
        try:
            from fashion_desktop.network.export import (
                ExportCancelled,
                export_model,
                model_from_state,
            )

            model = model_from_state(self.state)
            result = export_model(model, self.path, self.fmt, source=self.source, on_step=self.step.emit,
                                  cancelled=self._cancel.is_set)
        except ExportCancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - FashionDesktopError or a bug: either way the window says it
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.succeeded.emit(result)
