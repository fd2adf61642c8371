"""The see-inside views in the real window: activations, why this class, weights, test set, untrained."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt

from fashion_desktop.images.samples import list_samples

LOAD_MS = 60_000


def _coat():
    return next(s for s in list_samples() if s.class_index == 4)


def _click_scene(qtbot, view, scene_pos: QPointF) -> None:
    """A real mouse click on a pyqtgraph view at a scene position."""
    point = view.mapFromScene(scene_pos)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))


def _show(qtbot, dock) -> None:
    dock.show()
    dock.raise_()
    qtbot.waitUntil(dock.widget().isVisible, timeout=5000)


# ------------------------------------------------------------ activations


def test_activations_panel_shows_every_stage_with_the_networks_shapes(window, qtbot, wait_idle):
    panel = window.inside.activations
    _show(qtbot, window.inside.activations_dock)
    window.open_path(_coat().path)
    wait_idle(window)
    assert panel.stage_shapes() == {
        "input": (28, 28), "flatten": (1, 784),
        "linear_relu_stack.0": (16, 32), "linear_relu_stack.1": (16, 32),  # 512 units, Linear beside its ReLU
        "linear_relu_stack.2": (16, 32), "linear_relu_stack.3": (16, 32),
        "linear_relu_stack.4": (1, 10), "softmax": (1, 10)}
    # what is drawn is the same forward pass the bars come from
    softmax = panel.shown["softmax"].reshape(-1)
    assert np.allclose(softmax, window.probabilities.probabilities(), atol=1e-6)
    linear, relu = panel.shown["linear_relu_stack.0"], panel.shown["linear_relu_stack.1"]
    assert np.array_equal(relu, np.maximum(linear, 0))
    low, high = panel.levels["linear_relu_stack.0"]
    assert low == -high and panel.levels["linear_relu_stack.1"] == (low, high)  # one diverging scale
    assert -low >= np.abs(linear).max()  # nothing is clipped
    assert panel.titles["linear_relu_stack.1"].text == f"after ReLU: {np.count_nonzero(relu)} of 512 units > 0"
    image = panel.images["linear_relu_stack.1"].image
    assert image.shape == (16, 32, 4)
    zeroed = relu == 0  # the negatives the ReLU removed: drawn in the scale's middle colour (white-ish)
    assert zeroed.any() and (image[zeroed] == image[zeroed][0]).all() and image[zeroed][0][:3].min() > 200


def test_hidden_panel_draws_nothing_and_catches_up_when_shown(window, qtbot, wait_idle):
    panel = window.inside.activations
    assert not window.inside.activations_dock.isVisible()
    window.open_path(_coat().path)
    wait_idle(window)
    assert panel.draws == 0 and panel.view is None  # not even built while hidden
    _show(qtbot, window.inside.activations_dock)
    assert panel.draws == 1 and panel.stage_shapes()["input"] == (28, 28)


def test_hover_names_the_cell_and_clicking_a_hidden_unit_shows_its_weights(window, qtbot, wait_idle):
    panel = window.inside.activations
    _show(qtbot, window.inside.activations_dock)
    window.open_path(_coat().path)
    wait_idle(window)
    item = panel.images["linear_relu_stack.1"]  # the first ReLU, unit 37 = row 1, column 5
    scene = item.mapToScene(QPointF(5.5, 1.5))
    panel._hover(scene)
    assert "unit 37" in panel.readout.text() and "ReLU" in panel.readout.text()
    _click_scene(qtbot, panel.view, scene)
    assert panel.unit == ("linear_relu_stack.0", 37)
    w1 = window.model_info.state["linear_relu_stack.0.weight"]
    assert np.array_equal(panel.unit_image.image, w1[37].reshape(28, 28))
    panel._hover(panel.images["linear_relu_stack.4"].mapToScene(QPointF(4.5, 0.5)))
    assert "Coat" in panel.readout.text()


# ------------------------------------------------------------ why this class


def test_saliency_is_computed_only_while_on_and_follows_the_clicked_class(make_window, qtbot, wait_idle):
    window = make_window(weights=None)  # the shipped weights
    results = []
    window.predictionShown.connect(results.append)
    window.open_path(_coat().path)
    wait_idle(window)
    assert results[-1].saliency is None and not window.preview.has_overlay()

    window.inside.saliency_action.setChecked(True)
    qtbot.waitUntil(lambda: results[-1].saliency is not None, timeout=LOAD_MS)
    wait_idle(window)
    result = results[-1]
    assert result.saliency.shape == (28, 28) and np.isfinite(result.saliency).all()
    assert result.saliency_class == window.probabilities.top_index() == 4
    assert window.preview.has_overlay() and "Coat" in window.inside.saliency_note.text()

    chart = window.probabilities.chart
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.row_center(6).toPoint())  # the Shirt row
    qtbot.waitUntil(lambda: results[-1].saliency_class == 6, timeout=LOAD_MS)
    assert "Shirt" in window.inside.saliency_note.text()
    assert not np.allclose(results[-1].saliency, result.saliency)

    window.inside.saliency_action.setChecked(False)
    wait_idle(window)
    window.open_path(list_samples()[0].path)
    wait_idle(window)
    assert results[-1].saliency is None and not window.preview.has_overlay()


def test_clicking_a_class_with_the_overlay_off_turns_it_on(window, qtbot, wait_idle):
    window.open_path(_coat().path)
    wait_idle(window)
    window.probabilities.classClicked.emit(2)
    assert window.inside.saliency_action.isChecked() and window.inside.explained_class() == 2


# ------------------------------------------------------------ weights


def test_weights_view_shows_tiles_matrices_and_bars_with_statistics(window, qtbot):
    panel = window.inside.weights
    table = window.parameters.table
    table.selectRow(0)  # linear_relu_stack.0.weight
    _show(qtbot, window.inside.weights_dock)
    assert panel.kind == "tiles" and panel._image.image.shape == (16 * 29 - 1, 32 * 29 - 1)
    w1 = window.model_info.state["linear_relu_stack.0.weight"]
    assert f"{w1.min():+.4f}" in panel.stats_label.text() and "401,408 values" in panel.stats_label.text()
    table.selectRow(2)
    assert panel.kind == "matrix" and panel._image.image.shape == (512, 512)
    table.selectRow(4)
    assert panel.kind == "matrix" and panel._image.image.shape == (10, 512)
    table.selectRow(5)
    assert panel.kind == "bars" and "(10 values)" in panel.stats_label.text()
    heights = panel._hist.opts["height"]
    assert heights.sum() == 10  # the histogram counts every value


def test_double_clicking_a_parameter_opens_the_weights_view(window, qtbot):
    table = window.parameters.table
    assert not window.inside.weights_dock.isVisible()
    rect = table.visualItemRect(table.item(3, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # QTest's double click
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # needs a press first
    qtbot.waitUntil(window.inside.weights_dock.isVisible, timeout=5000)
    assert window.inside.weights.name == "linear_relu_stack.2.bias" and window.inside.weights.kind == "bars"


# ------------------------------------------------------------ the test set


def test_test_set_confusion_adds_to_10000_and_clicking_an_image_loads_it(make_window, qtbot, wait_idle, test_split):
    window = make_window(weights=None)
    panel = window.inside.testset
    _show(qtbot, window.inside.testset_dock)
    qtbot.waitUntil(lambda: panel.predictions is not None, timeout=120_000)
    matrix = panel.confusion_matrix()
    assert matrix.shape == (10, 10) and matrix.sum() == 10_000
    assert panel.confusion.item(6, 0).text() == str(matrix[6, 0])

    panel.confusion.cellClicked.emit(6, 0)  # true Shirt, predicted T-shirt/top
    shown = panel.shown_indices()
    assert len(shown) == matrix[6, 0]
    assert (test_split.labels[shown] == 6).all() and (panel.predictions.predicted[shown] == 0).all()

    panel.clear_cell()
    panel.wrong_check.setChecked(True)
    wrong = panel.shown_indices()
    assert len(wrong) == 10_000 - np.trace(matrix)
    assert (panel.predictions.predicted[wrong] != test_split.labels[wrong]).all()

    index = panel.model.index(0, 0)
    panel.list.scrollTo(index)
    qtbot.waitUntil(lambda: panel.list.visualRect(index).isValid(), timeout=5000)  # laid out in batches
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualRect(index).center())
    chosen = int(wrong[0])
    assert np.array_equal(window.canvas.source_pixels(), test_split.images[chosen].astype(np.float32) / 255)
    wait_idle(window)
    assert window.probabilities.top_index() == int(panel.predictions.predicted[chosen])  # the same answer as listed


def test_test_set_says_how_to_get_the_data_when_it_is_absent(window, qtbot, monkeypatch, tmp_path):
    import fashion_desktop.dataset.files as data

    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "none")
    monkeypatch.setenv("FASHION_DESKTOP_APP_DATA", str(tmp_path / "nothing"))
    monkeypatch.delenv(data.DATA_ENV, raising=False)
    _show(qtbot, window.inside.testset_dock)
    text = window.inside.testset.status.text()
    assert "not on this computer" in text and "apt-get install dataset-fashion-mnist" in text
    assert not window.inside.testset.is_running()


def test_test_set_prediction_can_be_cancelled(make_window, qtbot, test_split):
    window = make_window(weights=None)
    panel = window.inside.testset
    panel.split = test_split  # no reading: the job starts predicting at once
    _show(qtbot, window.inside.testset_dock)
    assert panel.is_running() and panel.cancel_button.isVisible()
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not panel.is_running() and panel.predictions is None
    assert "Cancelled" in panel.status.text() and panel.run_button.isVisible()


# ------------------------------------------------------------ untrained versus trained


def test_untrained_switch_changes_predictions_and_switching_back_restores_them_exactly(make_window, qtbot,
                                                                                       wait_idle):
    window = make_window(weights=None)
    window.open_path(_coat().path)
    wait_idle(window)
    trained = window.probabilities.probabilities()
    trained_w = window.model_info.state["linear_relu_stack.0.weight"].copy()
    assert window.probabilities.top_index() == 4

    with qtbot.waitSignal(window.predictionShown, timeout=LOAD_MS):  # the worker re-runs the input on the swap
        window.inside.untrained_action.trigger()
    assert window.model_info.untrained
    untrained = window.probabilities.probabilities()
    assert not np.allclose(untrained, trained)
    assert untrained.max() < 0.3  # an untrained network has no opinion: about 10 % each
    assert "untrained" in window.windowTitle()

    with qtbot.waitSignal(window.predictionShown, timeout=LOAD_MS):
        window.inside.untrained_action.trigger()
    assert not window.model_info.untrained
    assert np.array_equal(window.probabilities.probabilities(), trained)
    assert np.array_equal(window.model_info.state["linear_relu_stack.0.weight"], trained_w)
    assert not window.inside.untrained_action.isChecked() and "untrained" not in window.windowTitle()


def test_loading_weights_while_untrained_makes_them_the_trained_ones(make_window, qtbot, random_weights):
    window = make_window(weights=None)
    window.inside.untrained_action.trigger()
    qtbot.waitUntil(lambda: window.model_info.untrained, timeout=LOAD_MS)
    window.load_weights(random_weights)
    qtbot.waitUntil(lambda: not window.model_info.untrained, timeout=LOAD_MS)
    assert not window.inside.untrained_action.isChecked()
    assert window.model_info.weights_path == str(random_weights)


def test_an_empty_canvas_hides_the_layers_of_the_previous_drawing(window, qtbot, wait_idle):
    _show(qtbot, window.inside.activations_dock)
    window.open_path(_coat().path)
    wait_idle(window)
    assert window.inside.activations.view.isVisible()
    window.canvas.clear()
    wait_idle(window)
    assert not window.inside.activations.view.isVisible() and window.inside.activations.message.isVisible()


def test_a_saliency_failure_keeps_the_prediction_and_switches_the_overlay_off(window, qtbot, wait_idle, monkeypatch):
    import fashion_desktop.explain.saliency as saliency

    def broken(*_args):
        raise RuntimeError("no gradients on this device")

    monkeypatch.setattr(saliency, "gradient_x_input", broken)
    results = []
    window.predictionShown.connect(results.append)
    window.inside.saliency_action.setChecked(True)
    window.open_path(_coat().path)
    qtbot.waitUntil(lambda: not window.inside.saliency_action.isChecked(), timeout=LOAD_MS)
    wait_idle(window)
    assert results[-1].prediction is not None and results[-1].saliency is None
    assert "switched off" in window.last_message[1] and "no gradients" in window.last_message[1]
