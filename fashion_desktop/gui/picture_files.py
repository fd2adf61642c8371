"""Pictures in and out of the window: open, paste, drag and drop, save the drawing, choose weights.

A mixin of `MainWindow`: every way a picture reaches the canvas goes through `open_image`, which
prepares it exactly as the network's input and says in the status bar what preprocessing did;
every file that cannot be used gets a dialog that says why, and the app goes on. PIL and the
preprocessing are imported with the first picture, not with the window (they would delay its
first paint).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QIODevice, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from fashion_desktop.atomic import atomic_write_bytes
from fashion_desktop.errors import EmptyImageError, ImageError

IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff *.ppm *.pgm"
WEIGHTS_PATTERNS = "*.pth *.pt *.safetensors"


def qimage_to_rgba(image: QImage) -> np.ndarray:
    """Any QImage → an owned uint8 H×W×4 array (row padding from bytesPerLine dropped)."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    height, width, stride = image.height(), image.width(), image.bytesPerLine()
    view = np.frombuffer(image.constBits(), np.uint8, count=stride * height).reshape(height, stride)
    return view[:, : width * 4].reshape(height, width, 4).copy()


class PictureFiles:
    """Opening, pasting, dropping and saving pictures; the last folder used is remembered."""

    def open_path(self, path: str | Path) -> bool:
        """Open a picture file onto the canvas; a file that cannot be used gets a dialog saying why."""
        from fashion_desktop.images.preprocess import open_image  # PIL: on the first picture, not at start
        path = Path(path)
        try:
            image = open_image(path)
        except ImageError as exc:
            self.show_error(self.tr("Could not open the picture"), str(exc))
            return False
        self.remember_folder(path)
        return self.open_image(image, path.name)

    def open_image(self, image, name: str) -> bool:
        """Put a decoded PIL image on the canvas as the network's input would see it."""
        from fashion_desktop.images.preprocess import prepare_image  # PIL: on the first picture, not at start
        try:
            prepared = prepare_image(image)
        except EmptyImageError:
            self.canvas.clear()
            self.statusBar().showMessage(self.tr("{0} is blank: there is nothing to classify.").format(name), 8000)
            return False
        except ImageError as exc:
            self.show_error(self.tr("Could not use the picture"), str(exc))
            return False
        self.canvas.load_pixels(prepared.pixels)
        notes = self._preprocessing_notes(prepared.inverted, prepared.filled, by_colour=prepared.by_colour)
        extra = f" ({notes})" if notes else ""
        message = self.tr("Opened {0}{1}").format(name, extra)
        if self.model_info is None:  # opened at start-up ("Open with"): say so once the model is ready
            restored = self.autosave.restored_notice
            if restored in self.startup_notices:  # the drawing restored a moment ago lies under the picture
                self.startup_notices.remove(restored)
                message += " " + self.tr("Your last drawing is one Undo away.")
            self.startup_notices.append(message)
        self.statusBar().showMessage(message, 8000)
        return True

    def open_qimage(self, image: QImage, name: str) -> bool:
        from fashion_desktop.images.preprocess import from_array  # PIL: on the first picture, not at start

        if image.isNull():
            self.show_error(self.tr("Could not use the picture"), self.tr("The picture is empty."))
            return False
        try:
            pil = from_array(qimage_to_rgba(image))
        except ImageError as exc:
            self.show_error(self.tr("Could not use the picture"), str(exc))
            return False
        return self.open_image(pil, name)

    def _preprocessing_notes(self, inverted: bool, filled: bool, mirrored: bool = False, by_colour: bool = False) -> str:
        """What preprocessing did to the picture, for the status bar and the preview's caption."""
        if by_colour:  # its grey was made light on dark from the colour: "inverted" would say nothing true
            notes = [self.tr("told from its background by colour: it is about as bright")]
        else:
            notes = [self.tr("inverted to light on dark")] if inverted else []
        if filled:
            notes.append(self.tr("closed outline filled"))
        if mirrored:
            notes.append(self.tr("mirrored: the data set's shoes face left"))
        return ", ".join(notes)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a picture"), self.last_folder(),
                                              self.tr("Pictures ({0});;All files (*)").format(IMAGE_PATTERNS))
        if path:
            self.open_path(path)

    def paste(self) -> bool:
        data = QApplication.clipboard().mimeData()
        if data is not None and data.hasImage():
            return self.open_qimage(QImage(data.imageData()), self.tr("the pasted picture"))
        if data is not None and data.hasUrls():
            local = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
            if local:
                return self.open_path(local[0])
        self.statusBar().showMessage(self.tr("The clipboard holds no picture."), 5000)
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        data = event.mimeData()
        local = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
        if data.hasImage() or local:
            event.acceptProposedAction()
        if local and Path(local[0]).is_dir():
            # a folder is on its way: the folder view's processes start now, while the hand moves to
            # the drop (starting them takes ~0.15 s; a drag across the window takes longer)
            from fashion_desktop.gui import folder_pool

            folder_pool.warm_up()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        local = [url.toLocalFile() for url in data.urls() if isinstance(url, QUrl) and url.isLocalFile()]
        if local and Path(local[0]).is_dir():  # a folder: classify every picture in it
            event.acceptProposedAction()
            self.exports.classify_folder(local[0])
        elif local:
            event.acceptProposedAction()
            self.open_path(local[0])
        elif data.hasImage():
            event.acceptProposedAction()
            self.open_qimage(QImage(data.imageData()), self.tr("the dropped picture"))

    def save_dialog(self) -> None:
        default = str(Path(self.last_folder()) / "drawing.png")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the drawing"), default, self.tr("PNG image (*.png)"))
        if path:
            self.save_drawing(path if path.lower().endswith(".png") else path + ".png")

    def save_drawing(self, path: str | Path) -> bool:
        """Write the canvas as a PNG, atomically (a crash never leaves half a file)."""
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.canvas.image().save(buffer, "PNG"):
            self.show_error(self.tr("Could not save the drawing"), self.tr("The PNG could not be encoded."))
            return False
        try:
            atomic_write_bytes(path, bytes(buffer.data()))
        except OSError as exc:
            self.show_error(self.tr("Could not save the drawing"),
                            self.tr("{0} could not be written: {1}.").format(path, exc.strerror or exc))
            return False
        self.remember_folder(path)
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)
        return True

    def open_weights_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open weights"), self.last_folder(),
                                              self.tr("Weights ({0});;All files (*)").format(WEIGHTS_PATTERNS))
        if path:
            self.remember_folder(path)
            self.load_weights(path)

    def last_folder(self) -> str:
        """Where the file dialogs open: the folder last used, else the home folder."""
        folder = str(self.settings.value("folders/last", ""))
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def remember_folder(self, path: str | Path) -> None:
        self.settings.setValue("folders/last", str(Path(path).resolve().parent))
