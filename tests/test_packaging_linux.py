"""The Linux installers: .desktop file, .deb layout and Depends, the .tar.gz and its install script.

Built from a stand-in bundle (a shell script as the app) so they run in seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))  # the build helpers live beside build.py, not in the app

from fdbuild import config, linux  # noqa: E402

META = config.app_metadata()

# ------------------------------------------------------------------ Linux desktop integration

def test_desktop_entry_has_what_the_issue_asks_for():
    entry = linux.desktop_entry(META)
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Exec"] == "fashion-desktop %F"
    assert fields["Icon"] == META.app_id and "/" not in fields["Icon"]  # a theme name, not a path
    assert fields["Categories"].endswith(";") and "Education" in fields["Categories"]
    assert {"image/png", "image/jpeg"} <= set(fields["MimeType"].strip(";").split(";"))
    assert fields["StartupWMClass"] == "fashion-desktop"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
@pytest.mark.parametrize("exec_path", ["fashion-desktop", "/home/someone/.local/bin/fashion-desktop"])
def test_desktop_entry_validates(tmp_path, exec_path):
    path = tmp_path / f"{META.app_id}.desktop"
    path.write_text(linux.desktop_entry(META, exec_path), encoding="utf-8")
    done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_gui_sets_the_desktop_file_name_to_the_app_id():
    """Wayland compositors find the .desktop file (icon, name) through this; it names the file."""
    source = (ROOT / "fashion_desktop" / "gui" / "application.py").read_text(encoding="utf-8")  # create_application
    assert "setDesktopFileName(APP_ID)" in source


def test_depends_names_the_qt_libraries():
    names = {alt.strip() for dep in linux.DEPENDS for alt in dep.split("|")}
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libwayland-client0", "libfontconfig1"} <= names


def test_control_file_fields():
    text = linux.control(META, "amd64", 1234, ["libc6 (>= 2.28)", *linux.DEPENDS])
    assert f"Version: {META.version}\n" in text and "Installed-Size: 1234\n" in text
    assert "Depends: libc6 (>= 2.28), libxcb-cursor0," in text
    description = text.split("Description: ", 1)[1].splitlines()
    assert all(line.startswith(" ") for line in description[1:])  # continuation lines are indented

# ------------------------------------------------------------------ packages from a stand-in bundle

@pytest.fixture
def fake_bundle(tmp_path):
    bundle = tmp_path / "bundle" / "fashion-desktop"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "fashion-desktop"
    exe.write_text("#!/bin/sh\necho frozen-app \"$@\"\n")
    exe.chmod(0o755)
    (bundle / "_internal" / "data.txt").write_text("x")
    return bundle


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed")
def test_deb_layout(fake_bundle, tmp_path):
    deb = linux.build_deb(fake_bundle, ROOT / "resources" / "icons", META, tmp_path / "work", tmp_path / "dist",
                          symbols={"glibc": 28, "glibcxx": 29})
    assert deb.name == f"fashion-desktop_{META.version}_{linux.deb_architecture()}.deb"
    info = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version", "Depends"], capture_output=True,
                          text=True, check=True).stdout
    assert f"Version: {META.version}" in info and "libxcb-cursor0" in info
    assert "libc6 (>= 2.28)" in info and "libstdc++6 (>= 11)" in info
    root = tmp_path / "x"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    launcher = root / "usr" / "bin" / "fashion-desktop"
    assert os.access(launcher, os.X_OK) and "/opt/fashion-desktop/fashion-desktop" in launcher.read_text()
    assert (root / "opt" / "fashion-desktop" / "_internal" / "data.txt").is_file()
    assert (root / "usr" / "share" / "applications" / f"{META.app_id}.desktop").is_file()
    assert (root / "usr" / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{META.app_id}.png").is_file()
    assert (root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{META.app_id}.svg").is_file()
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    assert all(" root/root " in line for line in listing.splitlines())


def test_tarball_installs_and_uninstalls_per_user(fake_bundle, tmp_path):
    tarball = linux.build_tarball(fake_bundle, ROOT / "resources" / "icons", META,
                                  ROOT / "packaging" / "linux" / "install.sh", tmp_path / "dist", "x86_64")
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar" if hasattr(tarfile, "data_filter") else None)
    top = tmp_path / "unpacked" / f"fashion-desktop-{META.version}-linux-x86_64"
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    subprocess.run(["sh", str(top / "install.sh")], env=env, check=True, capture_output=True)
    launcher = home / ".local" / "bin" / "fashion-desktop"
    assert subprocess.run([str(launcher), "--x"], capture_output=True, text=True).stdout.strip() == "frozen-app --x"
    desktop = home / ".local" / "share" / "applications" / f"{META.app_id}.desktop"
    assert f"Exec={launcher} %F" in desktop.read_text()
    assert (home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{META.app_id}.png").is_file()
    # an upgrade replaces the folder: a file only the old version had is gone
    stale = home / ".local" / "opt" / "fashion-desktop" / "_internal" / "stale.so"
    stale.write_text("old")
    subprocess.run(["sh", str(top / "install.sh")], env=env, check=True, capture_output=True)
    assert not stale.exists()
    subprocess.run(["sh", str(top / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True)
    assert not launcher.exists() and not desktop.exists()
    assert not (home / ".local" / "opt" / "fashion-desktop").exists()


def test_unreferenced_system_libraries_are_pruned(tmp_path, monkeypatch):
    """A trimmed plugin's dependencies go too; what a kept library links to stays."""
    files = {}
    for name in ("qt.so", "gtkdep.so", "libz.so.1", "pyd.so"):
        files[name] = tmp_path / name
        files[name].write_bytes(b"\x7fELF")
    links = {str(files["qt.so"]): ["libz.so.1"], str(files["pyd.so"]): [], str(files["libz.so.1"]): [],
             str(files["gtkdep.so"]): []}
    toc = [("PySide6/Qt/lib/qt.so", str(files["qt.so"]), "BINARY"),
           ("mod.so", str(files["pyd.so"]), "EXTENSION"),
           ("libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "BINARY"),
           ("libgdk_pixbuf-2.0.so.0", "/usr/lib/x86_64-linux-gnu/libgdk_pixbuf-2.0.so.0", "BINARY")]
    real = {"/usr/lib/x86_64-linux-gnu/libz.so.1": str(files["libz.so.1"]),
            "/usr/lib/x86_64-linux-gnu/libgdk_pixbuf-2.0.so.0": str(files["gtkdep.so"])}
    isfile = os.path.isfile
    monkeypatch.setattr(os.path, "isfile", lambda p: p in real or isfile(p))  # stand-ins for system files
    kept, dropped = linux.prune_unreferenced_system_libs(toc, needed=lambda src: links.get(real.get(src, src), []))
    assert [e[0] for e in dropped] == ["libgdk_pixbuf-2.0.so.0"]
    assert [e[0] for e in kept] == ["PySide6/Qt/lib/qt.so", "mod.so", "libz.so.1"]


def test_versioned_depends_follow_the_symbols():
    assert linux.versioned_depends({"glibc": 28, "glibcxx": 29}) == ["libc6 (>= 2.28)", "libstdc++6 (>= 11)"]
    assert linux.versioned_depends({"glibc": 17, "glibcxx": 0}) == ["libc6 (>= 2.17)", "libstdc++6"]
