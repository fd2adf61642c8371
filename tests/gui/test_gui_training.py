"""The Train panel: learns from random in a thread of its own, pauses, stops, previews, saves, closes cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from fashion_desktop.gui.training.panel import DONE, PAUSED_STATE, TRAINING_STATE

ROOT = Path(__file__).resolve().parents[2]
TRAIN_TIMEOUT_MS = 180_000  # a busy 2-core machine


class TutorialNeuralNetwork(nn.Module):
    """Copied from the tutorial, as a reader of it would have it in their own script."""

    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits


def small_shipped_recipe(epochs: int = 2):
    from fashion_desktop.training.recipe import TrainConfig

    # with garment drawings (train --drawn-p), 20 a class: seconds to make, not minutes
    return TrainConfig.shipped(epochs=epochs, val_size=200, drawn_p=0.1, drawn_per_class=20)


def open_panel(window):
    window.training_panel.show_action.trigger()
    panel = window.training_panel
    assert window.training_dock.isVisible() and panel.controls.start_button.isEnabled()
    return panel


def test_train_from_random_beats_chance_then_save_loads_in_the_tutorials_network(window, qtbot, tmp_path,
                                                                                   train_split, test_split):
    panel = open_panel(window)
    shown, show = [], panel.controls.show_preparing

    def preparing(done: int, total: int) -> None:  # what the bar says while the garment drawings are made
        show(done, total)
        shown.append(panel.controls.progress.format())

    panel.controls.show_preparing = preparing
    with qtbot.waitSignal(panel.finished, timeout=TRAIN_TIMEOUT_MS) as finished:
        trainer = panel.start(small_shipped_recipe(), start_from="random", device="cpu", subset=2000,
                              test_subset=2000)
        assert trainer is not None and trainer.isRunning()
    outcome = finished.args[0]
    assert panel.state == DONE and not outcome.stopped
    assert shown[-1] == "Preparing garment drawings to train on: 200 of 200"
    assert panel.curves.test_accuracy[0] < 0.2  # the random network first: chance
    assert outcome.test.accuracy > 0.55 and panel.curves.test_accuracy[-1] > 0.55
    assert len(panel.curves.batch_loss) >= 2 and len(trainer.epoch_seconds) == 2
    # Both accuracies, on the same test images, are there to compare: this run's and the shipped model's.
    assert outcome.shipped is not None and outcome.comparison.reference_accuracy == outcome.shipped.accuracy
    assert outcome.shipped.accuracy > 0.85  # the shipped model really was scored, not a random one
    text = panel.results.summary.text()
    assert f"{outcome.test.accuracy:.4f}" in text and f"The shipped model: {outcome.shipped.accuracy:.4f}" in text
    assert panel.results.class_table.item(0, 0) is not None and panel.results.matrix.item(0, 0) is not None
    assert panel.controls.live_button.isEnabled() and panel.controls.save_button.isEnabled()

    path = tmp_path / "model_weights.pth"
    assert panel.save_to(path)
    model = TutorialNeuralNetwork()
    model.load_state_dict(torch.load(path, weights_only=True))
    model.eval()
    with torch.no_grad():
        predicted = model(torch.as_tensor(test_split.images[:2000]).float() / 255).argmax(1).numpy()
    assert (predicted == test_split.labels[:2000]).mean() == pytest.approx(outcome.test.accuracy)
    card = json.loads((tmp_path / "model_weights.model_card.json").read_text())
    from fashion_desktop.network.model import sha256_of

    assert card["weights"]["sha256"] == sha256_of(path) and card["test"]["accuracy"] == outcome.test.accuracy
    assert (tmp_path / "model_weights.MODEL_CARD.md").is_file()


def test_pause_holds_the_loop_resume_goes_on_stop_keeps_the_best(window, qtbot, train_split):
    from fashion_desktop.training.recipe import TrainConfig

    panel = open_panel(window)
    trainer = panel.start(TrainConfig.tutorial(epochs=50, lr=0.02), device="cpu", subset=1280, test_subset=500)
    qtbot.waitUntil(lambda: len(trainer.epoch_seconds) >= 1, timeout=TRAIN_TIMEOUT_MS)
    with qtbot.waitSignal(panel.stateChanged, check_params_cb=lambda s: s == PAUSED_STATE, timeout=30_000):
        panel.pause()
    held = panel.batches_seen
    qtbot.wait(400)
    assert panel.batches_seen == held and panel.controls.pause_button.text() == "Resume"  # the loop really waits
    panel.resume()
    qtbot.waitUntil(lambda: panel.batches_seen > held, timeout=30_000)
    assert panel.state == TRAINING_STATE
    with qtbot.waitSignal(panel.finished, timeout=60_000) as finished:
        panel.stop()
    outcome = finished.args[0]
    assert outcome.stopped and 1 <= len(outcome.history) < 50
    assert outcome.state is not None and outcome.best_epoch >= 1 and panel.controls.save_button.isEnabled()
    assert not trainer.isRunning() or trainer.wait(10_000)


def test_the_switch_shows_the_network_being_trained_then_the_live_one(window, qtbot, wait_idle, train_split):
    from fashion_desktop.training.recipe import TrainConfig

    panel = open_panel(window)
    grey = np.zeros((280, 280), np.uint8)
    grey[60:220, 90:190] = 255
    window.worker.request(grey=grey)
    wait_idle(window)
    live = window.probabilities.probabilities().copy()
    results = []
    window.predictionShown.connect(results.append)
    panel.set_preview(True)
    panel.start(TrainConfig.tutorial(epochs=30, lr=0.05), device="cpu", subset=1280, test_subset=500)
    qtbot.waitUntil(lambda: any(r.preview.startswith("in training") for r in results), timeout=TRAIN_TIMEOUT_MS)
    assert "in training" in window.probabilities_dock.windowTitle()
    assert not np.allclose(window.probabilities.probabilities(), live, atol=1e-4)
    panel.set_preview(False)
    qtbot.waitUntil(lambda: results[-1].preview == "", timeout=30_000)
    wait_idle(window)
    assert np.allclose(window.probabilities.probabilities(), live, atol=1e-6)
    assert window.probabilities_dock.windowTitle() == "Prediction"
    with qtbot.waitSignal(panel.finished, timeout=60_000):
        panel.stop()


def test_make_it_live_saves_and_loads_the_trained_weights(window, qtbot, tmp_path, monkeypatch, train_split):
    from fashion_desktop.training.recipe import TrainConfig

    monkeypatch.setenv("FASHION_DESKTOP_APP_DATA", str(tmp_path / "user"))
    panel = open_panel(window)
    with qtbot.waitSignal(panel.finished, timeout=TRAIN_TIMEOUT_MS):
        panel.start(TrainConfig.tutorial(epochs=1, lr=0.05), device="cpu", subset=640, test_subset=500)
    with qtbot.waitSignal(window.modelShown, timeout=60_000) as shown:
        path = panel.make_live()
    assert path is not None and path.parent == tmp_path / "user" / "trained"
    assert shown.args[0].weights_path == str(path) and not shown.args[0].shipped


def test_closing_the_window_while_training_is_paused_stops_the_thread(make_window, random_weights, qtbot,
                                                                     train_split):
    from fashion_desktop.training.recipe import TrainConfig

    window = make_window(weights=random_weights)
    panel = open_panel(window)
    trainer = panel.start(TrainConfig.tutorial(epochs=100), device="cpu", subset=6400)
    qtbot.waitUntil(lambda: panel.batches_seen >= 1, timeout=TRAIN_TIMEOUT_MS)
    with qtbot.waitSignal(panel.stateChanged, check_params_cb=lambda s: s == PAUSED_STATE, timeout=30_000):
        panel.pause()  # the loop now blocks in TrainControl.checkpoint: closing must still end it
    window.close()
    assert not trainer.isRunning() and not window.worker.isRunning()


def test_closing_mid_training_exits_cleanly_in_a_real_process(train_split, run_window_process):
    done = run_window_process("""
        from fashion_desktop.training.recipe import TrainConfig

        panel = window.training_panel

        def go(_info):
            panel.show_action.trigger()
            trainer = panel.start(TrainConfig.tutorial(epochs=100), device="cpu", subset=6400)
            trainer.batchProgress.connect(lambda _p: window.close())
        window.modelShown.connect(go)
        QTimer.singleShot(120000, lambda: sys.exit(3))
        sys.exit(app.exec())
    """, timeout=240)
    assert done.returncode == 0, done.stderr
    assert "QThread" not in done.stderr and "Traceback" not in done.stderr, done.stderr


def _hide_the_data(data, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "none")
    monkeypatch.setenv("FASHION_DESKTOP_APP_DATA", str(tmp_path / "user"))
    monkeypatch.delenv(data.DATA_ENV, raising=False)


def test_missing_data_says_how_to_get_it(window, tmp_path, monkeypatch):
    from fashion_desktop.dataset import files as data

    _hide_the_data(data, tmp_path, monkeypatch)
    panel = window.training_panel
    window.training_panel.show_action.trigger()
    assert panel.data.isVisibleTo(panel) and not panel.controls.start_button.isEnabled()
    assert "apt-get install dataset-fashion-mnist" in panel.data.label.text()
    assert "README" in panel.data.label.text() and panel.data.download_button.isEnabled()
    assert panel.start() is None


def test_missing_data_is_downloaded_verified_and_training_can_start(window, qtbot, tmp_path, monkeypatch,
                                                                    data_mirror):
    from fashion_desktop.dataset import files as data

    mirror = data_mirror(tmp_path / "mirror")  # from the real data, before its places are hidden
    _hide_the_data(data, tmp_path, monkeypatch)
    panel = window.training_panel
    window.training_panel.show_action.trigger()
    assert panel.data.isVisibleTo(panel) and not panel.controls.start_button.isEnabled()
    panel.data.mirrors = (mirror,)
    panel.data.download()
    qtbot.waitUntil(lambda: not panel.data.downloader.isRunning() and panel.data.isHidden(), timeout=120_000)
    assert not panel.data.isVisibleTo(panel) and panel.controls.start_button.isEnabled()
    assert data.find_dataset() == tmp_path / "user" / "FashionMNIST" / "raw"


def test_the_train_panel_is_in_the_model_and_view_menus(window):
    assert window.training_dock.isHidden()  # out of the way until asked for
    assert window.training_panel.show_action.shortcut().toString() == "Ctrl+T"
    assert window.training_dock.toggleViewAction() in window.view_menu.actions()
    model_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.text() == "&Model")
    assert window.training_panel.show_action in model_menu.actions()


def test_a_failing_session_says_why_and_the_panel_can_start_again(window, qtbot, monkeypatch):
    from fashion_desktop.training import session as train_session
    from fashion_desktop.training.recipe import TrainConfig

    def broken(*_args, **_kwargs):
        raise RuntimeError("CUDA error: an illegal memory access was encountered")

    monkeypatch.setattr(train_session, "run_session", broken)
    monkeypatch.setattr("fashion_desktop.gui.training.trainer_thread.run_session", broken)
    panel = open_panel(window)
    trainer = panel.start(TrainConfig.tutorial(epochs=1), device="cpu", subset=640)
    qtbot.waitUntil(lambda: not trainer.isRunning() and "failed" in panel.controls.status_label.text(), timeout=30_000)
    assert "illegal memory access" in panel.controls.status_label.text()
    assert panel.controls.start_button.isEnabled() and not panel.controls.stop_button.isEnabled()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="nice is per thread on Linux only")
def test_the_training_thread_runs_at_nice_10_and_the_gui_thread_keeps_its_priority(window, qtbot, monkeypatch):
    """The README: on Linux training runs at nice +10, so drawing and the bars win the CPU."""
    import os
    import threading

    from fashion_desktop.gui.training import trainer_thread
    from fashion_desktop.training.recipe import TrainConfig

    seen = {}

    def session(*_args, **_kwargs):
        seen["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        raise RuntimeError("measured; no need to train")

    monkeypatch.setattr(trainer_thread, "run_session", session)
    panel = open_panel(window)
    trainer = panel.start(TrainConfig.tutorial(epochs=1), device="cpu", subset=640)
    qtbot.waitUntil(lambda: not trainer.isRunning(), timeout=30_000)
    gui = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert seen["nice"] >= trainer_thread.NICE == 10
    assert gui < seen["nice"] or gui >= trainer_thread.NICE  # the GUI thread was not lowered with it


def test_opening_the_train_panel_before_torch_is_loaded_does_not_import_it(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        from fashion_desktop.gui.main_window import MainWindow

        app = QApplication([])
        window = MainWindow(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat), device="cpu")
        window.show()
        window.training_panel.show_action.trigger()
        for _ in range(20):
            app.processEvents()
        panel = window.training_panel
        assert panel.curves.plots_built, "the curves were not built"
        assert "torch" not in sys.modules, "showing the Train panel imported torch on the GUI thread"
        # the worker was never started: the form is filled and usable before torch is loaded
        from fashion_desktop.training.recipe import TrainConfig
        form = panel.form
        assert form.isEnabled() and form.lr_spin.isEnabled() and form.epochs_spin.isEnabled()
        assert form.lr_spin.value() == TrainConfig.tutorial().lr and form.config().optimizer == "sgd"
        form.recipe_combo.setCurrentIndex(form.recipe_combo.findData("shipped"))
        assert form.epochs_spin.value() == TrainConfig.shipped().epochs and form.config().optimizer == "adamw"
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr


def test_the_train_panel_and_window_modules_import_no_torch():
    """Everything the window imports to paint, the Train panel's parts included, leaves torch to the worker."""
    code = textwrap.dedent("""
        import importlib, pkgutil, sys
        import fashion_desktop.gui.training as training
        for module in pkgutil.iter_modules(training.__path__, training.__name__ + "."):
            importlib.import_module(module.name)
        assert len([m for m in sys.modules if m.startswith("fashion_desktop.gui.training.")]) >= 8
        bad = sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "torchvision", "pyqtgraph"))
        assert not bad, bad  # the curves import pyqtgraph when first shown, after the window's first paint
        import fashion_desktop.gui.main_window
        bad = sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "torchvision", "pyqtgraph"))
        assert not bad, bad  # every view, the Map included, imports pyqtgraph when first shown
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr
