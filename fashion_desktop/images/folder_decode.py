"""The folder view's per-file work: decode, thumbnail, preprocess — in a worker process, without Qt.

Why a module of its own: the window's folder view (gui/folder_job.py) runs this in a pool of
processes, because Pillow and numpy hold the GIL for much of the work and threads in the window's
process reached only a fraction of what `predict`'s process pool does. A worker process must not
import Qt (it would cost each worker PySide6's start-up, and Qt in a process that did not start
it is asking for trouble), so this module imports nothing of the window, and the forkserver
preloads it (gui/folder_pool.py). It is also what the view falls back to in threads.

Everything crossing the process boundary is plain, picklable data: arrays, and a `Problem` that
keeps an error's English template and arguments (or an unexpected exception's type and text);
the window's process words it in the reader's language.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from fashion_desktop.errors import FashionDesktopError
from fashion_desktop.images.preprocess import open_image, prepare_image, shrink

THUMBNAIL = 48  # pixels, the longest side


@dataclass(frozen=True)
class Problem:
    """Why a file has no pixels: a FashionDesktopError's `template` and `arguments`, or else (a bug
    or a decoder's surprise) the exception's type name and text in `exception` and `detail`."""

    template: str = ""
    arguments: dict[str, object] = field(default_factory=dict)
    exception: str = ""
    detail: str = ""


# (thumbnail uint8 H×W×4 or None, 28×28 float32 pixels or None, the problem or None)
Decoded = tuple[np.ndarray | None, np.ndarray | None, Problem | None]


def _plain(value: object) -> object:
    """A template argument as something any process can unpickle (numbers keep their format specs)."""
    return value if isinstance(value, (str, int, float, bool)) else str(value)


def decode(path: str | os.PathLike[str]) -> Decoded:
    """One file → (thumbnail, pixels, None) or (thumbnail or None, None, why)."""
    thumbnail = pixels = None
    try:
        image = open_image(path)
        try:
            # the picture itself, as `predict` preprocesses it: the same answer at the same cost
            pixels = prepare_image(image).pixels
        finally:  # a blank picture keeps its thumbnail, made last so that it can shrink the picture in place
            thumbnail = _thumbnail(image)
        return thumbnail, pixels, None
    except FashionDesktopError as exc:
        return thumbnail, None, Problem(exc.template, {k: _plain(v) for k, v in exc.arguments.items()})
    except Exception as exc:  # noqa: BLE001 - one strange file must never stop the folder
        return thumbnail, None, Problem(exception=type(exc).__name__, detail=str(exc))


def _thumbnail(image: Image.Image) -> np.ndarray:
    """THUMBNAIL pixels across, RGBA; `image` may be shrunk in place (it is not used after).

    Whole-factor reduction to within twice the size, then bicubic (~0.2 ms a file of 160-480 px,
    a third less than Pillow's default of reducing to within four times); pixel formats other than
    L, RGB and RGBA from their working-size copy, as preprocessing converts them."""
    small = image if image.mode in ("L", "RGB", "RGBA") else shrink(image)
    small.thumbnail((THUMBNAIL, THUMBNAIL), reducing_gap=1.0)
    return np.array(small.convert("RGBA"), dtype=np.uint8)


def decode_many(paths: list[Path]) -> list[Decoded]:
    """`decode` on each of a few files: one round trip to a worker for several (less pickling, fewer wake-ups)."""
    return [decode(path) for path in paths]


def start_worker(window_pid: int) -> None:
    """A worker's initializer: one BLAS thread, and an exit of its own once the window's process is gone.

    Why the watch: a worker waits on the pool's queue, whose pipe it holds both ends of, so a window
    killed or crashed (SIGTERM at logout, SIGKILL, a segfault) left the workers, and with them the
    fork server and the resource tracker, running idle for good. A clean close shuts them down."""
    from fashion_desktop.blas_threads import use_one_blas_thread

    use_one_blas_thread()
    threading.Thread(target=_exit_after, args=(window_pid,), name="watch the window", daemon=True).start()


def _exit_after(window_pid: int, every_s: float = 1.0) -> None:
    while _alive(window_pid):
        time.sleep(every_s)
    os._exit(0)  # nothing of ours to flush: the window that wanted the answers is gone


def _alive(pid: int) -> bool:
    if os.name == "nt":  # spawn: the window's process is the parent (os.kill would terminate it there)
        import multiprocessing

        parent = multiprocessing.parent_process()
        return parent is None or parent.is_alive()
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, someone else's: cannot be ours after a reuse of the number, but alive
        return True
    try:  # Linux: a zombie (dead, its exit status not yet read by whoever started it) is gone too
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def ready(seconds: float = 0.02) -> int:
    """A worker's first task when the pool is warmed: its process id, after `seconds`.

    The short wait keeps each warming task busy long enough that the pool starts another process
    for the next one instead of handing it to the first (ProcessPoolExecutor starts processes on
    demand, only when none is idle)."""
    time.sleep(seconds)
    return os.getpid()
