"""The network's answer for each file as a CSV row, the same from `predict --csv` and the window.

One row a file: path, label, index, confidence, the ten class probabilities (columns named by
class), error. A file that could not be classified has an empty answer and its reason in `error`.
Spreadsheets read it as is; probabilities keep 6 significant digits.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from fashion_desktop.classes import CLASS_NAMES

CSV_HEADER: tuple[str, ...] = ("path", "label", "index", "confidence", *CLASS_NAMES, "error")


def csv_row(path: str, probabilities: Sequence[float] | None = None, error: str = "") -> list[str]:
    """One file's row; `probabilities` None for a file with an error."""
    if probabilities is None:
        return [path, "", "", "", *([""] * len(CLASS_NAMES)), error]
    values = [float(p) for p in probabilities]
    index = max(range(len(values)), key=values.__getitem__)
    return [path, CLASS_NAMES[index], str(index), f"{values[index]:.6g}", *(f"{p:.6g}" for p in values), error]


def write_csv(rows: Iterable[Sequence[str]], handle: io.TextIOBase) -> None:
    """The header, then `rows` (from `csv_row`)."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(rows)


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    write_csv(rows, buffer)
    return buffer.getvalue()
