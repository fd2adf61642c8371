"""The layer tree and parameter table show the tutorial's network; the device menu moves it."""

from __future__ import annotations

from fashion_desktop.gui.panels.layer_tree import NAME, PARAMETERS, SETTINGS, SHAPE, TYPE
from fashion_desktop.gui.panels.probabilities import RESULT
from fashion_desktop.network.model import TOTAL_PARAMETERS

TUTORIAL_TREE = [  # (qualified name, type, settings, output shape, parameters), as print(model) lists them
    ("", "NeuralNetwork", "", "(1, 10)", "669,706"),
    ("flatten", "Flatten", "start_dim=1, end_dim=-1", "(1, 784)", "0"),
    ("linear_relu_stack", "Sequential", "", "(1, 10)", "669,706"),
    ("linear_relu_stack.0", "Linear", "in_features=784, out_features=512, bias=True", "(1, 512)", "401,920"),
    ("linear_relu_stack.1", "ReLU", "", "(1, 512)", "0"),
    ("linear_relu_stack.2", "Linear", "in_features=512, out_features=512, bias=True", "(1, 512)", "262,656"),
    ("linear_relu_stack.3", "ReLU", "", "(1, 512)", "0"),
    ("linear_relu_stack.4", "Linear", "in_features=512, out_features=10, bias=True", "(1, 10)", "5,130"),
    ("softmax", "Softmax", "dim=1", "(1, 10)", "0"),
]
PARAMETER_ROWS = [
    ("linear_relu_stack.0.weight", "(512, 784)", "401,408"),
    ("linear_relu_stack.0.bias", "(512)", "512"),
    ("linear_relu_stack.2.weight", "(512, 512)", "262,144"),
    ("linear_relu_stack.2.bias", "(512)", "512"),
    ("linear_relu_stack.4.weight", "(10, 512)", "5,120"),
    ("linear_relu_stack.4.bias", "(10)", "10"),
]


def test_layer_tree_shows_the_tutorials_structure(window):
    from PySide6.QtCore import Qt

    rows = [(item.data(NAME, Qt.ItemDataRole.UserRole), item.text(TYPE), item.text(SETTINGS), item.text(SHAPE),
             item.text(PARAMETERS)) for item in window.layer_tree.items()]
    assert rows == TUTORIAL_TREE
    tips = {item.text(TYPE): item.toolTip(TYPE) for item in window.layer_tree.items()}
    for kind, word in (("Flatten", "784"), ("Linear", "weight"), ("ReLU", "negative"), ("Sequential", "order"),
                       ("Softmax", "probabilities")):
        assert word in tips[kind], (kind, tips[kind])


def test_parameter_table_and_total(window):
    table = window.parameters.table
    rows = [(table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())]
    assert rows == PARAMETER_ROWS
    assert f"{TOTAL_PARAMETERS:,}" == "669,706"
    assert "669,706" in window.parameters.total.text()
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[:6] == ["Name", "Shape", "Count", "Bytes", "Dtype", "Device"]
    assert table.item(0, 3).text() == "1,605,632" and table.item(0, 4).text() == "float32"
    assert table.item(0, 5).text() == "cpu"
    preview = table.item(0, 6)
    assert preview.text().startswith("[[") and preview.toolTip().startswith("tensor([[")


def test_selecting_a_layer_selects_its_parameters(window):
    tree, params = window.layer_tree, window.parameters
    assert tree.select_layer("linear_relu_stack.2")
    assert params.selected_names() == ["linear_relu_stack.2.weight", "linear_relu_stack.2.bias"]
    tree.select_layer("linear_relu_stack.1")  # a ReLU has no parameters
    assert params.selected_names() == []
    tree.select_layer("")
    assert len(params.selected_names()) == 6


def test_device_menu_lists_devices_and_switches_in_the_worker(window, qtbot, wait_idle):
    from fashion_desktop.network.device import available_devices

    for info in available_devices():
        action = window.device_actions[info.name]
        assert action.isEnabled() == info.available
        if not info.available:
            assert info.reason in action.toolTip()
    with qtbot.waitSignal(window.modelShown, timeout=30_000):
        window.set_device("cpu")
    assert window.settings.value("device") == "cpu"
    assert window.device_label.text().startswith("Device: cpu")
    if not window.device_actions["cuda"].isEnabled():
        with qtbot.waitSignal(window.modelShown, timeout=30_000):
            window.set_device("cuda")  # unavailable: falls back to the CPU and says why
        assert "using the CPU" in window.device_label.toolTip()
        assert window.model_info.device == "cpu"
    grey = window.canvas.grey()
    grey[60:220, 90:190] = 255
    window.worker.request(grey=grey)
    wait_idle(window)
    assert window.probabilities.state == RESULT
