"""The clean build environment: a venv with CPU-only torch and exactly what the app needs.

Why a venv of its own: PyInstaller bundles whatever the interpreter has. The machine's own
Python may have a CUDA torch (a 4–5 GB bundle), torchvision, test tools and more. Pinned versions
make two builds of one commit the same; the venv is reused while its requirements (and the Python
that made it) stay the same, so a CI rerun skips the ~1–2 minute install.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

TORCH_VERSION = "2.13.0"
# Runtime dependencies the installers leave out to keep the bundle within its size goal (700 MB); the
# frozen app says what is missing when it is asked for: ONNX export (onnx, onnxscript; the other export
# formats work) and t-SNE maps (openTSNE brings SciPy and scikit-learn, about 200 MB; PCA maps work).
NOT_BUNDLED = ("onnx", "onnxscript", "openTSNE")

PINNED = (
    "PySide6-Essentials==6.11.3",  # not 6.12.0: see pyproject.toml
    "pyqtgraph==0.14.0",
    "numpy==2.4.6",
    "pillow==13.0.0",
    "safetensors==0.8.0",
    "platformdirs==4.14.8",
    "threadpoolctl==3.8.0",
    "pyinstaller==6.22.3",
    "pyinstaller-hooks-contrib==2026.9",
    "setuptools>=77",  # to install the project itself with --no-build-isolation (pyproject's build-system)
)
STAMP = "fashion-desktop-build.json"


def torch_requirement(platform: str = sys.platform) -> str:
    """Linux wheels on PyPI are CUDA builds: ask for the `+cpu` local version explicitly there.

    PyPI's Windows and macOS wheels are already CPU-only (macOS: CPU + MPS).
    """
    return f"torch=={TORCH_VERSION}+cpu" if platform.startswith("linux") else f"torch=={TORCH_VERSION}"


def requirements(platform: str = sys.platform) -> list[str]:
    return [torch_requirement(platform), *PINNED]


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def fingerprint(reqs: list[str], base_python: str, extra_index: str | None) -> dict:
    """What the venv was made from; any change means a fresh venv."""
    return {"requirements": reqs, "python": base_python, "python_version": sys.version.split()[0],
            "torch_index": extra_index, "sha256": hashlib.sha256(
                json.dumps([reqs, base_python, extra_index]).encode()).hexdigest()}


def is_current(venv: Path, wanted: dict) -> bool:
    stamp = venv / STAMP
    if not stamp.is_file() or not venv_python(venv).exists():
        return False
    try:
        return json.loads(stamp.read_text(encoding="utf-8")).get("sha256") == wanted["sha256"]
    except (OSError, ValueError):
        return False


def create_commands(venv: Path, reqs: list[str], base_python: str, torch_index: str | None) -> list[list[str]]:
    """The commands that make the venv (run by build.py, each logged)."""
    python = str(venv_python(venv))
    install = [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input", *reqs]
    if torch_index:
        install += ["--extra-index-url", torch_index]
    return [[base_python, "-m", "venv", "--clear", str(venv)], install]


def write_stamp(venv: Path, wanted: dict) -> None:
    (venv / STAMP).write_text(json.dumps(wanted, indent=2), encoding="utf-8")


def remove(venv: Path) -> None:
    shutil.rmtree(venv, ignore_errors=True)
