"""macOS specifics: the .app's Info.plist and the .dmg.

Signing and notarizing need an Apple Developer ID and run on a Mac; packaging/README.md has the
commands (codesign with the hardened runtime, `xcrun notarytool submit --wait`, `xcrun stapler`).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from fdbuild.config import IMAGE_TYPES, AppMeta

MINIMUM_MACOS = "12.0"  # torch's macOS arm64 wheels need macOS 12 or newer


def info_plist(meta: AppMeta) -> dict:
    """Keys merged into PyInstaller's Info.plist: image document types (Finder's "Open With"), HiDPI."""
    utis = sorted({uti for _, _, uti in IMAGE_TYPES})
    return {
        "CFBundleName": meta.name,
        "CFBundleDisplayName": meta.name,
        "CFBundleIdentifier": meta.app_id,
        "CFBundleShortVersionString": meta.version,
        "CFBundleVersion": meta.version,
        "CFBundleDocumentTypes": [{
            "CFBundleTypeName": "Image",
            "CFBundleTypeRole": "Viewer",
            "LSHandlerRank": "Alternate",  # offered in "Open With", never steals the default viewer
            "LSItemContentTypes": utis,
            "CFBundleTypeExtensions": sorted({ext for _, exts, _ in IMAGE_TYPES for ext in exts}),
        }],
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow dark mode
        "LSMinimumSystemVersion": MINIMUM_MACOS,
        "LSApplicationCategoryType": "public.app-category.education",
        "NSHumanReadableCopyright": "MIT License",
    }


def make_dmg(app: Path, meta: AppMeta, out_dir: Path, machine: str) -> Path:
    """A compressed .dmg holding the .app and a link to /Applications (hdiutil, macOS only)."""
    import shutil
    import tempfile

    out = out_dir / f"FashionDesktop-{meta.version}-macos-{machine}.dmg"
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp) / meta.name
        stage.mkdir()
        shutil.copytree(app, stage / app.name, symlinks=True)
        (stage / "Applications").symlink_to("/Applications")
        out.unlink(missing_ok=True)
        subprocess.run(["hdiutil", "create", "-volname", f"{meta.name} {meta.version}", "-srcfolder", str(stage),
                        "-fs", "HFS+", "-format", "UDZO", "-ov", str(out)], check=True)
    return out
