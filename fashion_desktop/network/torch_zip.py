"""Read the tensors of a `torch.save` file without torch, and without unpickling arbitrary objects.

Why: the window should answer the first stroke before PyTorch has finished importing (seconds on
a small machine), and `predict` on the CPU should not import it at all. The shipped weights are a
`.pth` (the tutorial's format, which people's own files also use), so we read that format itself
rather than shipping a second, `.safetensors` twin that could drift from the model card: this way
every `.pth` a person opens gets the fast path too, and the card's checksum covers the one file.

Safety — the rule is "never unpickle untrusted data": a `.pth` is a zip whose `data.pkl` is a
pickle. This reader runs it with an `Unpickler` whose `find_class` never imports anything: it
answers only the handful of names a state_dict uses (`collections.OrderedDict`, torch's
`_rebuild_tensor_v2` / `_rebuild_parameter` and its `*Storage` type tags) with stand-ins defined
here that build plain numpy arrays, and refuses every other name — the same allow-list idea as
`torch.load(weights_only=True)`, narrower. Storages are raw little-endian bytes read from the
zip's `data/<key>` entries. Anything unusual (big-endian files, bfloat16, other globals) raises
`UnsupportedWeights`; callers then fall back to torch's own reader, which decides.
"""

from __future__ import annotations

import collections
import io
import pickle
import zipfile
from collections.abc import Callable
from typing import Any

import numpy as np

_DTYPES = {"FloatStorage": np.float32, "DoubleStorage": np.float64, "HalfStorage": np.float16,
           "LongStorage": np.int64, "IntStorage": np.int32, "ShortStorage": np.int16,
           "CharStorage": np.int8, "ByteStorage": np.uint8, "BoolStorage": np.bool_}


class UnsupportedWeights(ValueError):
    """This file is not a plain state_dict this reader understands (torch may still read it)."""


class _StorageType:
    def __init__(self, dtype: type) -> None:
        self.dtype = np.dtype(dtype)


def _rebuild_tensor(storage: np.ndarray, offset: int, size: tuple, stride: tuple, *_rest: Any) -> np.ndarray:
    """torch._utils._rebuild_tensor_v2's arguments → an owned numpy array (the view copied out)."""
    size, stride = tuple(int(s) for s in size), tuple(int(s) for s in stride)
    needed = offset + sum((n - 1) * s for n, s in zip(size, stride)) + 1 if all(size) else offset
    if offset < 0 or any(s < 0 for s in stride) or needed > storage.size:
        raise UnsupportedWeights("a tensor reaches outside its storage")
    item = storage.itemsize
    view = np.lib.stride_tricks.as_strided(storage[offset:], shape=size, strides=[s * item for s in stride])
    return np.array(view, copy=True)


def _rebuild_parameter(data: np.ndarray, *_rest: Any) -> np.ndarray:
    return data


def _ordered_dict() -> collections.OrderedDict:
    return collections.OrderedDict()


_ALLOWED: dict[tuple[str, str], Any] = {
    ("collections", "OrderedDict"): collections.OrderedDict,
    ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor,
    ("torch._utils", "_rebuild_parameter"): _rebuild_parameter,
    **{("torch", name): _StorageType(dtype) for name, dtype in _DTYPES.items()},
}


class _Restricted(pickle.Unpickler):
    def __init__(self, data: bytes, load_storage: Callable[[_StorageType, str, int], np.ndarray]) -> None:
        super().__init__(io.BytesIO(data))
        self._load_storage = load_storage
        self._storages: dict[str, np.ndarray] = {}

    def find_class(self, module: str, name: str) -> Any:
        try:
            return _ALLOWED[(module, name)]
        except KeyError:
            raise UnsupportedWeights(f"refused to load {module}.{name}: not part of a plain state_dict") from None

    def persistent_load(self, pid: Any) -> np.ndarray:
        if not (isinstance(pid, tuple) and len(pid) == 5 and pid[0] == "storage"
                and isinstance(pid[1], _StorageType) and isinstance(pid[2], str)):
            raise UnsupportedWeights("an unknown kind of persistent object")
        kind, key, numel = pid[1], pid[2], int(pid[4])
        if key not in self._storages:
            self._storages[key] = self._load_storage(kind, key, numel)
        return self._storages[key]


def read_state_dict(data: bytes) -> dict[str, Any]:
    """The top-level mapping of a `torch.save` zip, tensors as numpy arrays. Raises UnsupportedWeights."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnsupportedWeights(f"not a readable zip ({exc})") from exc
    pickles = [n for n in names if n.endswith("/data.pkl") and n.count("/") == 1]
    if len(pickles) != 1:
        raise UnsupportedWeights("not in torch.save's zip layout")
    prefix = pickles[0][: -len("data.pkl")]
    if f"{prefix}byteorder" in names and archive.read(f"{prefix}byteorder").strip() != b"little":
        raise UnsupportedWeights("saved on a big-endian machine")

    def load_storage(kind: _StorageType, key: str, numel: int) -> np.ndarray:
        try:
            raw = archive.read(f"{prefix}data/{key}")
        except KeyError as exc:
            raise UnsupportedWeights(f"storage {key} is missing") from exc
        if len(raw) < numel * kind.dtype.itemsize:
            raise UnsupportedWeights(f"storage {key} is truncated")
        return np.frombuffer(raw, dtype=kind.dtype.newbyteorder("<"), count=numel)

    try:
        obj = _Restricted(archive.read(pickles[0]), load_storage).load()
    except UnsupportedWeights:
        raise
    except Exception as exc:  # a damaged pickle: let torch's reader word the error
        raise UnsupportedWeights(f"damaged ({type(exc).__name__})") from exc
    if not isinstance(obj, dict):
        raise UnsupportedWeights("the file does not hold a mapping")
    return obj
