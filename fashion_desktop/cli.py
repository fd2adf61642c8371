"""`fashion-desktop [gui|predict|evaluate|train|summary|download-data]`.

The contracts here (JSON shapes, exit codes) are relied on by scripts and tests: keep them stable.
Exit codes: 0 success, 1 a failure (a file or the weights), 2 a usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from fashion_desktop import __version__
from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.errors import FashionDesktopError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fashion-desktop", description="Look inside the PyTorch tutorial's "
                                     "Fashion-MNIST network. With no command, opens the window.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")

    def device_and_weights(p: argparse.ArgumentParser) -> None:
        p.add_argument("--device", help="auto (default), cpu, cuda, cuda:N or mps; also $FASHION_DESKTOP_DEVICE")
        p.add_argument("--weights", type=Path, help="a state_dict (.pth/.pt/.safetensors); default: the shipped one")

    sub.add_parser("gui", help="open the window (the default; takes --open FILE, --device, --weights)")

    predict = sub.add_parser("predict", help="classify image files")
    predict.add_argument("files", nargs="+", type=Path, metavar="FILE")
    predict.add_argument("--json", action="store_true", help="one JSON list, in input order")
    device_and_weights(predict)

    evaluate = sub.add_parser("evaluate", help="accuracy on the 10,000 test images")
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--data-dir", type=Path)
    evaluate.add_argument("--photo-like", type=int, default=0, metavar="N",
                          help="also render N test images as photos, cut-outs and drawings and score those")
    device_and_weights(evaluate)

    train = sub.add_parser("train", help="train the network on Fashion-MNIST")
    train.add_argument("--recipe", choices=("shipped", "tutorial"), default="shipped",
                       help="shipped: the recipe of the bundled weights; tutorial: SGD lr 1e-3, batch 64")
    train.add_argument("--epochs", type=int)
    train.add_argument("--lr", type=float)
    train.add_argument("--batch-size", type=int)
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--dropout", type=float, help="dropout after each ReLU while training (default 0.1)")
    train.add_argument("--threads", type=int, help="CPU threads (default: all cores); results are exactly "
                       "reproducible for the same seed and thread count")
    train.add_argument("--subset", type=int, metavar="N", help="train on the first N training images only")
    train.add_argument("--out", type=Path, default=Path("model_weights.pth"))
    train.add_argument("--no-card", action="store_true", help="do not write the model card beside --out")
    train.add_argument("--photo-like", type=int, default=2000, metavar="N",
                       help="photo-like images per kind scored for the model card (0 to skip)")
    train.add_argument("--data-dir", type=Path)
    train.add_argument("--device")

    summary = sub.add_parser("summary", help="the device, print(model) and the parameter table")
    summary.add_argument("--json", action="store_true")
    device_and_weights(summary)

    samples = sub.add_parser("export-samples", help="write correctly classified test images as sample PNGs")
    samples.add_argument("--out", type=Path, help="default: the app's resources/samples folder")
    samples.add_argument("--per-class", type=int, default=2)
    samples.add_argument("--data-dir", type=Path)
    device_and_weights(samples)

    bench = sub.add_parser("bench", help="measure latency, start-up, throughput, training and memory against "
                           "floors measured in the same run")
    bench.add_argument("--json", action="store_true", help="one JSON object (figures, floors, goals)")
    bench.add_argument("--quick", action="store_true", help="fewer rounds, no training figures (a minute or two)")
    bench.add_argument("--device", help="auto (default), cpu, cuda, cuda:N or mps")

    download = sub.add_parser("download-data", help="fetch Fashion-MNIST with torchvision (needs the internet)")
    download.add_argument("folder", type=Path, nargs="?")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser()
    commands = {"predict", "evaluate", "train", "summary", "export-samples", "download-data", "bench"}
    if not argv or argv[0] == "gui" or (argv[0] not in commands and argv[0] not in ("-h", "--help", "--version")):
        # The window: `fashion-desktop`, `fashion-desktop gui --open F`, or files from a file manager.
        from fashion_desktop.gui.app import main as gui_main

        return gui_main(argv[1:] if argv[:1] == ["gui"] else argv)
    args = parser.parse_args(argv)
    handlers = {
        "predict": _predict,
        "evaluate": _evaluate,
        "train": _train,
        "summary": _summary,
        "download-data": _download,
        "export-samples": _export_samples,
        "bench": _bench,
    }
    try:
        return handlers[args.command](args)
    except FashionDesktopError as exc:
        print(f"fashion-desktop: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("fashion-desktop: interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED


def _load(args: argparse.Namespace):
    """Model + predictor on the chosen device; a device notice goes to stderr."""
    from fashion_desktop.device import choose_device, configure_cpu_threads
    from fashion_desktop.inference import Predictor
    from fashion_desktop.model import load_model

    configure_cpu_threads(leave_for_gui=0)
    model, loaded = load_model(args.weights)
    for note in loaded.notes:
        print(f"fashion-desktop: note: {note}", file=sys.stderr)
    choice = choose_device(args.device)
    if choice.notice:
        print(f"fashion-desktop: {choice.notice}", file=sys.stderr)
    return Predictor(model, choice.device)


def _prepare(path: Path):
    """One file → its Prepared input, or the reason it cannot be used (runs in a pool thread)."""
    from fashion_desktop.preprocess import prepare_file

    try:
        return prepare_file(path)
    except FashionDesktopError as exc:
        return exc


def _predict(args: argparse.Namespace) -> int:
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
        predictor_future = loading.submit(_load, args)
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
    return EXIT_FAILED if any("error" in row for row in results) else EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    from fashion_desktop.data import load_split
    from fashion_desktop.train import evaluate

    test = load_split("test", args.data_dir)
    predictor = _load(args)
    result = evaluate(predictor.model, test.images, test.labels, predictor.device).as_dict()
    report: dict = {"weights": str(args.weights or "shipped"), "device": str(predictor.device),
                    "data": str(test.source), **result}
    if args.photo_like:
        report["photo_like"] = photo_like_accuracy(predictor, test, args.photo_like)
    if args.json:
        print(json.dumps(report, indent=2))
        return EXIT_OK
    print(f"Test accuracy: {result['accuracy']:.4f} on {len(test)} images ({test.source}); loss {result['loss']:.4f}")
    for name, acc in zip(CLASS_NAMES, result["per_class"]):
        print(f"  {name:<12} {acc:.3f}")
    print("Confusion matrix (rows: true, columns: predicted):")
    print("     " + " ".join(f"{i:>5}" for i in range(len(CLASS_NAMES))))
    for i, row in enumerate(result["confusion"]):
        print(f"  {i:>2} " + " ".join(f"{v:>5}" for v in row))
    for kind, value in report.get("photo_like", {}).items():
        print(f"Photo-like '{kind}': {value['accuracy']:.4f} on {value['images']} images")
    return EXIT_OK


def photo_like_accuracy(predictor, test, count: int, seed: int = 0) -> dict:
    """Accuracy on the first `count` test images, raw and rendered as each photo-like kind."""
    import numpy as np

    from fashion_desktop.photo_like import KINDS, prepared_set

    images, labels = test.images[:count], test.labels[:count]
    sets = {"raw": images.astype(np.float32) / 255.0}
    sets.update({kind: prepared_set(kind, images, seed) for kind in KINDS})
    out = {}
    for kind, pixels in sets.items():
        predicted = predictor.predict_batch(pixels).indices
        out[kind] = {"accuracy": float((predicted == labels).mean()), "images": int(len(labels))}
    return out


def _train(args: argparse.Namespace) -> int:
    import torch

    from fashion_desktop.data import load_split
    from fashion_desktop.device import choose_device, configure_cpu_threads
    from fashion_desktop.inference import Predictor
    from fashion_desktop.model import NeuralNetwork, save_weights
    from fashion_desktop.model_card import build_card, write_card
    from fashion_desktop.progress import ProgressBar
    from fashion_desktop.train import TrainConfig, TrainControl, evaluate, train

    overrides = {k: v for k, v in dict(epochs=args.epochs, lr=args.lr, batch_size=args.batch_size,
                                        seed=args.seed, hidden_dropout=args.dropout).items() if v is not None}
    config = TrainConfig.shipped(**overrides) if args.recipe == "shipped" else TrainConfig.tutorial(**overrides)
    if args.threads:
        torch.set_num_threads(args.threads)
    else:
        configure_cpu_threads(leave_for_gui=0)
    choice = choose_device(args.device)
    if choice.notice:
        print(f"fashion-desktop: {choice.notice}", file=sys.stderr)
    train_split, test_split = load_split("train", args.data_dir), load_split("test", args.data_dir)
    images, labels = train_split.images, train_split.labels
    if args.subset:
        images, labels = images[: args.subset], labels[: args.subset]
        config.val_size = min(config.val_size, max(1, len(labels) // 10))

    control = TrainControl()
    interrupts = 0

    def on_sigint(_signum, _frame) -> None:
        nonlocal interrupts
        interrupts += 1
        if interrupts > 1:
            raise KeyboardInterrupt
        print("\nfashion-desktop: stopping after this batch; the best weights so far will be kept "
              "(Ctrl+C again to abort without saving).", file=sys.stderr)
        control.stop()

    previous = signal.signal(signal.SIGINT, on_sigint)
    bar = ProgressBar(config.epochs, "training")
    print(f"Training {config.epochs} epochs on {len(labels) - config.val_size} images ({choice.device}), "
          f"recipe '{args.recipe}', seed {config.seed}", file=sys.stderr)

    def on_batch(p) -> None:
        done = (p.epoch - 1) + p.batch / p.batches
        bar.total = p.epochs
        bar.update(done, f"epoch {p.epoch}/{p.epochs} loss {p.loss:.3f}", p.eta_s)

    def on_epoch(r) -> None:
        bar.close(f"epoch {r.epoch:>3}: train loss {r.train_loss:.4f} acc {r.train_accuracy:.4f} | "
                  f"validation loss {r.val_loss:.4f} acc {r.val_accuracy:.4f}{' (best)' if r.best else ''} "
                  f"| {r.seconds:.1f} s")

    try:
        result = train(images, labels, config, choice.device, control=control, on_batch=on_batch,
                       on_epoch=on_epoch)
    finally:
        signal.signal(signal.SIGINT, previous)
    if not result.history:
        print("fashion-desktop: stopped before the first epoch finished; nothing was saved.", file=sys.stderr)
        return EXIT_INTERRUPTED
    model = NeuralNetwork()
    model.load_state_dict(result.state_dict)
    digest = save_weights(model, args.out)
    test = evaluate(model, test_split.images, test_split.labels).as_dict()
    print(f"Saved {args.out} (best epoch {result.best_epoch}); test accuracy {test['accuracy']:.4f}", file=sys.stderr)
    if not args.no_card:
        photo = photo_like_accuracy(Predictor(model, "cpu"), test_split, args.photo_like) if args.photo_like else None
        card = build_card(weights_path=args.out, weights_sha256=digest, config=config.as_dict(), test=test,
                          best_epoch=result.best_epoch, best_val_accuracy=result.best_val_accuracy,
                          epochs_run=len(result.history), train_seconds=result.seconds,
                          data_source=str(train_split.source), device=str(choice.device), photo_like=photo,
                          stopped=result.stopped, threads=torch.get_num_threads(),
                          command=" ".join(["fashion-desktop", *sys.argv[1:]]) if sys.argv[1:2] == ["train"]
                          else f"fashion-desktop train --epochs {config.epochs} --seed {config.seed} --out {args.out}")
        write_card(card, args.out.with_name("model_card.json"), args.out.with_name("MODEL_CARD.md"))
        print(f"Wrote the model card beside it (torch {torch.__version__}).", file=sys.stderr)
    return EXIT_INTERRUPTED if result.stopped else EXIT_OK


def _summary(args: argparse.Namespace) -> int:
    from fashion_desktop.device import available_devices
    from fashion_desktop.introspect import parameter_table, total_parameters

    predictor = _load(args)
    rows = parameter_table(predictor.model)
    if args.json:
        print(json.dumps({
            "device": str(predictor.device),
            "devices": [d.__dict__ for d in available_devices()],
            "model": str(predictor.model),
            "parameters": [{"name": r.name, "shape": list(r.shape), "count": r.count, "dtype": r.dtype,
                            "device": r.device, "bytes": r.bytes} for r in rows],
            "total_parameters": total_parameters(rows),
        }, indent=2))
        return EXIT_OK
    print(f"Using {predictor.device} device")
    print(f"Model structure: {predictor.model}\n")
    for row in rows:
        print(f"Layer: {row.name} | Size: {list(row.shape)} | {row.count:,} parameters, {row.bytes:,} bytes "
              f"({row.dtype}) | Values : {row.preview} \n")
    print(f"Total: {total_parameters(rows):,} parameters")
    return EXIT_OK


def _export_samples(args: argparse.Namespace) -> int:
    from fashion_desktop.data import load_split
    from fashion_desktop.resources import SAMPLES_DIR, resource_path
    from fashion_desktop.samples import export_samples

    import numpy as np
    from PIL import Image

    from fashion_desktop.preprocess import prepare_image

    test = load_split("test", args.data_dir)
    predictor = _load(args)
    # Judge each image as the app will see the saved file: through preprocessing.
    candidates = test.images[:500]
    pixels = np.stack([prepare_image(Image.fromarray(image)).pixels for image in candidates])
    predicted = predictor.predict_batch(pixels).indices
    folder = args.out or resource_path(SAMPLES_DIR)
    written = export_samples(candidates, test.labels[:500], predicted, folder, args.per_class)
    print(f"Wrote {len(written)} samples to {folder}")
    return EXIT_OK


def _bench(args: argparse.Namespace) -> int:
    from fashion_desktop.bench.report import table
    from fashion_desktop.bench.run import run_bench

    report = run_bench(args.quick, args.device, progress=lambda m: print(f"bench: {m}…", file=sys.stderr, flush=True))
    print(json.dumps(report, indent=2) if args.json else table(report))
    return EXIT_OK


def _download(args: argparse.Namespace) -> int:
    from fashion_desktop.data import download

    folder = download(args.folder)
    print(f"Fashion-MNIST is in {folder}. Use --data-dir {folder.parent.parent} or set FASHION_DESKTOP_DATA.")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
