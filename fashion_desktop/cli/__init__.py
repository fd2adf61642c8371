"""`fashion-desktop [gui|predict|evaluate|train|summary|export-samples|bench|download-data]`.

One module per command, each with `add_parser(sub)` and `run(args)`. The contracts (JSON shapes,
exit codes) are relied on by scripts and tests: keep them stable.
Exit codes: 0 success, 1 a failure (a file or the weights), 2 a usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys

from fashion_desktop import __version__
from fashion_desktop.cli import bench, common, download, evaluate, predict, samples, summary, train
from fashion_desktop.errors import FashionDesktopError

COMMANDS = {"predict": predict, "evaluate": evaluate, "train": train, "summary": summary,
            "export-samples": samples, "bench": bench, "download-data": download}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=common.PROG, description="Look inside the PyTorch tutorial's "
                                     "Fashion-MNIST network. With no command, opens the window.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", help="open the window (the default; takes --open FILE, --device, --weights)")
    for module in COMMANDS.values():
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser()
    if not argv or argv[0] == "gui" or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        # The window: `fashion-desktop`, `fashion-desktop gui --open F`, or files from a file manager.
        from fashion_desktop.gui.app import main as gui_main

        return gui_main(argv[1:] if argv[:1] == ["gui"] else argv)
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command].run(args)
    except FashionDesktopError as exc:
        common.say(str(exc))
        return common.EXIT_FAILED
    except KeyboardInterrupt:
        common.say("interrupted.")
        return common.EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
