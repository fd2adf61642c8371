"""One way to find bundled files, from a source checkout and from a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """The `resources/` folder: next to the package in source, under `_MEIPASS` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled file, e.g. `resource_path("model_weights.pth")`."""
    return resource_dir().joinpath(*parts)


DEFAULT_WEIGHTS = "model_weights.pth"
MODEL_CARD_JSON = "model_card.json"
MODEL_CARD_MD = "MODEL_CARD.md"
SAMPLES_DIR = "samples"
