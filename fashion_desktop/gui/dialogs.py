"""Help ▸ Guide and Help ▸ About: short texts, opened without blocking the event loop."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from fashion_desktop import APP_NAME, __version__

translate = QCoreApplication.translate  # with literal arguments, so that pyside6-lupdate finds them


def package_version(name: str) -> str:
    """A package's version without importing it (torch takes seconds to import)."""
    from importlib import metadata  # 40 ms of imports (email, csv…): only when the About box opens

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return translate("Help", "not installed")


def about_text(model_info=None) -> str:
    """The About box's HTML: versions of the app, PyTorch, Qt, and where the model runs."""
    torch_version = getattr(model_info, "torch_version", "") or package_version("torch")
    device = (f"{model_info.device} ({model_info.device_description})" if model_info is not None
              else translate("Help", "not loaded yet"))
    weights = model_info.weights_path if model_info is not None else "—"
    rows = [
        (translate("Help", "Version"), __version__),
        (translate("Help", "PyTorch"), torch_version),
        (translate("Help", "Qt"), f"{qVersion()} (PySide6 {pyside_version})"),
        (translate("Help", "pyqtgraph"), package_version("pyqtgraph")),
        (translate("Help", "Device"), device),
        (translate("Help", "Weights"), weights),
    ]
    table = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;{v}</td></tr>" for k, v in rows)
    return (f"<h3>{APP_NAME}</h3><p>" + translate("Help",
            "Draw a garment and watch the PyTorch tutorial's Fashion-MNIST "
                                            "network classify it, live.") + f"</p><table>{table}</table>")


GUIDE = QT_TRANSLATE_NOOP("Help", """
<h3>Draw</h3>
<p>Draw a garment on the black canvas with light strokes, the way Fashion-MNIST shows them.
The bars update while you draw. <b>B</b> brush, <b>E</b> eraser, <b>F</b> fill (click inside a
closed outline), <b>[</b> and <b>]</b> change the brush size. Ctrl+Z undoes, Ctrl+Shift+Z or
Ctrl+Y redoes, Delete clears.</p>
<h3>Load</h3>
<p>Open a picture (Ctrl+O), drop a file on the window, paste one (Ctrl+V), or pick a real test
image from the Samples menu (Ctrl+1 … Ctrl+0). Photos on a light background are inverted and
cropped the way the data set was made. You can draw over a loaded picture.</p>
<h3>Look inside</h3>
<p>The box beside the canvas shows the 28 × 28 pixels the network really receives. The
<i>Layers</i> panel is the network as <code>print(model)</code> shows it; select a layer to see its
weights and biases in the <i>Parameters</i> panel. Hover a layer for what it does.</p>
<h3>Choose where it runs</h3>
<p>The Device menu moves the network to the CPU, an NVIDIA GPU (CUDA) or an Apple GPU (MPS).
Model ▸ Open weights… loads a <code>state_dict</code> you saved in the tutorial with
<code>torch.save(model.state_dict(), "model_weights.pth")</code>.</p>
<h3>Train it yourself</h3>
<p>Model ▸ Train the network… (Ctrl+T) trains the tutorial's network from a fresh random start
(or from the weights in use) while you keep drawing: loss and accuracy curves, pause, resume,
stop. Tick <i>Show the predictions of the network being trained</i> to watch the bars learn. When
it is done, compare it with the shipped model, make it the live model, or save it.</p>
""")


def show_guide(parent: QWidget) -> QDialog:
    """A small non-modal window with the guide."""
    existing = parent.findChild(QDialog, "guideDialog")
    if existing is not None:
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = QDialog(parent)
    dialog.setObjectName("guideDialog")
    dialog.setWindowTitle(translate("Help", "{0} guide").format(APP_NAME))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    browser = QTextBrowser(dialog)
    browser.setHtml(QCoreApplication.translate("Help", GUIDE))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(560, 520)
    dialog.show()
    return dialog


def show_about(parent: QWidget, model_info=None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(translate("Help", "About {0}").format(APP_NAME))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(model_info))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
