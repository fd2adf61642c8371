"""Names, paths and the one version, shared by the build script, the spec and the installers.

The version, app name and app id are read from `fashion_desktop/__init__.py` with `ast`, so the
interpreter that starts the build does not need the project (or torch, or Qt) importable, and
there is exactly one place to change the version.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
RESOURCES = REPO / "resources"
BUILD = REPO / "build"
DIST = REPO / "dist"

EXE_NAME = "fashion-desktop"  # the executable, the Debian package, /usr/bin launcher, /opt folder
INSTALL_DIR = "/opt/fashion-desktop"  # where the .deb puts the onedir
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
MAINTAINER = "Fashion Desktop maintainers <fashion-desktop@users.noreply.github.com>"
HOMEPAGE = "https://github.com/fashion-desktop/fashion-desktop"
SUMMARY = "Draw a garment and watch a Fashion-MNIST network classify it, live"
DESCRIPTION = (
    "Fashion Desktop opens the network from PyTorch's \"Build the Neural Network\" tutorial,\n"
    "trained on Fashion-MNIST, and shows what it thinks of a drawing or a photo while you\n"
    "draw: class probabilities, every layer's output and the parameters. Runs offline."
)
# The image types the app opens (Pillow decodes them); used by .desktop, Info.plist and Inno Setup.
IMAGE_TYPES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("image/png", ("png",), "public.png"),
    ("image/jpeg", ("jpg", "jpeg"), "public.jpeg"),
    ("image/bmp", ("bmp",), "com.microsoft.bmp"),
    ("image/gif", ("gif",), "com.compuserve.gif"),
    ("image/webp", ("webp",), "org.webmproject.webp"),
    ("image/tiff", ("tif", "tiff"), "public.tiff"),
    ("image/x-portable-pixmap", ("ppm",), "public.pbm"),
    ("image/x-portable-graymap", ("pgm",), "public.pbm"),
)


@dataclass(frozen=True)
class AppMeta:
    """What installers say about the app; all of it comes from `fashion_desktop/__init__.py`."""

    version: str
    name: str
    app_id: str

    @property
    def icon_name(self) -> str:
        """The freedesktop icon theme name: the app id, as the .desktop file is named after it."""
        return self.app_id

    @property
    def numeric_version(self) -> tuple[int, int, int, int]:
        """Four integers for Windows version resources ("0.1.0rc1" → (0, 1, 0, 0))."""
        parts = [int(m.group(1)) if (m := re.match(r"(\d+)", piece)) else 0 for piece in self.version.split(".")[:4]]
        return tuple((parts + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def app_metadata(init_file: Path | None = None) -> AppMeta:
    """Read __version__, APP_NAME and APP_ID from the package without importing it."""
    init_file = init_file or REPO / "fashion_desktop" / "__init__.py"
    values: dict[str, str] = {}
    for node in ast.parse(init_file.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    values[target.id] = node.value.value
    missing = [k for k in ("__version__", "APP_NAME", "APP_ID") if k not in values]
    if missing:
        raise RuntimeError(f"{init_file} does not define {', '.join(missing)}")
    return AppMeta(values["__version__"], values["APP_NAME"], values["APP_ID"])


def platform_tag(platform: str = sys.platform) -> str:
    """'linux', 'windows' or 'macos': which installers a build on this OS makes."""
    if platform.startswith("linux"):
        return "linux"
    if platform in ("win32", "cygwin"):
        return "windows"
    if platform == "darwin":
        return "macos"
    raise RuntimeError(f"no installers are made for {platform}")
