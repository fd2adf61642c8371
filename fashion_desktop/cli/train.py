"""`fashion-desktop train`: the training loop with a progress bar; Ctrl+C keeps the best so far."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from fashion_desktop import i18n
from fashion_desktop.cli import common
from fashion_desktop.cli.evaluate import photo_like_accuracy, sketch_accuracy


def add_parser(sub: argparse._SubParsersAction) -> None:
    train = sub.add_parser("train", help=i18n.translate("CliHelp", "train the network on Fashion-MNIST"))
    train.add_argument("--recipe", choices=("shipped", "tutorial", "teacher"), default="shipped",
                       help=i18n.translate("CliHelp", "shipped: the recipe of the bundled weights; tutorial: SGD lr 1e-3, "
                                                      "batch 64; teacher: the small CNN the shipped weights learn from "
                                                      "(--teacher), not usable in the app"))
    train.add_argument("--epochs", type=int)
    train.add_argument("--lr", type=float)
    train.add_argument("--batch-size", type=int)
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--dropout", type=float, help=i18n.translate("CliHelp", "dropout after each ReLU while training (default 0.1)"))
    train.add_argument("--threads", type=int, help=i18n.translate(
        "CliHelp", "CPU threads (default: all cores); results are exactly reproducible for the same seed and thread count"))
    train.add_argument("--init", type=Path, metavar="WEIGHTS", help=i18n.translate(
        "CliHelp", "start from these weights instead of a fresh network (fine-tuning)"))
    train.add_argument("--sketch-p", type=float, help=i18n.translate(
        "CliHelp", "share of training images swapped for sketches of themselves: outlines, crude shapes (default 0.25; "
                   "0 for the teacher, see README)"))
    train.add_argument("--silhouette-p", type=float, metavar="P", help=i18n.translate(
        "CliHelp", "share of training images swapped for their own filled silhouette (default 0.2)"))
    train.add_argument("--drawn-p", type=float, metavar="P", help=i18n.translate(
        "CliHelp", "share of training images swapped for a generated drawing of their class, in the proportions and "
                   "with the inner lines people draw (default 0; see README, 'Garment drawings in training')"))
    train.add_argument("--drawings", type=int, metavar="N", help=i18n.translate(
        "CliHelp", "garment drawings made per class before the first epoch, about 13 ms each (default 1000)"))
    train.add_argument("--teacher", type=Path, metavar="WEIGHTS", help=i18n.translate(
        "CliHelp", "distil from these weights (the tutorial's network, or a CNN made by --recipe teacher): the "
                   "unchanged training images also learn their softened answers"))
    train.add_argument("--distill", type=float, metavar="A", help=i18n.translate(
        "CliHelp", "weight of the teacher's answers (default 0.8; without --teacher the labels alone are learned)"))
    train.add_argument("--outlier-p", type=float, metavar="P", help=i18n.translate(
        "CliHelp", "add this share of non-garment drawings to each batch, taught to answer no class (outlier exposure; "
                   "default 0)"))
    train.add_argument("--mirror-sideways", type=float, metavar="P",
                       help=i18n.translate("CliHelp", "mirror shoes and bags this often while training (default 0)"))
    train.add_argument("--no-familiarity", action="store_true",
                       help=i18n.translate(
                           "CliHelp", "do not fit the familiarity score and temperature (familiarity.npz beside --out)"))
    train.add_argument("--subset", type=int, metavar="N", help=i18n.translate("CliHelp", "train on the first N training images only"))
    train.add_argument("--validation", type=int, metavar="N", help=i18n.translate(
        "CliHelp", "training images held out to pick the best epoch and to fit the familiarity score and the "
                   "temperature (default 1000)"))
    train.add_argument("--out", type=Path, default=Path("model_weights.pth"))
    train.add_argument("--no-card", action="store_true", help=i18n.translate("CliHelp", "do not write the model card beside --out"))
    train.add_argument("--photo-like", type=int, default=2000, metavar="N",
                       help=i18n.translate("CliHelp", "photo-like images per kind scored for the model card (0 to skip)"))
    train.add_argument("--sketches", type=int, default=200, metavar="N",
                       help=i18n.translate(
                           "CliHelp", "sketches per style of the sketch benchmark scored for the model card (0 to skip)"))
    train.add_argument("--data-dir", type=Path)
    common.quiet_option(train)
    common.device_option(train)


def run(args: argparse.Namespace) -> int:
    import torch

    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.network.device import choose_device, configure_cpu_threads
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import NeuralNetwork, save_weights
    from fashion_desktop.training.control import TrainControl
    from fashion_desktop.training.loop import evaluate, train
    from fashion_desktop.training.model_card import build_card, write_card
    from fashion_desktop.training.recipe import TrainConfig

    overrides = {k: v for k, v in dict(epochs=args.epochs, lr=args.lr, batch_size=args.batch_size,
                                        seed=args.seed, hidden_dropout=args.dropout, sketch_p=args.sketch_p,
                                        silhouette_p=args.silhouette_p, drawn_p=args.drawn_p,
                                        drawn_per_class=args.drawings,
                                        mirror_sideways_p=args.mirror_sideways, distill=args.distill,
                                        outlier_p=args.outlier_p, val_size=args.validation).items()
                 if v is not None}
    config = getattr(TrainConfig, args.recipe)(**overrides)
    is_teacher = args.recipe == "teacher"
    if args.threads:
        torch.set_num_threads(args.threads)
    else:
        configure_cpu_threads(leave_for_gui=0)
    choice = choose_device(args.device)
    if choice.notice:
        common.say(f"{choice.notice}")
    from fashion_desktop.training.teacher import DESCRIPTION as TEACHER_DESCRIPTION
    from fashion_desktop.training.teacher import ConvTeacher, load_teacher

    initial: torch.nn.Module | None = ConvTeacher() if is_teacher else None
    initial_record = None
    if args.init:
        start, sha = load_teacher(args.init)  # the tutorial's network or a CNN teacher, whichever --recipe trains
        if isinstance(start, ConvTeacher) != is_teacher:
            common.say(i18n.translate("Cli", "--init {path} holds another kind of network than --recipe {recipe} "
                                             "trains.").format(path=args.init, recipe=args.recipe))
            return common.EXIT_USAGE
        initial = start.train()
        initial_record = {"file": str(args.init), "sha256": sha}
    teacher = teacher_record = None
    if args.teacher:
        teacher, sha = load_teacher(args.teacher)
        teacher_record = {"file": args.teacher.name, "sha256": sha,
                          "command": _made_by(args.teacher) or "unknown (no model card beside it)"}
    train_split, test_split = load_split("train", args.data_dir), load_split("test", args.data_dir)
    images, labels = train_split.images, train_split.labels
    if args.subset:
        images, labels = images[: args.subset], labels[: args.subset]
        config.val_size = min(config.val_size, max(1, len(labels) // 10))
    if not 0 <= config.val_size < len(labels):
        common.say(i18n.translate("Cli", "--validation {count} leaves nothing to train on or is negative: hold out "
                                         "0 to {most} of the {total:,} training images.").format(
            count=config.val_size, most=len(labels) - 1, total=len(labels)))
        return common.EXIT_USAGE

    if config.distill > 0 and not args.teacher and args.recipe == "shipped":
        common.say(i18n.translate("Cli", "no --teacher: this run learns from the labels alone; the shipped weights "
                                         "were also distilled from a teacher (README, 'The shipped model')."))
    control = TrainControl()
    interrupts = 0

    def on_sigint(_signum, _frame) -> None:
        nonlocal interrupts
        interrupts += 1
        if interrupts > 1:
            raise KeyboardInterrupt
        print("\n" + common.PROG + ": " + i18n.translate(
            "Cli", "stopping after this batch; the best weights so far will be kept (Ctrl+C again to abort without "
                   "saving)."), file=sys.stderr)
        control.stop()

    previous = signal.signal(signal.SIGINT, on_sigint)
    bar = common.progress_bar(args, config.epochs, "training")
    heading = (i18n.translate("Cli", "Training 1 epoch on {count:,} images ({device}), recipe '{recipe}', seed {seed}")
               if config.epochs == 1 else
               i18n.translate("Cli", "Training {epochs} epochs on {count:,} images ({device}), recipe '{recipe}', seed {seed}"))
    print(heading.format(epochs=config.epochs, count=len(labels) - config.val_size, device=choice.device,
                         recipe=args.recipe, seed=config.seed), file=sys.stderr)

    def on_batch(p) -> None:
        done = (p.epoch - 1) + p.batch / p.batches
        bar.total = p.epochs
        bar.update(done, i18n.translate("Cli", "epoch {epoch}/{epochs} loss {loss:.3f}").format(
            epoch=p.epoch, epochs=p.epochs, loss=p.loss), p.eta_s)

    def on_epoch(r) -> None:
        bar.close()
        print(i18n.translate("Cli", "epoch {epoch:>3}: train loss {train_loss:.4f} acc {train_accuracy:.4f} | "
                                    "validation loss {val_loss:.4f} acc {val_accuracy:.4f}{best} | {seconds:.1f} s")
              .format(epoch=r.epoch, train_loss=r.train_loss, train_accuracy=r.train_accuracy, val_loss=r.val_loss,
                      val_accuracy=r.val_accuracy, best=i18n.translate("Cli", " (best)") if r.best else "",
                      seconds=r.seconds), file=sys.stderr)

    drawing_bar = common.progress_bar(args, 1, i18n.translate("Cli", "preparing"))

    def on_prepare(done: int, total: int) -> None:
        drawing_bar.total = total
        drawing_bar.update(done, i18n.translate("Cli", "garment drawings {done}/{total}").format(done=done, total=total))
        if done == total:
            drawing_bar.close()
            common.stage(args, i18n.translate("Cli", "made {count:,} garment drawings to train on").format(count=total))

    stages = {"sketches": i18n.translate("Cli", "making sketches of the {count:,} training images…").format(
                  count=len(labels) - config.val_size),
              "outliers": i18n.translate("Cli", "drawing the non-garments to train on…"),
              "teacher": i18n.translate("Cli", "the teacher's answers for every training image…")}

    try:
        result = train(images, labels, config, choice.device, model=initial, control=control, on_batch=on_batch,
                       on_epoch=on_epoch, teacher=teacher, on_prepare=on_prepare,
                       on_stage=lambda name: common.stage(args, stages.get(name, name)))
    finally:
        signal.signal(signal.SIGINT, previous)
    if not result.history:
        common.say(i18n.translate("Cli", "stopped before the first epoch finished; nothing was saved."))
        return common.EXIT_INTERRUPTED
    model = ConvTeacher() if is_teacher else NeuralNetwork()
    model.load_state_dict(result.state_dict)
    model.eval()
    digest = save_weights(model, args.out)
    common.stage(args, i18n.translate("Cli", "scoring {count:,} test images…").format(count=len(test_split.labels)))
    test = evaluate(model, test_split.images, test_split.labels).as_dict()
    print(i18n.translate("Cli", "Saved {path} (best epoch {epoch}); test accuracy {accuracy:.4f}").format(
        path=args.out, epoch=result.best_epoch, accuracy=test["accuracy"]), file=sys.stderr)
    fit = familiarity_report = None
    if not args.no_familiarity and not is_teacher:  # a teacher only teaches: the app never runs it
        from fashion_desktop.cli.calibrate import fit_and_report
        from fashion_desktop.network.familiarity import familiarity_path

        common.stage(args, i18n.translate("Cli", "fitting the familiarity score and the temperature…"))
        fit, familiarity_report = fit_and_report(model, digest, images, labels, config.val_size, config.seed,
                                                 test_split.images, args.sketches, test_split.labels,
                                                 note=lambda message: common.stage(args, message))
        fit.familiarity.save(familiarity_path(args.out))
        print(i18n.translate("Cli", "Wrote {path}: temperature {temperature:.3f}").format(
            path=familiarity_path(args.out), temperature=fit.familiarity.temperature), file=sys.stderr)
    if not args.no_card:
        # The app's figures (photos, sketches) are the app's network's: a teacher's card has its test figures only.
        photo_like, sketches = (0, 0) if is_teacher else (args.photo_like, args.sketches)
        predictor = Predictor(model, "cpu", fit.familiarity if fit else None) if isinstance(model, NeuralNetwork) else None
        if photo_like or sketches:
            common.stage(args, i18n.translate("Cli", "scoring photo-like images and sketches for the model card…"))
        photo = (photo_like_accuracy(predictor, test_split, photo_like, bar=common.progress_bar(args, 1, "photo-like"))
                 if photo_like else None)
        card = build_card(model=TEACHER_DESCRIPTION if is_teacher else None,
                          weights_path=args.out, weights_sha256=digest, config=config.as_dict(), test=test,
                          best_epoch=result.best_epoch, best_val_accuracy=result.best_val_accuracy,
                          epochs_run=len(result.history), train_seconds=result.seconds,
                          data_source=str(train_split.source), device=str(choice.device), photo_like=photo,
                          initial_weights=initial_record, teacher=teacher_record,
                          familiarity=familiarity_report,
                          sketches=sketch_accuracy(predictor, sketches, bar=common.progress_bar(args, 1, "sketches"))
                          if sketches else None,
                          stopped=result.stopped, threads=torch.get_num_threads(),
                          command=" ".join(["fashion-desktop", *sys.argv[1:]]) if sys.argv[1:2] == ["train"]
                          else f"fashion-desktop train --recipe {args.recipe} --epochs {config.epochs} --seed {config.seed} "
                               f"--out {args.out}")
        write_card(card, args.out.with_name("model_card.json"), args.out.with_name("MODEL_CARD.md"))
        print(i18n.translate("Cli", "Wrote the model card beside it (torch {version}).").format(
            version=torch.__version__), file=sys.stderr)
    return common.EXIT_INTERRUPTED if result.stopped else common.EXIT_OK


def _made_by(weights: Path) -> str:
    """The command that made `weights`, from the model card beside them ('' without one)."""
    import json

    try:
        card = json.loads(weights.with_name("model_card.json").read_text(encoding="utf-8"))
        return str(card["training"]["command"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""
