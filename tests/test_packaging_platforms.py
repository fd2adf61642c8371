"""Windows and macOS packaging pieces that can be checked on Linux, and the generated icons.

What needs the real OS (Inno Setup, codesign, notarytool) is listed in packaging/README.md.
"""

from __future__ import annotations

import ast
import plistlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))  # the build helpers live beside build.py, not in the app

from fdbuild import config, macos, windows  # noqa: E402

META = config.app_metadata()

# ------------------------------------------------------------------ Windows

def test_vc_runtime_picks_the_newest_copy():
    versions = {"qt/msvcp140.dll": (14, 26, 1, 0), "sys/msvcp140.dll": (14, 44, 35211, 0),
                "qt/vcruntime140.dll": (14, 26, 0, 0), "sys/vcruntime140.dll": (14, 44, 0, 0)}
    toc = [("PySide6/msvcp140.dll", "qt/msvcp140.dll", "BINARY"),
           ("PySide6/vcruntime140.dll", "qt/vcruntime140.dll", "BINARY")]
    candidates = windows.runtime_candidates(toc)
    candidates["msvcp140.dll"].append("sys/msvcp140.dll")
    candidates["vcruntime140.dll"].append("sys/vcruntime140.dll")
    chosen = windows.vc_runtime_replacements(candidates, versions.get)
    assert chosen == {"msvcp140.dll": "sys/msvcp140.dll", "vcruntime140.dll": "sys/vcruntime140.dll"}
    result = windows.apply_replacements(toc, chosen)
    assert ("PySide6/msvcp140.dll", "sys/msvcp140.dll", "BINARY") in result  # Qt's copy replaced
    assert ("msvcp140.dll", "sys/msvcp140.dll", "BINARY") in result  # and one at the root for the hook


def test_vc_runtime_older_than_14_40_stops_the_build():
    with pytest.raises(RuntimeError, match="WinError 1114"):
        windows.vc_runtime_replacements({"msvcp140.dll": ["a"]}, lambda _: (14, 36, 0, 0))


def test_windows_version_resource_is_well_formed():
    text = windows.version_file_text(META, "fashion-desktop")
    ast.parse(text)
    assert f"'ProductVersion', '{META.version}'" in text and str(META.numeric_version) in text


def test_inno_setup_script_covers_the_issue():
    iss = (ROOT / "packaging" / "windows" / "fashion_desktop.iss").read_text(encoding="utf-8")
    for needed in ("PrivilegesRequired=lowest", "[InstallDelete]", '"{app}\\_internal"', "Name: \"desktopicon\"",
                   "{autoprograms}", "ChangesAssociations=yes", "OpenWithProgids", "SetupIconFile="):
        assert needed in iss, needed
    for _mime, extensions, _uti in config.IMAGE_TYPES:
        for ext in extensions:
            assert f'Software\\Classes\\.{ext}\\OpenWithProgids' in iss, ext
            assert f'ValueName: ".{ext}"' in iss, ext


def test_runtime_hook_is_a_no_op_off_windows():
    hook = ROOT / "packaging" / "hooks" / "rth_vc_runtime.py"
    subprocess.run([sys.executable, str(hook)], check=True)

# ------------------------------------------------------------------ macOS

def test_info_plist_declares_images_and_hidpi():
    info = macos.info_plist(META)
    plistlib.dumps(info)  # serialisable
    assert info["CFBundleIdentifier"] == META.app_id and info["NSHighResolutionCapable"] is True
    types = info["CFBundleDocumentTypes"][0]
    assert {"public.png", "public.jpeg"} <= set(types["LSItemContentTypes"]) and types["CFBundleTypeRole"] == "Viewer"

# ------------------------------------------------------------------ icons

def test_ico_and_icns_are_generated_from_the_project_icons(tmp_path):
    from PIL import Image

    from fdbuild.icons import ICO_SIZES, make_icons

    made = make_icons(ROOT / "resources" / "icons", tmp_path)
    with Image.open(made["ico"]) as ico:
        assert {(s, s) for s in ICO_SIZES} <= set(ico.info["sizes"])
    with Image.open(made["icns"]) as icns:
        icns.load()
        assert icns.size[0] >= 512
