"""The model card written beside trained weights: how they were made and how good they are.

JSON for tools (and for the checksum the loader verifies), Markdown for people.
"""

from __future__ import annotations

import json
import platform
from pathlib import Path

from fashion_desktop import __version__
from fashion_desktop.atomic import atomic_write_text
from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.dataset.files import SHA256

TUTORIAL_NETWORK = ("NeuralNetwork (PyTorch 'Build the Neural Network' tutorial): Flatten, Linear(784,512), ReLU, "
                    "Linear(512,512), ReLU, Linear(512,10)")


def build_card(*, model: str | None = None, weights_path: Path, weights_sha256: str, config: dict, test: dict, best_epoch: int,
               best_val_accuracy: float, epochs_run: int, train_seconds: float, data_source: str,
               device: str, command: str, photo_like: dict | None = None, stopped: bool = False,
               threads: int = 0, initial_weights: dict | None = None, familiarity: dict | None = None,
               sketches: dict | None = None, teacher: dict | None = None) -> dict:
    import torch  # here, not at the top: reading a card (the Train panel's reference line) needs no torch

    return {
        "model": model or TUTORIAL_NETWORK,
        "weights": {"file": weights_path.name, "sha256": weights_sha256, "format": "state_dict (torch.save)"},
        "test": test,
        "photo_like": photo_like or {},
        "sketches": sketches or {},
        "familiarity": familiarity or {},
        "training": {
            "recipe": config,
            "best_epoch": best_epoch,
            "epochs_run": epochs_run,
            "stopped_early": stopped,
            "validation_accuracy": best_val_accuracy,
            "seconds": round(train_seconds, 1),
            "device": device,
            "threads": threads,
            "command": command,
            "initial_weights": initial_weights,
            "teacher": teacher,
        },
        "data": {"name": "Fashion-MNIST", "source": data_source, "sha256_uncompressed": SHA256},
        "software": {"fashion_desktop": __version__, "torch": torch.__version__, "python": platform.python_version()},
    }


def render_markdown(card: dict) -> str:
    test = card["test"]
    lines = [
        f"# Model card: Fashion-MNIST {card['model'].split(' ', 1)[0]}",
        "",
        f"{card['model']}.",
        "",
        f"**Test accuracy: {test['accuracy']:.4f}** on the 10,000 Fashion-MNIST test images "
        f"(mean loss {test['loss']:.4f}).",
        "",
        "## Per class",
        "",
        "| class | accuracy |",
        "| --- | --- |",
    ]
    lines += [f"| {name} | {acc:.3f} |" for name, acc in zip(CLASS_NAMES, test["per_class"])]
    lines += ["", "## Confusion matrix (rows: true class, columns: predicted)", "",
              "| | " + " | ".join(str(i) for i in range(len(CLASS_NAMES))) + " |",
              "| --- " * (len(CLASS_NAMES) + 1) + "|"]
    lines += [f"| {i} {name} | " + " | ".join(str(v) for v in row) + " |"
              for i, (name, row) in enumerate(zip(CLASS_NAMES, test["confusion"]))]
    if card.get("photo_like"):
        lines += ["", "## Photo-like inputs (test images rendered as files, read back through preprocessing)", "",
                  "| kind | accuracy | images |", "| --- | --- | --- |"]
        lines += [f"| {kind} | {v['accuracy']:.4f} | {v['images']} |" for kind, v in card["photo_like"].items()]
        if card.get("photo_like_command"):
            lines += ["", f"Measured by `{card['photo_like_command']}`."]
    if card.get("sketches"):
        styles = card["sketches"]["styles"]
        facing = card["sketches"].get("facing", {})
        lines += ["", "## Sketches (`fashion-desktop evaluate --sketches`: hand-made shapes drawn as people draw them)",
                  "", "| | " + " | ".join(styles) + " |", "| --- " * (len(styles) + 1) + "|",
                  "| strict | " + " | ".join(f"{v['strict']:.3f}" for v in styles.values()) + " |",
                  "| long-sleeved tops as one | " + " | ".join(f"{v['tops_as_one']:.3f}" for v in styles.values()) + " |"]
        lines += [f"| {name} | " + " | ".join(f"{v['per_class'][name]:.3f}" for v in styles.values()) + " |"
                  for name in CLASS_NAMES]
        if facing:
            lines += ["| side views facing left | " + " | ".join(f"{facing[s]['left']:.3f}" for s in styles) + " |",
                      "| side views facing right | " + " | ".join(f"{facing[s]['right']:.3f}" for s in styles) + " |"]
    if card.get("familiarity"):
        fam = card["familiarity"]
        if fam.get("fitted_on_learnt_images"):
            summary = (f"Familiarity: {fam['method']}; threshold {fam['threshold']:.2f}, set on "
                       f"{fam.get('learnt_fit_images', 1000):,} training "
                       "images the network also learnt from (none was held out). Calibration: none (temperature "
                       "1): a temperature fitted on learnt images would sharpen answers that need softening")
            if fam.get("test_ece"):
                summary += f" (expected calibration error on the test images {fam['test_ece']['before']:.4f})"
        else:
            summary = (f"Familiarity: {fam['method']}; threshold {fam['threshold']:.2f}. Calibration: temperature "
                       f"{fam['temperature']:.3f}, fitted on the held-out training images (their expected calibration "
                       f"error {fam['validation_ece']['before']:.4f} → {fam['validation_ece']['after']:.4f}")
            if fam.get("test_ece"):
                summary += f"; on the test images {fam['test_ece']['before']:.4f} → {fam['test_ece']['after']:.4f}"
            summary += ")"
        summary += "."
        lines += ["", "## Familiarity and calibration", "", summary, "", "| flagged as unfamiliar | share |",
                  "| --- | --- |"]
        lines += [f"| {name.replace('_', ' ')} | {share:.3f} |" for name, share in fam.get("flagged", {}).items()]
        lines += [f"| {name.replace('_', ' ')} (calibration set) | {share:.3f} |"
                  for name, share in fam["calibration_flagged"].items()]
    training = card["training"]
    lines += ["", "## Recipe", "", f"Command: `{training['command']}`", "",
              (f"Best epoch {training['best_epoch']} of {training['epochs_run']} by accuracy on a held-out "
               f"validation split of the training set ({training['validation_accuracy']:.4f}); "
               if training["recipe"].get("val_size", 1) > 0 else
               f"Every training image learnt; the final epoch's weights ({training['best_epoch']} of "
               f"{training['epochs_run']}); ")
              + f"{training['seconds']} s on {training['device']}.", "", "```json",
              json.dumps(training["recipe"], indent=2), "```", ""]
    if training.get("initial_weights"):
        start = training["initial_weights"]
        lines += [f"Started from `{start['file']}` (SHA-256 `{start['sha256']}`), not from a fresh network.", ""]
    if training.get("teacher"):
        teacher = training["teacher"]
        lines += [f"Distilled from the teacher `{teacher['file']}` (SHA-256 `{teacher['sha256']}`), made by "
                  f"`{teacher['command']}`.", ""]
    lines += ["## Data", "", f"Read from `{card['data']['source']}`; SHA-256 of the uncompressed IDX files:", ""]
    lines += [f"- `{name}`: `{digest}`" for name, digest in card["data"]["sha256_uncompressed"].items()]
    software = card["software"]
    lines += ["", "## Software", "", f"fashion-desktop {software['fashion_desktop']}, torch {software['torch']}, "
              f"Python {software['python']}.", "", f"Weights: `{card['weights']['file']}`, "
              f"SHA-256 `{card['weights']['sha256']}`.", ""]
    return "\n".join(lines)


def write_card(card: dict, json_path: Path, markdown_path: Path) -> None:
    atomic_write_text(json_path, json.dumps(card, indent=2) + "\n")
    atomic_write_text(markdown_path, render_markdown(card))


def read_card(path: str | Path | None = None) -> dict | None:
    """A model card's JSON (the shipped model's by default); None when absent or unreadable."""
    from fashion_desktop.resources import MODEL_CARD_JSON, resource_path

    card_path = Path(path) if path is not None else resource_path(MODEL_CARD_JSON)
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return card if isinstance(card, dict) else None


def shipped_accuracy() -> float | None:
    """The shipped model's test accuracy from its card: the reference line on training curves."""
    card = read_card()
    try:
        return float(card["test"]["accuracy"]) if card else None
    except (KeyError, TypeError, ValueError):
        return None


def card_paths(weights_path: str | Path) -> tuple[Path, Path]:
    """Where a card goes beside weights saved from the window: `<stem>.model_card.json` and `.MODEL_CARD.md`.

    (The `train` command writes `model_card.json` beside its `--out`; named per file here so
    several models saved into one folder keep their own cards.)
    """
    path = Path(weights_path)
    return path.with_name(path.stem + ".model_card.json"), path.with_name(path.stem + ".MODEL_CARD.md")


def save_trained(state_dict: dict, weights_path: str | Path, **card_fields: object) -> tuple[str, Path]:
    """Save a tutorial-compatible state_dict atomically, then its card; returns (sha256, card JSON path).

    `card_fields` are `build_card`'s keywords except the weights path and checksum.
    """
    from fashion_desktop.network.model import NeuralNetwork, save_weights

    path = Path(weights_path)
    model = NeuralNetwork()
    model.load_state_dict(state_dict)
    digest = save_weights(model, path)
    card = build_card(weights_path=path, weights_sha256=digest, **card_fields)  # type: ignore[arg-type]
    json_path, markdown_path = card_paths(path)
    write_card(card, json_path, markdown_path)
    return digest, json_path
