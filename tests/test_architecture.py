"""The boundaries a reader relies on, checked by tools: layers and no Qt in the core (import-linter),
style (ruff) and types in the core (mypy). The settings and contracts live in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is not installed: pip install -e '.[test]'")
    return subprocess.run([tool, *args], cwd=ROOT, capture_output=True, text=True, timeout=900)


def test_import_contracts_are_kept():
    done = _run("lint-imports", "--no-cache")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_ruff_is_clean():
    done = _run("ruff", "check", ".")
    assert done.returncode == 0, done.stdout[-4000:]


@pytest.mark.slow
def test_mypy_is_clean_on_the_core():
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-4000:]
