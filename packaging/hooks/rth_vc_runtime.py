"""PyInstaller runtime hook (Windows): load the bundle's current VC++ runtime before Qt or torch.

Why: PySide6 carries an msvcp140.dll older than the 14.40 that torch >= 2.9 needs. Windows loads
a DLL name once per process, so whichever copy loads first serves everyone; if it is Qt's old one,
`import torch` fails with WinError 1114. Loading the bundle root's copy (chosen at build time as
the newest available, see packaging/fdbuild/windows.py) by full path here, before main.py runs,
makes every later load of the name resolve to it. It costs a few milliseconds, so the window can
still appear before torch is imported. FASHION_DESKTOP_TORCH_FIRST=1 additionally imports torch
before Qt, as a diagnostic fallback.
"""

import os
import sys

if sys.platform == "win32":
    import ctypes

    _root = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
    _loaded = []  # keep the handles referenced for the life of the process
    for _name in ("vcruntime140.dll", "vcruntime140_1.dll", "msvcp140.dll", "msvcp140_1.dll", "msvcp140_2.dll"):
        _path = os.path.join(_root, _name)
        if os.path.isfile(_path):
            try:
                _loaded.append(ctypes.WinDLL(_path))
            except OSError:
                pass  # torch's own import will then report the real problem
    if os.environ.get("FASHION_DESKTOP_TORCH_FIRST") == "1":
        import torch  # noqa: F401
