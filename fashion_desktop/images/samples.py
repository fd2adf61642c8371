"""The sample garments shipped in `resources/samples/`: real test images, one or more per class.

Files are named `<class index>-<slug>-<test index>.png` so the class is known without a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.resources import SAMPLES_DIR, resource_path

_NAME = re.compile(r"^(\d)-[a-z-]+-(\d+)\.png$")


@dataclass(frozen=True)
class Sample:
    path: Path
    class_index: int
    test_index: int

    @property
    def label(self) -> str:
        return CLASS_NAMES[self.class_index]


def slug(class_index: int) -> str:
    return re.sub(r"[^a-z]+", "-", CLASS_NAMES[class_index].lower()).strip("-")


def sample_name(class_index: int, test_index: int) -> str:
    return f"{class_index}-{slug(class_index)}-{test_index}.png"


def list_samples(folder: Path | None = None) -> list[Sample]:
    """Every shipped sample, ordered by class."""
    folder = folder or resource_path(SAMPLES_DIR)
    found = []
    for path in sorted(folder.glob("*.png")) if folder.is_dir() else []:
        match = _NAME.match(path.name)
        if match:
            found.append(Sample(path, int(match.group(1)), int(match.group(2))))
    return sorted(found, key=lambda s: (s.class_index, s.test_index))


def export_samples(images, labels, predicted, folder: Path, per_class: int = 2) -> list[Path]:
    """Write the first `per_class` test images of each class that the model classifies correctly.

    `predicted` must come from the same preprocessing a loaded file goes through.

    Correctly classified ones, so a sample demonstrates the class rather than a known mistake;
    the test browser is where mistakes are shown.
    """
    from PIL import Image

    from fashion_desktop.atomic import atomic_open

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for class_index in range(len(CLASS_NAMES)):
        picked = [i for i in range(len(labels)) if labels[i] == class_index and predicted[i] == class_index][:per_class]
        for i in picked:
            path = folder / sample_name(class_index, i)
            with atomic_open(path, "wb") as handle:  # a sample is never left half-written
                Image.fromarray(images[i]).save(handle, "PNG", optimize=True)
            written.append(path)
    return written
