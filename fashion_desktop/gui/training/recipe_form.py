"""The Train panel's recipe form: which recipe, its learning rate, batch size, epochs, device, threads, start.

The recipes are torch-free data (`training/recipe.py`), so the form is filled and usable at the
window's first paint, long before the worker has imported torch. `config()` reads back the
chosen recipe with the numbers from the form; `show_config()` shows one given from outside
(tests, the bench command).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QSpinBox, QWidget

from fashion_desktop.gui.language import without_shortcut
from fashion_desktop.network.device_choices import CONTEXT as DEVICE_CONTEXT
from fashion_desktop.network.device_choices import DEVICE_KINDS
from fashion_desktop.training.recipe import TrainConfig
from fashion_desktop.training.session import default_threads

RANDOM, CURRENT = "random", "current"


class RecipeForm(QWidget):
    """The training settings; `config()`, `start_from()`, `device()`, `threads()` read them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recipes = {"tutorial": TrainConfig.tutorial(), "shipped": TrainConfig.shipped()}
        self.recipe_combo = QComboBox(self)
        self.recipe_combo.addItem(self.tr("The tutorial's: SGD, lr 0.001, batch 64"), "tutorial")
        self.recipe_combo.addItem(self.tr("The shipped model's: AdamW, one-cycle, EMA"), "shipped")
        self.recipe_combo.setToolTip(self.tr(
            "The tutorial's optimization loop exactly (plain SGD, no momentum), or the recipe that made the "
            "shipped weights (sketches and silhouettes of the images, dropout, an average of the weights; slower to "
            "start; without the teacher the shipped weights were distilled from)."))
        self.recipe_combo.currentIndexChanged.connect(self._on_recipe)
        self.lr_spin = QDoubleSpinBox(self)
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 1.0)
        self.lr_spin.setSingleStep(0.0005)
        self.batch_spin = QSpinBox(self)
        self.batch_spin.setRange(1, 8192)
        self.epochs_spin = QSpinBox(self)
        self.epochs_spin.setRange(1, 1000)
        self.device_combo = QComboBox(self)
        for choice in DEVICE_KINDS:  # the one device list, as the Device menu shows it
            self.device_combo.addItem(without_shortcut(QCoreApplication.translate(DEVICE_CONTEXT, choice.label)),
                                      choice.name)
        self.threads_spin = QSpinBox(self)
        self.threads_spin.setRange(1, max(1, os.cpu_count() or 1))
        self.threads_spin.setValue(default_threads())
        self.threads_spin.setToolTip(self.tr(
            "CPU threads for training. One core is left for drawing and the live predictions."))
        self.from_combo = QComboBox(self)
        self.from_combo.addItem(self.tr("A fresh random network (as the tutorial)"), RANDOM)
        self.from_combo.addItem(self.tr("The weights in use now"), CURRENT)
        self.from_combo.setToolTip(self.tr("Start from NeuralNetwork() as the tutorial creates it (seeded), "
                                           "or go on training the weights the bars use now"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Recipe"), self.recipe_combo)
        form.addRow(self.tr("Learning rate"), self.lr_spin)
        form.addRow(self.tr("Batch size"), self.batch_spin)
        form.addRow(self.tr("Epochs"), self.epochs_spin)
        form.addRow(self.tr("Device"), self.device_combo)
        form.addRow(self.tr("CPU threads"), self.threads_spin)
        form.addRow(self.tr("Start from"), self.from_combo)
        self._on_recipe()

    @Slot()
    def _on_recipe(self) -> None:
        self.show_numbers(self.recipes[self.recipe_combo.currentData()])

    def show_numbers(self, config: TrainConfig) -> None:
        self.lr_spin.setValue(config.lr)
        self.batch_spin.setValue(config.batch_size)
        self.epochs_spin.setValue(config.epochs)

    def show_config(self, config: TrainConfig) -> None:
        """Show a recipe given from outside: its family in the combo box, its numbers in the fields."""
        index = self.recipe_combo.findData("tutorial" if config.optimizer == "sgd" else "shipped")
        self.recipe_combo.blockSignals(True)
        self.recipe_combo.setCurrentIndex(max(0, index))
        self.recipe_combo.blockSignals(False)
        self.show_numbers(config)

    def config(self) -> TrainConfig:
        """The recipe chosen, with the learning rate, batch size and epochs from the form."""
        base = self.recipes[self.recipe_combo.currentData()]
        return TrainConfig(**{**base.as_dict(), "lr": self.lr_spin.value(), "batch_size": self.batch_spin.value(),
                              "epochs": self.epochs_spin.value()})

    def start_from(self) -> str:
        return self.from_combo.currentData()

    def device(self) -> str:
        return self.device_combo.currentData()

    def set_device(self, device: str) -> None:
        index = self.device_combo.findData(device.split(":", 1)[0])
        if index >= 0:
            self.device_combo.setCurrentIndex(index)

    def threads(self) -> int:
        return self.threads_spin.value()

    def set_live_model(self, name: str) -> None:
        """Name the weights in use now in the "Start from" choice."""
        self.from_combo.setItemText(1, self.tr("The weights in use now ({0})").format(name))

    def set_devices(self, devices: list) -> None:
        """Grey out the devices this computer lacks (each with a tooltip saying why)."""
        for device in devices:
            index = self.device_combo.findData(device.name)
            if index >= 0:
                item = self.device_combo.model().item(index)
                item.setEnabled(device.available)
                item.setToolTip(device.description if device.available else device.reason)
