"""Finding, verifying and reading Fashion-MNIST (the four IDX files) without a download.

Searched, in order: an explicit folder, $FASHION_DESKTOP_DATA, Debian's package folder
(`apt-get install dataset-fashion-mnist`), and the per-user folder where `dataset/download.py`
puts it (`paths.download_root()`), each also in torchvision's `FashionMNIST/raw` layout.
Checksums are of the decompressed IDX bytes, so Debian's recompressed `.gz` files verify too.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from fashion_desktop import paths
from fashion_desktop.errors import DataError

DATA_ENV = "FASHION_DESKTOP_DATA"
DEBIAN_DIR = Path("/usr/share/datasets/fashion-mnist")

FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
SHA256 = {  # of the decompressed files
    "train-images-idx3-ubyte": "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
    "train-labels-idx1-ubyte": "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
    "t10k-images-idx3-ubyte": "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
    "t10k-labels-idx1-ubyte": "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
}
HOW_TO_GET = (
    "Get it with 'sudo apt-get install dataset-fashion-mnist' (Debian/Ubuntu), or 'fashion-desktop "
    "download-data DIR' where the internet is reachable, then pass --data-dir DIR or set "
    f"{DATA_ENV}=DIR."
)


@dataclass(frozen=True)
class Split:
    """One split: images as uint8 (N, 28, 28), light garment on black; labels as int64 (N,)."""

    images: np.ndarray
    labels: np.ndarray
    name: str
    source: Path

    def __len__(self) -> int:
        return len(self.labels)


def candidate_dirs(data_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """Every folder searched, in order; a folder also matches via torchvision's `FashionMNIST/raw`."""
    roots: list[Path] = []
    if data_dir:
        roots.append(Path(data_dir))
    if os.environ.get(DATA_ENV):
        roots.append(Path(os.environ[DATA_ENV]))
    roots += [DEBIAN_DIR, paths.download_root()]
    out: list[Path] = []
    for root in roots:
        for folder in (root, root / "FashionMNIST" / "raw", root / "fashion-mnist"):
            if folder not in out:
                out.append(folder)
    return out


def _find_file(folder: Path, stem: str) -> Path | None:
    for name in (stem, stem + ".gz"):
        if (folder / name).is_file():
            return folder / name
    return None


def find_dataset(data_dir: str | os.PathLike[str] | None = None, splits: tuple[str, ...] = ("train", "test")) -> Path:
    """The first folder holding every file of `splits`, or a DataError listing where we looked."""
    looked = candidate_dirs(data_dir)
    for folder in looked:
        if all(_find_file(folder, stem) for split in splits for stem in FILES[split]):
            return folder
    if data_dir and not Path(data_dir).exists():
        first = f"The folder {data_dir} does not exist. "
    else:
        first = ""
    raise DataError(
        f"{first}Fashion-MNIST was not found. Looked in: " + ", ".join(str(p) for p in looked) + ". " + HOW_TO_GET
    )


def _read_raw(path: Path) -> bytes:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as handle:
                return handle.read()
        return path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise DataError(f"Cannot read {path}: {exc}. The file is damaged; reinstall the data set.") from exc


def parse_idx(raw: bytes, name: str = "IDX data") -> np.ndarray:
    """Decode an IDX file (big-endian header: magic, dims) of unsigned bytes."""
    if len(raw) < 8 or raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise DataError(f"{name} is not an IDX file of unsigned bytes.")
    ndim = raw[3]
    header = 4 + 4 * ndim
    dims = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    expected = header + int(np.prod(dims))
    if len(raw) != expected:
        raise DataError(f"{name} is {len(raw)} bytes but its header promises {expected}: truncated or damaged.")
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(dims).copy()


def load_split(split: str, data_dir: str | os.PathLike[str] | None = None, verify: bool = True) -> Split:
    """Read one split ('train' or 'test'), verifying its checksums."""
    if split not in FILES:
        raise ValueError(f"split must be one of {sorted(FILES)}")
    folder = find_dataset(data_dir, (split,))
    arrays = []
    for stem in FILES[split]:
        path = _find_file(folder, stem)
        assert path is not None
        raw = _read_raw(path)
        if verify and hashlib.sha256(raw).hexdigest() != SHA256[stem]:
            raise DataError(f"{path} does not match Fashion-MNIST's checksum: the file is damaged or different. "
                            f"{HOW_TO_GET}")
        arrays.append(parse_idx(raw, str(path)))
    images, labels = arrays
    if images.shape[1:] != (28, 28) or len(images) != len(labels):
        raise DataError(f"{folder} holds images of shape {images.shape} and {len(labels)} labels; not Fashion-MNIST.")
    return Split(images=images, labels=labels.astype(np.int64), name=split, source=folder)
