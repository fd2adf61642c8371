"""The window in Simplified Chinese (issue 15): every text a person reads is Chinese.

The window is opened with the zh_CN catalogue (as the app does when the system or View ▸ Language
asks for it), every dock is shown and a drawing is classified, then every widget's text, tooltip,
title, item and header, every action and menu, and every chart label is walked. A string with
English words left fails, except names that stay as they are in the Chinese tutorial too (an
allow-list: PyTorch, CUDA, the nn. layer names, file types, units).
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from fashion_desktop import i18n
from fashion_desktop.gui import language

# Names the Chinese tutorial keeps in Latin letters, and what is not a word (units, shortcuts, formats).
ALLOWED = {
    "pytorch", "torch", "cuda", "mps", "cpu", "gpu", "nvidia", "apple", "onnx", "qt", "pyqtgraph", "pyside",
    "nn", "linear", "relu", "flatten", "softmax", "sequential", "neuralnetwork", "state_dict", "safetensors",
    "fashion", "mnist", "desktop",  # the data set's and the app's names
    "sgd", "adamw", "ema", "one", "cycle", "dropout", "logits", "epoch", "lr", "export", "save", "model", "load",
    "png", "svg", "csv", "jpeg", "jpg", "bmp", "webp", "gif", "tiff", "pth", "pt", "json", "md", "readme",
    "ctrl", "shift", "alt", "del", "delete", "esc", "mb", "kb", "gb", "ms", "px", "dpi", "min", "max", "std",
    "float", "bfloat", "int", "torchvision", "print", "xw", "auto", "sha", "apt", "get", "sudo", "dataset",
    "install", "dir", "data", "tsne", "umap", "pca", "py", "dict", "mib", "kib", "gib", "param",
    "mac", "english",  # a product name; View ▸ Language names each language in itself
}
WORD = re.compile(r"[A-Za-z][A-Za-z_]+")


def english_words(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>|&[a-z]+;", " ", text)  # rich-text tags and entities (&nbsp;)
    text = re.sub(r"\b\d+(\.\d+)+\S*", " ", text)  # version numbers: 2.14.1+cu130
    text = re.sub(r"&(?=\w)", "", text)  # menu shortcut markers
    text = re.sub(r"https?://\S+|\S+\.(pth|pt|png|svg|csv|json|onnx|safetensors|md)\b|[\w/.-]+/[\w/.-]+", " ", text)
    text = re.sub(r"`[^`]*`|torch\.\w+(\([^)]*\))?|model\.\w+\(\)|nn\.\w+|\w+\(\)", " ", text)  # code
    text = re.sub(r"\b\w*_\w*(\.\w+)*\b", " ", text)  # parameter names: linear_relu_stack.0.weight
    return [w for w in WORD.findall(text) if w.lower() not in ALLOWED and not (w.isupper() and len(w) <= 5)]


def texts_of(window) -> list[tuple[str, str]]:
    """(where, text) for everything a person can read in the window."""
    found: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for widget in window.findChildren(QWidget):
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        found.append((where + " tooltip", widget.toolTip()))
        found.append((where + " status tip", widget.statusTip()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((where, widget.text()))
        if isinstance(widget, QDockWidget):
            found.append((where + " title", widget.windowTitle()))
        if isinstance(widget, QGroupBox):
            found.append((where + " title", widget.title()))
        if isinstance(widget, QLineEdit):
            found.append((where + " placeholder", widget.placeholderText()))
        if isinstance(widget, QTextEdit):
            found.append((where, widget.toPlainText()))
        if isinstance(widget, QComboBox):
            found += [(where + " item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QTabBar):
            found += [(where + " tab", widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QTableWidget):
            for header in (widget.horizontalHeaderItem, widget.verticalHeaderItem):
                for i in range(max(widget.columnCount(), widget.rowCount())):
                    item = header(i)
                    if item is not None:
                        found += [(where + " header", item.text()), (where + " header tip", item.toolTip())]
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            found += [(where + " header", header.text(c)) for c in range(header.columnCount())]
            for i in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(i)
                stack = [item]
                while stack:
                    node = stack.pop()
                    found += [(where + " item tip", node.toolTip(c)) for c in range(node.columnCount())]
                    stack += [node.child(k) for k in range(node.childCount())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            horizontal = widget.orientation().value == 1
            for i in range(model.columnCount() if horizontal else model.rowCount()):
                found.append((where + " header", str(model.headerData(i, widget.orientation()) or "")))
        if isinstance(widget, QMenu):
            found.append((where + " title", widget.title()))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                for attr in ("text", "labelText"):
                    value = getattr(item, attr, None)
                    if isinstance(value, str):
                        found.append((where + f" chart {type(item).__name__}", value))
                if hasattr(item, "toPlainText"):
                    found.append((where + f" chart {type(item).__name__}", item.toPlainText()))
    for action in window.findChildren(QAction):
        found += [(f"action {action.text()!r}", action.text()), (f"action {action.text()!r} tip", action.toolTip()),
                  (f"action {action.text()!r} status tip", action.statusTip()),
                  (f"action {action.text()!r} icon text", action.iconText())]
    return [(where, text) for where, text in found if text]


@pytest.fixture
def chinese(qapp):
    assert language.install(qapp, language.CHINESE), "resources/translations/fashion_desktop_zh_CN.qm is missing"
    yield
    language.install(qapp, language.ENGLISH)


@pytest.mark.slow  # showing the Test set and Map docks reads the real Fashion-MNIST
def test_every_text_of_the_window_is_chinese(chinese, make_window, random_weights, qtbot, wait_idle):
    window = make_window(weights=random_weights)
    for dock in window.findChildren(QDockWidget):
        dock.setFloating(False)
        dock.show()
        dock.raise_()
    qtbot.wait(200)
    size = window.canvas.SIZE
    grey = np.zeros((size, size), np.uint8)
    grey[size // 7: size * 6 // 7, size * 3 // 8: size * 5 // 8] = 255  # a trouser-like block
    window.canvas.set_grey(grey)
    window.request_prediction()
    wait_idle(window)
    qtbot.wait(300)
    left = []
    for where, text in texts_of(window):
        words = english_words(text)
        if words:
            left.append(f"{where}: {text!r} ({', '.join(words)})")
    assert not left, f"{len(left)} texts with English words left:\n" + "\n".join(sorted(set(left)))


def test_class_names_and_core_errors_follow_the_installed_language(chinese):
    from fashion_desktop.classes import class_name, class_names
    from fashion_desktop.errors import WeightsError

    assert class_names()[0] == "T恤/上衣" and class_name(9) == "短靴"
    error = WeightsError("Weights file not found: {path}. Choose an existing .pth, .pt or .safetensors file.",
                         path="x.pth")
    assert str(error) == "找不到权重文件：x.pth。请选择一个存在的 .pth、.pt 或 .safetensors 文件。"
    assert error.english.startswith("Weights file not found: x.pth.")
    assert i18n.translating()


def test_the_language_menu_saves_the_choice_for_the_next_start(make_window, random_weights, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    settings = QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat)
    window = make_window(weights=random_weights, settings_=settings)
    menu = window.findChild(QMenu, "language_menu")
    actions = {a.data(): a for a in menu.actions()}
    assert set(actions) == {"system", "en", "zh_CN"} and actions["system"].isChecked()
    assert actions["zh_CN"].text() == "简体中文" and actions["en"].text() == "English"  # each named in itself
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    actions["zh_CN"].trigger()
    assert settings.value("language") == "zh_CN" and shown  # saved, and the person is told when it applies
    assert language.chosen(settings) == "zh_CN" and language.effective("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"  # this window is not switched behind its back


@pytest.mark.parametrize(("saved", "expected"), [(None, "语言(&L)"), ("en", "&Language")])
def test_the_app_follows_the_system_language_unless_one_was_chosen(tmp_path, saved, expected):
    """A real start (create_application) under LC_ALL=zh_CN.UTF-8: Chinese, unless View ▸ Language said English."""
    import os
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    code = textwrap.dedent(f"""
        from PySide6.QtCore import QCoreApplication, QSettings
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, {str(tmp_path)!r})
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        from fashion_desktop import APP_NAME
        from fashion_desktop.gui.application import ORGANIZATION, create_application
        if {saved!r}:
            QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_NAME).setValue(
                "language", {saved!r})
        app = create_application([])
        from fashion_desktop.classes import class_name
        print(QCoreApplication.translate("Language", "&Language"), class_name(9), sep="|")
    """)
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_MESSAGES", "LANG")}
    env.update(LC_ALL="zh_CN.UTF-8", QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    menu, boot = done.stdout.strip().split("|")
    assert menu == expected and boot == ("短靴" if saved is None else "Ankle boot")


def test_the_guide_and_the_about_box_are_chinese(chinese, make_window, random_weights, qtbot, wait_idle):
    """Help ▸ Guide and Help ▸ About are separate windows the walk above does not open."""
    from fashion_desktop.gui.dialogs import show_about, show_guide

    window = make_window(weights=random_weights)
    wait_idle(window)
    guide, about = show_guide(window), show_about(window, window.model_info)
    qtbot.wait(100)
    left = []
    for dialog in (guide, about):
        found = texts_of(dialog)
        assert any(re.search(r"[\u4e00-\u9fff]", text) for _, text in found), f"{dialog.objectName()} shows no Chinese"
        left += [f"{dialog.objectName()} {where}: {text!r} ({', '.join(words)})"
                 for where, text in found if (words := english_words(text))]
    guide.close()
    about.close()
    assert not left, f"{len(left)} texts with English words left:\n" + "\n".join(sorted(set(left)))


def test_a_damaged_picture_and_a_refused_weights_file_are_explained_in_chinese(chinese, make_window, random_weights,
                                                                             qtbot, wait_idle, tmp_path):
    """The core's errors reach the window's dialogs as Chinese sentences (issue 15, item 3)."""
    import torch

    window = make_window(weights=random_weights)
    wait_idle(window)
    damaged = tmp_path / "shirt.png"
    damaged.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)  # a PNG header and nothing after it
    window.open_path(damaged)
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=10_000)
    shown = [window.last_message]
    window.last_message = None
    other = tmp_path / "other.pth"
    torch.save({"conv.weight": torch.zeros(3, 3)}, other)  # someone else's network
    window.load_weights(other)
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=30_000)
    shown.append(window.last_message)
    for title, text in shown:
        assert re.search(r"[\u4e00-\u9fff]", title) and re.search(r"[\u4e00-\u9fff]", text), (title, text)
        assert not english_words(title + " " + text.replace("conv.weight", "")), (title, text)
    assert "缺少" in shown[1][1] and "多出 conv.weight" in shown[1][1]  # the key mismatch, in whole sentences
