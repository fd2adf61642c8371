"""Pictures arrive by Open, drop, paste, --open and the Samples menu; they land on the canvas."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from fashion_desktop.gui.panels.probabilities import EMPTY, RESULT


def dark_boot_on_white(path) -> None:
    """A photo-like file: a dark shape on a white background (the app must invert it)."""
    pixels = np.full((300, 240), 250, np.uint8)
    pixels[60:250, 40:110] = 30
    pixels[180:250, 40:210] = 30
    Image.fromarray(pixels).save(path)


def expected_input(path, weights) -> np.ndarray:
    """What the network gets for this file: the core's preprocessing, then the orientation step the
    window applies too (a boot drawn facing right is read mirrored when its mirror reads as a side view)."""
    from fashion_desktop.images.preprocess import prepare_file
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model
    from fashion_desktop.network.orientation import face_left

    model, _ = load_model(weights)
    return face_left(Predictor(model, "cpu"), prepare_file(path).pixels)[0]


def test_open_file_shows_exactly_the_core_input(window, tmp_path, wait_idle, random_weights):
    from fashion_desktop.network.inference import Predictor
    from fashion_desktop.network.model import load_model

    path = tmp_path / "boot.png"
    dark_boot_on_white(path)
    assert window.open_path(path)
    wait_idle(window)
    assert np.array_equal(window.preview.pixels(), expected_input(path, random_weights))
    model, _ = load_model(random_weights)
    probabilities = Predictor(model, "cpu").predict(expected_input(path, random_weights)).probabilities
    assert np.allclose(window.probabilities.probabilities(), probabilities, atol=1e-6)
    assert "inverted" in window.statusBar().currentMessage()
    assert window.settings.value("folders/last") == str(tmp_path.resolve())
    assert not window.canvas.is_blank()  # drawn onto the canvas, light on black, so it can be drawn over
    top_right = window.canvas.grey()[: window.canvas.SIZE // 3, -window.canvas.SIZE // 4 :]
    assert top_right.max() < 30, "the white background must become black"


def test_a_garment_as_bright_as_its_surface_opens_by_its_colour_and_says_so(window, tmp_path, wait_idle, random_weights):
    """A red boot on a green carpet, nearly the same luminance: the window shows the core's input and
    the status bar says the colour told them apart (not "inverted", which would be untrue)."""
    dark_boot_on_white(tmp_path / "grey.png")
    shape = np.asarray(Image.open(tmp_path / "grey.png").convert("L")) < 128
    rgb = np.where(shape[..., None], np.array([220, 40, 40], np.uint8), np.array([50, 135, 50], np.uint8))
    path = tmp_path / "red boot on green.jpg"
    Image.fromarray(rgb.astype(np.uint8)).save(path, quality=90)
    assert window.open_path(path)
    wait_idle(window)
    assert np.array_equal(window.preview.pixels(), expected_input(path, random_weights))
    message = window.statusBar().currentMessage()
    assert "by colour" in message and "inverted" not in message, message
    assert not window.canvas.is_blank()


def test_drawing_over_a_loaded_picture_classifies_the_canvas(window, tmp_path, wait_idle):
    path = tmp_path / "boot.png"
    dark_boot_on_white(path)
    window.open_path(path)
    wait_idle(window)
    loaded = window.preview.pixels()
    canvas = window.canvas
    canvas._begin(QPointF(canvas.target_rect().topLeft()) + QPointF(5, 5))
    canvas._extend(QPointF(canvas.target_rect().topLeft()) + QPointF(60, 30))
    canvas._end()
    assert canvas.source_pixels() is None
    wait_idle(window)
    assert not np.array_equal(window.preview.pixels(), loaded)
    canvas.undo_stack.undo()  # back to the picture: its exact input again
    wait_idle(window)
    assert np.array_equal(window.preview.pixels(), loaded)


def test_unreadable_and_blank_files(window, tmp_path, wait_idle):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    assert not window.open_path(broken)
    assert window.last_message is not None and "broken.png" in window.last_message[1]
    blank = tmp_path / "blank.png"
    Image.new("L", (64, 64), 255).save(blank)
    assert not window.open_path(blank)
    wait_idle(window)
    assert window.probabilities.state == EMPTY


def test_paste_an_image(window, tmp_path, wait_idle, random_weights):
    path = tmp_path / "boot.png"
    dark_boot_on_white(path)
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)  # 3 bytes/pixel: padded rows
    QGuiApplication.clipboard().setImage(image)
    assert window.paste()
    wait_idle(window)
    assert np.allclose(window.preview.pixels(), expected_input(path, random_weights), atol=1e-5)
    assert window.probabilities.state == RESULT


def test_drop_a_file(window, tmp_path, wait_idle, random_weights):
    path = tmp_path / "boot.png"
    dark_boot_on_white(path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    where, action, buttons, keys = QPointF(100, 100), Qt.DropAction.CopyAction, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), action, data, buttons, keys)  # Qt's signature takes a QPoint
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(where, action, data, buttons, keys))
    wait_idle(window)
    assert np.array_equal(window.preview.pixels(), expected_input(path, random_weights))


def test_open_a_folder_at_start_classifies_it_once_the_model_is_ready(make_window, random_weights, tmp_path, qtbot):
    """`--open FOLDER` ("Open with" on a folder): the Folder view lists every picture in it, not an
    error dialog saying a folder is not an image."""
    from fashion_desktop.gui.app import open_at_start

    for name in ("a.png", "b.png", "c.png"):
        dark_boot_on_white(tmp_path / name)
    window = make_window(weights=random_weights, wait_for_model=False)
    open_at_start(window, tmp_path)  # as `main` does right after the first paint
    qtbot.waitUntil(lambda: len(window.exports.folder_view.model.rows) == 3, timeout=60_000)
    assert all(row.ok for row in window.exports.folder_view.model.rows)
    assert window.exports.folder_dock.isVisible()


def test_save_drawing_writes_the_canvas(window, tmp_path):
    canvas = window.canvas
    canvas._begin(canvas.target_rect().center())
    canvas._end()
    target = tmp_path / "out" / "drawing.png"
    assert window.save_drawing(target)
    saved = np.asarray(Image.open(target).convert("L"))
    assert np.array_equal(saved, canvas.grey())
    assert not list(target.parent.glob(".*.tmp")), "the atomic write left a temporary file"


def test_open_option_runs_the_app_and_exits_cleanly(random_weights, tmp_path):
    """`main.py --open FILE` classifies the file at start; with FASHION_DESKTOP_TIMING=quit it then exits."""
    path = tmp_path / "boot.png"
    dark_boot_on_white(path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FASHION_DESKTOP_TIMING="quit",
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    done = subprocess.run([sys.executable, os.path.join(root, "main.py"), "--open", str(path), "--weights",
                           str(random_weights), "--device", "cpu"], capture_output=True, text=True, timeout=300,
                          env=env, cwd=root)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split("=", 1) for line in done.stdout.split() if "=" in line)
    # The first answer may come from numpy before PyTorch is ready (model_ready_s then never prints):
    # quitting then, mid-import, must still exit cleanly.
    assert {"window_visible_s", "first_prediction_s"} <= set(lines), done.stdout
    assert float(lines["window_visible_s"]) <= float(lines["first_prediction_s"])
    assert "QThread" not in done.stderr and "Traceback" not in done.stderr, done.stderr
