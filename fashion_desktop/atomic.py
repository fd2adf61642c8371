"""Atomic file writes: a reader (or a crash) never sees a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO


def _read_umask() -> int:
    mask = os.umask(0o022)  # read once, at import, before threads start
    os.umask(mask)
    return mask


_UMASK = _read_umask()


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "wb",
                check: Callable[[Path], None] | None = None) -> Iterator[IO]:
    """Open a temporary file beside `path`; on success it replaces `path` in one rename.

    `check`, if given, is called with the finished temporary file before the rename; if it raises,
    the temporary file is removed and `path` (if it existed) is left as it was.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, mode) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o666 & ~_UMASK)  # as open() would create it; mkstemp makes it private
        if check is not None:
            check(Path(tmp_name))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` atomically."""
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 `text` to `path` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_save(path: str | os.PathLike[str], writer: Callable[[IO], None],
                check: Callable[[Path], None] | None = None) -> None:
    """Let `writer` fill a binary handle (e.g. `torch.save`), then publish it atomically (after `check`)."""
    with atomic_open(path, "wb", check) as handle:
        writer(handle)
