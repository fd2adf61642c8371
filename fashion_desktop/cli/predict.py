"""`fashion-desktop predict FILE…`: classify pictures; a JSON list in input order with --json."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.errors import FashionDesktopError

from fashion_desktop.cli import common


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

    from fashion_desktop.network.orientation import face_left
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
            batch = face_left(predictor, np.stack([pixels for _, pixels in ready]))[0]  # shoes facing right
            probabilities = np.concatenate([predictor.predict_batch(batch[s : s + 512]).probabilities
                                            for s in range(0, len(batch), 512)])
            for (i, _), probs in zip(ready, probabilities):
                index = int(probs.argmax())
                results[i].update(label=CLASS_NAMES[index], index=index, confidence=float(probs[index]),
                                  probabilities={name: float(p) for name, p in zip(CLASS_NAMES, probs)})
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
                print(f"{row['path']}: {row['label']} ({row['confidence']:.1%})")
    return common.EXIT_FAILED if any("error" in row for row in results) else common.EXIT_OK
