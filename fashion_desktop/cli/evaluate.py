"""`fashion-desktop evaluate`: accuracy on the test set, per class, and on photo-like renderings."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fashion_desktop import i18n
from fashion_desktop.classes import CLASS_NAMES, class_names
from fashion_desktop.cli import common
from fashion_desktop.cli.tables import confusion_table, ljust, rjust
from fashion_desktop.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import numpy as np

    from fashion_desktop.network.inference import Predictor

# The names of the extra sets in the human-readable report (the JSON keeps the English keys).
SET_NAMES = {
    "raw": QT_TRANSLATE_NOOP("Cli", "raw"), "photo": QT_TRANSLATE_NOOP("Cli", "photo"),
    "noisy photo": QT_TRANSLATE_NOOP("Cli", "noisy photo"),
    "shadowed photo": QT_TRANSLATE_NOOP("Cli", "shadowed photo"), "on grey": QT_TRANSLATE_NOOP("Cli", "on grey"),
    "lamp-lit photo": QT_TRANSLATE_NOOP("Cli", "lamp-lit photo"),
    "colour on colour": QT_TRANSLATE_NOOP("Cli", "colour on colour"),
    "ruled page": QT_TRANSLATE_NOOP("Cli", "ruled page"),
    "fine pen outline": QT_TRANSLATE_NOOP("Cli", "fine pen outline"),
    "cutout": QT_TRANSLATE_NOOP("Cli", "cutout"),
    "filled": QT_TRANSLATE_NOOP("Cli", "filled"), "outline": QT_TRANSLATE_NOOP("Cli", "outline"),
    "canvas filled": QT_TRANSLATE_NOOP("Cli", "canvas filled"),
    "canvas outline": QT_TRANSLATE_NOOP("Cli", "canvas outline"),
    "paper filled": QT_TRANSLATE_NOOP("Cli", "paper filled"), "paper outline": QT_TRANSLATE_NOOP("Cli", "paper outline"),
    "line art": QT_TRANSLATE_NOOP("Cli", "line art"), "flat colour": QT_TRANSLATE_NOOP("Cli", "flat colour"),
    "icon": QT_TRANSLATE_NOOP("Cli", "icon"), "cut-out": QT_TRANSLATE_NOOP("Cli", "cut-out"),
    "test_images": QT_TRANSLATE_NOOP("Cli", "test images"),
    "non_garment_drawings": QT_TRANSLATE_NOOP("Cli", "non-garment drawings"),
    "non_garment_drawings_unseen_kinds": QT_TRANSLATE_NOOP("Cli", "non-garment drawings of unseen kinds"),
    "garment_sketches": QT_TRANSLATE_NOOP("Cli", "garment sketches"),
}


def flag_kind(name: str) -> str:
    """A set's name as a person reads it, in the CLI's language."""
    return i18n.translate("Cli", SET_NAMES[name]) if name in SET_NAMES else name.replace("_", " ")


def add_parser(sub: argparse._SubParsersAction) -> None:
    evaluate = sub.add_parser("evaluate", help=i18n.translate("CliHelp", "accuracy on the 10,000 test images"))
    evaluate.add_argument("--json", action="store_true", help=i18n.translate("CliHelp", "one JSON object on stdout"))
    common.quiet_option(evaluate)
    evaluate.add_argument("--data-dir", type=Path)
    evaluate.add_argument("--photo-like", type=int, default=0, metavar="N",
                          help=i18n.translate("CliHelp", "also render N test images as photos, cut-outs and drawings and score those"))
    evaluate.add_argument("--non-garments", type=int, default=0, metavar="N",
                          help=i18n.translate(
                              "CliHelp", "also draw N everyday non-garment drawings of each kind (a house, a cat, …) and "
                                         "report how many are flagged as unfamiliar"))
    evaluate.add_argument("--sketches", type=int, default=0, metavar="N",
                          help=i18n.translate("CliHelp", "also score N hand-made sketches per style (canvas/paper, filled/outline)"))
    evaluate.add_argument("--clip-art", type=int, default=0, metavar="N",
                          help=i18n.translate("CliHelp", "also score N clip-art drawings per style (line art, flat colour, "
                                                         "icon, cut-out)"))
    evaluate.add_argument("--mouse-outlines", action="store_true",
                          help=i18n.translate(
                              "CliHelp", "also draw 20 garment outlines with mouse events in the window (offscreen) and "
                                         "report how many it reads right"))
    common.device_and_weights(evaluate)


def run(args: argparse.Namespace) -> int:
    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.training.loop import evaluate

    common.stage(args, i18n.translate("Cli", "reading the test set and loading the network…"))
    test = load_split("test", args.data_dir)
    predictor = common.load_predictor(args)
    common.stage(args, i18n.translate("Cli", "scoring {count:,} test images…").format(count=len(test)))
    result = evaluate(predictor.model, test.images, test.labels, predictor.device).as_dict()
    report: dict = {"weights": str(args.weights or "shipped"), "device": str(predictor.device),
                    "data": str(test.source), **result}
    if args.photo_like:
        report["photo_like"] = photo_like_accuracy(predictor, test, args.photo_like,
                                                   bar=common.progress_bar(args, 1, i18n.translate("Cli", "photo-like")))
    if predictor.familiarity is not None:
        report["flagged_unfamiliar"] = flag_rates(predictor, test.images, args.non_garments,
                                                  max(1, args.sketches // len(CLASS_NAMES)) if args.sketches else 0,
                                                  note=lambda message: common.stage(args, message))
    if args.sketches:
        report["sketches"] = sketch_accuracy(predictor, args.sketches, bar=common.progress_bar(args, 1, "sketches"))
    if args.clip_art:
        report["clip_art"] = clip_art_accuracy(predictor, args.clip_art,
                                               bar=common.progress_bar(args, 1, i18n.translate("Cli", "clip-art")))
    if args.mouse_outlines:
        common.stage(args, i18n.translate("Cli", "drawing outlines in the window…"))
        report["mouse_outlines"] = mouse_outlines(args.weights)
    if args.json:
        print(json.dumps(report, indent=2))
        return common.EXIT_OK
    print(i18n.translate("Cli", "Test accuracy: {accuracy:.4f} on {count} images ({source}); loss {loss:.4f}").format(
        accuracy=result["accuracy"], count=len(test), source=test.source, loss=result["loss"]))
    for name, acc in zip(class_names(), result["per_class"]):
        print(f"  {ljust(name, 12)} {acc:.3f}")
    print(confusion_table(result["confusion"]))
    for kind, value in report.get("photo_like", {}).items():
        print(i18n.translate("Cli", "Photo-like '{kind}': {accuracy:.4f} on {images} images").format(
            kind=flag_kind(kind), accuracy=value["accuracy"], images=value["images"]))
    for kind, value in report.get("flagged_unfamiliar", {}).items():
        print(i18n.translate("Cli", "Flagged as unfamiliar, {kind}: {share:.3f} of {images}").format(
            kind=flag_kind(kind), share=value["share"], images=value["images"]))
    if "sketches" in report:
        print_sketches(report["sketches"])
    if "clip_art" in report:
        print_sketches(report["clip_art"], i18n.translate("Cli", "Clip-art ({count} per class and style):"))
    if "mouse_outlines" in report:
        outlines = report["mouse_outlines"]
        for name, answer in outlines["answers"].items():
            mark = "✓" if answer["answer"] == answer["expected"] else "✗"
            note = i18n.translate("Cli", "  (said not to look like a garment)") if answer.get("flagged") else ""
            shown = class_names()[CLASS_NAMES.index(answer["answer"])] if answer["answer"] in CLASS_NAMES \
                else answer["answer"]
            print(f"  {mark} {name:<26} {ljust(shown, 12)} {answer['confidence']:.2f}{note}")
        print(i18n.translate("Cli", "Outlines drawn with the mouse: {right} of {total} read right, {flagged} said not "
                                    "to look like a garment").format(
            right=outlines["right"], total=outlines["total"], flagged=outlines.get("flagged", 0)))
    return common.EXIT_OK


def mouse_outlines(weights: str | None) -> dict:
    """The window's own answer to outlines drawn with mouse events, in a process of its own (a Qt
    application, offscreen unless QT_QPA_PLATFORM says otherwise): gui/mouse_outlines.py."""
    import os
    import subprocess
    import sys

    command = [sys.executable, "-m", "fashion_desktop.gui.mouse_outlines", "--json"]
    if weights:
        command += ["--weights", str(weights)]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"drawing the outlines failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


def flag_rates(predictor, test_images, non_garments_per_kind: int = 0, sketches_per_class: int = 0,
               note=None) -> dict:
    """How often the familiarity score flags the test images and (if asked) everyday non-garment drawings
    and garment sketches (all four styles of the sketch benchmark). `note(message)` says what it is
    drawing: the drawings take seconds to minutes."""
    import numpy as np

    from fashion_desktop.images.non_garments import EVERYDAY_KINDS

    def share(pixels) -> dict:
        familiar = np.concatenate([predictor.predict_batch(pixels[s : s + 2000]).familiar
                                   for s in range(0, len(pixels), 2000)])
        return {"share": float(np.mean(~familiar)), "images": len(pixels)}

    out = {"test_images": share(test_images.astype(np.float32) / 255.0)}
    if non_garments_per_kind:
        from fashion_desktop.images.non_garments import UNSEEN_KINDS, non_garment_set

        if note is not None:
            note(i18n.translate("Cli", "drawing {count:,} non-garments (a house, a cat, …)…").format(
                count=non_garments_per_kind * len(EVERYDAY_KINDS)))
        pixels, kinds = non_garment_set(non_garments_per_kind)
        out["non_garment_drawings"] = share(pixels)
        # The kinds outlier exposure never trains on: how the flag carries over to new kinds of drawing.
        out["non_garment_drawings_unseen_kinds"] = share(pixels[np.isin(kinds, UNSEEN_KINDS)])
    if sketches_per_class:
        from fashion_desktop.images import sketches

        if note is not None:
            note(i18n.translate("Cli", "drawing {count:,} garment sketches to see how many are flagged…").format(
                count=sketches_per_class * len(CLASS_NAMES) * len(sketches.STYLES)))
        pixels = np.concatenate([sketches.sketch_set(style, sketches_per_class)[0] for style in sketches.STYLES])
        out["garment_sketches"] = share(pixels)
    return out


def photo_like_accuracy(predictor, test, count: int, seed: int = 0, bar=None) -> dict:
    """Accuracy on the first `count` test images, raw and rendered as each photo-like kind."""
    import numpy as np

    from fashion_desktop.images.photo_like import KINDS, prepared_set

    images, labels = test.images[:count], test.labels[:count]
    out = {}
    kinds = ("raw", *KINDS)
    n = len(labels)
    if bar is not None:  # one step an image rendered, so the bar moves within a kind; "raw" renders nothing
        bar.total = len(KINDS) * n
    for done, kind in enumerate(kinds):
        def rendered(images_done: int, done: int = max(0, done - 1), kind: str = kind) -> None:
            if bar is not None:
                bar.update(done * n + images_done, i18n.translate("Cli", "{kind} ({done:,}/{total:,})").format(
                    kind=flag_kind(kind), done=images_done, total=n))

        if kind != "raw":
            rendered(0)
        pixels = images.astype(np.float32) / 255.0 if kind == "raw" else prepared_set(kind, images, seed, rendered)
        predicted = predictor.predict_batch(pixels).indices
        seen = pixels.reshape(len(pixels), -1).any(axis=1)  # all zeros: the app found the picture blank
        out[kind] = {"accuracy": float(((predicted == labels) & seen).mean()), "images": int(len(labels))}
        if not seen.all():
            out[kind]["blank"] = int((~seen).sum())
    if bar is not None:
        bar.update(len(KINDS) * n, i18n.translate("Cli", "done"))
        bar.close()
    return out


TOPS = (2, 4, 6)  # pullover, coat, shirt: a crude sketch rarely tells these long-sleeved tops apart


def _as_one(labels):
    import numpy as np

    return np.where(np.isin(labels, TOPS), TOPS[0], labels)


def sketch_accuracy(predictor, count: int, seed: int | None = None, progress=None, bar=None) -> dict:
    """Accuracy on `count` hand-made sketches per style (sketches.py), strictly and with the three
    long-sleeved tops counted as one answer; per class; and the side views facing left vs right."""
    from fashion_desktop.images import sketches

    return drawing_accuracy(predictor, sketches.STYLES, sketches.sketch_set, count,
                            sketches.SEED if seed is None else seed, progress, bar)


def clip_art_accuracy(predictor, count: int, seed: int | None = None, progress=None, bar=None) -> dict:
    """The same figures on `count` clip-art drawings per style (clip_art.py: line art, flat colour,
    icons, cut-outs)."""
    from fashion_desktop.images import clip_art

    return drawing_accuracy(predictor, clip_art.STYLES, clip_art.clip_art_set, count,
                            clip_art.SEED if seed is None else seed, progress, bar)


def drawing_accuracy(predictor: Predictor, styles: tuple[str, ...],
                     drawing_set: Callable[..., tuple[np.ndarray, np.ndarray]], count: int, seed: int,
                     progress: Callable[[str], None] | None = None, bar=None) -> dict:
    """Score `count` drawings per style made by `drawing_set(style, per_class, seed, mirror=, classes=)`:
    strict and tops-as-one accuracy, per class, and the side views drawn facing left vs right."""
    from fashion_desktop.images.sketch_shapes import SIDE_VIEW
    from fashion_desktop.network.orientation import face_left

    def answers(pixels):  # as the app answers: a shoe facing right is read mirrored
        return predictor.predict_batch(face_left(predictor, pixels)[0]).indices

    per_class = max(1, count // len(CLASS_NAMES))
    scores, facing = {}, {}
    if bar is not None:
        bar.total = len(styles)
    for done, style in enumerate(styles):
        if bar is not None:
            bar.update(done, f"{style} ({per_class * len(CLASS_NAMES):,})")
        pixels, labels = drawing_set(style, per_class, seed)
        predicted = answers(pixels)
        right = predicted == labels
        scores[style] = {
            "strict": float(right.mean()),
            "tops_as_one": float((_as_one(predicted) == _as_one(labels)).mean()),
            "images": len(labels),
            "per_class": {name: float(right[labels == i].mean()) for i, name in enumerate(CLASS_NAMES)},
        }
        side = list(SIDE_VIEW)
        mirrored, mirrored_labels = drawing_set(style, per_class, seed, mirror=True, classes=tuple(side))
        facing[style] = {"left": float(right[[label in side for label in labels]].mean()),
                         "right": float((answers(mirrored) == mirrored_labels).mean()),
                         "images": len(mirrored_labels)}
        if progress is not None:
            progress(style)
    if bar is not None:
        bar.update(len(styles), "done")
        bar.close()
    return {"styles": scores, "facing": facing, "per_class_count": per_class}


def print_sketches(result: dict, title: str | None = None) -> None:
    """The sketch (or clip-art) figures as a table: styles across, classes down."""
    styles = result["styles"]
    names = list(styles)
    title = title or i18n.translate("Cli", "Sketches ({count} per class and style):")
    print(title.format(count=result["per_class_count"]))
    strict, as_one = i18n.translate("Cli", "strict"), i18n.translate("Cli", "tops as one")
    left, right = i18n.translate("Cli", "shoes left"), i18n.translate("Cli", "shoes right")
    print("  " + " " * 14 + "".join(rjust(flag_kind(name), 16) for name in names))
    print("  " + ljust(strict, 14) + "".join(f"{styles[n]['strict']:>16.3f}" for n in names))
    print("  " + ljust(as_one, 14) + "".join(f"{styles[n]['tops_as_one']:>16.3f}" for n in names))
    for name, shown in zip(CLASS_NAMES, class_names()):
        print("  " + ljust(shown, 14) + "".join(f"{styles[n]['per_class'][name]:>16.3f}" for n in names))
    facing = result["facing"]
    print("  " + ljust(left, 14) + "".join(f"{facing[n]['left']:>16.3f}" for n in names))
    print("  " + ljust(right, 14) + "".join(f"{facing[n]['right']:>16.3f}" for n in names))
