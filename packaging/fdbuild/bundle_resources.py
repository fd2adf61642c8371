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
CARD = "model_card.json"  # the loader checks the shipped weights against its SHA-256: required
OPTIONAL = ("MODEL_CARD.md", "familiarity.npz")
GLOBS = ("icons/*.svg", "icons/*.png", "samples/*.png", "translations/*.qm",  # .qm: packaging/translations.py
         "maps/*.npz")  # the shipped weights' first map (explain/map/cache.py)
REQUIRED_GLOBS = ("samples/*.png",)  # the frozen app's --self-test classifies them; none would prove nothing
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
    result.datas.append((str(_card_for(weights, resources)), DEST))
    for name in OPTIONAL:
        path = resources / name
        if path.is_file():
            result.datas.append((str(path), DEST))
        else:
            result.warnings.append(f"{path} is missing: the About box, model card or familiarity will say so")
    for pattern in GLOBS:
        found = sorted(resources.glob(pattern))
        if not found and pattern in REQUIRED_GLOBS:
            raise MissingResource(
                f"Nothing matches resources/{pattern}: the installer's self-test would classify no samples. "
                "Export them with `fashion-desktop export-samples`.")
        if not found:
            result.warnings.append(f"nothing matches resources/{pattern}")
        for path in found:
            result.datas.append((str(path), f"{DEST}/{path.parent.relative_to(resources).as_posix()}"))
    return result


def _card_for(weights: Path, resources: Path) -> Path:
    """The model card of `weights` (beside them, as `fashion-desktop train` writes it), checked against them.

    The app refuses shipped weights whose card is missing or names another checksum, so a bundle
    without a matching card would start and then fail to load its model.
    """
    import hashlib
    import json

    card = weights.with_name(CARD)
    if not card.is_file():
        raise MissingResource(f"The model card {card} is missing: the app would refuse the weights without it. "
                              f"`fashion-desktop train --out {resources / WEIGHTS}` writes both.")
    try:
        stated = json.loads(card.read_text(encoding="utf-8"))["weights"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise MissingResource(f"The model card {card} cannot be read or has no weights checksum ({exc}).") from exc
    actual = hashlib.sha256(weights.read_bytes()).hexdigest()
    if stated != actual:
        raise MissingResource(f"The model card {card} is for other weights (SHA-256 {str(stated)[:12]}…, "
                              f"but {weights.name} is {actual[:12]}…): the app would refuse them.")
    return card
