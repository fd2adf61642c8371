"""Which files of `resources/` go into the bundle, and the check that the essential ones exist.

Why a list and not the whole folder: `resources/` is also where training writes checkpoints and
where people drop experiments; only the files the app reads are shipped. Why fail on missing
weights: a bundle without them starts, but every prediction fails — worse than no build.
The frozen app finds these files through `fashion_desktop.resources` (`sys._MEIPASS/resources`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

WEIGHTS = "model_weights.pth"
OPTIONAL = ("model_card.json", "MODEL_CARD.md", "familiarity.npz")
GLOBS = ("icons/*.svg", "icons/*.png", "samples/*.png")
DEST = "resources"  # the folder name under _MEIPASS that fashion_desktop.resources expects


class MissingResource(RuntimeError):
    """A file the app cannot work without is not there."""


@dataclass
class ResourcePlan:
    """(source file, destination folder in the bundle) pairs, plus warnings for the build log."""

    datas: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return sum(Path(src).stat().st_size for src, _ in self.datas)


def plan(resources: Path, weights: Path | None = None) -> ResourcePlan:
    """The data files to bundle. `weights` replaces resources/model_weights.pth (same name inside)."""
    result = ResourcePlan()
    weights = Path(weights) if weights is not None else resources / WEIGHTS
    if not weights.is_file():
        raise MissingResource(
            f"The trained weights are missing: {weights} does not exist.\n"
            f"Train them with `fashion-desktop train --out {resources / WEIGHTS}` (see README.md), "
            f"or pass --weights PATH to build.py. A bundle without weights cannot classify anything.")
    if weights.name != WEIGHTS:  # the app looks for this exact name; stage a copy under it
        raise MissingResource(f"--weights must be a file named {WEIGHTS} (got {weights.name})")
    result.datas.append((str(weights), DEST))
    for name in OPTIONAL:
        path = resources / name
        if path.is_file():
            result.datas.append((str(path), DEST))
        else:
            result.warnings.append(f"{path} is missing: the About box, model card or familiarity will say so")
    for pattern in GLOBS:
        found = sorted(resources.glob(pattern))
        if not found:
            result.warnings.append(f"nothing matches resources/{pattern}")
        for path in found:
            result.datas.append((str(path), f"{DEST}/{path.parent.relative_to(resources).as_posix()}"))
    return result
