"""Resident memory of this process, now: in total, and the part no file backs (what a leak grows)."""

from __future__ import annotations

import os
import sys


def rss_mb() -> float:
    """This process's resident memory in MB, now (not the peak).

    Linux: /proc/self/statm. Elsewhere psutil when installed; otherwise the peak from
    `resource` (macOS) or 0.0 (Windows without psutil), which makes growth read as 0: say so when
    reporting figures from those systems.
    """
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            resident_pages = int(handle.read().split()[1])
        return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 1024
    except ImportError:
        return 0.0


def anonymous_rss_mb() -> float:
    """This process's resident memory that no file backs, in MB (heap, tensors, shared buffers), now.

    What a leak grows. Total RSS also counts pages of mapped files (torch's shared libraries are
    gigabytes), which the kernel may drop or read back at any moment, so a growth measured in
    total RSS can hide a real leak behind a library page-out. Linux only (`RssAnon` + `RssShmem`
    in /proc/self/status); elsewhere the total, `rss_mb()`.
    """
    kinds = ("RssAnon:", "RssShmem:")
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            found = [int(line.split()[1]) for line in handle if line.startswith(kinds)]
    except (OSError, ValueError, IndexError):
        found = []
    return sum(found) / 1024 if len(found) == len(kinds) else rss_mb()
