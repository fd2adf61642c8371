"""One way to find the files the app ships (weights, model card, samples, icons), wherever it runs.

The top-level `resources/` folder of a checkout is their one source. Three ways the app runs:
- a PyInstaller bundle: packaging/fdbuild/bundle_resources.py puts them in `sys._MEIPASS/resources`;
- a source checkout (also `pip install -e .`): `resources/` beside the package, where training writes;
- an installed wheel (`pip install .`, `python -m build`): setup.py and pyproject.toml map
  `resources/` into the package as `fashion_desktop/_resources`.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGED = "_resources"  # the folder inside the installed package (pyproject.toml's package-dir)


def resource_dir() -> Path:
    """The folder holding the shipped files (it may lack some: callers say what is missing)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package = Path(__file__).resolve().parent
    checkout = package.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources").is_dir():
        return checkout / "resources"  # never a stray site-packages/resources of another project
    return package / PACKAGED


def resource_path(*parts: str) -> Path:
    """Path of a bundled file, e.g. `resource_path("model_weights.pth")`."""
    return resource_dir().joinpath(*parts)


DEFAULT_WEIGHTS = "model_weights.pth"
MODEL_CARD_JSON = "model_card.json"
MODEL_CARD_MD = "MODEL_CARD.md"
SAMPLES_DIR = "samples"
