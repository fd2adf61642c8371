"""What every command shares: exit codes, the --device/--weights options, loading the model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fashion_desktop import i18n
from fashion_desktop.network.device_choices import DEVICE_NAMES, device_name  # noqa: F401 - shared with the window

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def program_name(argv0: str | None = None) -> str:
    """How the person called us, for help and errors: `fashion-desktop` or `fashion-desktop-cli`.

    Windows needs the -cli console script (a GUI script has no console), so both names exist and
    each should speak for itself; `python -m fashion_desktop` is shown as that.
    """
    name = Path(argv0 if argv0 is not None else sys.argv[0]).name.lower().removesuffix(".exe")
    if name.startswith("fashion-desktop"):
        return name.removesuffix("-script.py")
    return "python -m fashion_desktop" if name in ("__main__.py", "-m") else "fashion-desktop"


PROG = program_name()


def say(message: str) -> None:
    """One line on stderr, prefixed with the program's name as the person typed it."""
    print(f"{PROG}: {message}", file=sys.stderr)


def device_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--device", type=device_name, metavar="DEVICE",
                   help=i18n.translate("CliHelp", "auto (default), cpu, cuda, cuda:N or mps; also $FASHION_DESKTOP_DEVICE"))


def device_and_weights(p: argparse.ArgumentParser) -> None:
    device_option(p)
    p.add_argument("--weights", type=Path, help=i18n.translate(
        "CliHelp", "a state_dict (.pth/.pt/.safetensors); default: the shipped one"))


def load_predictor(args: argparse.Namespace):
    """Model + predictor on the chosen device; a device notice goes to stderr."""
    from fashion_desktop.network.device import choose_device, configure_cpu_threads
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    configure_cpu_threads(leave_for_gui=0)
    model, loaded = load_model(args.weights)
    for note in loaded.notes:
        say(i18n.translate("Cli", "note: {note}").format(note=note))
    choice = choose_device(args.device)
    if choice.notice:
        say(f"{choice.notice}")
    from fashion_desktop.network.familiarity import familiarity_for

    return Predictor(model, choice.device, familiarity_for(args.weights, loaded.sha256))


def quiet_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quiet", "-q", action="store_true", help=i18n.translate(
        "CliHelp", "no progress on stderr (errors are still shown)"))


class _Silent:
    """Stands in for a ProgressBar when progress is not wanted."""

    total = 1

    def update(self, *_args: object, **_kwargs: object) -> None:
        pass

    def close(self, *_args: object, **_kwargs: object) -> None:
        pass


def progress_bar(args: argparse.Namespace, total: int, label: str):
    """A progress bar on stderr, unless --quiet, or --json output while stderr is not a terminal.

    Long commands must not look hung; a script that reads JSON from a pipe wants no chatter.
    """
    from fashion_desktop.progress import ProgressBar

    if getattr(args, "quiet", False) or (_machine_output(args) and not sys.stderr.isatty()):
        return _Silent()
    return ProgressBar(total, label)


def stage(args: argparse.Namespace, message: str) -> None:
    """A one-line note of what a command is doing now (same rule as `progress_bar`)."""
    if getattr(args, "quiet", False) or (_machine_output(args) and not sys.stderr.isatty()):
        return
    say(message)


def _machine_output(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False) or getattr(args, "csv", False))
