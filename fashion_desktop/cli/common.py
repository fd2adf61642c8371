"""What every command shares: exit codes, the --device/--weights options, loading the model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def device_and_weights(p: argparse.ArgumentParser) -> None:
    p.add_argument("--device", help="auto (default), cpu, cuda, cuda:N or mps; also $FASHION_DESKTOP_DEVICE")
    p.add_argument("--weights", type=Path, help="a state_dict (.pth/.pt/.safetensors); default: the shipped one")


def load_predictor(args: argparse.Namespace):
    """Model + predictor on the chosen device; a device notice goes to stderr."""
    from fashion_desktop.network.device import choose_device, configure_cpu_threads
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    configure_cpu_threads(leave_for_gui=0)
    model, loaded = load_model(args.weights)
    for note in loaded.notes:
        print(f"fashion-desktop: note: {note}", file=sys.stderr)
    choice = choose_device(args.device)
    if choice.notice:
        print(f"fashion-desktop: {choice.notice}", file=sys.stderr)
    from fashion_desktop.network.familiarity import familiarity_for

    return Predictor(model, choice.device, familiarity_for(args.weights, loaded.sha256))
