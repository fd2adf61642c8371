"""What the installer build bundles: one version, the trimming rules, the resources, the venv.

Checked without building anything (a build takes minutes); .ci/run proves the bundle works.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))  # the build helpers live beside build.py, not in the app

from fdbuild import bundle_resources, config, rules, venv  # noqa: E402

META = config.app_metadata()

# ------------------------------------------------------------------ one version, one place

def test_metadata_comes_from_the_package():
    import fashion_desktop

    assert (META.version, META.name, META.app_id) == (fashion_desktop.__version__, fashion_desktop.APP_NAME,
                                                      fashion_desktop.APP_ID)
    assert META.numeric_version[:3] == tuple(int(p) for p in fashion_desktop.__version__.split(".")[:3])


def test_no_packaging_file_hard_codes_the_version():
    import fashion_desktop

    for path in [*(ROOT / "packaging").rglob("*.py"), *(ROOT / "packaging").rglob("*.spec"),
                 *(ROOT / "packaging").rglob("*.iss")]:
        assert f'"{fashion_desktop.__version__}"' not in path.read_text(encoding="utf-8"), path

# ------------------------------------------------------------------ trimming

@pytest.mark.parametrize("dest, platform", [
    ("torch/test/test_api", "linux"),
    ("torch/bin/test_jit", "linux"),
    ("torch/bin/TCPStoreTest", "linux"),
    ("torch/include/ATen/ATen.h", "linux"),
    ("torch/lib/libtorchbind_test.so", "linux"),
    ("torch/lib/torchbind_test.dll", "win32"),
    ("torch/lib/torch_cpu.lib", "win32"),
    ("PySide6/Qt/translations/qt_de.qm", "linux"),
    ("PySide6/translations/qtdeclarative_fr.qm", "win32"),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "linux"),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "linux"),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux"),
    ("PySide6/Qt/lib/libQt6Network.so.6", "linux"),
    ("PySide6/opengl32sw.dll", "win32"),
    ("libX11.so.6", "linux"),
    ("libxcb-cursor.so.0", "linux"),
    ("libglib-2.0.so.0", "linux"),
    ("libfontconfig.so.1", "linux"),
])
def test_trimmed(dest, platform):
    assert rules.exclusion_reason(dest, platform) is not None


@pytest.mark.parametrize("dest, platform", [
    ("torch/lib/libtorch_cpu.so", "linux"),
    ("torch/lib/libgomp.so.1", "linux"),
    ("torch/bin/torch_shm_manager", "linux"),
    ("torch/_C.cpython-311-x86_64-linux-gnu.so", "linux"),
    ("PySide6/Qt/lib/libQt6OpenGL.so.6", "linux"),
    ("PySide6/Qt/lib/libQt6OpenGLWidgets.so.6", "linux"),
    ("PySide6/Qt/lib/libQt6Svg.so.6", "linux"),
    ("PySide6/Qt/lib/libQt6Test.so.6", "linux"),
    ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "linux"),
    ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "linux"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux"),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux"),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux"),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "linux"),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", "linux"),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "linux"),
    ("PySide6/Qt/translations/qtbase_de.qm", "linux"),
    ("PySide6/translations/qtbase_fr.qm", "win32"),
    ("PySide6/plugins/platforms/qwindows.dll", "win32"),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", "win32"),
    ("PySide6/Qt6Core.dll", "win32"),
    ("libX11.so.6", "win32"),
    ("libpython3.11.so.1.0", "linux"),
    ("libffi.so.8", "linux"),
    ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", "linux"),
    ("resources/model_weights.pth", "linux"),
])
def test_kept(dest, platform):
    assert rules.exclusion_reason(dest, platform) is None


def test_python_excludes_keep_what_pyqtgraph_needs():
    assert "torchvision" in rules.PYTHON_EXCLUDES
    for module in rules.QT_MODULES_KEPT:
        assert f"PySide6.{module}" not in rules.PYTHON_EXCLUDES
    assert {"QtOpenGL", "QtOpenGLWidgets", "QtSvg", "QtTest"} <= set(rules.QT_MODULES_KEPT)


def test_trim_reports_what_went():
    toc = [("torch/test/a", "/x/a", "DATA"), ("torch/lib/libc10.so", "/x/b", "BINARY")]
    kept, report = rules.trim(toc, "linux", size_of=lambda _: 10)
    assert kept == [toc[1]] and report == {"torch tests": [1, 10]}


# ------------------------------------------------------------------ resources

def test_resources_plan_needs_the_weights(tmp_path):
    with pytest.raises(bundle_resources.MissingResource, match="model_weights.pth"):
        bundle_resources.plan(tmp_path)


def _resources(folder: Path, card_sha256: str | None = "") -> Path:
    (folder / "icons").mkdir()
    (folder / "samples").mkdir()
    for name in ("model_weights.pth", "icons/a.svg", "icons/a-16.png", "samples/0-x-1.png",
                 "checkpoint.pth", "samples/notes.txt"):
        (folder / name).write_bytes(b"x")
    if card_sha256 is not None:
        digest = card_sha256 or hashlib.sha256(b"x").hexdigest()
        (folder / "model_card.json").write_text(json.dumps({"weights": {"sha256": digest}}))
    return folder


def test_resources_plan_lists_only_what_the_app_reads(tmp_path):
    plan = bundle_resources.plan(_resources(tmp_path))
    shipped = {(Path(src).relative_to(tmp_path).as_posix(), dest) for src, dest in plan.datas}
    assert shipped == {("model_weights.pth", "resources"), ("model_card.json", "resources"),
                       ("icons/a.svg", "resources/icons"), ("icons/a-16.png", "resources/icons"),
                       ("samples/0-x-1.png", "resources/samples")}
    assert any("MODEL_CARD.md" in w for w in plan.warnings)


def test_resources_plan_needs_samples(tmp_path):
    """The installer's self-test classifies the samples; a bundle without any would prove nothing."""
    _resources(tmp_path)
    (tmp_path / "samples" / "0-x-1.png").unlink()
    with pytest.raises(bundle_resources.MissingResource, match="samples"):
        bundle_resources.plan(tmp_path)


@pytest.mark.parametrize("card_sha256, message", [(None, "is missing"), ("ab" * 32, "is for other weights")])
def test_resources_plan_needs_the_weights_own_card(tmp_path, card_sha256, message):
    """The app refuses shipped weights without a card that names their checksum: so does the build."""
    with pytest.raises(bundle_resources.MissingResource, match=message):
        bundle_resources.plan(_resources(tmp_path, card_sha256))


def test_the_real_resources_plan():
    """What the next build will bundle: the shipped weights with their matching card, and samples."""
    plan = bundle_resources.plan(config.RESOURCES)
    names = {Path(src).name for src, _dest in plan.datas}
    assert {"model_weights.pth", "model_card.json"} <= names
    assert sum(dest == "resources/samples" for _src, dest in plan.datas) >= 10


# ------------------------------------------------------------------ the build venv

def test_torch_is_cpu_only_on_linux_and_pinned_everywhere():
    assert venv.requirements("linux")[0] == f"torch=={venv.TORCH_VERSION}+cpu"
    assert venv.requirements("win32")[0] == f"torch=={venv.TORCH_VERSION}"
    reqs = venv.requirements("linux")
    assert not any(r.lower().startswith("torchvision") for r in reqs)
    for needed in ("pyside6-essentials", "pyqtgraph", "pillow", "numpy", "safetensors", "pyinstaller"):
        assert any(r.lower().startswith(needed) for r in reqs), needed


def test_venv_is_rebuilt_when_requirements_change(tmp_path):
    first = venv.fingerprint(["a==1"], "python3", None)
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "python").write_text("")
    (tmp_path / "Scripts").mkdir()
    (tmp_path / "Scripts" / "python.exe").write_text("")
    venv.write_stamp(tmp_path, first)
    assert venv.is_current(tmp_path, first)
    assert not venv.is_current(tmp_path, venv.fingerprint(["a==2"], "python3", None))
    assert not venv.is_current(tmp_path, venv.fingerprint(["a==1"], "python3", "https://example.invalid"))
