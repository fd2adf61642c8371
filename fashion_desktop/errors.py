"""Errors that carry a message meant for a person: what went wrong and what to do.

Everything the CLI or the window shows to a user is one of these; any other exception is a bug.
Each error keeps its English `template` (marked for lupdate with `QT_TRANSLATE_NOOP("Errors", …)`)
and the `arguments` that fill it, and is translated only when shown: `str(error)` speaks the
language the window or the command line chose (fashion_desktop/i18n.py), `error.english` is the
English sentence (logs, bug reports). A plain string still works; it is shown as it is.
"""

from __future__ import annotations

from fashion_desktop import i18n

CONTEXT = "Errors"  # the translation context of every error template


class FashionDesktopError(Exception):
    """Base class: `str(error)` is a complete, user-facing sentence in the current language."""

    def __init__(self, template: str, /, **arguments: object) -> None:
        super().__init__(template.format(**arguments) if arguments else template)
        self.template = template
        self.arguments = arguments

    @property
    def english(self) -> str:
        """The sentence in English, whatever the language."""
        return str(self.args[0]) if self.args else ""

    def __str__(self) -> str:
        return i18n.message(CONTEXT, self.template, **self.arguments)


class ImageError(FashionDesktopError):
    """An image file that cannot be read or used."""


class EmptyImageError(ImageError):
    """An image (or canvas) with nothing on it to classify."""


class WeightsError(FashionDesktopError):
    """A weights file that does not fit the tutorial's NeuralNetwork."""


class DataError(FashionDesktopError):
    """Fashion-MNIST is missing or damaged."""


class DeviceError(FashionDesktopError):
    """A requested compute device is absent or failed."""


class ExportError(FashionDesktopError):
    """An export that could not be written, or that did not reproduce the live model."""
