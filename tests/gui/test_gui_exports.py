"""Taking things out of the window: a folder's answers, the network, the charts (offscreen, pytest-qt)."""

from __future__ import annotations

import csv
import io
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from fashion_desktop.answers import CSV_HEADER
from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.gui import chart_export
from fashion_desktop.gui.panels.folder_view import CONFIDENCE, ONLY_ERRORS
from fashion_desktop.images.preprocess import prepare_file
from fashion_desktop.images.samples import list_samples
from fashion_desktop.network.inference import Predictor
from fashion_desktop.network.model import NeuralNetwork, load_model
from fashion_desktop.network.orientation import face_left

TIMEOUT = 60_000


@pytest.fixture
def folder(tmp_path):
    """Good pictures (the shipped samples, one in a subfolder), a damaged PNG, a text file named .jpg, notes."""
    root = tmp_path / "pictures"
    (root / "deeper").mkdir(parents=True)
    samples = list_samples()
    for sample in samples[:6]:
        shutil.copyfile(sample.path, root / sample.path.name)
    shutil.copyfile(samples[7].path, root / "deeper" / samples[7].path.name)
    (root / "damaged.png").write_bytes(samples[8].path.read_bytes()[:150])
    (root / "letter.jpg").write_text("Dear reader")
    (root / "notes.txt").write_text("not a picture by name")
    return root


def expected_probabilities(weights, path):
    """What the window's model answers for one file, computed here without the window."""
    model, _ = load_model(weights)
    predictor = Predictor(model)
    pixels = face_left(predictor, prepare_file(path).pixels[None])[0]  # shoes facing right, as predict reads them
    return predictor.predict_batch(pixels).probabilities[0]


def classify(qtbot, window, folder, recursive=False):
    with qtbot.waitSignal(window.exports.folder_view.finished, timeout=TIMEOUT):
        assert window.exports.classify_folder(folder, recursive)
    return window.exports.folder_view


def test_folder_view_answers_every_picture_and_names_the_broken_ones(qtbot, window, folder, random_weights):
    view = classify(qtbot, window, folder)
    assert window.exports.folder_dock.isVisible()
    rows = {row.path.name: row for row in view.model.rows}
    assert sorted(rows) == sorted([p.name for p in folder.iterdir() if p.is_file() and p.suffix != ".txt"])
    for name, row in rows.items():
        if name not in ("damaged.png", "letter.jpg"):
            np.testing.assert_allclose(row.probabilities, expected_probabilities(random_weights, folder / name),
                                       atol=1e-5)
            assert row.thumbnail is not None and row.error == ""
    assert "damaged" in rows["damaged.png"].error and rows["damaged.png"].probabilities is None
    assert "not an image" in rows["letter.jpg"].error
    assert "1 other file passed over" in view.status.text()  # notes.txt: one file, said without "(s)"
    assert "pictures classified in" in view.status.text() and "(s)" not in view.status.text()

    # what the table shows for one good row: class, confidence, second guess
    model = view.model
    r = next(i for i, row in enumerate(model.rows) if row.ok)
    probs = model.rows[r].probabilities
    order = np.argsort(probs)[::-1]
    assert model.data(model.index(r, 1)) == CLASS_NAMES[order[0]]
    assert model.data(model.index(r, 2)) == f"{probs[order[0]]:.1%}"
    assert model.data(model.index(r, 3)).startswith(CLASS_NAMES[order[1]])

    # sorting by confidence, most confident first
    view.table.sortByColumn(CONFIDENCE, Qt.SortOrder.DescendingOrder)
    shown = [model.rows[view.proxy.mapToSource(view.proxy.index(i, 0)).row()] for i in range(view.proxy.rowCount())]
    confidences = [float(row.probabilities.max()) if row.ok else -1.0 for row in shown]
    assert confidences == sorted(confidences, reverse=True)

    # filters: one class, a minimum confidence, only the errors
    top = int(probs.argmax())
    view.set_filter(top, 0)
    assert view.shown_paths() and all(int(rows[p.name].probabilities.argmax()) == top for p in view.shown_paths())
    threshold = int(float(np.median([row.probabilities.max() for row in model.rows if row.ok])) * 100)
    view.set_filter(-1, threshold)
    kept = {p.name for p in view.shown_paths()}
    assert kept == {n for n, row in rows.items() if row.ok and row.probabilities.max() >= threshold / 100}
    view.set_filter(ONLY_ERRORS, 0)
    assert {p.name for p in view.shown_paths()} == {"damaged.png", "letter.jpg"}
    view.set_filter(-1, 0)

    # a click on a row puts that picture on the canvas
    index = view.proxy.index(0, 0)
    path = model.rows[view.proxy.mapToSource(index).row()].path
    if not model.rows[view.proxy.mapToSource(index).row()].ok:
        index = next(view.proxy.index(i, 0) for i in range(view.proxy.rowCount())
                     if model.rows[view.proxy.mapToSource(view.proxy.index(i, 0)).row()].ok)
        path = model.rows[view.proxy.mapToSource(index).row()].path
    view.table.clicked.emit(index)
    np.testing.assert_array_equal(window.canvas.source_pixels(), prepare_file(path).pixels)

    # CSV: the same columns as predict --csv, every row, the same numbers
    out = folder.parent / "answers.csv"
    assert view.export_csv(out)
    table = list(csv.reader(io.StringIO(out.read_text())))
    assert tuple(table[0]) == CSV_HEADER and len(table) == 1 + len(rows)
    for line in table[1:]:
        row = rows[line[0].rsplit("/", 1)[-1]]
        if row.ok:
            assert line[1] == CLASS_NAMES[int(row.probabilities.argmax())]
            np.testing.assert_allclose([float(v) for v in line[4:14]], row.probabilities, rtol=1e-5, atol=1e-9)
        else:
            assert line[-1] == row.error and line[1] == ""


def test_rows_reach_the_table_at_once_then_gathered_and_none_is_lost_at_the_end(qtbot):
    """The first rows show as they arrive; later ones wait at most SHOW_EVERY_MS and come together
    (each showing repaints the table and the progress bar); the end shows whatever is left."""
    from fashion_desktop.gui.folder_job import FolderRow
    from fashion_desktop.gui.panels.folder_view import SHOW_EVERY_MS, FolderView

    view = FolderView()
    qtbot.addWidget(view)
    view.progress.setRange(0, 5)

    def rows(*names):
        return [FolderRow(Path(name), None, np.full(10, 0.1, np.float32)) for name in names]

    view._on_rows(rows("a.png", "b.png"))
    view._on_progress(2, 5)
    QApplication.processEvents()  # the first batch: its rows and progress, at the next turn of the loop
    assert len(view.model.rows) == 2 and view.progress.value() == 2
    view._on_rows(rows("c.png"))
    view._on_progress(3, 5)
    QApplication.processEvents()
    assert len(view.model.rows) == 2 and view.progress.value() == 2  # gathered...
    qtbot.waitUntil(lambda: len(view.model.rows) == 3, timeout=10 * SHOW_EVERY_MS)  # ...and shown
    assert view.progress.value() == 3
    view._on_rows(rows("d.png", "e.png"))
    view._on_progress(5, 5)
    view._on_done(0.5)  # the job's last signals come before its end
    assert [row.path.name for row in view.model.rows] == ["a.png", "b.png", "c.png", "d.png", "e.png"]
    assert "5 pictures classified" in view.status.text()


def test_subfolders_are_included_when_asked(qtbot, window, folder):
    view = classify(qtbot, window, folder, recursive=True)
    assert any(row.path.parent.name == "deeper" for row in view.model.rows)
    with qtbot.waitSignal(view.finished, timeout=TIMEOUT):
        view.recursive_check.setChecked(False)  # rerun without them
    assert not any(row.path.parent.name == "deeper" for row in view.model.rows)


def test_cancel_stops_the_job_and_keeps_the_answers_so_far(qtbot, window, tmp_path):
    source = list_samples()[0].path
    for i in range(600):
        shutil.copyfile(source, tmp_path / f"{i:04d}.png")
    view = window.exports.folder_view
    with qtbot.waitSignal(view.finished, timeout=TIMEOUT):
        window.exports.classify_folder(tmp_path)
        assert view.cancel_button.isVisible()
        view.cancel_button.click()
    assert len(view.model.rows) < 600
    assert "Cancelled" in view.status.text()
    assert not view.progress.isVisible()


def test_dropping_a_folder_classifies_it(qtbot, window, folder, monkeypatch):
    """The folder view's processes start as the folder is dragged in, before it is dropped; a single
    picture dragged in starts nothing."""
    from PySide6.QtCore import QMimeData

    from fashion_desktop.gui import folder_pool

    warmed: list[bool] = []
    monkeypatch.setattr(folder_pool, "warm_up", lambda: warmed.append(True))
    where, action = QPointF(100, 100), Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    picture = QMimeData()
    picture.setUrls([QUrl.fromLocalFile(str(folder / list_samples()[0].path.name))])
    enter = QDragEnterEvent(where.toPoint(), action, picture, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted() and not warmed
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(folder))])
    enter = QDragEnterEvent(where.toPoint(), action, data, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted() and warmed == [True]
    with qtbot.waitSignal(window.exports.folder_view.finished, timeout=TIMEOUT):
        QApplication.sendEvent(window, QDropEvent(where, action, data, buttons, keys))
    assert window.exports.folder_view.folder == folder and len(window.exports.folder_view.model.rows) == 8


# ---------------------------------------------------------------- the network


def _choose(monkeypatch, path, chosen_filter):
    calls = []

    def fake(parent, caption, directory, filters, selected=""):
        calls.append(filters.split(";;"))
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return calls


def test_model_export_dialog_writes_the_loaded_weights(qtbot, window, tmp_path, monkeypatch):
    calls = _choose(monkeypatch, tmp_path / "exported", "safetensors (*.safetensors)")
    window.exports.export_model_action.trigger()
    qtbot.waitUntil(lambda: window.exports.last_export is not None, timeout=TIMEOUT)
    assert any("ONNX" in f for f in calls[0]) and any(".pt2" in f for f in calls[0])
    out = tmp_path / "exported.safetensors"  # the filter chosen gave the suffix
    assert window.exports.last_export.path == out
    from safetensors.torch import load_file

    loaded = load_file(str(out))
    for name, array in window.model_info.state.items():  # the model in the window, not the shipped one
        np.testing.assert_array_equal(loaded[name].numpy(), array)
    qtbot.waitUntil(lambda: window.exports.export_thread is None, timeout=TIMEOUT)


def test_a_refused_export_says_why_and_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    from fashion_desktop.network import export

    monkeypatch.setattr(export, "load_exported", lambda path, fmt: (lambda x: {"logits": np.zeros((len(x), 10))}))
    _choose(monkeypatch, tmp_path / "net.pth", "")
    window.exports.export_model_action.trigger()
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=TIMEOUT)
    title, text = window.last_message
    assert title == "The network was not exported" and "does not reproduce" in text
    assert list(tmp_path.glob("net*")) == [] and list(tmp_path.glob(".net*")) == []
    qtbot.waitUntil(lambda: window.exports.export_thread is None, timeout=TIMEOUT)


# ---------------------------------------------------------------- charts


def test_probabilities_chart_exports_png_svg_csv_with_its_numbers(qtbot, window, wait_idle, tmp_path):
    window.open_path(list_samples()[2].path)
    wait_idle(window)
    shown = window.probabilities.probabilities()
    charts = dict(window.exports.charts())
    chart = next(c for name, c in charts.items() if name.startswith("Prediction"))
    paths = {kind: tmp_path / f"bars.{kind}" for kind in chart_export.FORMATS}
    for path in paths.values():
        assert window.exports.save_chart(chart, path)
    with Image.open(paths["png"]) as image:
        assert image.format == "PNG" and image.width >= chart.width() and image.height >= chart.height()
        assert len(np.unique(np.asarray(image.convert("L")))) > 2  # something is drawn
    root = ET.parse(paths["svg"]).getroot()
    assert root.tag.endswith("svg")
    assert "Trouser" in paths["svg"].read_text()  # the axis labels are there as text
    rows = list(csv.reader(io.StringIO(paths["csv"].read_text())))
    assert rows[0] == ["class", "probability"]
    assert [r[0] for r in rows[1:]] == list(CLASS_NAMES)
    np.testing.assert_allclose([float(r[1]) for r in rows[1:]], shown, rtol=1e-6)


def test_copy_chart_puts_picture_and_numbers_on_the_clipboard(qtbot, window, wait_idle):
    window.open_path(list_samples()[4].path)
    wait_idle(window)
    window.exports.copy_chart_action.trigger()
    data = QApplication.clipboard().mimeData()
    assert data.hasImage()
    lines = data.text().splitlines()  # tab-separated: a spreadsheet pastes it into cells
    assert lines[0] == "class\tprobability" and len(lines) == 11
    assert [line.split("\t")[0] for line in lines[1:]] == list(CLASS_NAMES)
    np.testing.assert_allclose([float(line.split("\t")[1]) for line in lines[1:]],
                               window.probabilities.probabilities(), rtol=1e-6)
    assert window.exports.copy_chart_action.shortcut().toString() == "Ctrl+Shift+C"


def test_every_chart_has_the_export_menu(qtbot, window):
    window.exports.install_chart_menus()
    charts = window.exports.charts()
    assert charts
    for _name, chart in charts:
        assert chart.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    menu = window.exports.chart_menu(charts[0][1])
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Save as PNG…", "Save as SVG…", "Save the numbers as CSV…", "Copy"]


def test_weights_view_exports_the_parameter_it_shows(qtbot, window, wait_idle, tmp_path):
    window.inside.show_weights("linear_relu_stack.4.bias")
    qtbot.waitUntil(lambda: bool(chart_export.find_charts(window.inside.weights)), timeout=TIMEOUT)
    chart = chart_export.find_charts(window.inside.weights)[0]
    assert chart is window.inside.weights.view
    assert window.exports.save_chart(chart, tmp_path / "w.csv")
    blocks = (tmp_path / "w.csv").read_text().split("\n\n")
    assert blocks[0].splitlines()[:2] == ["# linear_relu_stack.4.bias", "unit,value"]
    values = [float(line.split(",")[1]) for line in blocks[0].splitlines()[2:]]
    bias = window.model_info.state["linear_relu_stack.4.bias"]
    np.testing.assert_allclose(values, bias, rtol=1e-6)
    counts = [int(line.split(",")[2]) for line in blocks[1].splitlines()[2:]]
    assert sum(counts) == bias.size  # the histogram counts every value once


def test_curves_bars_and_images_give_their_numbers(qtbot):
    """The generic reader behind every pyqtgraph chart (training curves, histograms, activations)."""
    import pyqtgraph as pg

    widget = pg.GraphicsLayoutWidget()
    qtbot.addWidget(widget)
    plot = widget.addPlot(title="Test accuracy")
    plot.plot([0, 1, 2], [0.1, 0.62, 0.71], name="accuracy")
    plot.addItem(pg.BarGraphItem(x0=[-1.0, 0.0], x1=[0.0, 1.0], height=[3, 5]))
    image = widget.addPlot(title="Activations")
    image.addItem(pg.ImageItem(np.array([[0.0, 0.5], [1.0, -2.0]]), axisOrder="row-major"))
    tables = {t.title: t for t in chart_export.chart_tables(widget)}
    assert tables["Test accuracy — accuracy — curve"].rows == [[0.0, 0.1], [1.0, 0.62], [2.0, 0.71]]
    assert tables["Test accuracy — bars"].rows == [[-1.0, 0.0, 3.0], [0.0, 1.0, 5.0]]
    assert tables["Activations — image 2×2"].rows == [[0.0, 0.5], [1.0, -2.0]]
    text = chart_export.csv_text(list(tables.values()))
    assert "# Test accuracy — accuracy — curve" in text and "0.62" in text


def test_torch_is_not_needed_to_name_the_formats():
    from fashion_desktop.gui.model_export import format_for

    assert format_for("/x/net", "ONNX (*.onnx)") == ("onnx", "/x/net.onnx")
    assert format_for("/x/net.pt2", "safetensors (*.safetensors)") == ("pt2", "/x/net.pt2")
    assert NeuralNetwork and torch  # imported for the fixtures' weights


def test_activations_export_every_stage_of_the_drawing_shown(qtbot, window, wait_idle, tmp_path, random_weights):
    window.inside.activations_dock.show()
    sample = list_samples()[6].path
    window.open_path(sample)
    wait_idle(window)
    qtbot.waitUntil(lambda: bool(chart_export.find_charts(window.inside.activations)), timeout=TIMEOUT)
    chart = chart_export.find_charts(window.inside.activations)[0]
    assert window.exports.save_chart(chart, tmp_path / "a.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "a.csv").read_text())))
    assert rows[0] == ["stage", "unit", "value"]
    logits = [float(r[2]) for r in rows[1:] if r[0] == "linear_relu_stack.4"]
    model, _ = load_model(random_weights)
    with torch.inference_mode():
        expected = model(torch.from_numpy(prepare_file(sample).pixels[None])).numpy()[0]
    np.testing.assert_allclose(logits, expected, rtol=1e-5, atol=1e-5)
    assert sum(r[0] == "linear_relu_stack.1" for r in rows[1:]) == 512


def test_tables_and_trees_give_their_cells(qtbot):
    """Confusion matrices, the comparison and parameter tables, the layer tree: what the cells say."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTreeView

    table = QTableWidget(2, 2)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["Bag", "Boot"])
    table.setVerticalHeaderLabels(["Bag", "Boot"])
    for r, c, v in ((0, 0, 98), (0, 1, 2), (1, 0, 3), (1, 1, 97)):
        table.setItem(r, c, QTableWidgetItem(str(v)))
    [t] = chart_export.chart_tables(table, "matrix")
    assert t.header == ["", "Bag", "Boot"] and t.rows == [["Bag", "98", "2"], ["Boot", "3", "97"]]

    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["Name", "Parameters"])
    root = [QStandardItem("model"), QStandardItem("669706")]
    root[0].appendRow([QStandardItem("linear"), QStandardItem("401920")])
    model.appendRow(root)
    tree = QTreeView()
    qtbot.addWidget(tree)
    tree.setModel(model)
    [t] = chart_export.chart_tables(tree, "tree")
    assert t.header == ["Name", "Parameters"] and t.rows == [["model", "669706"], ["  linear", "401920"]]


def test_the_train_panels_confusion_matrix_exports_with_full_class_names(qtbot):
    """As the test set's matrix does: the CSV names the classes in full and says which matrix it is."""
    from fashion_desktop.gui.training.results import ComparisonView

    view = ComparisonView()
    qtbot.addWidget(view)
    matrix = np.arange(100).reshape(10, 10)
    view.matrix.show_counts(matrix)
    [table] = chart_export.chart_tables(view.matrix, "ignored")
    assert table.title == "Confusion: this network"
    assert table.header == ["true \\ predicted", *CLASS_NAMES]
    assert [row[0] for row in table.rows] == list(CLASS_NAMES)
    assert [row[1:] for row in table.rows] == matrix.tolist()
    view.matrix.clear_matrix()
    assert chart_export.chart_tables(view.matrix) == []  # nothing to export before a run
    assert view.class_table.accessibleName() and view.matrix.accessibleName()  # named in File ▸ Export


def test_the_app_exits_cleanly_after_copying_a_chart(run_window_process):
    """Qt's in-process clipboard (the offscreen platform) frees what it holds after Python has shut
    down; a chart copied there crashed the app at exit (signal 11) until shutdown let go of it."""
    done = run_window_process("""
        import os
        app.aboutToQuit.connect(window.shutdown)  # as gui/app.py does

        def copy():
            if window.model_info is None or not window.is_settled():
                QTimer.singleShot(100, copy)
                return
            window.exports.copy_chart_action.trigger()
            print("copied" if app.clipboard().mimeData().hasImage() else "nothing copied", flush=True)
            QTimer.singleShot(100, app.quit)

        QTimer.singleShot(100, copy)
        QTimer.singleShot(120_000, lambda: os._exit(4))
        sys.exit(app.exec())
    """)
    assert "copied" in done.stdout
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
