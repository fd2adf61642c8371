"""Tables a person reads in a terminal: class names on both axes, not bare indexes.

Names are in the command line's language (Chinese under LANG=zh_CN), and columns are padded by
the width a terminal gives each character: a Chinese character takes two columns, so Python's
`f"{name:<12}"` (which counts characters) would push the numbers out of line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from fashion_desktop import i18n
from fashion_desktop.classes import class_names
from fashion_desktop.i18n import QT_TRANSLATE_NOOP

# Column headings must be short to keep ten columns on an 80-column terminal; each is unambiguous.
SHORT_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CliTable", "T-shirt"), QT_TRANSLATE_NOOP("CliTable", "Trouser"),
    QT_TRANSLATE_NOOP("CliTable", "Pullov"), QT_TRANSLATE_NOOP("CliTable", "Dress"), QT_TRANSLATE_NOOP("CliTable", "Coat"),
    QT_TRANSLATE_NOOP("CliTable", "Sandal"), QT_TRANSLATE_NOOP("CliTable", "Shirt"), QT_TRANSLATE_NOOP("CliTable", "Sneakr"),
    QT_TRANSLATE_NOOP("CliTable", "Bag"), QT_TRANSLATE_NOOP("CliTable", "Boot"))


def display_width(text: str) -> int:
    """Terminal columns `text` takes: two for a wide (CJK) character, one for the rest."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def ljust(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def rjust(text: str, width: int) -> str:
    return " " * max(0, width - display_width(text)) + text


def confusion_table(confusion: Sequence[Sequence[int]], names: Sequence[str] | None = None,
                    short: Sequence[str] | None = None) -> str:
    """Rows: the true class (full name); columns: the predicted class (short name)."""
    names = class_names() if names is None else names
    short = [i18n.translate("CliTable", s) for s in SHORT_NAMES] if short is None else short
    width = max(7, max(len(str(v)) for row in confusion for v in row) + 1, *(display_width(s) + 1 for s in short))
    label_width = max(display_width(n) for n in names) + 2
    lines = [i18n.translate("CliTable", "Confusion matrix (rows: true class, columns: predicted class):"),
             " " * label_width + "".join(rjust(s, width) for s in short)]
    for name, row in zip(names, confusion, strict=True):
        lines.append("  " + ljust(name, label_width - 2) + "".join(f"{v:>{width}}" for v in row))
    return "\n".join(lines)
