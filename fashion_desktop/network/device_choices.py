"""The devices a person can ask for, as plain data: one list for the CLI, the core and the window.

Why a module of its own: `device.py` needs torch to find out which devices exist, but the window
builds its Device menu and the Train panel's device box at start-up, before the worker has
imported torch. This module imports nothing heavy, so both read the same names and labels.

The labels are English source text marked for Qt's `lupdate` with `QT_TRANSLATE_NOOP` (a local
no-op of the same name, so the core imports no Qt); the window shows them through
`QCoreApplication.translate(CONTEXT, label)`. The `&` marks the menu's keyboard shortcut;
`plain_label` drops it for lists that have none.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
from dataclasses import dataclass
from pathlib import Path

CONTEXT = "DeviceChoices"  # the translation context of the labels below
DEVICE_ENV = "FASHION_DESKTOP_DEVICE"  # the device to use when no --device is given


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without importing Qt (lupdate looks for this name)."""
    return text


@dataclass(frozen=True)
class DeviceKind:
    """One entry of the device list: what to pass to `choose_device`, and how to show it."""

    name: str  # "auto", "cpu", "cuda", "mps"
    label: str  # English, with an & before the menu shortcut
    accelerator: bool  # a GPU: present only on some computers

    @property
    def plain_label(self) -> str:
        """The label without its shortcut marker, for combo boxes and plain text."""
        return self.label.replace("&", "")


DEVICE_KINDS: tuple[DeviceKind, ...] = (
    DeviceKind("auto", QT_TRANSLATE_NOOP("DeviceChoices", "&Auto (CUDA, else MPS, else CPU)"), False),
    DeviceKind("cpu", QT_TRANSLATE_NOOP("DeviceChoices", "&CPU"), False),
    DeviceKind("cuda", QT_TRANSLATE_NOOP("DeviceChoices", "C&UDA (NVIDIA GPU)"), True),
    DeviceKind("mps", QT_TRANSLATE_NOOP("DeviceChoices", "&MPS (Apple GPU)"), True),
)

CHOICES: tuple[str, ...] = tuple(kind.name for kind in DEVICE_KINDS)
# What --device accepts, as its error lists them: the list above; CUDA also takes a GPU number.
DEVICE_NAMES = tuple(name for kind in CHOICES for name in ((kind, f"{kind}:N") if kind == "cuda" else (kind,)))
_DEVICE_NAME = re.compile("|".join(rf"{kind}(:\d+)?" if kind == "cuda" else kind for kind in CHOICES))


def device_name(text: str) -> str:
    """An argparse type for --device (the commands' and the window's): checked for spelling only.

    A name that is not a device at all is a usage error; a real device that this machine lacks
    (cuda without a GPU) is not: the model falls back to the CPU and says so (`choose_device`).
    """
    from fashion_desktop import i18n

    name = text.strip().lower()
    if not _DEVICE_NAME.fullmatch(name):
        raise argparse.ArgumentTypeError(i18n.translate(
            "Cli", "'{text}' is not a device; choose one of {names}").format(text=text, names=", ".join(DEVICE_NAMES)))
    return name


def requested_device(requested: str | None = None) -> str:
    """What was asked for: the argument, else $FASHION_DESKTOP_DEVICE, else "auto" (as `choose_device` reads it)."""
    return (requested or os.environ.get(DEVICE_ENV) or "auto").strip().lower()


def accelerator_may_exist() -> bool:
    """Could torch find a GPU here? Answered without importing torch, erring towards yes.

    Used to skip `import torch` where the CPU is the device anyway: "auto" only picks CUDA where
    the NVIDIA (or ROCm) driver is installed, and MPS only on Apple silicon. A wrong "yes" only
    costs the torch import; a "no" is given only where torch could not find a GPU either.
    """
    if sys.platform == "darwin":
        return platform.machine() == "arm64"
    if sys.platform.startswith("linux"):
        return any(Path(p).exists() for p in ("/proc/driver/nvidia/version", "/dev/nvidia0", "/dev/nvidiactl",
                                              "/dev/kfd", "/dev/dxg"))
    if sys.platform == "win32":
        system = Path(os.environ.get("SystemRoot", r"C:\Windows")) / "System32"
        return (system / "nvcuda.dll").exists() or (system / "amdhip64.dll").exists()
    return True


def cpu_is_the_device(requested: str | None = None) -> bool:
    """True when the CPU will run the network for this request ("cpu", or "auto" without any GPU)."""
    asked = requested_device(requested)
    return asked == "cpu" or (asked == "auto" and not accelerator_may_exist())
