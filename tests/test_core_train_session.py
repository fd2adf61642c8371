"""A training session as the window runs it: learns from random, hands out plain data, stops cleanly."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import torch

from fashion_desktop.network.model import NeuralNetwork, state_from_numpy
from fashion_desktop.training.compare import compare
from fashion_desktop.training.control import TrainControl
from fashion_desktop.training.recipe import TrainConfig
from fashion_desktop.training.session import SessionRequest, default_threads, run_session

ROOT = Path(__file__).resolve().parents[1]


def test_a_session_from_random_learns_and_compares_with_the_shipped_model(train_split, test_split):
    started, epochs, snapshots, phases, prepared = [], [], [], [], []
    request = SessionRequest(TrainConfig.shipped(epochs=2, val_size=200, drawn_p=0.1, drawn_per_class=20), device="cpu",
                             threads=1, subset=2000, test_subset=1000)
    outcome = run_session(request, on_started=started.append, on_epoch=epochs.append, on_snapshot=snapshots.append,
                          on_phase=phases.append, on_prepare=lambda done, total: prepared.append((done, total)))
    assert started[0].initial_test.accuracy < 0.2  # a fresh network: chance
    assert started[0].train_images == 1800 and started[0].test_images == 1000 and started[0].threads == 1
    assert [r.epoch for r in epochs] == [1, 2] and all(r.test_accuracy is not None for r in epochs)
    assert outcome.test.accuracy > 0.55 and not outcome.stopped and outcome.best_epoch in (1, 2)
    assert outcome.shipped is not None and outcome.shipped.accuracy > 0.85
    assert outcome.comparison.delta == pytest.approx(outcome.test.accuracy - outcome.shipped.accuracy)
    assert phases[0] == "loading-data" and "training" in phases and phases[-1] == "scoring"
    assert phases.index("preparing") < phases.index("training")
    # the garment drawings' progress is heard while preparing, up to all 200 of them
    assert prepared[0] == (0, 200) and prepared[-1] == (200, 200)
    assert [d for d, _ in prepared] == sorted(d for d, _ in prepared)
    assert snapshots and all(isinstance(v, np.ndarray) for s in snapshots for v in s.state.values())
    assert (snapshots[-1].epoch, snapshots[-1].batch) == (2, snapshots[-1].batches)  # the last one ends the run
    model = NeuralNetwork()
    model.load_state_dict(state_from_numpy(outcome.state))
    assert outcome.epoch_seconds == [r.seconds for r in epochs]


def test_a_stop_before_the_first_epoch_keeps_nothing(train_split):
    control = TrainControl()
    control.stop()
    outcome = run_session(SessionRequest(TrainConfig.tutorial(), device="cpu", subset=640), control)
    assert outcome.stopped and outcome.state is None and outcome.history == []


def test_starting_from_weights_continues_from_them(train_split, test_split, random_weights_file):
    path, state = random_weights_file
    started = []
    run_session(SessionRequest(TrainConfig.tutorial(epochs=1), device="cpu", subset=640, test_subset=500,
                               initial_path=str(path)), on_started=started.append)
    model = NeuralNetwork()
    model.load_state_dict(state)
    from fashion_desktop.training.loop import evaluate

    expected = evaluate(model, test_split.images[:500], test_split.labels[:500])
    assert started[0].initial_test.accuracy == pytest.approx(expected.accuracy)


def test_compare_lists_per_class_and_the_worst_confusions():
    confusion = np.eye(10, dtype=int) * 90
    confusion[6, 0] = 10
    result = {"accuracy": 0.9, "per_class": [0.9] * 10, "confusion": confusion.tolist()}
    reference = {"accuracy": 0.8, "per_class": [0.8] * 10, "confusion": (np.eye(10, dtype=int) * 80).tolist()}
    comparison = compare(result, reference)
    assert comparison.delta == pytest.approx(0.1)
    assert comparison.rows[6].name == "Shirt" and comparison.rows[6].delta == pytest.approx(0.1)
    assert comparison.most_confused[0] == (6, 0, 10)
    assert comparison.difference[0, 0] == 10
    assert compare(result).delta is None and compare(result).rows[0].delta is None


def test_default_threads_leave_a_core():
    assert default_threads(2) == 1 and default_threads(1) == 1 and default_threads(8) == 7


@pytest.fixture
def random_weights_file(tmp_path):
    from fashion_desktop.network.model import save_weights

    torch.manual_seed(7)
    model = NeuralNetwork()
    path = tmp_path / "start.pth"
    save_weights(model, path)
    return path, model.state_dict()


def test_training_runs_without_what_the_installed_app_leaves_out(train_split):
    """The frozen bundle has no torchvision, sympy, networkx, …: a session (and the download) must not need them."""
    code = textwrap.dedent("""
        import sys
        sys.path.insert(0, "packaging")
        from fdbuild.rules import PYTHON_EXCLUDES
        for name in PYTHON_EXCLUDES:
            if "." not in name and not name.startswith(("PySide", "PyQt")):
                sys.modules[name] = None  # as if absent: import fails, importlib.util.find_spec gives None
        import fashion_desktop.dataset.download
        from fashion_desktop.training.recipe import TrainConfig
        from fashion_desktop.training.session import SessionRequest, run_session
        for config in (TrainConfig.shipped(epochs=1, val_size=64), TrainConfig.tutorial(epochs=1, val_size=64)):
            outcome = run_session(SessionRequest(config, device="cpu", subset=640, test_subset=200))
            assert outcome.state is not None and outcome.test is not None
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr


def test_an_absent_gpu_falls_back_to_the_cpu_and_says_so(train_split, monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    started = []
    run_session(SessionRequest(TrainConfig.tutorial(epochs=1), device="cuda", subset=640, test_subset=200,
                               compare_shipped=False), on_started=started.append)
    assert started[0].device == "cpu" and "using the CPU" in started[0].device_notice
