"""Downloading Fashion-MNIST with progress and cancel, without torchvision.

The one downloader: `fashion-desktop download-data` and the window's Train panel both use it.
torchvision's downloader would do, but the frozen app does not ship torchvision (and its download
can be neither followed nor cancelled), so this fetches the four `.gz` files itself from the same
mirrors, checks each against the SHA-256 in `files.SHA256` before it is published (atomically),
and puts them in torchvision's layout under `paths.download_root()`, where `files.find_dataset` looks.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fashion_desktop import paths
from fashion_desktop.atomic import atomic_write_bytes
from fashion_desktop.dataset.files import FILES, SHA256
from fashion_desktop.errors import DataError, FashionDesktopError
from fashion_desktop.i18n import QT_TRANSLATE_NOOP, translate

# The mirrors torchvision uses (the S3 website endpoint has no HTTPS; the checksums guard integrity).
MIRRORS: tuple[str, ...] = (
    "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
    "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/",
)
STEMS: tuple[str, ...] = FILES["train"] + FILES["test"]
APPROX_BYTES = 30_878_551  # the four .gz files together, for a size hint before the first response


class DownloadCancelled(FashionDesktopError):
    """The person cancelled; files already verified stay, nothing half-written is left."""


@dataclass(frozen=True)
class DownloadProgress:
    """Plain data for a progress bar: which file, and bytes so far of all files together."""

    file: str
    index: int  # 0-based file number
    files: int
    done_bytes: int  # over all files
    total_bytes: int  # best estimate over all files


def target_folder(root: str | os.PathLike[str] | None = None) -> Path:
    """Where the files go: `<root>/FashionMNIST/raw` (torchvision's layout), root = the per-user folder."""
    return Path(root or paths.download_root()) / "FashionMNIST" / "raw"


def _verified(path: Path, stem: str) -> bool:
    try:
        with gzip.open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest() == SHA256[stem]
    except (OSError, EOFError):
        return False


def _fetch(url: str, timeout: float, cancelled: Callable[[], bool],
           on_bytes: Callable[[int, int | None], None]) -> bytes:
    buffer = io.BytesIO()
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - fixed mirror list
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        while True:
            if cancelled():
                raise DownloadCancelled(QT_TRANSLATE_NOOP("Errors", "The download was cancelled."))
            block = response.read(1 << 16)
            if not block:
                break
            buffer.write(block)
            on_bytes(buffer.tell(), total)
    return buffer.getvalue()


def download_dataset(root: str | os.PathLike[str] | None = None, *, mirrors: tuple[str, ...] = MIRRORS,
                     on_progress: Callable[[DownloadProgress], None] | None = None,
                     cancelled: Callable[[], bool] | None = None, timeout: float = 15.0) -> Path:
    """Fetch the four files (skipping ones already present and valid); returns the folder.

    Raises DownloadCancelled when `cancelled()` turns true, and DataError saying what failed
    (and how else to get the data) when no mirror delivers a file that verifies.
    """
    folder = target_folder(root)
    cancelled = cancelled or (lambda: False)
    done_before = 0  # bytes of the files already finished
    estimate = APPROX_BYTES

    def report(index: int, stem: str, done: int) -> None:
        if on_progress is not None:
            done_all = done_before + done
            on_progress(DownloadProgress(stem + ".gz", index, len(STEMS), done_all, max(estimate, done_all)))

    for index, stem in enumerate(STEMS):
        path = folder / (stem + ".gz")
        if path.is_file() and _verified(path, stem):
            size = path.stat().st_size
            done_before += size
            report(index, stem, 0)
            continue
        problems: list[str] = []

        def on_bytes(done: int, _total: int | None, i: int = index, s: str = stem) -> None:
            report(i, s, done)

        for mirror in mirrors:
            url = mirror + stem + ".gz"
            try:
                payload = _fetch(url, timeout, cancelled, on_bytes)
            except DownloadCancelled:
                raise
            except (urllib.error.URLError, OSError, ValueError) as exc:
                problems.append(f"{url}: {getattr(exc, 'reason', None) or exc}")
                continue
            try:
                raw = gzip.decompress(payload)
            except (OSError, EOFError) as exc:
                problems.append(translate("Download", "{url}: not a valid .gz file ({reason})").format(url=url, reason=exc))
                continue
            if hashlib.sha256(raw).hexdigest() != SHA256[stem]:
                problems.append(translate("Download", "{url}: the file does not match Fashion-MNIST's checksum").format(url=url))
                continue
            atomic_write_bytes(path, payload)
            done_before += len(payload)
            report(index, stem, 0)
            break
        else:
            raise DataError(QT_TRANSLATE_NOOP(
                "Errors", "Could not download {file}: {problems}. Check the internet connection, or install the "
                          "data set another way: 'sudo apt-get install dataset-fashion-mnist' (Debian/Ubuntu), "
                          "or copy the four .gz files into {folder}."),
                file=f"{stem}.gz", problems="; ".join(problems), folder=folder)
    estimate = done_before  # every size is known now: a mirror's files may differ from the estimate in size
    report(len(STEMS) - 1, STEMS[-1], 0)  # so the bar ends at 100 %
    return folder
