"""`fashion-desktop evaluate`: accuracy on the test set, per class, and on photo-like renderings."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fashion_desktop.classes import CLASS_NAMES

from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    evaluate = sub.add_parser("evaluate", help="accuracy on the 10,000 test images")
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--data-dir", type=Path)
    evaluate.add_argument("--photo-like", type=int, default=0, metavar="N",
                          help="also render N test images as photos, cut-outs and drawings and score those")
    common.device_and_weights(evaluate)


def run(args: argparse.Namespace) -> int:
    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.training.loop import evaluate

    test = load_split("test", args.data_dir)
    predictor = common.load_predictor(args)
    result = evaluate(predictor.model, test.images, test.labels, predictor.device).as_dict()
    report: dict = {"weights": str(args.weights or "shipped"), "device": str(predictor.device),
                    "data": str(test.source), **result}
    if args.photo_like:
        report["photo_like"] = photo_like_accuracy(predictor, test, args.photo_like)
    if args.json:
        print(json.dumps(report, indent=2))
        return common.EXIT_OK
    print(f"Test accuracy: {result['accuracy']:.4f} on {len(test)} images ({test.source}); loss {result['loss']:.4f}")
    for name, acc in zip(CLASS_NAMES, result["per_class"]):
        print(f"  {name:<12} {acc:.3f}")
    print("Confusion matrix (rows: true, columns: predicted):")
    print("     " + " ".join(f"{i:>5}" for i in range(len(CLASS_NAMES))))
    for i, row in enumerate(result["confusion"]):
        print(f"  {i:>2} " + " ".join(f"{v:>5}" for v in row))
    for kind, value in report.get("photo_like", {}).items():
        print(f"Photo-like '{kind}': {value['accuracy']:.4f} on {value['images']} images")
    return common.EXIT_OK


def photo_like_accuracy(predictor, test, count: int, seed: int = 0) -> dict:
    """Accuracy on the first `count` test images, raw and rendered as each photo-like kind."""
    import numpy as np

    from fashion_desktop.images.photo_like import KINDS, prepared_set

    images, labels = test.images[:count], test.labels[:count]
    sets = {"raw": images.astype(np.float32) / 255.0}
    sets.update({kind: prepared_set(kind, images, seed) for kind in KINDS})
    out = {}
    for kind, pixels in sets.items():
        predicted = predictor.predict_batch(pixels).indices
        out[kind] = {"accuracy": float((predicted == labels).mean()), "images": int(len(labels))}
    return out
