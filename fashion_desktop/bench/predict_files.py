"""`predict` throughput on 1,000 image files, against PIL opening and decoding the same files;
and the window's folder view on the same files, against `predict`.

The files are what people feed the command: photo-like renderings of test images (JPEG photos,
PNG cut-outs, filled and outline drawings, 160–480 px) where Fashion-MNIST is present, else
copies of the shipped samples.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
from pathlib import Path

import numpy as np

from fashion_desktop.bench.processes import run_json

# The same decoding work `predict` must do: JPEGs decoded reduced by the DCT (`draft`), as
# images.preprocess does, everything else in full. Nothing else (no resizing, no network).
DECODE_FLOOR = """
import sys
from PIL import Image
for path in sys.argv[2:]:
    with Image.open(path) as image:
        if image.format == "JPEG":
            image.draft(image.mode, (int(sys.argv[1]), int(sys.argv[1])))
        image.load()
print(len(sys.argv) - 2)
"""


SAMPLE_COPIES = "copies of the shipped 28×28 samples (Fashion-MNIST is absent)"
PHOTO_LIKE = "photo-like renderings of test images (JPEG, PNG cut-outs, drawings; 160–480 px)"


def inputs_description(paths: list[Path]) -> str:
    """What `make_files` made, for the report: the figure means little without it."""
    return PHOTO_LIKE if any("-" in p.stem for p in paths) else SAMPLE_COPIES


# The kinds the files cycle through: the same from session to session, so that the figures compare
# (the kinds added to `evaluate` since cost more to preprocess, and a few of their renderings are
# blank to the app by design: they join the accuracy figures, not this one)
FILE_KINDS = ("photo", "noisy photo", "shadowed photo", "on grey", "cutout", "filled", "outline")


def make_files(folder: Path, count: int) -> list[Path]:
    """`count` image files in `folder`, the same for every run with the same data.

    Without Fashion-MNIST these are copies of the shipped 28×28 samples, which decode far faster
    than real pictures: `inputs_description` says which, and the report carries it.
    """
    from fashion_desktop.dataset.files import find_dataset, load_split
    from fashion_desktop.errors import DataError

    folder.mkdir(parents=True, exist_ok=True)
    try:
        find_dataset()
        test = load_split("test")
    except DataError:
        from fashion_desktop.images.samples import list_samples

        samples = [s.path for s in list_samples()]
        paths = [folder / f"{i:04d}{samples[i % len(samples)].suffix}" for i in range(count)]
        for i, path in enumerate(paths):
            shutil.copyfile(samples[i % len(samples)], path)
        return paths
    from fashion_desktop.images.photo_like import KINDS

    rng = np.random.default_rng(0)
    kinds = [(kind, KINDS[kind]) for kind in FILE_KINDS]
    paths = []
    for i in range(count):
        kind, render = kinds[i % len(kinds)]
        data = render(test.images[i], rng)
        suffix = ".jpg" if data.startswith(b"\xff\xd8") else ".png"
        path = folder / f"{i:04d}-{kind}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def measure_predict(files: list[Path], device: str, runs: int = 3) -> dict:
    """predict_images_per_s (end to end through the CLI) and floor_decode_images_per_s: medians of
    `runs` launches of each, alternating, after an untimed launch of each on a few of the files
    (modules compiled, files cached: a second use). Alternating makes a slow spell of the machine
    cost both figures alike; the median keeps one such spell out of the ratio."""
    from fashion_desktop.images.preprocess import WORK_SIZE

    predict = [sys.executable, "-m", "fashion_desktop", "predict", "--json", "--device", device]
    floor = [sys.executable, "-c", DECODE_FLOOR, str(WORK_SIZE)]
    run_json([*predict, *map(str, files[:8])])
    run_json([*floor, *map(str, files[:8])])
    predict_walls, floor_walls = [], []
    for _ in range(runs):
        out, wall = run_json([*predict, *map(str, files)])
        rows = json.loads(out)
        failed = [row for row in rows if "error" in row]
        if failed or len(rows) != len(files):
            raise RuntimeError(f"predict failed on {len(failed)} of {len(files)} files: {failed[:1]}")
        predict_walls.append(wall)
        floor_walls.append(run_json([*floor, *map(str, files)])[1])
    return {"predict_images_per_s": len(files) / statistics.median(predict_walls),
            "floor_decode_images_per_s": len(files) / statistics.median(floor_walls),
            "predict_runs": runs, "predict_files": len(files), "predict_inputs": inputs_description(files)}


def measure_folder_view(folder: Path, device: str = "cpu") -> dict:
    """The folder view (gui/probe/window_probe.py folder) on every file in `folder`:
    folder_view_cold_images_per_s with its worker processes starting as the request comes, then
    folder_view_images_per_s with them running (the goal's figure: how every way of choosing a
    folder reaches the view), each of those passes after a `predict` launch on the same folder
    (folder_view_predict_images_per_s, what the goal compares it with), and folder_view_pool_start_s."""
    from fashion_desktop.bench.processes import child_env

    out, _wall = run_json([sys.executable, "-m", "fashion_desktop.gui.probe.window_probe", "folder", str(folder),
                           "--predict-device", device], child_env())
    figures = json.loads(out.strip().splitlines()[-1])
    if figures["folder_view_failed"]:
        raise RuntimeError(f"the folder view failed on {figures['folder_view_failed']} files")
    return figures
