"""The core must not pull in Qt: it runs in the CLI, notebooks and tests without a display."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import fashion_desktop


def test_core_modules_import_no_qt():
    # The window is Qt by design, and so are the measurements that drive it (gui/probe/); the bench,
    # which runs them as child processes, is not.
    qt_side = ("fashion_desktop.gui",)
    core = [m.name for m in pkgutil.walk_packages(fashion_desktop.__path__, "fashion_desktop.")
            if not m.name.startswith(qt_side)]
    assert "fashion_desktop.network.inference" in core and "fashion_desktop.images.preprocess" in core
    assert "fashion_desktop.bench.run" in core and "fashion_desktop.measure.memory" in core
    code = (
        "import sys, importlib\n"
        f"for name in {core!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6', 'pyqtgraph'))\n"
        "assert not bad, bad\n"
        "assert 'torchvision' not in sys.modules, 'torchvision is slow to import and not needed by the core'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_package_import_is_light():
    code = "import sys, fashion_desktop, fashion_desktop.classes; assert 'torch' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
