"""The app icon, from the bundled SVG plus PNGs for platforms and sizes where SVG is not used."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from fashion_desktop.resources import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resource_path("icons")
    svg = folder / "fashion-desktop.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    for size in ICON_SIZES:
        png = folder / f"fashion-desktop-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    return icon
