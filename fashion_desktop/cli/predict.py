"""`fashion-desktop predict FILE…`: classify pictures; a JSON list in input order with --json."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.cli import common
from fashion_desktop.errors import FashionDesktopError


def add_parser(sub: argparse._SubParsersAction) -> None:
    predict = sub.add_parser("predict", help="classify image files")
    predict.add_argument("files", nargs="+", type=Path, metavar="FILE")
    predict.add_argument("--json", action="store_true", help="one JSON list, in input order")
    common.device_and_weights(predict)


def _prepare(path: Path):
    """One file → its Prepared input, or the reason it cannot be used (runs in a pool thread)."""
    from fashion_desktop.images.preprocess import prepare_file

    try:
        return prepare_file(path)
    except FashionDesktopError as exc:
        return exc


def run(args: argparse.Namespace) -> int:
    """Decode in threads while another thread imports torch and loads the weights.

    Decoding and resizing release the GIL, and importing torch takes seconds: doing them at once
    makes a typical call about twice as fast (`fashion-desktop bench` measures it).
    """
    import os
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

    from fashion_desktop.progress import ProgressBar

    loading = ThreadPoolExecutor(1, thread_name_prefix="load")
    decoding = ThreadPoolExecutor(max(1, min(8, os.cpu_count() or 1)), thread_name_prefix="decode")
    try:
        predictor_future = loading.submit(common.load_predictor, args)
        show_progress = len(args.files) >= 200 and sys.stderr.isatty()
        bar = ProgressBar(len(args.files), "reading") if show_progress else None
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
            batch = np.stack([pixels for _, pixels in ready])
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
    else:
        for row in results:
            if "error" in row:
                print(f"{row['path']}: error: {row['error']}")
            else:
                unfamiliar = "; does not look like a garment it knows" if row["familiar"] is False else ""
                print(f"{row['path']}: {row['label']} ({row['confidence']:.1%}){unfamiliar}")
    return common.EXIT_FAILED if any("error" in row for row in results) else common.EXIT_OK
