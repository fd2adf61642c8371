"""`fashion-desktop predict FILE|FOLDER…`: classify pictures; a JSON list (--json) or CSV (--csv) in input order.

A folder stands for the pictures in it (`images/listing.py`; with --recursive, its subfolders'
too), sorted by path; files whose names are not pictures are passed over with a note on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

from fashion_desktop import i18n
from fashion_desktop.classes import CLASS_NAMES, class_name
from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    predict = sub.add_parser("predict", help="classify image files")
    predict.add_argument("files", nargs="+", type=Path, metavar="FILE",
                         help="picture files, or folders of pictures")
    output = predict.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="one JSON list, in input order")
    output.add_argument("--csv", action="store_true", help="CSV: path, label, index, confidence, the ten "
                        "probabilities, error; one row a file")
    predict.add_argument("--recursive", "-r", action="store_true", help="also the pictures in subfolders")
    common.quiet_option(predict)
    common.device_and_weights(predict)


def expand(paths: list[Path], recursive: bool) -> list[Path]:
    """Files as given; each folder replaced by the pictures in it (notes about folders on stderr)."""
    from fashion_desktop.images.listing import list_pictures

    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        listing = list_pictures(path, recursive)
        files.extend(listing.pictures)
        for reason in listing.unreadable:
            common.say(i18n.translate("Cli", "cannot list {reason}").format(reason=reason))
        if listing.skipped == 1:
            common.say(i18n.translate("Cli", "{path}: passed over 1 file that is not a picture by name.").format(
                path=path))
        elif listing.skipped:
            common.say(i18n.translate("Cli", "{path}: passed over {count:,} files that are not pictures by name.").format(
                path=path, count=listing.skipped))
        if not listing.pictures:
            common.say((i18n.translate("Cli", "{path}: no pictures found.") if recursive else i18n.translate(
                "Cli", "{path}: no pictures found (--recursive looks in subfolders too).")).format(path=path))
    return files


def run(args: argparse.Namespace) -> int:
    """Rows stream out in input order as the files are decoded (`predict_rows` says how)."""
    from fashion_desktop.cli.predict_rows import rows


    args.files = expand(args.files, args.recursive)
    if not args.files:
        common.say(i18n.translate("Cli", "nothing to classify."))
        return common.EXIT_FAILED
    bar = common.progress_bar(args, len(args.files), "reading") if len(args.files) >= 50 else None

    def prepared(done: int) -> None:
        if bar and (done % 50 == 0 or done == len(args.files)):
            bar.update(done)

    failed = False
    first = True

    def answered() -> Iterator[dict]:
        nonlocal failed, first
        for row in rows(args.files, args, on_prepared=prepared):
            failed = failed or "error" in row
            yield row
            first = False

    try:
        if args.csv:
            from fashion_desktop.answers import csv_row, write_csv

            write_csv((csv_row(row["path"], [row["probabilities"][n] for n in CLASS_NAMES] if "label" in row
                               else None, row.get("error", "")) for row in answered()), sys.stdout)
            return common.EXIT_FAILED if failed else common.EXIT_OK
        for row in answered():
            if args.json:  # the same text as json.dumps(list, indent=2), written a row at a time
                text = textwrap.indent(json.dumps(row, indent=2), "  ")
                print(("[\n" if first else ",\n") + text, end="", flush=True)
            elif "error" in row:
                print(error_line(row["path"], getattr(row, "shown", row["error"])), flush=True)
            else:
                unfamiliar = (i18n.translate("Cli", "; does not look like a garment it knows")
                              if row["familiar"] is False else "")
                print(i18n.translate("Cli", "{path}: {label} ({confidence:.1%}){unfamiliar}").format(
                    path=row["path"], label=class_name(row["index"]), confidence=row["confidence"],
                    unfamiliar=unfamiliar), flush=True)
    finally:
        if bar:
            bar.close()
    if args.json:
        print("[]" if first else "\n]")
    return common.EXIT_FAILED if failed else common.EXIT_OK


def error_line(path: str, message: str) -> str:
    """`path: error: why`, without saying the path twice when the reason already names it.

    The core's messages name the file ("x.png is empty (0 bytes).") because the window shows them
    on their own; here the path already leads the line.
    """
    if message.startswith(path) and i18n.translating():  # another language's sentence: keep it whole
        return i18n.translate("Cli", "error: {message}").format(message=message)
    if message.startswith(path):
        rest = message[len(path):]
        message = rest[1:].strip() if rest.startswith(":") else "it" + rest
    return i18n.translate("Cli", "{path}: error: {message}").format(path=path, message=message)
