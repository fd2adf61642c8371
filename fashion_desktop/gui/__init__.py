"""The desktop window: thin Qt views over the Qt-free core. Only this package imports Qt.

Importing it must not import torch: the window appears first and the worker thread loads torch.
"""
