"""Fashion Desktop: look inside the PyTorch tutorial's Fashion-MNIST network while you draw.

This package is the Qt-free core. Importing it must stay cheap (no torch, no Qt) so the window
can appear before torch loads; the heavy modules import torch themselves.
"""

__version__ = "0.1.0"
APP_NAME = "Fashion Desktop"
APP_ID = "io.github.fashion_desktop.FashionDesktop"

__all__ = ["APP_ID", "APP_NAME", "__version__"]
