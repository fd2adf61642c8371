"""The Train panel: train the tutorial's network in the window and watch it learn, while drawing.

This module holds the session: it starts a `TrainerThread` from the form's settings, pauses and
stops it, and hands what the trainer reports to the parts that show it, each a module of its own:
`data_box` (find or download Fashion-MNIST), `recipe_form` (the settings), `session_controls`
(buttons, progress, status), `curves` (loss and accuracy), `results` (the comparison with the
shipped model, saving). A switch sends the trainer's weight snapshots to the inference worker,
so the bars show what the network being trained thinks of the drawing.

Nothing here imports torch: the recipes are torch-free data, so the form is ready at the
window's first paint; torch is imported by the trainer thread when a session starts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QScrollArea, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from fashion_desktop.gui.training.curves import TrainingCurves
from fashion_desktop.gui.training.data_box import DataBox
from fashion_desktop.gui.training.recipe_form import CURRENT, RANDOM, RecipeForm
from fashion_desktop.gui.training.results import ComparisonView, live_weights_path, save_outcome
from fashion_desktop.gui.training.session_controls import (
    DONE,
    IDLE,
    PAUSED_STATE,
    RUNNING_STATES,
    STARTING,
    STOPPING,
    TRAINING_STATE,
    SessionControls,
)
from fashion_desktop.gui.training.trainer_thread import PAUSED, TrainerThread
from fashion_desktop.training import session as ts
from fashion_desktop.training.recipe import TrainConfig

__all__ = ["DONE", "IDLE", "PAUSED_STATE", "STARTING", "STOPPING", "TRAINING_STATE", "TrainingPanel"]


class TrainingPanel(QWidget):
    """Public API (also for benchmarks): `start(config=None, ...)`, `pause()`, `resume()`, `stop()`,
    `trainer` (the running `TrainerThread`: `epochFinished`, `epoch_seconds`), `finished(SessionOutcome)`,
    `outcome`, `save_to(path)`, `make_live()`, `set_preview(on)`, `shutdown()`; `show_action` (Model ▸
    Train…); the parts `data`, `form`, `controls`, `curves`, `results`."""

    finished = Signal(object)  # training.session.SessionOutcome, after it is shown
    useWeights = Signal(str)  # a saved weights file to load as the live model
    stateChanged = Signal(str)  # IDLE, STARTING, TRAINING_STATE, PAUSED_STATE, STOPPING, DONE

    def __init__(self, worker=None, parent: QWidget | None = None, data_dir: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrainingPanel")
        self.worker = worker
        self.trainer: TrainerThread | None = None  # of the current or last session
        self.lower_priority = True  # training yields the CPU to drawing and inference (False: for benchmarks)
        self.outcome = None  # SessionOutcome of the last finished session
        self.saved_path: Path | None = None
        self.state = IDLE
        self.batches_seen = 0  # batch progress reports received (tests, benchmarks)
        self._live_path: str | None = None
        self._live_name = ""
        self._closing = False
        self._started = None  # SessionStarted
        self._last_snapshot = None

        self.show_action = QAction(self.tr("&Train the network…"), self)
        self.show_action.setShortcut(QKeySequence("Ctrl+T"))
        self.show_action.setStatusTip(self.tr("Train the tutorial's network on Fashion-MNIST and watch it learn"))

        controls = QWidget(self)
        column = QVBoxLayout(controls)
        column.setContentsMargins(0, 0, 0, 0)
        self.data = DataBox(data_dir, controls)
        self.data.availabilityChanged.connect(lambda _ready: self._set_state(self.state))
        self.data.message.connect(self._say)
        self.form = RecipeForm(controls)
        self.controls = SessionControls(controls)
        self.controls.start_button.clicked.connect(lambda: self.start())
        self.controls.pause_button.clicked.connect(self._toggle_pause)
        self.controls.stop_button.clicked.connect(self.stop)
        self.controls.preview_check.toggled.connect(self.set_preview)
        self.controls.live_button.clicked.connect(self.make_live)
        self.controls.save_button.clicked.connect(self.save_dialog)
        for part in (self.data, self.form, self.controls):
            column.addWidget(part)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(controls.sizeHint().width() + 24)
        scroll.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

        self.tabs = QTabWidget(self)
        self.curves = TrainingCurves(self.tabs)
        self.results = ComparisonView(self.tabs)
        self.tabs.addTab(self.curves, self.tr("Curves"))
        self.tabs.addTab(self.results, self.tr("Compared with the shipped model"))
        layout = QHBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.tabs, 1)
        self._set_state(IDLE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.check_data()

    def check_data(self) -> bool:
        """True when Fashion-MNIST is on this computer; otherwise the data box says how to get it."""
        return self.data.check()

    def _say(self, text: str) -> None:
        self.controls.say(text)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.form.setEnabled(state not in RUNNING_STATES)
        kept = self.outcome is not None and self.outcome.state is not None
        self.controls.show_state(state, data_ready=self.data.isHidden(), has_result=state == DONE and kept)
        self.stateChanged.emit(state)

    # ------------------------------------------------------------ the live model (from the window)

    @Slot(object)
    def set_live_model(self, info) -> None:
        """The window's model changed (worker.ModelInfo): remember its file; grey out missing devices."""
        self._live_path, self._live_name = info.weights_path, Path(info.weights_path).name
        self.form.set_live_model(self._live_name)
        self.form.set_devices(info.devices)

    def config_from_form(self) -> TrainConfig:
        return self.form.config()

    # ------------------------------------------------------------ the session

    def start(self, config: TrainConfig | None = None, *, start_from: str | None = None, device: str | None = None,
              threads: int | None = None, subset: int = 0, test_subset: int = 0) -> TrainerThread | None:
        """Start a session (the form's settings where an argument is None); returns the TrainerThread.

        Returns None when one is already running or Fashion-MNIST is missing (the panel says why).
        """
        if self.state in RUNNING_STATES or self._closing or not self.check_data():
            return None
        if config is None:
            config = self.form.config()
        else:
            self.form.show_config(config)
        start_from = start_from or self.form.start_from()
        if start_from == CURRENT and not self._live_path:
            start_from = RANDOM
        if device:
            self.form.set_device(device)
        if threads:
            self.form.threads_spin.setValue(threads)
        request = ts.SessionRequest(
            config=config, device=device or self.form.device(), threads=self.form.threads(),
            initial_path=self._live_path if start_from == CURRENT else None,
            initial_name=self._live_name if start_from == CURRENT else "a fresh random network",
            subset=subset, test_subset=test_subset, data_dir=self.data.data_dir)
        if self.trainer is not None and not self.trainer.isRunning():
            self.trainer.deleteLater()
        self.curves.reset(config.epochs)
        self.results.clear()
        self.tabs.setCurrentIndex(0)
        self.outcome, self.saved_path, self._started, self._last_snapshot = None, None, None, None
        self.batches_seen = 0
        self.trainer = trainer = TrainerThread(request, self)
        trainer.lower_priority = self.lower_priority
        trainer.phaseChanged.connect(self._on_phase)
        trainer.prepareProgress.connect(self._on_prepare)
        trainer.sessionStarted.connect(self._on_started)
        trainer.batchProgress.connect(self._on_batch)
        trainer.epochFinished.connect(self._on_epoch)
        trainer.snapshotReady.connect(self._on_snapshot)
        trainer.stateChanged.connect(self._on_trainer_state)
        trainer.outcomeReady.connect(self._on_outcome)
        trainer.failed.connect(self._on_failed)
        trainer.finished.connect(self._on_thread_finished)
        self._set_state(STARTING)
        self.controls.show_starting()
        self.curves.start()
        trainer.start()
        return trainer

    @Slot()
    def pause(self) -> None:
        if self.trainer is not None and self.state == TRAINING_STATE:
            self.trainer.pause()
            self.controls.pause_button.setText(self.tr("Resume"))
            self._say(self.tr("Pausing after this batch…"))

    @Slot()
    def resume(self) -> None:
        if self.trainer is not None and self.state in (TRAINING_STATE, PAUSED_STATE):
            self.trainer.resume()
            self.controls.pause_button.setText(self.tr("Pause"))

    @Slot()
    def _toggle_pause(self) -> None:
        if self.trainer is not None and self.trainer.paused:
            self.resume()
        else:
            self.pause()

    @Slot()
    def stop(self) -> None:
        """Stop after the current batch; the best weights so far are kept and scored."""
        if self.trainer is not None and self.trainer.isRunning():
            self.trainer.stop()
            self._set_state(STOPPING)
            self._say(self.tr("Stopping; keeping the best weights so far…"))

    def shutdown(self) -> None:
        """Stop the training and the download threads and wait for them. Safe to call twice."""
        if self._closing:
            return
        self._closing = True
        self.curves.stop()
        if self.trainer is not None:
            self.trainer.shutdown()
        self.data.shutdown()

    # ------------------------------------------------------------ trainer → panel

    @Slot(str)
    def _on_phase(self, phase: str) -> None:
        if self._closing:
            return
        self.controls.show_phase(phase)
        if phase == ts.TRAINING and self.state == STARTING:
            self._set_state(TRAINING_STATE)

    @Slot(int, int)
    def _on_prepare(self, done: int, total: int) -> None:
        if not self._closing:
            self.controls.show_preparing(done, total)

    @Slot(object)
    def _on_started(self, started) -> None:
        if self._closing:
            return
        self._started = started
        self.curves.add_start(started.initial_test.loss, started.initial_test.accuracy)
        if started.device_notice:
            self._say(started.device_notice)

    @Slot(object)
    def _on_batch(self, progress) -> None:
        if self._closing:
            return
        if self.state == STARTING:
            self._set_state(TRAINING_STATE)
        self.batches_seen += 1
        self.curves.add_batch(progress)
        self.controls.show_batch(progress)

    @Slot(object)
    def _on_epoch(self, record) -> None:
        if self._closing:
            return
        self.curves.add_epoch(record)
        self.controls.show_epoch(record, self._started.device if self._started else "")

    @Slot(object)
    def _on_snapshot(self, snapshot) -> None:
        if self._closing:
            return
        self._last_snapshot = snapshot
        if self.controls.preview_check.isChecked() and self.worker is not None:
            self.worker.preview_weights(snapshot.state, self._snapshot_label(snapshot))

    def _snapshot_label(self, snapshot) -> str:
        return self.tr("in training: epoch {0}, batch {1}/{2}").format(snapshot.epoch, snapshot.batch, snapshot.batches)

    def _trained_label(self) -> str:
        return self.tr("trained, best epoch {0} (not live yet)").format(self.outcome.best_epoch)

    @Slot(str)
    def _on_trainer_state(self, state: str) -> None:
        if self._closing:
            return
        if state == PAUSED and self.state == TRAINING_STATE:
            self._set_state(PAUSED_STATE)
            self._say(self.tr("Paused. Drawing still works; Resume goes on from here."))
        elif state != PAUSED and self.state == PAUSED_STATE:
            self._set_state(TRAINING_STATE)
            self._say(self.tr("Training…"))

    @Slot(object)
    def _on_outcome(self, outcome) -> None:
        if self._closing:
            return
        self.outcome = outcome
        self.curves.redraw()
        self.controls.show_end(outcome)
        if outcome.state is not None:
            self.results.show_outcome(outcome)
            if self.controls.preview_check.isChecked() and self.worker is not None:
                self.worker.preview_weights(outcome.state, self._trained_label())
            self.tabs.setCurrentIndex(1)
        self._set_state(DONE)
        self.finished.emit(outcome)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._closing:
            return
        self._say(self.tr("Training failed: {0}").format(message))
        self.controls.progress.setFormat(self.tr("Failed"))
        self._set_state(IDLE)
        self.check_data()

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._closing:
            return
        self.curves.stop()
        if self.state in RUNNING_STATES:
            self._set_state(IDLE)

    # ------------------------------------------------------------ keeping the result

    def save_to(self, path: str | Path) -> bool:
        """Write the trained weights (atomically) and their model card beside them; False (and why) on failure."""
        if self.outcome is None or self.outcome.state is None:
            return False
        path = Path(path)
        try:
            save_outcome(self.outcome, path)
        except OSError as exc:
            self._say(self.tr("Could not save {0}: {1}.").format(path, exc.strerror or exc))
            return False
        self.saved_path = path
        self._say(self.tr("Saved {0} and its model card.").format(path))
        return True

    @Slot()
    def save_dialog(self) -> None:
        window = self.window()
        folder = window.last_folder() if hasattr(window, "last_folder") else str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the trained weights"),
                                              str(Path(folder) / "model_weights.pth"),
                                              self.tr("PyTorch state_dict (*.pth)"))
        if path:
            self.save_to(path if path.lower().endswith((".pth", ".pt")) else path + ".pth")

    @Slot()
    def make_live(self) -> Path | None:
        """Use the trained weights for the bars: saved first (in the user data folder unless saved already)."""
        if self.outcome is None or self.outcome.state is None:
            return None
        if self.saved_path is None and not self.save_to(live_weights_path()):
            return None
        self.controls.preview_check.setChecked(False)
        self.useWeights.emit(str(self.saved_path))
        return self.saved_path

    @Slot(bool)
    def set_preview(self, on: bool) -> None:
        """Switch the bars between the live model and the network being trained."""
        check = self.controls.preview_check
        if check.isChecked() != on:
            check.setChecked(on)  # calls back here through toggled
            return
        if self.worker is None:
            return
        if not on:
            self.worker.preview_weights(None)
        elif self.outcome is not None and self.outcome.state is not None and self.state == DONE:
            self.worker.preview_weights(self.outcome.state, self._trained_label())
        elif self._last_snapshot is not None:
            self.worker.preview_weights(self._last_snapshot.state, self._snapshot_label(self._last_snapshot))
