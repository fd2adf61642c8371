"""`fashion-desktop predict FILE|FOLDER…`: classify pictures; a JSON list (--json) or CSV (--csv) in input order.

A folder stands for the pictures in it (`images/listing.py`; with --recursive, its subfolders'
too), sorted by path; files whose names are not pictures are passed over with a note on stderr.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.cli import common
from fashion_desktop.errors import FashionDesktopError


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


def _prepare(path: Path):
    """One file → its Prepared input, or the reason it cannot be used (runs in a pool thread)."""
    from fashion_desktop.images.preprocess import prepare_file

    try:
        return prepare_file(path)
    except FashionDesktopError as exc:
        return exc


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
            common.say(f"cannot list {reason}")
        if listing.skipped:
            common.say(f"{path}: passed over {listing.skipped} file(s) that are not pictures by name.")
        if not listing.pictures:
            hint = "" if recursive else " (--recursive looks in subfolders too)"
            common.say(f"{path}: no pictures found{hint}.")
    return files


def run(args: argparse.Namespace) -> int:
    """Decode in threads while another thread imports torch and loads the weights.

    Decoding and resizing release the GIL, and importing torch takes seconds: doing them at once
    makes a typical call about twice as fast (`fashion-desktop bench` measures it).
    """
    import os
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

    from fashion_desktop.network.orientation import face_left

    args.files = expand(args.files, args.recursive)
    if not args.files:
        common.say("nothing to classify.")
        return common.EXIT_FAILED
    loading = ThreadPoolExecutor(1, thread_name_prefix="load")
    decoding = ThreadPoolExecutor(max(1, min(8, os.cpu_count() or 1)), thread_name_prefix="decode")
    try:
        predictor_future = loading.submit(common.load_predictor, args)
        bar = common.progress_bar(args, len(args.files), "reading") if len(args.files) >= 50 else None
        results: list[dict] = []
        ready: list[tuple[int, np.ndarray]] = []
        for i, (path, prepared) in enumerate(zip(args.files, decoding.map(_prepare, args.files))):
            if isinstance(prepared, FashionDesktopError):
                results.append({"path": str(path), "error": str(prepared)})
            else:
                ready.append((i, prepared.pixels))
                results.append({"path": str(path)})
            if bar and i % 50 == 0:
                bar.update(i + 1)
        if bar:
            bar.close()
        if ready:
            predictor = predictor_future.result()
            batch = face_left(predictor, np.stack([pixels for _, pixels in ready]))[0]  # shoes facing right
            batches = [predictor.predict_batch(batch[s : s + 512]) for s in range(0, len(batch), 512)]
            probabilities = np.concatenate([b.probabilities for b in batches])
            familiarity = (np.concatenate([b.familiarity for b in batches])
                           if all(b.familiarity is not None for b in batches) else [None] * len(ready))
            calibrated = (np.concatenate([b.calibrated for b in batches])
                          if all(b.calibrated is not None for b in batches) else [None] * len(ready))
            for (i, _), probs, fam, cal in zip(ready, probabilities, familiarity, calibrated):
                index = int(probs.argmax())
                # familiar/familiarity: null for weights without a fitted familiarity (network/familiarity.py)
                results[i].update(label=CLASS_NAMES[index], index=index, confidence=float(probs[index]),
                                  probabilities={name: float(p) for name, p in zip(CLASS_NAMES, probs)},
                                  familiar=None if fam is None else bool(fam >= 0.5),
                                  familiarity=None if fam is None else round(float(fam), 4),
                                  calibrated_confidence=None if cal is None else float(cal[index]))
    finally:
        decoding.shutdown(wait=True, cancel_futures=True)
        loading.shutdown(wait=False, cancel_futures=True)
    if args.json:
        print(json.dumps(results, indent=2))
    elif args.csv:
        import sys

        from fashion_desktop.answers import csv_row, write_csv

        write_csv((csv_row(row["path"], [row["probabilities"][n] for n in CLASS_NAMES] if "label" in row else None,
                           row.get("error", "")) for row in results), sys.stdout)
    else:
        for row in results:
            if "error" in row:
                print(error_line(row["path"], row["error"]))
            else:
                unfamiliar = "; does not look like a garment it knows" if row["familiar"] is False else ""
                print(f"{row['path']}: {row['label']} ({row['confidence']:.1%}){unfamiliar}")
    return common.EXIT_FAILED if any("error" in row for row in results) else common.EXIT_OK


def error_line(path: str, message: str) -> str:
    """`path: error: why`, without saying the path twice when the reason already names it.

    The core's messages name the file ("x.png is empty (0 bytes).") because the window shows them
    on their own; here the path already leads the line.
    """
    if message.startswith(path):
        rest = message[len(path):]
        message = rest[1:].strip() if rest.startswith(":") else "it" + rest
    return f"{path}: error: {message}"
