"""The README's list of Debian/Ubuntu packages is what Qt's X11 plugin really links against.

A newcomer copies that apt-get line and expects the window to open; a missing library shows up
only as "Could not load the Qt platform plugin xcb". So the list is checked against the plugin:
every shared library that libqxcb.so and the Qt libraries it loads ask for (their ELF NEEDED
entries) must come from a package the README names, apart from the base system every install has.
"""

from __future__ import annotations

import functools
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASE_SYSTEM = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1"}  # essential: on every Debian/Ubuntu
QT_LIBS = ("plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6", "lib/libQt6Gui.so.6", "lib/libQt6Core.so.6",
           "lib/libQt6Widgets.so.6", "lib/libQt6DBus.so.6", "lib/libQt6OpenGL.so.6")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("dpkg") is None,
                                reason="the README's apt-get line is for Debian/Ubuntu")


def readme_packages() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- qt-libraries -->.*?apt-get install -y ([^`\n]+)", text, re.S)
    assert match, "README: the apt-get line for Qt's libraries (after <!-- qt-libraries -->) is missing"
    return set(match.group(1).split())


def elf_needed(path: Path) -> list[str]:
    """The NEEDED entries of a 64-bit little-endian ELF library's dynamic section (what `objdump -p` lists).

    Read here rather than through objdump, so that the README's test command needs no binutils.
    """
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, f"{path} is not a 64-bit little-endian ELF file"
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    # (type, offset, size, link) of every section header
    sections = [struct.unpack_from("<4xI16xQQI", data, shoff + i * shentsize) for i in range(shnum)]
    names = []
    for kind, offset, size, link in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][1]
        for entry in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, entry)
            if tag == 0:  # DT_NULL ends the table
                break
            if tag == 1:  # DT_NEEDED: an offset into the dynamic string table
                start = strings + value
                names.append(data[start : data.index(b"\0", start)].decode())
    return names


@functools.cache
def needed_sonames() -> frozenset[str]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    names: set[str] = set()
    for lib in QT_LIBS:
        names.update(elf_needed(qt / lib))
    bundled = {p.name for p in (qt / "lib").iterdir()}
    return frozenset(n for n in names if n not in bundled and not n.startswith("ld-linux"))


@functools.cache
def _linker_cache() -> str:
    return subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout


@functools.cache
def package_of(soname: str) -> str:
    cache = _linker_cache()
    match = re.search(rf"^\s*{re.escape(soname)} \(.*?\) => (\S+)$", cache, re.M)
    assert match, f"{soname} is not installed on this machine, so the window could not open here either"
    given = Path(match.group(1))
    real = given.resolve()
    # Merged-/usr systems: dpkg knows a file under /lib or /usr/lib, whichever its package used.
    variants = {given, real} | {Path(str(p).removeprefix("/usr")) for p in (given, real)} \
        | {Path("/usr" + str(p)) for p in (given, real) if not str(p).startswith("/usr")}
    for candidate in sorted(variants):
        owner = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":")[0]
    path = real
    pytest.fail(f"no Debian package owns {path} ({soname})")


def test_the_readme_names_every_library_the_xcb_plugin_needs():
    listed = readme_packages()
    missing = {}
    for soname in sorted(needed_sonames()):
        package = package_of(soname)
        if package not in listed | BASE_SYSTEM:
            missing[soname] = package
    assert not missing, f"add these packages to the README's apt-get line: {missing}"


def test_the_readme_names_no_package_that_is_not_needed():
    needed = {package_of(s) for s in needed_sonames()}
    assert readme_packages() - needed == set(), "the README lists packages Qt does not need"


def test_the_plugins_dependencies_are_read_from_the_file_itself():
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    needed = elf_needed(plugin)
    assert {"libxcb.so.1", "libxcb-cursor.so.0", "libxkbcommon-x11.so.0"} <= set(needed)
    assert all(name.startswith("lib") and ".so" in name for name in needed)
