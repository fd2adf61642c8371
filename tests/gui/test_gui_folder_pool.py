"""The folder view's job decodes in worker processes (gui/folder_pool.py, images/folder_decode.py).

Order, the classes `predict` gives, a damaged file's reason worded in the window's process, a file
that kills its worker, cancel, the window closing mid-folder, and no Qt on the workers' side.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import folder_workers
import numpy as np
import pytest
from PIL import Image, ImageOps

from fashion_desktop import i18n
from fashion_desktop.gui import folder_pool
from fashion_desktop.gui.folder_job import THUMBNAIL, FolderJob
from fashion_desktop.images.listing import list_pictures
from fashion_desktop.images.samples import list_samples
from fashion_desktop.network.model import load_model, state_to_numpy

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60_000
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture(scope="module")
def shipped_state():
    model, _loaded = load_model(None)
    return state_to_numpy(model.state_dict())


@pytest.fixture
def pictures(tmp_path):
    """The 20 shipped samples as PNGs, and each again as a 224-px JPEG photo (dark garment on white)."""
    folder = tmp_path / "pictures"
    folder.mkdir()
    for sample in list_samples():
        shutil.copyfile(sample.path, folder / sample.path.name)
        with Image.open(sample.path) as image:
            photo = ImageOps.invert(image.convert("L")).resize((224, 224), Image.Resampling.BICUBIC)
        photo.save(folder / f"photo-{sample.path.stem}.jpg", quality=90)
    return folder


def run_job(qtbot, folder, state, decode=None, on_rows=None) -> tuple[FolderJob, list, list[str]]:
    """Run one FolderJob to its end; (the job, its rows in order, the signals it ended with)."""
    job = FolderJob(folder, state)
    if decode is not None:
        job.decode_many = decode
    rows: list = []
    ended: list[str] = []
    job.rowsReady.connect(lambda chunk: (rows.extend(chunk), on_rows and on_rows(job, rows)))
    job.done.connect(lambda _s: ended.append("done"))
    job.cancelled.connect(lambda: ended.append("cancelled"))
    job.failed.connect(lambda message: ended.append(f"failed: {message}"))
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT):
        job.start()
    job.wait()
    return job, rows, ended


def predict_json(files: list[Path]) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "fashion_desktop", "predict", "--json", *map(str, files)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, check=True)
    return json.loads(done.stdout)


def test_rows_come_back_in_listing_order_with_the_answers_predict_gives(qtbot, pictures, shipped_state):
    assert folder_pool.get() is not None  # processes work here; started, so every file goes to a worker
    job, rows, ended = run_job(qtbot, pictures, shipped_state, folder_workers.in_a_worker)
    listed = list_pictures(pictures).pictures
    assert ended == ["done"] and [row.path for row in rows] == listed
    assert all(row.ok for row in rows), [row.error for row in rows if not row.ok]
    for row in rows:
        assert row.thumbnail.dtype == np.uint8 and row.thumbnail.shape[2] == 4
        assert max(row.thumbnail.shape[:2]) == min(THUMBNAIL, 224 if row.path.suffix == ".jpg" else 28)
        if row.path.suffix == ".png":  # the samples: real test images, every one read right by the shipped model
            assert int(row.probabilities.argmax()) == int(row.path.name.split("-")[0]), row.path.name
    expected = {row["path"]: row for row in predict_json(listed)}
    for row in rows:  # the CLI evaluates with numpy, the view with torch: equal within float error
        np.testing.assert_allclose(row.probabilities, list(expected[str(row.path)]["probabilities"].values()), atol=1e-4)


def test_a_damaged_file_is_a_row_with_its_reason_worded_in_the_windows_process(qtbot, tmp_path, shipped_state):
    folder = tmp_path / "mixed"
    folder.mkdir()
    samples = list_samples()
    for sample in samples[:10]:
        shutil.copyfile(sample.path, folder / sample.path.name)
    (folder / "5-damaged.png").write_bytes(samples[12].path.read_bytes()[:150])
    (folder / "6-letter.jpg").write_text("Dear reader")
    folder_pool.get()
    # a stand-in for the window's translator: the worker sends the English template, this process words it
    i18n.install(lambda context, source, _d, _n: "«{name}» kaputt" if "damaged or truncated" in source else "")
    try:
        _job, rows, ended = run_job(qtbot, folder, shipped_state, folder_workers.in_a_worker)
    finally:
        i18n.install(None)
    assert ended == ["done"] and len(rows) == 12
    errors = {row.path.name: row.error for row in rows if not row.ok}
    assert errors.keys() == {"5-damaged.png", "6-letter.jpg"}
    assert errors["5-damaged.png"] == f"«{folder / '5-damaged.png'}» kaputt"
    assert "not an image this app can read" in errors["6-letter.jpg"]
    assert all(row.ok and row.thumbnail is not None for row in rows if row.path.name not in errors)


def test_a_file_that_kills_its_worker_gets_a_row_saying_so_and_the_rest_classify(qtbot, tmp_path, shipped_state):
    folder = tmp_path / "crashing"
    folder.mkdir()
    samples = list_samples()
    for i in range(40):
        shutil.copyfile(samples[i % 20].path, folder / f"{i:02d}-{samples[i % 20].path.name}")
    shutil.copyfile(samples[0].path, folder / "17-crash.png")  # sorts among the others
    first = folder_pool.get()
    assert first is not None
    _job, rows, ended = run_job(qtbot, folder, shipped_state, folder_workers.crash_on_crash_files)
    assert ended == ["done"] and [row.path for row in rows] == list_pictures(folder).pictures
    failed = [row for row in rows if not row.ok]
    assert [row.path.name for row in failed] == ["17-crash.png"]
    assert failed[0].error == "17-crash.png crashed the picture decoder; the file may be damaged."
    assert all(row.ok for row in rows if row.path.name != "17-crash.png")
    again = folder_pool.get()  # a fresh pool took the dead one's place, and works
    assert again is not None and again is not first and again.submit(os.getpid).result(timeout=30) != os.getpid()


@linux_only
def test_a_pool_whose_worker_died_while_idle_is_replaced_without_losing_a_file(qtbot, tmp_path, shipped_state):
    folder = tmp_path / "after"
    folder.mkdir()
    for sample in list_samples():
        shutil.copyfile(sample.path, folder / sample.path.name)
    broken = folder_pool.get()
    os.kill(broken.submit(os.getpid).result(timeout=30), signal.SIGKILL)  # as the OOM killer might
    deadline = time.monotonic() + 10
    while not getattr(broken, "_broken", False) and time.monotonic() < deadline:
        time.sleep(0.02)
    _job, rows, ended = run_job(qtbot, folder, shipped_state)
    assert ended == ["done"] and len(rows) == 20 and all(row.ok for row in rows), [r.error for r in rows if not r.ok]
    assert folder_pool.get() is not broken


def test_cancel_stops_within_a_chunk_and_keeps_the_rows_so_far(qtbot, tmp_path, shipped_state):
    folder = tmp_path / "long"
    folder.mkdir()
    samples = list_samples()
    for i in range(400):  # 50 ms each in the workers: ~10 s on two cores
        shutil.copyfile(samples[i % 20].path, folder / f"{i:03d}.png")
    folder_pool.get()
    cancelled_at: list[float] = []

    def cancel_after_the_first_rows(job, _rows):
        if not cancelled_at:
            cancelled_at.append(time.perf_counter())
            job.cancel()

    _job, rows, ended = run_job(qtbot, folder, shipped_state, folder_workers.slowly, cancel_after_the_first_rows)
    stopped = time.perf_counter() - cancelled_at[0]
    assert ended == ["cancelled"] and 0 < len(rows) < 400
    assert stopped < 1.0, f"took {stopped:.2f} s to stop"
    assert [row.path.name for row in rows] == [f"{i:03d}.png" for i in range(len(rows))]
    # the chunks not started were dropped: the pool is free again well before the folder would have ended
    assert folder_pool.get().submit(os.getpid).result(timeout=5) > 0


@linux_only
def test_closing_the_window_mid_folder_neither_hangs_nor_leaves_processes(run_window_process, tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    for i in range(400):
        shutil.copyfile(list_samples()[i % 20].path, folder / f"{i:03d}.png")
    done = run_window_process(textwrap.dedent(f"""
        import os, time
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        import folder_workers
        from fashion_desktop.gui import folder_pool
        from fashion_desktop.gui.folder_job import FolderJob

        FolderJob.decode_many = staticmethod(folder_workers.slowly)
        pids = set()

        def go():
            if window.model_info is None:
                QTimer.singleShot(50, go)
                return
            pool = folder_pool.get()
            pids.update(pool.submit(folder_workers.worker_pid).result() for _ in range(8))
            window.exports.classify_folder({str(folder)!r})
            view = window.exports.folder_view
            view.job.rowsReady.connect(lambda _rows: QTimer.singleShot(0, close))

        def close():
            if not window.isVisible():
                return
            print("closing", flush=True)
            global closed_at
            closed_at = time.perf_counter()
            window.close()

        QTimer.singleShot(0, go)
        app.exec()
        print("exec_returned_after", round(time.perf_counter() - closed_at, 2), flush=True)
        print("workers", *sorted(pids), flush=True)
    """))
    assert done.returncode == 0, done.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert float(lines["exec_returned_after"]) < 3.0, done.stdout
    pids = [int(p) for p in lines["workers"].split()]
    assert pids
    time.sleep(0.5)
    left = [pid for pid in pids if Path(f"/proc/{pid}").exists()]  # not even a zombie: reaped, gone
    assert not left, [Path(f"/proc/{pid}/status").read_text().splitlines()[:3] for pid in left]


@linux_only
def test_workers_of_a_killed_window_exit_by_themselves(tmp_path):
    """A window killed outright (SIGKILL; a crash, a logout's SIGTERM) shuts nothing down: its workers,
    blocked on the pool's queue, must notice and exit, and the fork server with them."""
    code = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        import folder_workers
        from fashion_desktop.gui import folder_pool
        pool = folder_pool.get()
        print(*sorted({{pool.submit(folder_workers.worker_pid).result(timeout=60) for _ in range(8)}}), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    pids = [int(p) for p in done.stdout.split()]
    assert pids

    def running(pid: int) -> bool:  # a zombie is gone but for its exit status, which nobody of ours will read
        status = Path(f"/proc/{pid}/status")
        return status.exists() and "zombie" not in status.read_text().lower()

    deadline = time.monotonic() + 10
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in pids if running(pid)]


@linux_only
def test_the_workers_import_no_qt(tmp_path):
    """The pool-side function in a plain interpreter, and the live workers' mapped libraries."""
    sample = list_samples()[0].path
    code = textwrap.dedent(f"""
        import sys
        from fashion_desktop.images.folder_decode import decode
        thumbnail, pixels, problem = decode({str(sample)!r})
        assert pixels is not None and problem is None
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph")))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    pool = folder_pool.get()
    assert pool is not None
    pids = {pool.submit(folder_workers.worker_pid).result(timeout=30) for _ in range(8)}
    assert os.getpid() not in pids
    for pid in pids:
        maps = Path(f"/proc/{pid}/maps").read_text().lower()
        assert "numpy" in maps  # the preloaded decoding modules are there...
        assert "qt6core" not in maps and "pyside6" not in maps and "shiboken6" not in maps  # ...and no Qt
