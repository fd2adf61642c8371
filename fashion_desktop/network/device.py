"""Choosing where the model runs: cuda, else mps, else cpu, as the tutorial does; overridable.

An absent or failing device never stops the app: it falls back to the CPU and says why.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import torch

from fashion_desktop.i18n import translate
from fashion_desktop.network.device_choices import CHOICES, DEVICE_ENV

__all__ = ["CHOICES", "DEVICE_ENV", "DeviceChoice", "DeviceInfo", "auto_device", "available_devices",
           "choose_device", "configure_cpu_threads"]


@dataclass(frozen=True)
class DeviceInfo:
    """One device the user may pick, and why it is unavailable when it is."""

    name: str  # "cpu", "cuda", "mps"
    available: bool
    description: str  # e.g. "NVIDIA H100" or "CPU (2 threads)"
    reason: str = ""  # why unavailable


@dataclass(frozen=True)
class DeviceChoice:
    """The device in use and, when it is not what was asked for, a notice saying why."""

    device: torch.device
    requested: str
    notice: str = ""


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend and backend.is_available())


def available_devices() -> list[DeviceInfo]:
    """Every device kind with availability, for menus and `summary`."""
    threads = torch.get_num_threads()
    cpu = (translate("Devices", "CPU (1 thread)") if threads == 1
           else translate("Devices", "CPU ({count} threads)").format(count=threads))
    devices = [DeviceInfo("cpu", True, cpu)]
    if torch.cuda.is_available():
        devices.append(DeviceInfo("cuda", True, torch.cuda.get_device_name(0)))
    elif torch.version.cuda is None:
        devices.append(DeviceInfo("cuda", False, "CUDA",
                                  translate("Devices", "this PyTorch build has no CUDA support")))
    else:
        devices.append(DeviceInfo("cuda", False, "CUDA", translate("Devices", "no NVIDIA GPU or driver was found")))
    if _mps_available():
        devices.append(DeviceInfo("mps", True, "Apple GPU (MPS)"))
    else:
        devices.append(DeviceInfo("mps", False, "MPS", translate("Devices", "only on Apple silicon Macs")))
    return devices


def auto_device() -> torch.device:
    """The tutorial's rule: cuda if available, else mps, else cpu."""
    if torch.cuda.is_available():
        return torch.device("cuda")
    if _mps_available():
        return torch.device("mps")
    return torch.device("cpu")


def choose_device(requested: str | None = None) -> DeviceChoice:
    """Resolve a request (argument, else $FASHION_DESKTOP_DEVICE, else auto) to a usable device."""
    asked = (requested or os.environ.get(DEVICE_ENV) or "auto").strip().lower()
    if asked == "auto":
        return DeviceChoice(auto_device(), asked)
    kind = asked.split(":", 1)[0]
    if kind not in CHOICES:
        return DeviceChoice(torch.device("cpu"), asked, translate(
            "Devices", "Unknown device '{asked}' (choose one of {names}); using the CPU.").format(
            asked=asked, names=", ".join(CHOICES)))
    info = next(d for d in available_devices() if d.name == kind)
    if not info.available:
        return DeviceChoice(torch.device("cpu"), asked, translate(
            "Devices", "{device} is not available ({reason}); using the CPU.").format(
            device=info.description, reason=info.reason))
    try:
        device = torch.device(asked)
        if device.type == "cuda" and device.index is not None and device.index >= torch.cuda.device_count():
            raise RuntimeError(f"there are only {torch.cuda.device_count()} CUDA devices")
        torch.zeros(1, device=device)  # touch it: a broken driver fails here, not mid-drawing
    except (RuntimeError, AssertionError) as exc:
        return DeviceChoice(torch.device("cpu"), asked, translate(
            "Devices", "Device '{asked}' failed ({reason}); using the CPU.").format(asked=asked, reason=exc))
    return DeviceChoice(device, asked)


def configure_cpu_threads(leave_for_gui: int = 1) -> int:
    """Leave a core for the GUI thread; returns the thread count set."""
    threads = max(1, (os.cpu_count() or 1) - leave_for_gui)
    torch.set_num_threads(threads)
    return threads
