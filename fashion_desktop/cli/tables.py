"""Tables a person reads in a terminal: class names on both axes, not bare indexes."""

from __future__ import annotations

from collections.abc import Sequence

from fashion_desktop.classes import CLASS_NAMES

# Column headings are short so that ten columns fit a 100-column terminal; each is unambiguous.
SHORT_NAMES: tuple[str, ...] = ("T-shirt", "Trouser", "Pullov", "Dress", "Coat", "Sandal", "Shirt", "Sneakr",
                                "Bag", "Boot")


def confusion_table(confusion: Sequence[Sequence[int]], names: Sequence[str] = CLASS_NAMES,
                    short: Sequence[str] = SHORT_NAMES) -> str:
    """Rows: the true class (full name); columns: the predicted class (short name)."""
    # at least one space between columns: "T-shirt" and "Trouser" must not run together
    width = max(max(len(s) for s in short), max(len(str(v)) for row in confusion for v in row)) + 1
    label_width = max(len(n) for n in names) + 2
    lines = ["Confusion matrix (rows: true class, columns: predicted class):",
             " " * label_width + "".join(f"{s:>{width}}" for s in short)]
    for name, row in zip(names, confusion, strict=True):
        lines.append(f"  {name:<{label_width - 2}}" + "".join(f"{v:>{width}}" for v in row))
    return "\n".join(lines)
