"""`fashion-desktop download-data`: fetch Fashion-MNIST where the internet is reachable."""

from __future__ import annotations

import argparse
from pathlib import Path

from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    download = sub.add_parser("download-data", help="fetch Fashion-MNIST with torchvision (needs the internet)")
    download.add_argument("folder", type=Path, nargs="?")


def run(args: argparse.Namespace) -> int:
    from fashion_desktop.dataset.files import download

    folder = download(args.folder)
    print(f"Fashion-MNIST is in {folder}. Use --data-dir {folder.parent.parent} or set FASHION_DESKTOP_DATA.")
    return common.EXIT_OK
