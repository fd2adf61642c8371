"""A one-line description of the machine, so figures are never read without it."""

from __future__ import annotations

import os
import platform


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gib() -> float | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        return None


def describe() -> str:
    import torch

    memory = memory_gib()
    cores, threads = os.cpu_count() or 1, torch.get_num_threads()
    parts = [cpu_name(), f"{cores} core{'s' if cores != 1 else ''}"]
    if memory:
        parts.append(f"{memory:.0f} GiB")
    parts += [f"{platform.system()} {platform.release()}", f"Python {platform.python_version()}",
              f"torch {torch.__version__} ({threads} thread{'s' if threads != 1 else ''})"]
    return ", ".join(parts)
