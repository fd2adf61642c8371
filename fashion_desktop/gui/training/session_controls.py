"""The Train panel's session controls: Start, Pause/Resume, Stop, progress, status, preview, keep.

One place decides which button can be pressed in which state of a session (idle, starting,
training, paused, stopping, done) and how progress is worded; the panel drives it from the
trainer's reports and the buttons' signals go back to the panel.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from fashion_desktop.progress import format_seconds
from fashion_desktop.training import session as ts

IDLE, STARTING, TRAINING_STATE, PAUSED_STATE = "idle", "starting", "training", "paused"
STOPPING, DONE = "stopping", "done"
RUNNING_STATES = (STARTING, TRAINING_STATE, PAUSED_STATE, STOPPING)


class SessionControls(QWidget):
    """The buttons, progress bar, status line and preview switch; `show_state` enables what applies."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("startTraining")
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setToolTip(self.tr("Stop after this batch, keeping the best weights so far"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.status_label = QLabel(self.tr("Choose a recipe and press Start. Drawing keeps working meanwhile."), self)
        self.status_label.setObjectName("trainingStatus")
        self.status_label.setWordWrap(True)
        self.preview_check = QCheckBox(self.tr("Show the predictions of the network being trained"), self)
        self.preview_check.setToolTip(self.tr(
            "The bars answer with the weights being trained, updated twice a second, instead of the live model"))
        self.live_button = QPushButton(self.tr("Make it the live model"), self)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setToolTip(self.tr(
            "Save the trained weights as a tutorial-style state_dict with its model card"))

        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        after = QHBoxLayout()
        after.addWidget(self.live_button)
        after.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.status_label)
        column.addWidget(self.preview_check)
        column.addLayout(after)

    def say(self, text: str) -> None:
        self.status_label.setText(text)

    def show_state(self, state: str, *, data_ready: bool, has_result: bool) -> None:
        """Enable the buttons that apply to `state` and word them for it."""
        running = state in RUNNING_STATES
        self.start_button.setEnabled(data_ready and not running)
        self.start_button.setText(self.tr("Start again") if state == DONE else self.tr("Start"))
        self.pause_button.setEnabled(state in (TRAINING_STATE, PAUSED_STATE))
        self.pause_button.setText(self.tr("Resume") if state == PAUSED_STATE else self.tr("Pause"))
        self.stop_button.setEnabled(state in (STARTING, TRAINING_STATE, PAUSED_STATE))
        self.live_button.setEnabled(has_result)
        self.save_button.setEnabled(has_result)

    def show_starting(self) -> None:
        self.say(self.tr("Starting…"))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Starting…"))

    def show_phase(self, phase: str) -> None:
        texts = {
            ts.LOADING_DATA: self.tr("Reading Fashion-MNIST and scoring the starting network…"),
            ts.PREPARING: self.tr("Preparing what the recipe trains on besides the images (silhouettes, sketches, "
                                  "garment drawings; up to a few minutes on one core)…"),
            ts.TRAINING: self.tr("Training…"),
            ts.SCORING: self.tr("Scoring the result on the test images…"),
        }
        self.say(texts.get(phase, phase))

    def show_preparing(self, done: int, total: int) -> None:
        """How many of the garment drawings the shipped recipe trains on are made (before epoch 1)."""
        self.progress.setValue(int(1000 * done / max(1, total)))
        self.progress.setFormat(self.tr("Preparing garment drawings to train on: {0} of {1}").format(done, total))

    def show_batch(self, progress) -> None:
        """One `BatchProgress`: how far, and about how long is left."""
        done = (progress.epoch - 1 + progress.batch / progress.batches) / progress.epochs
        self.progress.setValue(int(1000 * done))
        self.progress.setFormat(self.tr("Epoch {0} of {1} · {2}% · about {3} left").format(
            progress.epoch, progress.epochs, int(100 * done), format_seconds(progress.eta_s)))

    def show_epoch(self, record, device: str) -> None:
        self.say(self.tr("Epoch {0}: test accuracy {1:.3f}, loss {2:.3f}; {3:.1f} s on {4}{5}").format(
            record.epoch, record.test_accuracy or 0.0, record.test_loss or 0.0, record.seconds, device,
            self.tr(" (best so far)") if record.best else ""))

    def show_end(self, outcome) -> None:
        """The session's verdict in the progress bar and the status line."""
        if outcome.state is None:
            self.say(self.tr("Stopped before the first epoch finished: there is nothing to keep."))
            self.progress.setFormat(self.tr("Stopped"))
            return
        if not outcome.stopped:
            self.progress.setValue(1000)
        self.progress.setFormat(self.tr("Stopped early") if outcome.stopped else self.tr("Done"))
        self.say(self.tr("{0}: test accuracy {1:.4f} (best epoch {2}). Make it the live model, or save it.").format(
            self.tr("Stopped") if outcome.stopped else self.tr("Done"), outcome.test.accuracy, outcome.best_epoch))
