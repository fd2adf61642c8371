"""Timing child processes from the outside: launch → a line on their stdout."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


_profiles: tempfile.TemporaryDirectory[str] | None = None


def fresh_profile() -> str:
    """An empty folder for one launch's settings and autosave, inside one folder per bench run that
    is removed when the run's Python exits (a bench used to leave ~30 folders in /tmp each time)."""
    global _profiles
    if _profiles is None:
        _profiles = tempfile.TemporaryDirectory(prefix="fd-bench-profiles-")
    return tempfile.mkdtemp(prefix="launch-", dir=_profiles.name)


def child_env(**extra: str) -> dict[str, str]:
    """A fresh profile (settings, autosave) per launch; offscreen Qt where there is no display.

    Bytecode may be written, as an installed app has it (pip and PyInstaller compile the modules):
    a shell with PYTHONDONTWRITEBYTECODE set would otherwise time compiling ~100 modules (~30 ms)
    at every launch."""
    home = fresh_profile()
    env = dict(os.environ, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=home, **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def time_lines(command: list[str], keys: tuple[str, ...], env: dict[str, str] | None = None,
               timeout: float = 180.0) -> dict[str, float]:
    """Seconds from launch until each `key=...` (or bare `key`) line appears on the child's stdout."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env or child_env(), cwd=ROOT)
    seen: dict[str, float] = {}
    try:
        assert process.stdout is not None
        for line in process.stdout:
            key = line.strip().split("=", 1)[0]
            if key in keys and key not in seen:
                seen[key] = time.perf_counter() - start
            if len(seen) == len(keys):
                break
        process.wait(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    missing = [key for key in keys if key not in seen]
    if missing:
        error = process.stderr.read() if process.stderr else ""
        raise RuntimeError(f"{' '.join(command[:4])}… never printed {', '.join(missing)}:\n{error[-2000:]}")
    return seen


def run_json(command: list[str], env: dict[str, str] | None = None, timeout: float = 900.0) -> tuple[str, float]:
    """Run to completion; (stdout, wall seconds). A failure raises with the child's stderr."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env or child_env(), cwd=ROOT,
                          timeout=timeout)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])}… exited {done.returncode}:\n{done.stderr[-2000:]}")
    return done.stdout, wall
