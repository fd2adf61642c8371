"""Runs every measurement in order and assembles the report (one dict, the JSON the CLI prints)."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from fashion_desktop.bench.display import window_display
from fashion_desktop.bench.report import goals


@contextlib.contextmanager
def _environment(extra: dict[str, str]) -> Iterator[None]:
    """`extra` in os.environ for the children started meanwhile (child_env copies os.environ)."""
    saved = {key: os.environ.get(key) for key in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def data_present() -> bool:
    from fashion_desktop.dataset.files import find_dataset
    from fashion_desktop.errors import DataError

    try:
        find_dataset()
    except DataError:
        return False
    return True


def _probe(device: str, moves: int, inferences: int, extra: list[str] | None = None) -> dict:
    """The window's figures, from a child process (the core never imports Qt)."""
    from fashion_desktop.bench.processes import child_env, run_json

    out, _wall = run_json([sys.executable, "-m", "fashion_desktop.gui.probe.window_probe", "window", "--device", device,
                           "--moves", str(moves), "--inferences", str(inferences), *(extra or [])],
                          child_env(FASHION_DESKTOP_DEVICE=device), timeout=3600)
    return json.loads(out.strip().splitlines()[-1])


def run_bench(quick: bool = False, device: str | None = None,
              progress: Callable[[str], None] = lambda _m: None) -> dict:
    """All figures of issue #5 (and the see-inside and training latencies where those exist)."""
    import torch

    from fashion_desktop.bench.forward import measure_forward
    from fashion_desktop.bench.machine import describe
    from fashion_desktop.bench.memory import torch_floor_rss_mb
    from fashion_desktop.bench.predict_files import make_files, measure_folder_view, measure_predict
    from fashion_desktop.network.device import choose_device, configure_cpu_threads
    from fashion_desktop.network.model import load_model

    choice = choose_device(device)
    if choice.notice:
        progress(choice.notice)
    kind = str(choice.device)
    configure_cpu_threads(leave_for_gui=1)  # as the window's worker runs
    report: dict = {"machine": describe(), "device": kind, "quick": quick}

    progress("forward latency (interleaved with the bare-ops floor)")
    model, _loaded = load_model(None)
    report.update(measure_forward(model, choice.device, rounds=500 if quick else 5000))

    train_threads = _train_threads()
    with window_display() as (display_env, platform):
        report["window_platform"] = platform
        with _environment(display_env):
            _probe_figures(report, quick, kind, progress)
            report["epoch_s"] = report["floor_epoch_s"] = None
            if not quick and data_present():
                # right after the probe, whose last step timed the Train panel's epochs: the two
                # sides of that ratio were minutes apart, and this machine's speed drifts
                from fashion_desktop.bench.training import measure_epoch

                torch.set_num_threads(train_threads)  # as the Train panel runs, so the app/CLI ratio compares like with like
                report.update(measure_epoch(choice.device, progress=progress))
                report["train_threads"] = train_threads
            _startup_figures(report, quick, kind, progress)
    report["disk_cache"] = ("warm: the start-up launches follow the window probe, which read the same files; "
                            "no launch is dropped")

    progress("predict throughput")
    with tempfile.TemporaryDirectory(prefix="fd-bench-files-") as folder:
        files = make_files(Path(folder), 200 if quick else 1000)
        report.update(measure_predict(files, kind))
        progress("the folder view on the same files")
        report.update(measure_folder_view(Path(folder), kind))

    progress("memory floor: a process that imported torch")
    report["floor_torch_rss_mb"] = torch_floor_rss_mb()

    if data_present():
        from fashion_desktop.bench.map_figures import measure_map

        report.update(measure_map(quick, progress))
    report["goals"] = goals(report)
    return report


def _probe_figures(report: dict, quick: bool, kind: str, progress: Callable[[str], None]) -> None:
    """The window probe, on whatever display `window_display` gave."""
    progress("the window: strokes (also with the activations panel, and while training), a burst, memory")
    extra = [] if quick or not data_present() else ["--training", "--epoch-threads", str(_train_threads())]
    report.update(_probe(kind, moves=120 if quick else 300, inferences=1000 if quick else 10_000, extra=extra))


def _startup_figures(report: dict, quick: bool, kind: str, progress: Callable[[str], None]) -> None:
    """The cold start-ups, on the same display."""
    from fashion_desktop.bench.predict_files import make_files
    from fashion_desktop.bench.startup import measure_startup
    from fashion_desktop.images.samples import list_samples

    progress("start-up, cold, as separate processes")
    with tempfile.TemporaryDirectory(prefix="fd-bench-start-") as folder:
        samples = list_samples()
        picture = samples[0].path if samples else make_files(Path(folder), 1)[0]
        report.update(measure_startup(picture, kind, runs=2 if quick else 5, progress=progress))


def _train_threads() -> int:
    """What the Train panel and the bench's CLI loop use."""
    return max(1, (os.cpu_count() or 1) - 1)
