"""`fashion-desktop [gui|predict|evaluate|train|summary|export|export-samples|bench|download-data|map|calibrate]`.

One module per command, each with `add_parser(sub)` and `run(args)`. No command, `gui`, window
options or an existing file open the window; any other first word is a usage error with a
suggestion (a typo must not start the window, which without a display would die inside Qt).
The contracts (JSON shapes, exit codes) are relied on by scripts and tests: keep them stable.
Exit codes: 0 success, 1 a failure (a file or the weights), 2 a usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

import fashion_desktop.cli.map as map_command  # `map` would shadow the builtin
from fashion_desktop import __version__, i18n
from fashion_desktop.cli import (
    argparse_text,
    bench,
    calibrate,
    common,
    download,
    evaluate,
    export,
    predict,
    samples,
    summary,
    train,
)
from fashion_desktop.errors import FashionDesktopError
from fashion_desktop.gui import cli_language  # Qt's QTranslator: Qt code lives in gui/

COMMANDS = {"predict": predict, "evaluate": evaluate, "train": train, "summary": summary,
            "export-samples": samples, "bench": bench, "download-data": download, "export": export,
            "map": map_command, "calibrate": calibrate}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=common.PROG, description=i18n.translate(
        "CliHelp", "Look inside the PyTorch tutorial's Fashion-MNIST network. With no command, opens the window."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=i18n.translate("CliHelp", "show the program's version number and exit"))
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", help=i18n.translate("CliHelp", "open the window (the default; takes --open FILE, --device, "
                                                         "--weights)"))
    for module in COMMANDS.values():
        module.add_parser(sub)
    return parser


def unknown_command(word: str) -> str:
    """What to say when the first word is neither a command nor an existing file."""
    names = ["gui", *COMMANDS]
    # "downlaod" should find "download-data": match the first part too, but a whole command's name
    # wins over another's first part ("exprot" means "export", not "export-samples").
    aliases = {name.split("-")[0]: name for name in names if "-" in name} | {name: name for name in names}
    close = list(dict.fromkeys(aliases[m] for m in difflib.get_close_matches(word, aliases, n=3, cutoff=0.6)))
    if close:
        hint = i18n.translate("Cli", "did you mean {names}?").format(
            names=i18n.translate("Cli", " or ").join(f"'{name}'" for name in close))
    else:
        hint = i18n.translate("Cli", "the commands are {names}; see {prog} --help").format(
            names=", ".join(names), prog=common.PROG)
    if Path(word).suffix or "/" in word or "\\" in word:  # meant as a picture to open
        return i18n.translate("Cli", "no such file: '{word}', and no command by that name ({hint})").format(
            word=word, hint=hint)
    return i18n.translate("Cli", "unknown command '{word}' ({hint})").format(word=word, hint=hint)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    cli_language.setup()  # LANG/LC_ALL=zh_CN…: messages in Simplified Chinese (JSON stays English)
    argparse_text.install()  # --help and usage errors too
    parser = _parser()
    first = argv[0] if argv else None
    if first is not None and not first.startswith("-") and first != "gui" and first not in COMMANDS \
            and not Path(first).exists():
        common.say(unknown_command(first))
        return common.EXIT_USAGE
    if first is None or first == "gui" or (first not in COMMANDS and first not in ("-h", "--help", "--version")):
        # The window: `fashion-desktop`, `fashion-desktop gui --open F`, options, or a file from a file manager.
        from fashion_desktop.gui.app import main as gui_main

        return gui_main(argv[1:] if first == "gui" else argv, prog=f"{common.PROG} gui" if first == "gui" else common.PROG)
    args = parser.parse_args(argv)
    from fashion_desktop.blas_threads import use_one_blas_thread  # here: the window's path does not wait for it

    use_one_blas_thread()  # the window does the same in its worker (gui/worker.py)
    try:
        return COMMANDS[args.command].run(args)
    except FashionDesktopError as exc:
        common.say(str(exc))
        return common.EXIT_FAILED
    except KeyboardInterrupt:
        common.say(i18n.translate("Cli", "interrupted."))
        return common.EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
