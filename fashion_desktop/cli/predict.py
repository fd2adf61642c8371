"""`fashion-desktop predict FILE…`: classify pictures; a JSON list in input order with --json."""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    predict = sub.add_parser("predict", help="classify image files")
    predict.add_argument("files", nargs="+", type=Path, metavar="FILE")
    predict.add_argument("--json", action="store_true", help="one JSON list, in input order")
    common.quiet_option(predict)
    common.device_and_weights(predict)


def run(args: argparse.Namespace) -> int:
    """Rows stream out in input order as the files are decoded (`predict_rows` says how)."""
    from fashion_desktop.cli.predict_rows import rows

    bar = common.progress_bar(args, len(args.files), "reading") if len(args.files) >= 50 else None

    def prepared(done: int) -> None:
        if bar and (done % 50 == 0 or done == len(args.files)):
            bar.update(done)

    failed = False
    first = True
    try:
        for row in rows(args.files, args, on_prepared=prepared):
            failed = failed or "error" in row
            if args.json:  # the same text as json.dumps(list, indent=2), written a row at a time
                text = textwrap.indent(json.dumps(row, indent=2), "  ")
                print(("[\n" if first else ",\n") + text, end="", flush=True)
            elif "error" in row:
                print(error_line(row["path"], row["error"]), flush=True)
            else:
                print(f"{row['path']}: {row['label']} ({row['confidence']:.1%})", flush=True)
            first = False
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
    if message.startswith(path):
        rest = message[len(path):]
        message = rest[1:].strip() if rest.startswith(":") else "it" + rest
    return f"{path}: error: {message}"
