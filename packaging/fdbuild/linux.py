"""The Linux installers: a .deb made with dpkg-deb, and a .tar.gz with an install script.

Layout of the .deb (Debian policy for a self-contained app):
  /opt/fashion-desktop/                       the PyInstaller onedir, untouched
  /usr/bin/fashion-desktop                    a two-line launcher (argv[0] stays "fashion-desktop")
  /usr/share/applications/<APP_ID>.desktop    named after the app id: Qt's setDesktopFileName(APP_ID)
                                              lets Wayland compositors find icon and name through it
  /usr/share/icons/hicolor/<N>x<N>/apps/<APP_ID>.png and scalable/apps/<APP_ID>.svg
No maintainer scripts: Debian's desktop-file-utils and hicolor-icon-theme packages carry dpkg
triggers that refresh the menu and icon caches when files land in those folders.

Depends: the libraries Qt loads from the OS (X11/xcb, Wayland, EGL/GL, fonts, D-Bus) — the bundle
leaves them out on purpose (fdbuild.rules) — checked against the bundle's real ELF dependencies by
`unresolved_dependencies`, so a new Qt needing a new library fails the build instead of the user.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
import tarfile
import time
from collections.abc import Iterable
from pathlib import Path

from fdbuild.config import DESCRIPTION, EXE_NAME, HOMEPAGE, IMAGE_TYPES, INSTALL_DIR, MAINTAINER, SUMMARY, AppMeta

# Alternatives ("a | b") cover Debian 12 and Ubuntu 24.04, which renamed some libraries for 64-bit time_t.
DEPENDS: tuple[str, ...] = (
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-render0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1",
    "libxcb-xfixes0", "libxcb-xkb1", "libxcb-util1", "libxcb1", "libx11-xcb1", "libx11-6",
    "libxkbcommon0", "libxkbcommon-x11-0",
    "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
    "libegl1", "libgl1", "libopengl0",
    "libfontconfig1", "libfreetype6", "libharfbuzz0b",
    "libxcb-glx0", "libglib2.0-0t64 | libglib2.0-0", "libdbus-1-3", "libgcc-s1", "zlib1g",
)  # plus libc6 and libstdc++6 with the minimum versions the bundle's symbols ask for (see versioned_depends)
# GLIBCXX_3.4.N symbol version → the GCC release whose libstdc++ first has it (Debian versions libstdc++6 by GCC)
_GLIBCXX_GCC = {25: "8", 26: "9", 27: "9", 28: "10", 29: "11", 30: "12", 31: "13", 32: "13.2", 33: "14", 34: "15"}
ESSENTIAL = {"libc6", "libc-bin"}  # always there; libc6 gets a version from the bundle's symbols
CATEGORIES = "Education;ArtificialIntelligence;"  # one main category, or menus list it twice


def desktop_entry(meta: AppMeta, exec_path: str = EXE_NAME) -> str:
    """The freedesktop .desktop file. `exec_path` is absolute for per-user installs from the .tar.gz."""
    mime = ";".join(m for m, _, _ in IMAGE_TYPES) + ";"
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.4\n"
        f"Name={meta.name}\n"
        "GenericName=Image Classifier\n"
        f"Comment={SUMMARY}\n"
        f"Exec={exec_path} %F\n"
        f"TryExec={exec_path}\n"
        f"Icon={meta.icon_name}\n"
        "Terminal=false\n"
        f"Categories={CATEGORIES}\n"
        f"MimeType={mime}\n"
        "Keywords=fashion;mnist;pytorch;neural;network;classifier;draw;\n"
        f"StartupWMClass={EXE_NAME}\n"
        "StartupNotify=true\n"
    )


def launcher_script() -> str:
    """/usr/bin/fashion-desktop: exec keeps the process name; a symlink would too, but a script
    survives tools that copy /usr/bin entries and makes the install location explicit."""
    return f'#!/bin/sh\nexec {INSTALL_DIR}/{EXE_NAME} "$@"\n'


def deb_architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()


# The window speaks Simplified Chinese (issue 15): without a CJK font its labels are boxes.
RECOMMENDS = ("fonts-noto-cjk",)


def control(meta: AppMeta, arch: str, installed_kib: int, depends: Iterable[str]) -> str:
    description = "\n".join(" " + (line if line.strip() else ".") for line in DESCRIPTION.splitlines())
    return (
        f"Package: {EXE_NAME}\n"
        f"Version: {meta.version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: science\n"
        "Priority: optional\n"
        f"Homepage: {HOMEPAGE}\n"
        f"Description: {SUMMARY}\n{description}\n"
    )


# ------------------------------------------------------------------ reading the bundle's ELF files

def elf_files(root: Path) -> list[Path]:
    """Every ELF file under root (executables, .so, plugins), symlinks skipped."""
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed_sonames(path: Path) -> list[str]:
    """DT_NEEDED entries of one ELF file (readelf -d)."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def max_symbol_versions(paths: Iterable[Path]) -> dict[str, int]:
    """The newest GLIBC_2.N and GLIBCXX_3.4.N any file asks for → {"glibc": N, "glibcxx": N}."""
    best = {"glibc": 17, "glibcxx": 0}
    pattern = re.compile(rb"(GLIBC_2|GLIBCXX_3\.4)\.(\d+)\x00")
    for path in paths:
        for match in pattern.finditer(path.read_bytes()):
            key = "glibc" if match.group(1) == b"GLIBC_2" else "glibcxx"
            best[key] = max(best[key], int(match.group(2)))
    return best


def versioned_depends(symbols: dict[str, int]) -> list[str]:
    """libc6 and libstdc++6 entries with the minimum versions the bundle's symbols need."""
    depends = [f"libc6 (>= 2.{symbols['glibc']})"]
    gcc = _GLIBCXX_GCC.get(symbols.get("glibcxx", 0))
    depends.append(f"libstdc++6 (>= {gcc})" if gcc else "libstdc++6")
    return depends


def prune_unreferenced_system_libs(binaries: list[tuple[str, str, str]],
                                   needed=None) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """Drop build-machine libraries that nothing kept in the bundle links to any more.

    Why: PyInstaller collects a plugin's dependencies before the spec trims the plugin (the GTK
    theme plugin drags in gdk-pixbuf, pango helpers, libpng…). Libraries from the Python packages
    and PyInstaller's own are roots; a top-level library from /usr or /lib stays only if a root
    reaches it through DT_NEEDED. Returns (kept TOC, dropped TOC entries).
    """
    needed = needed or (lambda src: needed_sonames(Path(src)))
    system_prefixes = ("/usr/lib", "/lib", "/usr/local/lib")
    by_name: dict[str, tuple[str, str, str]] = {}
    for entry in binaries:
        by_name[os.path.basename(entry[0])] = entry

    def is_system(entry) -> bool:
        dest, src, kind = entry
        return kind != "SYMLINK" and "/" not in dest.replace("\\", "/") and \
            os.path.realpath(src).startswith(system_prefixes)

    def target(entry):  # a SYMLINK entry's src is the link target inside the bundle
        return by_name.get(os.path.basename(entry[1]), entry) if entry[2] == "SYMLINK" else entry

    seen: set[str] = set()
    stack = [e for e in binaries if not is_system(e) and e[2] != "SYMLINK"]
    while stack:
        entry = target(stack.pop())
        if entry[0] in seen or entry[2] == "SYMLINK" or not os.path.isfile(entry[1]):
            continue
        seen.add(entry[0])
        stack.extend(by_name[name] for name in needed(entry[1]) if name in by_name)
    dropped = [e for e in binaries if is_system(e) and e[0] not in seen]
    gone = {e[0] for e in dropped}
    kept = [e for e in binaries if e[0] not in gone and not (e[2] == "SYMLINK" and os.path.basename(e[1]) in gone)]
    return kept, dropped


def system_library_packages(sonames: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """{soname: Debian package} for libraries found through ldconfig, and the sonames not found."""
    cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    locations: dict[str, str] = {}
    for line in cache.splitlines():
        match = re.match(r"\s*(\S+) \((?:libc6,x86-64|libc6,AArch64|libc6)[^)]*\) => (\S+)", line)
        if match:
            locations.setdefault(match.group(1), match.group(2))
    owners, unknown = {}, []
    for soname in sorted(set(sonames)):
        where = locations.get(soname)
        if where is None:
            unknown.append(soname)
            continue
        real = os.path.realpath(where)
        for candidate in dict.fromkeys((where, real, real.replace("/usr/lib/", "/lib/"),
                                        where.replace("/lib/", "/usr/lib/", 1))):
            done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if done.returncode == 0:
                owners[soname] = done.stdout.split(":", 1)[0].strip()
                break
        else:
            unknown.append(soname)
    return owners, unknown


def unresolved_dependencies(bundle: Path, depends: Iterable[str] = DEPENDS) -> dict:
    """Libraries the bundle needs from the OS that no Depends entry provides.

    Returns {"missing": {soname: package}, "unknown": [soname, …], "symbols": max_symbol_versions}. `unknown` are
    libraries this build machine does not have either (their package cannot be looked up here).
    """
    files = elf_files(bundle)
    shipped = {p.name for p in bundle.rglob("*")}
    wanted = {name for path in files for name in needed_sonames(path)} - shipped
    wanted = {n for n in wanted if not n.startswith(("ld-linux", "linux-vdso"))}
    owners, unknown = system_library_packages(wanted)
    declared = {alt.strip().split(" ", 1)[0] for dep in depends for alt in dep.split("|")}
    symbols = max_symbol_versions(files)
    declared |= {dep.split(" ", 1)[0] for dep in versioned_depends(symbols)}
    missing = {so: pkg for so, pkg in owners.items() if pkg not in declared and pkg not in ESSENTIAL}
    return {"missing": missing, "unknown": unknown, "symbols": symbols}


def strip_bundle(internal: Path, strip: str = "strip") -> tuple[int, list[str]]:
    """Strip debug symbols from the bundle's shared libraries; returns (bytes saved, skipped).

    Why not PyInstaller's strip=True: it strips everything, including the libraries auditwheel
    vendored into `numpy.libs/`, `pillow.libs/` — patchelf rewrote their program headers, and
    binutils' strip then writes files the loader rejects ("ELF load command address/offset not
    page-aligned"). Those stay as they are; everything else (libtorch_cpu.so alone loses ~90 MB of
    symbols) is stripped. The executable is never touched: its archive is appended after the ELF.
    """
    saved, skipped = 0, []
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or any(part.endswith(".libs") for part in path.parts):
            continue
        with open(path, "rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        before = path.stat().st_size
        done = subprocess.run([strip, "--strip-unneeded", "--preserve-dates", str(path)], capture_output=True)
        if done.returncode != 0:
            skipped.append(path.name)
            continue
        saved += before - path.stat().st_size
    return saved, skipped


# ------------------------------------------------------------------ writing the packages

def _copy_tree(bundle: Path, target: Path) -> None:
    shutil.copytree(bundle, target, symlinks=True)


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def install_icons(icons_dir: Path, share: Path, meta: AppMeta) -> None:
    """hicolor PNGs for every committed size, plus the scalable SVG, named after the icon theme name."""
    for png in icons_dir.glob("fashion-desktop-*.png"):
        size = png.stem.rsplit("-", 1)[-1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{meta.icon_name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, target)
    svg = icons_dir / "fashion-desktop.svg"
    if svg.is_file():
        target = share / "icons" / "hicolor" / "scalable" / "apps" / f"{meta.icon_name}.svg"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(svg, target)


def normalise_modes(root: Path) -> None:
    """Directories 755, executables 755, other files 644: what dpkg and lintian expect."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & stat.S_IXUSR
            path.chmod(0o755 if executable else 0o644)


def folder_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def build_deb(bundle: Path, icons_dir: Path, meta: AppMeta, work: Path, out_dir: Path,
              depends: Iterable[str] = DEPENDS, symbols: dict[str, int] | None = None,
              compress_level: int = 6) -> Path:
    """Stage the package tree under `work` and build `<out_dir>/fashion-desktop_<ver>_<arch>.deb`."""
    arch = deb_architecture()
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    _copy_tree(bundle, root / INSTALL_DIR.lstrip("/"))
    _write(root / "usr" / "bin" / EXE_NAME, launcher_script(), 0o755)
    share = root / "usr" / "share"
    _write(share / "applications" / f"{meta.app_id}.desktop", desktop_entry(meta))
    install_icons(icons_dir, share, meta)
    _write(share / "doc" / EXE_NAME / "copyright",
           f"{meta.name} {meta.version}\nLicense: MIT (the app); bundled libraries keep their own licences:\n"
           f"PyTorch (BSD-3-Clause), Qt and PySide6 (LGPL-3.0), pyqtgraph (MIT), NumPy (BSD-3-Clause),\n"
           f"Pillow (MIT-CMU), safetensors (Apache-2.0), Python (PSF-2.0).\n")
    normalise_modes(root)
    deps = (versioned_depends(symbols) if symbols else []) + list(depends)
    _write(root / "DEBIAN" / "control", control(meta, arch, folder_size(root) // 1024, deps))
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / f"{EXE_NAME}_{meta.version}_{arch}.deb"
    partial = final.with_name(final.name + ".partial")
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{compress_level}", "--build", str(root),
                    str(partial)], check=True, stdout=subprocess.DEVNULL)
    os.replace(partial, final)
    shutil.rmtree(root, ignore_errors=True)
    return final


def build_tarball(bundle: Path, icons_dir: Path, meta: AppMeta, install_script: Path, out_dir: Path,
                  machine: str, compress_level: int = 6) -> Path:
    """`<out_dir>/fashion-desktop-<ver>-linux-<machine>.tar.gz`: the onedir, install.sh, .desktop, icons."""
    top = f"{EXE_NAME}-{meta.version}-linux-{machine}"
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / f"{top}.tar.gz"
    partial = final.with_name(final.name + ".partial")

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        if info.isdir() or info.mode & stat.S_IXUSR:
            info.mode = 0o755
        elif info.isfile():
            info.mode = 0o644
        return info

    def add_text(tar: tarfile.TarFile, name: str, text: str) -> None:
        data = text.encode("utf-8")
        info = tarfile.TarInfo(f"{top}/{name}")
        info.size, info.mtime = len(data), int(time.time())
        tar.addfile(owned_by_root(info), io.BytesIO(data))

    with tarfile.open(partial, "w:gz", compresslevel=compress_level) as tar:
        tar.add(bundle, arcname=f"{top}/{EXE_NAME}", filter=owned_by_root)
        tar.add(install_script, arcname=f"{top}/install.sh", filter=owned_by_root)
        add_text(tar, f"share/applications/{meta.app_id}.desktop", desktop_entry(meta))
        staging = out_dir / f".{top}-icons"
        shutil.rmtree(staging, ignore_errors=True)
        install_icons(icons_dir, staging, meta)
        tar.add(staging / "icons", arcname=f"{top}/share/icons", filter=owned_by_root)
        shutil.rmtree(staging, ignore_errors=True)
        add_text(tar, "README.txt", tarball_readme(meta))
    os.replace(partial, final)
    return final


def tarball_readme(meta: AppMeta) -> str:
    return (
        f"{meta.name} {meta.version} for Linux\n\n"
        "Install for your user only (no root needed; menu entry, icon, ~/.local/bin/fashion-desktop):\n"
        "    ./install.sh\n"
        "Install for everyone under /opt (asks for sudo):\n"
        "    ./install.sh --system\n"
        "Remove again:\n"
        "    ./install.sh --uninstall          (or --uninstall --system)\n"
        "Or run it in place without installing:\n"
        f"    ./{EXE_NAME}/{EXE_NAME}\n\n"
        "Qt needs the desktop libraries of your distribution; on Debian/Ubuntu:\n"
        "    sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3\n"
    )
