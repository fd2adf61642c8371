"""The pictures in a folder (optionally its subfolders), in a stable order, and what was left out.

Used by `predict FOLDER` and the window's folder view, so both list the same files. A file counts
as a picture by its suffix; whether it really decodes is found out later, per file (a damaged file
becomes an answer with its reason, never a stop). Hidden files and folders are skipped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".bmp", ".gif", ".webp",
                              ".tif", ".tiff", ".ppm", ".pgm", ".pbm", ".pnm", ".tga", ".ico"})


@dataclass(frozen=True)
class Listing:
    """The pictures found, and how many other files were passed over (not pictures by their name)."""

    pictures: list[Path]
    skipped: int = 0
    unreadable: list[str] = field(default_factory=list)  # folders that could not be listed, with the reason


def is_picture_name(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in PICTURE_SUFFIXES


def _sort_key(path: Path) -> tuple:
    return tuple(part.casefold() for part in path.parts)


def list_pictures(folder: str | os.PathLike[str], recursive: bool = False) -> Listing:
    """Every picture in `folder` (and below, with `recursive`), sorted by path, case-insensitively."""
    folder = Path(folder)
    pictures: list[Path] = []
    skipped = 0
    unreadable: list[str] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as exc:
            unreadable.append(f"{current}: {exc.strerror or exc}")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    if recursive and not entry.is_symlink():  # no loops through links
                        pending.append(Path(entry.path))
                    continue
            except OSError:
                continue
            if is_picture_name(entry.name):
                pictures.append(Path(entry.path))
            else:
                skipped += 1
    return Listing(sorted(pictures, key=_sort_key), skipped, unreadable)
