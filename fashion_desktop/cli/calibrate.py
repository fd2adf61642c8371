"""`fashion-desktop calibrate`: fit the familiarity score and the temperature for trained weights.

`train` does this itself after training. This command does it for weights made before (or saved
from the window's Train panel), and refits the shipped ones when the method changes: it writes
the familiarity file beside the weights and adds its figures, and the sketch benchmark's, to the
model card beside them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fashion_desktop import i18n
from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    calibrate = sub.add_parser("calibrate", help=i18n.translate(
        "CliHelp", "fit the familiarity score and temperature for trained weights"))
    calibrate.add_argument("--weights", type=Path, help=i18n.translate("CliHelp", "a state_dict (default: the shipped weights)"))
    calibrate.add_argument("--sketches", type=int, default=200, metavar="N",
                           help=i18n.translate(
                               "CliHelp", "sketches of the sketch benchmark whose flag rate goes on the card (0 to skip)"))
    calibrate.add_argument("--data-dir", type=Path)
    common.quiet_option(calibrate)


LEARNT_FIT_IMAGES = 1000


def fit_and_report(model, weights_sha256: str, images, labels, val_size: int, seed: int, test_images,
                   sketches: int, test_labels=None, note=None):
    """Fit on the training split; return (FamiliarityFit, the card's "familiarity" section).

    `note(message)` is told what it is doing (it takes a minute or two): progress for the commands.
    """
    from fashion_desktop.cli.evaluate import flag_rates
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.training.familiarity_fit import fit_familiarity
    from fashion_desktop.training.loop import split_validation

    # Weights that learnt every training image (`train --validation 0`) have no held-out images: the
    # threshold is then set on the 1,000 a held-out split would hold, no temperature is fitted (see
    # fit_familiarity), and the card says so.
    learnt = val_size <= 0
    fit_size = min(LEARNT_FIT_IMAGES, max(1, len(labels) // 10)) if learnt else val_size  # --subset: a tenth
    tr_x, tr_y, va_x, va_y = split_validation(images, labels, fit_size, seed)
    say = note or (lambda _message: None)
    steps = {"statistics": i18n.translate("Cli", "familiarity: activations of 5,000 training images and sketches of them…"),
             "threshold": (i18n.translate("Cli", "familiarity: the threshold on learnt training images (none is held "
                                                  "out, so no temperature)…") if learnt else
                           i18n.translate("Cli", "familiarity: the temperature and threshold on held-out images…")),
             "detector": i18n.translate("Cli", "familiarity: training the 'not a garment' detector…")}
    fit = fit_familiarity(model, tr_x, tr_y, va_x, va_y, weights_sha256, seed, held_out=not learnt,
                          on_step=lambda step: say(steps.get(step, step)))
    predictor = Predictor(model, "cpu", fit.familiarity)
    flagged = flag_rates(predictor, test_images, 20, max(1, sketches // 20) if sketches else 0, note=note)
    report = {**fit.report, "flagged": {name: v["share"] for name, v in flagged.items()}, "fitted_on_learnt_images": learnt}
    if learnt:
        report["learnt_fit_images"] = len(va_y)
    if test_labels is not None:  # the calibration error on the test images, before and after the temperature
        from fashion_desktop.network.familiarity import expected_calibration_error

        batch = predictor.predict_batch(test_images.astype("float32") / 255.0)
        report["test_ece"] = {"before": expected_calibration_error(batch.probabilities, test_labels),
                              "after": expected_calibration_error(batch.calibrated, test_labels)}
    return fit, report


def run(args: argparse.Namespace) -> int:
    from fashion_desktop.cli.evaluate import flag_kind
    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.network.familiarity import familiarity_path
    from fashion_desktop.network.model import (
        NeuralNetwork,
        default_weights_path,
        read_weights,
    )
    from fashion_desktop.training.model_card import card_paths, read_card, write_card

    weights = args.weights or default_weights_path()
    loaded = read_weights(weights)
    model = NeuralNetwork()
    model.load_state_dict(loaded.state_dict)
    if weights.name == "model_weights.pth":  # as `train --out` names them
        json_path, markdown_path = weights.with_name("model_card.json"), weights.with_name("MODEL_CARD.md")
    else:
        json_path, markdown_path = card_paths(weights)
    card = read_card(json_path)
    if card is not None and card.get("weights", {}).get("sha256") != loaded.sha256:
        card = None  # a card for other weights is left alone
    recipe = (card or {}).get("training", {}).get("recipe", {})
    val_size, seed = int(recipe.get("val_size", 1000)), int(recipe.get("seed", 0))
    train_split, test_split = load_split("train", args.data_dir), load_split("test", args.data_dir)
    common.stage(args, i18n.translate("Cli", "fitting the familiarity score and the temperature…"))
    fit, report = fit_and_report(model, loaded.sha256, train_split.images, train_split.labels, val_size, seed,
                                 test_split.images, args.sketches, test_split.labels,
                                 note=lambda message: common.stage(args, message))
    fit.familiarity.save(familiarity_path(weights))
    shares = ", ".join(f"{flag_kind(name)} {share:.1%}" for name, share in report["flagged"].items())
    print(i18n.translate("Cli", "Wrote {path}: temperature {temperature:.3f}; flagged as unfamiliar: {shares}").format(
        path=familiarity_path(weights), temperature=fit.familiarity.temperature, shares=shares), file=sys.stderr)
    if card is not None:
        if args.sketches:
            from fashion_desktop.cli.evaluate import sketch_accuracy
            from fashion_desktop.network.inference import Predictor

            card["sketches"] = sketch_accuracy(Predictor(model, "cpu", fit.familiarity), args.sketches,
                                               bar=common.progress_bar(args, 1, "sketches"))
        card["familiarity"] = {**report, "command": " ".join(["fashion-desktop", *sys.argv[1:]])
                               if sys.argv[1:2] == ["calibrate"] else "fashion-desktop calibrate"}
        write_card(card, json_path, markdown_path)
        print(i18n.translate("Cli", "Updated {card} and {markdown}.").format(card=json_path, markdown=markdown_path.name),
              file=sys.stderr)
    return common.EXIT_OK
