"""The Windows .ico and macOS .icns, generated from the project's SVG and PNG icons.

Why generated and not committed: they are derived files; making them in the build keeps them in
step with `resources/icons/` (the SVG is the source, the PNGs its rendered sizes). The hand-tuned
PNGs are used where a size exists; larger sizes (.icns wants up to 1024 px) are rendered from the
SVG with QtSvg when it is available, else scaled up from the largest PNG.

Run inside the build venv (it needs Pillow): `python packaging/fdbuild/icons.py OUT_DIR`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
BASENAME = "fashion-desktop"


def png_sizes(folder: Path) -> dict[int, Path]:
    """{size: path} of the committed `fashion-desktop-<size>.png` files."""
    found = {}
    for path in folder.glob(f"{BASENAME}-*.png"):
        match = re.fullmatch(rf"{BASENAME}-(\d+)\.png", path.name)
        if match:
            found[int(match.group(1))] = path
    return found


def render_svg(svg: Path, size: int):
    """The SVG as a size×size Pillow image through QtSvg, or None when Qt is not importable."""
    try:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QBuffer, QIODevice, Qt
        from PySide6.QtGui import QGuiApplication, QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer
    except ImportError:
        return None
    from io import BytesIO

    from PIL import Image

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        return None
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(BytesIO(bytes(buffer.data()))).convert("RGBA")


def images_for(folder: Path, sizes: tuple[int, ...]) -> dict:
    """A Pillow RGBA image per size: committed PNG, else the SVG rendered, else the largest PNG scaled."""
    from PIL import Image

    pngs = png_sizes(folder)
    if not pngs:
        raise FileNotFoundError(f"no {BASENAME}-<size>.png icons in {folder}")
    largest = Image.open(pngs[max(pngs)]).convert("RGBA")
    images = {}
    for size in sizes:
        if size in pngs:
            images[size] = Image.open(pngs[size]).convert("RGBA")
            continue
        rendered = render_svg(folder / f"{BASENAME}.svg", size)
        images[size] = rendered if rendered is not None else largest.resize((size, size), Image.Resampling.LANCZOS)
    return images


def make_icons(icons_dir: Path, out: Path) -> dict[str, Path]:
    """Write `fashion-desktop.ico` and `fashion-desktop.icns` into `out`; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    ico_images = images_for(icons_dir, ICO_SIZES)
    ico = out / f"{BASENAME}.ico"
    biggest = ico_images[max(ico_images)]
    biggest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[ico_images[s] for s in ICO_SIZES if s != max(ico_images)])
    icns_images = images_for(icons_dir, ICNS_SIZES)
    icns = out / f"{BASENAME}.icns"
    icns_images[1024].save(icns, format="ICNS", append_images=[icns_images[s] for s in ICNS_SIZES if s != 1024])
    return {"ico": ico, "icns": icns}


if __name__ == "__main__":
    repo = Path(__file__).resolve().parents[2]
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else repo / "build" / "icons"
    for kind, path in make_icons(repo / "resources" / "icons", target).items():
        print(f"{kind}: {path} ({path.stat().st_size:,} bytes)")
