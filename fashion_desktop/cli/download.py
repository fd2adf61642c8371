"""`fashion-desktop download-data`: fetch Fashion-MNIST, verified, with a progress bar; Ctrl+C cancels.

The same downloader as the window's Train panel (`dataset/download.py`): each file is checked
against its SHA-256 before it is kept, files already there and valid are not fetched again, and a
cancelled download leaves no half-written file.
"""

from __future__ import annotations

import argparse
import signal
from pathlib import Path

from fashion_desktop import i18n
from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    summary = i18n.translate("CliHelp", "download Fashion-MNIST (about 30 MB, needs the internet) into the per-user "
                                        "data folder or FOLDER, each file checked against its SHA-256; Ctrl+C cancels")
    download = sub.add_parser("download-data", help=summary, description=summary[0].upper() + summary[1:] + ".")
    download.add_argument("folder", type=Path, nargs="?", metavar="FOLDER",
                          help=i18n.translate(
                              "CliHelp", "where to put it (default: the per-user data folder, where it is looked for)"))
    download.add_argument("--mirror", action="append", metavar="URL",
                          help=i18n.translate("CliHelp", "fetch from this base URL instead of the usual mirrors (repeatable)"))
    common.quiet_option(download)


def run(args: argparse.Namespace) -> int:
    from fashion_desktop.dataset.download import MIRRORS, DownloadCancelled, DownloadProgress, download_dataset

    bar = common.progress_bar(args, 1, i18n.translate("Cli", "downloading"))
    stop = {"asked": False}

    def on_progress(progress: DownloadProgress) -> None:
        bar.total = max(1, progress.total_bytes)
        bar.update(progress.done_bytes, f"{progress.file} {progress.done_bytes / 1e6:.1f}/"
                                        f"{progress.total_bytes / 1e6:.1f} MB")

    def on_sigint(_signum, _frame) -> None:
        if stop["asked"]:
            raise KeyboardInterrupt  # a second Ctrl+C: stop now (nothing half-written is published)
        stop["asked"] = True

    mirrors = tuple(m if m.endswith("/") else m + "/" for m in args.mirror) if args.mirror else MIRRORS
    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        folder = download_dataset(args.folder, mirrors=mirrors, on_progress=on_progress,
                                  cancelled=lambda: stop["asked"])
    except DownloadCancelled:
        bar.close()
        common.say(i18n.translate("Cli", "download cancelled; files already verified are kept."))
        return common.EXIT_INTERRUPTED
    except BaseException:
        bar.close()  # end the bar's line before the error is printed
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
    bar.close()
    if args.folder is None:
        print(i18n.translate("Cli", "Fashion-MNIST is in {folder}, where fashion-desktop looks for it.")
              .format(folder=folder))
    else:
        print(i18n.translate(
            "Cli", "Fashion-MNIST is in {folder}. Use --data-dir {arg} or set FASHION_DESKTOP_DATA={arg}.").format(
                folder=folder, arg=args.folder))
    return common.EXIT_OK
