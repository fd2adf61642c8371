"""The boundaries a reader relies on, checked by tools: layers and no Qt in the core (import-linter),
style (ruff) and types in the core (mypy). The settings and contracts live in pyproject.toml."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted((ROOT / "fashion_desktop").rglob("*.py"))
MAX_LINES = 400  # "small modules (< ~400 lines) with one job each" (the developers' guide)


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


def test_every_module_is_small_and_says_why_it_exists():
    """A reader opening any file, package __init__ included, first learns what it is for."""
    assert len(MODULES) > 100
    too_long, silent = [], []
    for path in MODULES:
        source = path.read_text(encoding="utf-8")
        if len(source.splitlines()) > MAX_LINES:
            too_long.append(f"{path.relative_to(ROOT)}: {len(source.splitlines())} lines")
        if not (ast.get_docstring(ast.parse(source)) or "").strip():
            silent.append(str(path.relative_to(ROOT)))
    assert not too_long, f"split these into modules of one job each (at most {MAX_LINES} lines): {too_long}"
    assert not silent, f"these open with no docstring: {silent}"


def test_the_readme_layout_names_every_module_and_package():
    """The README's Layout section is the map a newcomer reads first: it may not leave a file out."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("```", 2)[1]
    missing = [str(path.relative_to(ROOT)) for path in MODULES
               if path.name != "__init__.py" and path.name not in layout]
    missing += [f"{folder.relative_to(ROOT)}/" for folder in (ROOT / "fashion_desktop").rglob("*")
                if (folder / "__init__.py").is_file() and f"{folder.name}/" not in layout]
    assert not missing, f"add these to the README's Layout section: {missing}"
