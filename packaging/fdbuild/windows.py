"""Windows specifics: the .exe's version resource, the VC++ runtime fix, and finding Inno Setup.

The WinError 1114 problem: torch >= 2.9 needs msvcp140.dll 14.40 or newer. PySide6 wheels carry
their own, older msvcp140.dll, and Windows loads a DLL name only once per process: if Qt is
imported first, its old copy wins and `import torch` later fails with "WinError 1114: A dynamic
link library (DLL) initialization routine failed" (c10.dll). The window imports Qt first on purpose
(it appears before torch loads), so the bundle must carry one current runtime and load it first:

1. at build time `vc_runtime_replacements` finds the newest copy of each VC++ runtime DLL (the
   system's, installed by the VC++ 2015-2022 redistributable, or torch's), refuses to build if
   msvcp140.dll is older than 14.40, and the spec puts that copy at the bundle root and over every
   other copy in the bundle (PySide6's included);
2. at run time `packaging/hooks/rth_vc_runtime.py` loads those root copies by full path before any
   Qt or torch DLL, so every later load of the name resolves to them.
Set FASHION_DESKTOP_TORCH_FIRST=1 to also import torch before Qt (slower start; a diagnostic switch).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from fdbuild.config import AppMeta

MIN_MSVCP = (14, 40)
VC_RUNTIME_DLLS = ("msvcp140.dll", "msvcp140_1.dll", "msvcp140_2.dll", "msvcp140_atomic_wait.dll",
                   "msvcp140_codecvt_ids.dll", "vcruntime140.dll", "vcruntime140_1.dll", "concrt140.dll")


def pe_file_version(path: str | os.PathLike[str]) -> tuple[int, int, int, int] | None:
    """A DLL's FileVersion from its VS_FIXEDFILEINFO (pefile ships with PyInstaller on Windows)."""
    try:
        import pefile
    except ImportError:
        return None
    try:
        pe = pefile.PE(str(path), fast_load=True)
        pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
        info = pe.VS_FIXEDFILEINFO[0]
    except Exception:  # not a PE file, or no version resource
        return None
    high, low = info.FileVersionMS, info.FileVersionLS
    return (high >> 16, high & 0xFFFF, low >> 16, low & 0xFFFF)


def runtime_candidates(toc: Iterable[tuple[str, str, str]], extra_dirs: Iterable[str | os.PathLike[str]] = ()
                       ) -> dict[str, list[str]]:
    """{dll name: [source paths]} from the PyInstaller binaries and the given folders (System32)."""
    found: dict[str, list[str]] = {}
    for dest, src, _kind in toc:
        name = os.path.basename(dest).lower()
        if name in VC_RUNTIME_DLLS:
            found.setdefault(name, []).append(src)
    for folder in extra_dirs:
        for name in VC_RUNTIME_DLLS:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                found.setdefault(name, []).append(path)
    return found


def vc_runtime_replacements(candidates: dict[str, list[str]],
                            version_of: Callable[[str], tuple[int, ...] | None] = pe_file_version
                            ) -> dict[str, str]:
    """{dll name: newest source path}; raises when msvcp140.dll < 14.40 (torch would fail to load)."""
    chosen: dict[str, str] = {}
    versions: dict[str, tuple[int, ...]] = {}
    for name, paths in candidates.items():
        ranked = sorted(((version_of(p) or (0,), p) for p in paths), reverse=True)
        versions[name], chosen[name] = ranked[0]
    if "msvcp140.dll" in chosen and tuple(versions["msvcp140.dll"][:2]) < MIN_MSVCP:
        raise RuntimeError(
            f"The newest msvcp140.dll found is {'.'.join(map(str, versions['msvcp140.dll']))} "
            f"({chosen['msvcp140.dll']}); torch needs 14.40 or newer or it fails with WinError 1114. "
            "Install the current Microsoft Visual C++ 2015-2022 Redistributable (x64) on the build "
            "machine (https://aka.ms/vs/17/release/vc_redist.x64.exe) and build again.")
    return chosen


def apply_replacements(toc: list[tuple[str, str, str]], chosen: dict[str, str]) -> list[tuple[str, str, str]]:
    """Every copy of a runtime DLL in the TOC gets the chosen source; one copy lands at the root."""
    result, at_root = [], set()
    for dest, src, kind in toc:
        name = os.path.basename(dest).lower()
        if name in chosen:
            src = chosen[name]
            if os.path.dirname(dest) in ("", "."):
                at_root.add(name)
        result.append((dest, src, kind))
    result += [(name, src, "BINARY") for name, src in chosen.items() if name not in at_root]
    return result


def version_file_text(meta: AppMeta, exe_name: str) -> str:
    """A PyInstaller version-resource file: Explorer's Details tab and installers read it."""
    numbers = meta.numeric_version
    strings = {
        "CompanyName": "Fashion Desktop", "FileDescription": meta.name, "FileVersion": meta.version,
        "InternalName": exe_name, "LegalCopyright": "MIT License", "OriginalFilename": f"{exe_name}.exe",
        "ProductName": meta.name, "ProductVersion": meta.version,
    }
    entries = ",\n            ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
            {entries}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def find_iscc() -> Path | None:
    """Inno Setup's command-line compiler, from PATH or its default install folders."""
    import shutil

    found = shutil.which("iscc")
    if found:
        return Path(found)
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles"),
                 os.path.expandvars(r"%LOCALAPPDATA%\Programs")):
        if base:
            for version in ("Inno Setup 6", "Inno Setup 7"):
                path = Path(base) / version / "ISCC.exe"
                if path.is_file():
                    return path
    return None


def system32() -> str:
    return os.path.join(os.environ.get("SystemRoot", r"C:\Windows"), "System32")
