"""Nothing lost: damaged settings fall back to defaults with a notice; the drawing survives a crash."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from fashion_desktop.gui.canvas import DrawingCanvas
from fashion_desktop.gui.recovery import AUTOSAVE_NAME, CanvasAutosave, recover_settings

GARBAGE = {
    "binary junk": bytes(range(256)) * 4,
    "NUL bytes": b"[window]\x00\x00\x00geometry=\x00\n",
    "broken section": b"[window\ngeometry=@ByteArray(\x01)\n[[[\n",
}


def drawing(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    grey = np.zeros((DrawingCanvas.SIZE, DrawingCanvas.SIZE), np.uint8)
    top, left = rng.integers(30, 150, 2)
    grey[top : top + 220, left : left + 150] = 255
    grey[top : top + 50, max(0, left - 60) : left + 210] = 255
    return grey


# ------------------------------------------------------------------ settings


@pytest.mark.parametrize("kind", sorted(GARBAGE))
def test_damaged_settings_fall_back_to_defaults_with_a_notice(make_window, random_weights, tmp_path, qtbot, kind):
    path = tmp_path / "damaged.ini"
    path.write_bytes(GARBAGE[kind])
    window = make_window(weights=random_weights, settings_=QSettings(str(path), QSettings.Format.IniFormat))
    assert len(window.startup_notices) == 1
    notice = window.startup_notices[0]
    assert "damaged" in notice and "reset to the defaults" in notice
    assert notice in window.statusBar().currentMessage()  # shown after the model loaded, not overwritten
    kept = list(tmp_path.glob("damaged.ini.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == GARBAGE[kind]
    assert window.settings.status() == QSettings.Status.NoError and window.settings.allKeys() == []
    assert window.size().width() == 1280  # the default size, not something parsed from junk
    window.set_device("cpu")  # the fresh settings work and are written atomically (QSaveFile)
    window.close()
    assert window.settings.isAtomicSyncRequired()
    again = QSettings(str(path), QSettings.Format.IniFormat)
    assert again.status() == QSettings.Status.NoError and again.value("device") == "cpu"


def test_good_settings_are_left_alone(qapp, tmp_path):
    path = tmp_path / "fine.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue("canvas/brush", 20)
    settings.sync()
    same, notice = recover_settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert notice == "" and same.value("canvas/brush") == 20 and not list(tmp_path.glob("*.damaged-*"))


# ------------------------------------------------------------------ the drawing


def _wait_saved(qtbot, window, count: int = 1) -> None:
    qtbot.waitUntil(lambda: window.autosave.saves >= count, timeout=20_000)


def test_the_drawing_is_restored_after_a_crash(make_window, random_weights, qtbot, private_data_folder, wait_idle):
    first = make_window(weights=random_weights)
    first.canvas.set_grey(drawing(1))
    _wait_saved(qtbot, first)
    assert (private_data_folder / AUTOSAVE_NAME).is_file()
    # No clean close of `first` (that is what a crash skips): a second window starts from the disk.
    second = make_window(weights=random_weights)
    assert np.array_equal(second.canvas.grey(), drawing(1))
    assert "Your last drawing was restored." in second.startup_notices
    wait_idle(second)
    assert second.probabilities.state == "result"


def test_the_drawing_is_restored_after_a_real_crash(random_weights, tmp_path, private_data_folder, make_window,
                                                    run_window_process):
    """A separate process draws, waits for the autosave, then dies without any cleanup (os._exit)."""
    np.save(tmp_path / "drawing.npy", drawing(2))
    done = run_window_process(f"""
        import os
        import numpy as np
        window.canvas.set_grey(np.load({str(tmp_path / 'drawing.npy')!r}))
        window.autosave.saved.connect(lambda _path: os._exit(3))  # crash right after the autosave
        QTimer.singleShot(60_000, lambda: os._exit(4))
        app.exec()
    """)
    assert done.returncode == 3, done.stderr
    window = make_window(weights=random_weights)
    assert np.array_equal(window.canvas.grey(), drawing(2))


def test_a_picture_opened_at_start_up_is_not_announced_as_the_restored_drawing(
        make_window, random_weights, qtbot, tmp_path, wait_idle):
    """ "Open with" on a window that restored a drawing: the status bar names the picture, and the
    drawing is still one Undo away (nothing lost)."""
    from PIL import Image

    first = make_window(weights=random_weights)
    first.canvas.set_grey(drawing(4))
    first.close()
    picture = tmp_path / "shirt.png"
    Image.fromarray(255 - drawing(5)).save(picture)  # dark on white, as a photo or a scan
    second = make_window(weights=random_weights, wait_for_model=False)
    assert np.array_equal(second.canvas.grey(), drawing(4))
    assert second.open_path(picture)  # as `--open FILE` does, right after the start
    qtbot.waitUntil(lambda: second.model_info is not None, timeout=60_000)
    wait_idle(second)
    message = second.statusBar().currentMessage()
    assert "Opened shirt.png" in message and "one Undo away" in message, message
    assert "was restored" not in message
    second.canvas.undo_stack.undo()
    assert np.array_equal(second.canvas.grey(), drawing(4))


def test_a_clean_close_saves_at_once_and_a_cleared_canvas_restores_blank(make_window, random_weights, qtbot):
    first = make_window(weights=random_weights)
    first.canvas.set_grey(drawing(3))
    first.close()  # well inside the autosave delay: closing writes it now
    second = make_window(weights=random_weights)
    assert np.array_equal(second.canvas.grey(), drawing(3))
    second.canvas.clear()
    second.close()
    third = make_window(weights=random_weights)
    assert not third.canvas.grey().any() and third.startup_notices == []


def test_a_burst_of_changes_costs_one_write_off_the_gui_thread(qapp, qtbot, tmp_path):
    import threading

    canvas = DrawingCanvas()
    autosave = CanvasAutosave(canvas, tmp_path, delay_ms=200)
    threads = []
    original = autosave._write
    autosave._write = lambda grey: (threads.append(threading.current_thread()), original(grey))
    try:
        centre = canvas.target_rect().center()
        canvas._begin(centre)
        for i in range(500):  # a long stroke: 500 pointer moves
            canvas._extend(centre + type(centre)(i % 100, i % 37))
        canvas._end()
        qtbot.waitUntil(lambda: autosave.saves >= 1, timeout=10_000)
        autosave.flush()
        assert autosave.saves == 1
        assert threads and all(t is not threading.main_thread() for t in threads)
    finally:
        autosave.close()


def test_a_damaged_autosave_is_set_aside_with_a_notice(make_window, random_weights, private_data_folder):
    private_data_folder.mkdir(parents=True, exist_ok=True)
    (private_data_folder / AUTOSAVE_NAME).write_bytes(b"\x89PNG\r\n\x1a\n broken")
    window = make_window(weights=random_weights)
    assert not window.canvas.grey().any()
    assert any("could not be read" in n for n in window.startup_notices)
    assert (private_data_folder / (AUTOSAVE_NAME + ".damaged")).is_file()


def test_an_unwritable_data_folder_says_so_and_drawing_goes_on(make_window, random_weights, qtbot, monkeypatch,
                                                                tmp_path, wait_idle):
    from fashion_desktop.paths import APP_DATA_ENV

    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv(APP_DATA_ENV, str(blocker / "data"))
    window = make_window(weights=random_weights)
    window.canvas.set_grey(drawing(4))
    qtbot.waitUntil(lambda: "could not be autosaved" in window.statusBar().currentMessage(), timeout=20_000)
    wait_idle(window)
    assert window.probabilities.state == "result"


def test_save_drawing_replaces_the_file_atomically(window, tmp_path, monkeypatch):
    import fashion_desktop.atomic as atomic

    target = tmp_path / "drawing.png"
    target.write_bytes(b"the previous drawing")
    window.canvas.set_grey(drawing(5))

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", crash)  # the write fails at the last step
    assert not window.save_drawing(target)
    assert target.read_bytes() == b"the previous drawing"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".drawing")) == []
    assert "No space left" in window.last_message[1]
    monkeypatch.undo()
    assert window.save_drawing(target)
    from PIL import Image

    assert np.array_equal(np.asarray(Image.open(target).convert("L")), drawing(5))
