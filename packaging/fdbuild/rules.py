"""What the bundle leaves out, as data: Python modules, and file patterns with the reason for each.

Why here and not inline in the spec: the rules are the part of packaging most likely to go wrong
(too little trimmed: a 900 MB bundle; too much: a crash on someone else's machine), so they are
plain data that tests read, the spec applies, and the build reports on (bytes dropped per reason).

Patterns match the path inside the bundle with `/` separators, case-insensitively (Windows).
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Iterable

# Modules that must never be frozen. torchvision: PyPI's build does not import beside the CPU torch
# wheel, and the app does not use it (dataset/download.py fetches Fashion-MNIST itself). The rest
# are pulled in by torch's compiler stack (inductor: networkx, jinja2), by PyInstaller's view of
# setuptools, or are Qt bindings and Qt modules the window does not use. sympy and mpmath stay: the
# Train panel creates a torch optimizer, whose __init__ imports torch._dynamo, which imports sympy
# (torch 2.14: torch/_compile.py → torch/fx/experimental/symbolic_shapes.py).
PYTHON_EXCLUDES = (
    "torchvision", "torchaudio", "tensorboard", "triton",
    "networkx", "jinja2", "markupsafe",
    "setuptools", "pkg_resources", "distutils", "pip", "wheel",
    "tkinter", "_tkinter", "IPython", "matplotlib", "pandas", "scipy", "OpenGL", "pytest", "hypothesis",
    "PyQt5", "PyQt6", "PySide2", "pyqtgraph.opengl", "pyqtgraph.jupyter", "pyqtgraph.examples",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtSql",
    "PySide6.QtPrintSupport", "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtHelp",
    "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtSvgWidgets",
)

# Qt modules pyqtgraph and the window need at run time (pyqtgraph imports these four on start).
QT_MODULES_KEPT = ("QtCore", "QtGui", "QtWidgets", "QtOpenGL", "QtOpenGLWidgets", "QtSvg", "QtTest", "QtDBus")

_COMMON: tuple[tuple[str, str], ...] = (
    # torch: its C++ test suite, test binaries and libraries built only for tests, headers, build files
    ("torch/test/*", "torch tests"),
    ("torch/bin/*", "torch test binaries and tools"),  # test_*, *StoreTest, protoc; torch_shm_manager is re-kept
    ("torch/lib/*jitbackend_test*", "torch tests"),
    ("torch/lib/*torchbind_test*", "torch tests"),
    ("torch/lib/*backend_with_compiler*", "torch tests"),
    ("torch/lib/*aoti_custom_ops*", "torch tests"),
    ("torch/include/*", "headers"),
    ("torch/share/cmake/*", "headers"),
    ("*.h", "headers"), ("*.hpp", "headers"), ("*.cuh", "headers"), ("*.cpp", "headers"),
    ("*.pyi", "type stubs"),
    ("*.lib", "link-time libraries"),
    ("torch/_inductor/*.jinja", "torch compiler templates"),
    ("torch/utils/model_dump/*", "torch compiler templates"),
    # Qt: translations other than Qt's own widgets (the app loads qtbase_*.qm only)
    ("pyside6/qt/translations/*", "Qt translations"),
    ("pyside6/translations/*", "Qt translations"),
    # Qt plugins for modules or platforms the desktop app never uses
    ("*/plugins/tls/*", "Qt plugins"),
    ("*/plugins/networkinformation/*", "Qt plugins"),
    ("*/plugins/sqldrivers/*", "Qt plugins"),
    ("*/plugins/qmltooling/*", "Qt plugins"),
    ("*/plugins/multimedia/*", "Qt plugins"),
    ("*/plugins/position/*", "Qt plugins"),
    ("*/plugins/egldeviceintegrations/*", "Qt plugins"),
    ("*/plugins/generic/*", "Qt plugins"),
    ("*/plugins/platforms/*eglfs*", "Qt plugins"),
    ("*/plugins/platforms/*linuxfb*", "Qt plugins"),
    ("*/plugins/platforms/*minimalegl*", "Qt plugins"),
    ("*/plugins/platforms/*vkkhrdisplay*", "Qt plugins"),
    ("*/plugins/platforms/*vnc*", "Qt plugins"),
    ("*/plugins/platforms/*direct2d*", "Qt plugins"),
    ("*/plugins/platformthemes/*gtk3*", "Qt plugins"),  # needs GTK at run time; the portal theme stays
    ("*/plugins/wayland-graphics-integration-client/*vulkan*", "Qt plugins"),
    ("*qt6network*", "Qt libraries"), ("*qtnetwork*", "Qt libraries"),
    ("*qt6eglfs*", "Qt libraries"), ("*qt6pdf*", "Qt libraries"), ("*qt6qml*", "Qt libraries"),
    ("*qt6quick*", "Qt libraries"), ("*qt6virtualkeyboard*", "Qt libraries"),
    ("*opengl32sw.dll", "Qt software OpenGL"),  # 20 MB Mesa fallback for Windows without GPU drivers
)

# Libraries that must come from the Linux desktop itself: the X11/Wayland/GL/EGL/font/D-Bus stack
# has to match the running display server and drivers, so a copy from the build machine is at best
# dead weight and at worst a crash. The .deb declares them in Depends (see linux.DEPENDS).
_LINUX_SYSTEM: tuple[str, ...] = (
    "libx11*", "libx11-xcb*", "libxau*", "libxdmcp*", "libxext*", "libxrender*", "libxi.*", "libxfixes*",
    "libxcb*", "libxkbcommon*", "libsm.*", "libice.*",
    "libwayland-*", "libdecor*",
    "libegl.*", "libgl.*", "libglx*", "libgldispatch*", "libopengl*", "libgbm*", "libdrm*", "libvulkan*",
    "libfontconfig*", "libfreetype*", "libharfbuzz*", "libpng16*", "libbrotli*", "libgraphite2*",
    "libglib-2.0*", "libgobject-2.0*", "libgio-2.0*", "libgmodule-2.0*", "libgthread-2.0*", "libpcre2-8*",
    "libdbus-1*", "libsystemd*", "libgcrypt*", "libgpg-error*", "liblz4*", "libcap.*",
    "libmount*", "libblkid*", "libselinux*", "libudev*",
    "libcairo*", "libpixman*", "libgtk-3*", "libgdk-3*", "libpango*", "libatk*",
    "libkrb5*", "libk5crypto*", "libgssapi*", "libcom_err*", "libkeyutils*",
    # the C++ runtime must be the system's: Mesa's GL drivers need its newest symbols, and an older
    # bundled copy loaded first breaks them on newer distributions (Depends: libstdc++6 (>= …))
    "libstdc++.so*", "libgcc_s.so*",
)
KEPT: tuple[str, ...] = ("torch/bin/torch_shm_manager*", "pyside6/qt/translations/qtbase_*.qm",
                         "pyside6/translations/qtbase_*.qm")


def excluded_patterns(platform: str = sys.platform) -> list[tuple[str, str]]:
    """(pattern, reason) pairs for this platform."""
    patterns = list(_COMMON)
    if platform.startswith("linux"):
        patterns += [(p, "Linux desktop libraries (from the OS; see Depends)") for p in _LINUX_SYSTEM]
    return patterns


def exclusion_reason(dest: str, platform: str = sys.platform) -> str | None:
    """Why `dest` (a path inside the bundle) is left out, or None when it stays."""
    name = dest.replace("\\", "/").lower()
    base = name.rsplit("/", 1)[-1]
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in KEPT):
        return None
    for pattern, reason in excluded_patterns(platform):
        top_level_lib = reason.startswith("Linux desktop") and "/" not in name
        if fnmatch.fnmatchcase(name, pattern) or (top_level_lib and fnmatch.fnmatchcase(base, pattern)):
            return reason
    return None


def trim(toc: Iterable[tuple[str, str, str]], platform: str = sys.platform,
         size_of=None) -> tuple[list[tuple[str, str, str]], dict[str, list[int]]]:
    """Split a PyInstaller TOC into what stays and a {reason: [files, bytes]} report of what went."""
    import os

    size_of = size_of or (lambda path: os.path.getsize(path) if path and os.path.isfile(path) else 0)
    kept, report = [], {}
    for entry in toc:
        reason = exclusion_reason(entry[0], platform)
        if reason is None:
            kept.append(entry)
        else:
            counts = report.setdefault(reason, [0, 0])
            counts[0] += 1
            counts[1] += size_of(entry[1])
    return kept, report
