"""Errors that carry a message meant for a person: what went wrong and what to do.

Everything the CLI or the window shows to a user is one of these; any other exception is a bug.
"""


class FashionDesktopError(Exception):
    """Base class: `str(error)` is a complete, user-facing sentence."""


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
