"""Is there a display to open the window on? Asked before Qt is, because Qt's answer is an abort.

Without one (on Linux over SSH, in a container, in CI) Qt prints "could not load the Qt platform
plugin" and aborts the process. This check needs no Qt: it reads the environment and the `-platform`
option the way Qt chooses its platform plugin, and returns one line saying what to do instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from fashion_desktop import i18n

# Qt platform plugins that draw without an X11 or Wayland server.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"})


def _requested_platforms(qt_args: Sequence[str], env: Mapping[str, str]) -> list[str]:
    """The plugin names asked for by `-platform NAME` or QT_QPA_PLATFORM ("a;b" lists, "name:options")."""
    spec = env.get("QT_QPA_PLATFORM", "")
    args = list(qt_args)
    for i, arg in enumerate(args):
        if arg in ("-platform", "--platform") and i + 1 < len(args):
            spec = args[i + 1]
        elif arg.startswith(("-platform=", "--platform=")):
            spec = arg.split("=", 1)[1]
    return [part.split(":", 1)[0].strip().lower() for part in spec.split(";") if part.strip()]


def missing_display(qt_args: Sequence[str] = (), env: Mapping[str, str] | None = None,
                    platform: str | None = None) -> str | None:
    """None when the window can open; else one line saying why not and how to run headless."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform in ("win32", "darwin"):
        return None  # Windows and macOS always have their own window system
    requested = _requested_platforms(qt_args, env)
    if any(name in HEADLESS_PLATFORMS for name in requested):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return i18n.translate("Cli", "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Run "
                                 "it in a desktop session, or headless with 'xvfb-run -a fashion-desktop'; the commands "
                                 "(fashion-desktop predict, evaluate, train, ...) need no display, and tests can set "
                                 "QT_QPA_PLATFORM=offscreen.")
