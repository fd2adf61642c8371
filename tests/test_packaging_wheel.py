"""A wheel that works: built from a copy of the checkout, it carries the weights, model card, samples,
icons and py.typed, installs into a fresh virtual environment without -e, and that install passes
`fashion-desktop --self-test` run from outside any checkout, so the source tree cannot stand in.

The slow test reuses this interpreter's torch and Qt (`--system-site-packages`, `--no-deps`): torch is
gigabytes, and what is under test is our package, not pip's resolver.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
sys.path.insert(0, str(ROOT / "packaging"))

from fdbuild import bundle_resources, venv  # noqa: E402

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGED = "fashion_desktop/_resources"
IGNORE = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".venv", ".pytest_cache",
                                ".hypothesis", ".ruff_cache", ".mypy_cache")


def _name(requirement: str) -> str:
    for stop in "<>=!~[; ":
        requirement = requirement.split(stop)[0]
    return requirement.lower().replace("_", "-")


# ------------------------------------------------------------------ fast: the lists agree


def test_the_wheel_ships_the_same_resource_files_as_the_pyinstaller_bundle():
    data = PYPROJECT["tool"]["setuptools"]["package-data"]["fashion_desktop._resources"]
    assert sorted(data) == sorted([bundle_resources.WEIGHTS, bundle_resources.CARD, *bundle_resources.OPTIONAL,
                                   *bundle_resources.GLOBS])
    assert PYPROJECT["tool"]["setuptools"]["package-dir"]["fashion_desktop._resources"] == "resources"


def test_the_build_venv_pins_every_runtime_dependency():
    """build.py installs the app with --no-deps, so a dependency missing here is missing from the bundle."""
    pinned = {_name(r) for r in venv.requirements("linux")}
    left_out = {_name(r) for r in venv.NOT_BUNDLED}  # said in venv.py why, and the app says what is missing
    for requirement in PYPROJECT["project"]["dependencies"]:
        assert _name(requirement) in pinned | left_out, requirement
    assert not pinned & left_out


def test_installed_resources_are_found_in_the_package_not_a_stray_folder(tmp_path):
    """Installed, the package has no pyproject.toml beside it: a `resources/` there belongs to someone else."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "fashion_desktop", site / "fashion_desktop", ignore=IGNORE)
    (site / "resources").mkdir()  # another project's folder in the same site-packages
    code = "import fashion_desktop.resources as r; print(r.resource_dir())"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == site / "fashion_desktop" / "_resources"


def test_metadata_is_complete():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT" and (ROOT / "LICENSE").is_file()
    assert {"Homepage", "Source", "Issues"} <= set(project["urls"])
    assert "Typing :: Typed" in project["classifiers"] and project["keywords"]
    assert (ROOT / "fashion_desktop" / "py.typed").is_file()


# ------------------------------------------------------------------ slow: build, install, run


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """`python -m build` (an sdist, then the wheel from it) on a clean copy of the checkout.

    A copy, because setuptools keeps build/lib between runs: a module deleted from the source
    would linger in the next wheel built in place.
    """
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=IGNORE)
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(work / "dist"),
                           str(source)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    wheels = list((work / "dist").glob("*.whl"))
    sdists = list((work / "dist").glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1
    return work, wheels[0]


@pytest.mark.slow
def test_the_wheel_carries_everything_the_app_reads(built):
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        weights = archive.read(f"{PACKAGED}/model_weights.pth")
        metadata = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    assert weights == (RESOURCES / "model_weights.pth").read_bytes()
    card = json.loads((RESOURCES / "model_card.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(weights).hexdigest() in json.dumps(card)  # the loader checks the file against its card
    for name in ("model_card.json", "MODEL_CARD.md"):
        assert f"{PACKAGED}/{name}" in names

    def shipped(folder: str) -> set[str]:
        return {n.rsplit("/", 1)[1] for n in names if n.startswith(f"{PACKAGED}/{folder}/")}

    samples = {p.name for p in (RESOURCES / "samples").glob("*.png")}
    assert len(samples) == 20 and shipped("samples") == samples  # two per class
    icons = {p.name for p in (RESOURCES / "icons").iterdir() if p.suffix in (".png", ".svg")}
    assert icons and shipped("icons") == icons
    catalogues = {p.name for p in (RESOURCES / "translations").glob("*.qm")}
    assert "fashion_desktop_zh_CN.qm" in catalogues and shipped("translations") == catalogues  # issue 15
    maps = {p.name for p in (RESOURCES / "maps").glob("*.npz")}
    assert maps and shipped("maps") == maps  # the Map view's first map (issue 16)
    assert "fashion_desktop/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in metadata and "Project-URL: Source," in metadata
    assert "Classifier: Typing :: Typed" in metadata
    assert not any(n.startswith(("tests/", "packaging/", "resources/", "docs/")) for n in names)


@pytest.mark.slow
def test_the_installed_wheel_passes_its_self_test_outside_the_checkout(built):
    work, wheel = built
    env_dir = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(env_dir)], check=True, timeout=300)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    # --ignore-installed: this interpreter's editable install (visible through --system-site-packages)
    # must not count as "already satisfied", or the venv would run the checkout instead of the wheel.
    install = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed",
                              "--disable-pip-version-check", str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stdout + install.stderr

    outside = work / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "HOME": str(outside), "XDG_CONFIG_HOME": str(outside / "config"),
            "FASHION_DESKTOP_APP_DATA": str(outside / "data")}
    where = subprocess.run([str(python), "-c", "import fashion_desktop.resources as r; print(r.resource_dir())"],
                           cwd=outside, env=env, capture_output=True, text=True, timeout=60)
    assert where.returncode == 0, where.stderr
    folder = Path(where.stdout.strip())
    assert folder.name == "_resources" and env_dir in folder.parents, folder  # the venv's copy, not the checkout

    done = subprocess.run([str(bin_dir / "fashion-desktop"), "--self-test", "--device", "cpu"], cwd=outside, env=env,
                          capture_output=True, text=True, timeout=600)
    verdicts = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and verdicts, done.stdout[-3000:] + done.stderr[-3000:]
    verdict = json.loads(verdicts[-1])
    assert verdict["ok"] and verdict["samples"] == 20, verdict["summary"]
    assert verdict["model"]["shipped_weights"] and env_dir in Path(verdict["model"]["weights"]).parents
