"""`fashion-desktop export-samples`: correctly classified test images as the shipped sample PNGs."""

from __future__ import annotations

import argparse
from pathlib import Path

from fashion_desktop import i18n
from fashion_desktop.cli import common


def add_parser(sub: argparse._SubParsersAction) -> None:
    samples = sub.add_parser("export-samples", help=i18n.translate("CliHelp", "write correctly classified test images as sample PNGs"))
    samples.add_argument("--out", type=Path, help=i18n.translate("CliHelp", "default: the app's resources/samples folder"))
    samples.add_argument("--per-class", type=int, default=2)
    samples.add_argument("--data-dir", type=Path)
    common.device_and_weights(samples)
    common.quiet_option(samples)


def run(args: argparse.Namespace) -> int:
    import numpy as np
    from PIL import Image

    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.images.preprocess import prepare_image
    from fashion_desktop.images.samples import export_samples
    from fashion_desktop.resources import SAMPLES_DIR, resource_path

    common.stage(args, i18n.translate("Cli", "reading the test set, loading the network and judging 500 candidates…"))
    test = load_split("test", args.data_dir)
    predictor = common.load_predictor(args)
    # Judge each image as the app will see the saved file: through preprocessing.
    candidates = test.images[:500]
    pixels = np.stack([prepare_image(Image.fromarray(image)).pixels for image in candidates])
    predicted = predictor.predict_batch(pixels).indices
    folder = args.out or resource_path(SAMPLES_DIR)
    written = export_samples(candidates, test.labels[:500], predicted, folder, args.per_class)
    print(i18n.translate("Cli", "Wrote {count} samples to {folder}").format(count=len(written), folder=folder))
    return common.EXIT_OK
