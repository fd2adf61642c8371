"""`fashion-desktop map`: the 10,000 test images placed in 2-D by one stage's activations.

Prints one JSON object (stage, method, n, seconds, knn_agreement, …) and, with --out, writes
the map as a PNG. t-SNE shows a progress bar on stderr; Ctrl+C stops it (exit 130). Maps are
cached per weights, stage and method in the per-user data folder, so a second run is instant.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from fashion_desktop import i18n
from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    from fashion_desktop.explain.map.build import METHODS
    from fashion_desktop.explain.map.features import DEFAULT_STAGE, STAGES

    p = sub.add_parser("map", help=i18n.translate(
        "CliHelp", "place the test images on a 2-D map by a stage's activations (PCA or t-SNE)"))
    p.add_argument("--stage", choices=tuple(STAGES), default=DEFAULT_STAGE,
                   help=i18n.translate("CliHelp", "input pixels, after the first or second ReLU, or the logits (default relu2)"))
    p.add_argument("--method", choices=METHODS, default="pca", help=i18n.translate(
        "CliHelp", "pca (instant) or tsne (tens of seconds)"))
    p.add_argument("--untrained", action="store_true", help=i18n.translate(
        "CliHelp", "map with the tutorial's untrained NeuralNetwork()"))
    p.add_argument("--limit", type=int, metavar="N", help=i18n.translate("CliHelp", "only the first N test images"))
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, help=i18n.translate("CliHelp", "CPU threads for t-SNE (default: all cores)"))
    p.add_argument("--no-cache", action="store_true", help=i18n.translate("CliHelp", "compute the map even when a cached one exists"))
    p.add_argument("--cache-dir", type=Path, metavar="DIR",
                   help=i18n.translate(
                       "CliHelp", "keep maps here instead of the per-user data folder (resources/maps: the map shipped with "
                                  "the app)"))
    p.add_argument("--json", action="store_true", help=i18n.translate(
        "CliHelp", "print only the JSON object (the default prints it too)"))
    common.quiet_option(p)
    p.add_argument("--out", type=Path, help=i18n.translate("CliHelp", "write the map as a PNG"))
    p.add_argument("--data-dir", type=Path)
    common.device_and_weights(p)


def run(args: argparse.Namespace) -> int:
    import os

    import numpy as np

    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.explain.map import cache
    from fashion_desktop.explain.map.build import build_map
    from fashion_desktop.explain.map.features import stage_features, weights_key

    if args.limit is not None and args.limit < 12:
        common.say(i18n.translate("Cli", "--limit must be at least 12 (a map needs neighbours)."))
        return common.EXIT_USAGE
    test = load_split("test", args.data_dir)
    images, labels = test.images, test.labels
    if args.limit:
        images, labels = images[:args.limit], labels[:args.limit]
    predictor = _predictor(args)
    state = {name: p.detach().cpu().numpy() for name, p in predictor.model.named_parameters()}
    key = weights_key(state)
    folder = None if args.no_cache else (args.cache_dir or cache.default_folder())
    start = time.perf_counter()
    layout = cache.find(folder, key, args.stage, args.method, len(labels)) if folder is not None else None
    activations_seconds = 0.0
    if layout is None:
        found = stage_features(lambda batch: predictor.predict_batch(batch, activations=True).activations,
                               images, (args.stage,))
        assert found is not None
        features, predicted = found
        activations_seconds = time.perf_counter() - start
        # --json on a pipe (or --quiet) stays quiet, as in every command
        bar = common.progress_bar(args, 1, i18n.translate("Cli", "t-SNE of {count} images ({stage})").format(
            count=len(labels), stage=args.stage)) if args.method == "tsne" else None

        def progress(done: int, total: int) -> None:
            if bar is not None:
                bar.total = total
                bar.update(done)

        layout = build_map(features[args.stage], labels, predicted, args.stage, args.method, key=key,
                           cache_dir=folder, seed=args.seed, n_jobs=args.threads or os.cpu_count() or 1,
                           progress=progress)
        if bar is not None:
            bar.close()
        assert layout is not None  # nothing cancels it here but Ctrl+C, which raises
    seconds = time.perf_counter() - start
    report = {"stage": args.stage, "method": args.method, "n": len(layout), "seconds": round(seconds, 3),
              "knn_agreement": round(cache.measured(layout, folder), 4),
              "from_cache": layout.from_cache, "computed_in_seconds": round(layout.seconds, 3),
              "activations_seconds": round(activations_seconds, 3),
              "accuracy": round(float(np.mean(layout.predicted == layout.labels)), 4),
              "weights": "untrained" if args.untrained else str(args.weights or "shipped"), "weights_key": key[:16]}
    if args.out:
        from fashion_desktop.explain.map.picture import render

        title = (f"{report['n']} test images, stage {args.stage}, {args.method}, "
                 f"10-neighbour agreement {report['knn_agreement']:.3f}")
        render(layout.coords, layout.labels, layout.misclassified, title).save(args.out)
        report["out"] = str(args.out)
    print(json.dumps(report, indent=None if args.json else 2))
    return common.EXIT_OK


def _predictor(args: argparse.Namespace):
    if not args.untrained:
        return common.load_predictor(args)
    from fashion_desktop.network.device import choose_device, configure_cpu_threads
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.untrained import untrained_network

    configure_cpu_threads(leave_for_gui=0)
    return Predictor(untrained_network(), choose_device(args.device).device)
