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
    evaluate.add_argument("--non-garments", type=int, default=0, metavar="N",
                          help="also draw N everyday non-garment drawings of each kind (a house, a cat, …) and "
                               "report how many are flagged as unfamiliar")
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
    if predictor.familiarity is not None:
        report["flagged_unfamiliar"] = flag_rates(predictor, test.images, args.non_garments)
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
    for kind, value in report.get("flagged_unfamiliar", {}).items():
        print(f"Flagged as unfamiliar, {kind.replace('_', ' ')}: {value['share']:.3f} of {value['images']}")
    return common.EXIT_OK


def flag_rates(predictor, test_images, non_garments_per_kind: int = 0) -> dict:
    """How often the familiarity score flags the test images and (if asked) everyday non-garment drawings."""
    import numpy as np

    def share(pixels) -> dict:
        familiar = np.concatenate([predictor.predict_batch(pixels[s : s + 2000]).familiar
                                   for s in range(0, len(pixels), 2000)])
        return {"share": float(np.mean(~familiar)), "images": len(pixels)}

    out = {"test_images": share(test_images.astype(np.float32) / 255.0)}
    if non_garments_per_kind:
        from fashion_desktop.images.non_garments import non_garment_set

        pixels, _kinds = non_garment_set(non_garments_per_kind)
        out["non_garment_drawings"] = share(pixels)
    return out


def sketch_figures(predictor, per_class: int = 20) -> dict | None:
    """Accuracy per style on the sketch benchmark (images/sketches.py); None where it is not installed."""
    import numpy as np

    try:
        from fashion_desktop.images import sketches
    except ImportError:
        return None
    tops = [2, 4, 6]  # pullover, coat, shirt: a crude sketch rarely tells them apart
    out = {}
    for style in sketches.STYLES:
        pixels, labels = sketches.sketch_set(style, per_class)
        result = predictor.predict_batch(pixels)
        predicted = result.indices
        right = predicted == labels
        loose = right | (np.isin(predicted, tops) & np.isin(labels, tops))
        out[style] = {"accuracy": float(right.mean()), "tops_as_one": float(loose.mean()), "images": len(labels)}
        if result.familiar is not None:
            out[style]["flagged_unfamiliar"] = float(np.mean(~result.familiar))
    return out


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
        out[kind] = {"accuracy": float((predicted == labels).mean()), "images": len(labels)}
    return out
