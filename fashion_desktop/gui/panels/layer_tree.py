"""The module hierarchy, as `print(model)` shows it, with output shapes and parameter counts.

It draws from `introspect.layer_tree`, computed in the worker, so the panel never touches torch.
The softmax is not a module of the tutorial's network (the tutorial applies it to the logits
afterwards); it gets its own row so the whole path from pixels to probabilities is visible.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

NAME, TYPE, SETTINGS, SHAPE, PARAMETERS = range(5)
NAME_ROLE = Qt.ItemDataRole.UserRole


_EXPLANATIONS = {
    "NeuralNetwork": QT_TRANSLATE_NOOP(
        "LayerTreePanel", "The tutorial's network: flatten the image, then Linear layers with ReLU between them."),
    "Flatten": QT_TRANSLATE_NOOP(
        "LayerTreePanel", "Flatten turns each 28×28 image into one row of 784 numbers, keeping the batch dimension."),
    "Linear": QT_TRANSLATE_NOOP(
        "LayerTreePanel", "Linear multiplies its input by a learned weight matrix and adds a learned bias "
        "(y = xWᵀ + b)."),
    "ReLU": QT_TRANSLATE_NOOP(
        "LayerTreePanel", "ReLU keeps positive values and sets negative ones to zero, so the network can learn "
        "more than straight-line rules."),
    "Sequential": QT_TRANSLATE_NOOP(
        "LayerTreePanel", "Sequential passes its input through the modules listed inside it, in order."),
    "Softmax": QT_TRANSLATE_NOOP(
        "LayerTreePanel", "Softmax turns the 10 raw scores (logits) into probabilities between 0 and 1 "
        "that add up to 1."),
}


def explain(type_name: str) -> str:
    """One sentence on what a layer type does, for tooltips."""
    text = _EXPLANATIONS.get(type_name)
    return QCoreApplication.translate("LayerTreePanel", text) if text else ""


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ")" if shape else ""


class LayerTreePanel(QTreeWidget):
    """Emits `layerSelected(name)` ('' for the whole network) when a row is picked."""

    layerSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LayerTreePanel")
        self.setColumnCount(5)
        self.setHeaderLabels([self.tr("Name"), self.tr("Type"), self.tr("Settings"), self.tr("Output shape"),
                              self.tr("Parameters")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(SETTINGS, QHeaderView.ResizeMode.Stretch)  # long; elided first
        self.header().setStretchLastSection(False)
        self.itemSelectionChanged.connect(self._on_selection)
        self.show_message(self.tr("Loading the network…"))

    def show_message(self, text: str) -> None:
        """A single placeholder row: loading, or why there is no model."""
        self.clear()
        item = QTreeWidgetItem([text])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addTopLevelItem(item)

    def populate(self, tree) -> None:
        """Fill from a `LayerNode`; keeps the selected layer when the model is replaced."""
        selected = self.selected_layer()
        self.blockSignals(True)
        self.clear()
        root = self._item(tree, None)
        root.setText(NAME, tree.name or "model")
        root.setData(NAME, NAME_ROLE, "")
        logits = tree.output_shape
        softmax = QTreeWidgetItem([self.tr("softmax"), "Softmax", "dim=1", _shape(logits), "0"])
        softmax.setData(NAME, NAME_ROLE, "softmax")
        softmax.setToolTip(NAME, explain("Softmax") + " " + self.tr("Applied to the logits after the network."))
        softmax.setToolTip(TYPE, explain("Softmax"))
        italic = QFont(self.font())
        italic.setItalic(True)
        for column in range(5):
            softmax.setFont(column, italic)
        softmax.setTextAlignment(PARAMETERS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.addTopLevelItem(softmax)
        self.expandAll()
        self.blockSignals(False)
        if selected is not None:
            self.select_layer(selected)

    def _item(self, node, parent: QTreeWidgetItem | None) -> QTreeWidgetItem:
        short = node.name.rsplit(".", 1)[-1] if node.name else ""
        item = QTreeWidgetItem([short, node.type_name, node.extra_repr, _shape(node.output_shape),
                                f"{node.parameters:,}"])
        item.setData(NAME, NAME_ROLE, node.name)
        item.setTextAlignment(PARAMETERS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tip = explain(node.type_name)
        if tip:
            for column in range(5):
                item.setToolTip(column, tip)
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        for child in node.children:
            self._item(child, item)
        return item

    def items(self) -> list[QTreeWidgetItem]:
        """Every row, depth first (for tests and the parameter link)."""
        found = []

        def walk(item: QTreeWidgetItem) -> None:
            found.append(item)
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.topLevelItemCount()):
            walk(self.topLevelItem(i))
        return found

    def selected_layer(self) -> str | None:
        chosen = self.selectedItems()
        return chosen[0].data(NAME, NAME_ROLE) if chosen else None

    def select_layer(self, name: str) -> bool:
        for item in self.items():
            if item.data(NAME, NAME_ROLE) == name:
                self.setCurrentItem(item)
                return True
        return False

    @Slot()
    def _on_selection(self) -> None:
        name = self.selected_layer()
        if name is not None:
            self.layerSelected.emit(name)
