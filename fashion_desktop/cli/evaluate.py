"""`fashion-desktop evaluate`: accuracy on the test set, per class, and on photo-like renderings."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fashion_desktop.classes import CLASS_NAMES

from fashion_desktop.cli import common
from fashion_desktop.cli.tables import confusion_table


def add_parser(sub: argparse._SubParsersAction) -> None:
    evaluate = sub.add_parser("evaluate", help="accuracy on the 10,000 test images")
    evaluate.add_argument("--json", action="store_true", help="one JSON object on stdout")
    common.quiet_option(evaluate)
    evaluate.add_argument("--data-dir", type=Path)
    evaluate.add_argument("--photo-like", type=int, default=0, metavar="N",
                          help="also render N test images as photos, cut-outs and drawings and score those")
    common.device_and_weights(evaluate)


def run(args: argparse.Namespace) -> int:
    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.training.loop import evaluate

    common.stage(args, "reading the test set and loading the network…")
    test = load_split("test", args.data_dir)
    predictor = common.load_predictor(args)
    common.stage(args, f"scoring {len(test):,} test images…")
    result = evaluate(predictor.model, test.images, test.labels, predictor.device).as_dict()
    report: dict = {"weights": str(args.weights or "shipped"), "device": str(predictor.device),
                    "data": str(test.source), **result}
    if args.photo_like:
        report["photo_like"] = photo_like_accuracy(predictor, test, args.photo_like,
                                                   bar=common.progress_bar(args, 1, "photo-like"))
    if args.json:
        print(json.dumps(report, indent=2))
        return common.EXIT_OK
    print(f"Test accuracy: {result['accuracy']:.4f} on {len(test)} images ({test.source}); loss {result['loss']:.4f}")
    for name, acc in zip(CLASS_NAMES, result["per_class"]):
        print(f"  {name:<12} {acc:.3f}")
    print(confusion_table(result["confusion"]))
    for kind, value in report.get("photo_like", {}).items():
        print(f"Photo-like '{kind}': {value['accuracy']:.4f} on {value['images']} images")
    return common.EXIT_OK


def photo_like_accuracy(predictor, test, count: int, seed: int = 0, bar=None) -> dict:
    """Accuracy on the first `count` test images, raw and rendered as each photo-like kind."""
    import numpy as np

    from fashion_desktop.images.photo_like import KINDS, prepared_set

    images, labels = test.images[:count], test.labels[:count]
    out = {}
    kinds = ("raw", *KINDS)
    if bar is not None:
        bar.total = len(kinds)
    for done, kind in enumerate(kinds):
        if bar is not None:
            bar.update(done, f"{kind} ({count:,} images)")
        pixels = images.astype(np.float32) / 255.0 if kind == "raw" else prepared_set(kind, images, seed)
        predicted = predictor.predict_batch(pixels).indices
        out[kind] = {"accuracy": float((predicted == labels).mean()), "images": int(len(labels))}
    if bar is not None:
        bar.update(len(kinds), "done")
        bar.close()
    return out
