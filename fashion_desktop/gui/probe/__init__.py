"""The window under measurement: what `fashion-desktop bench` runs in a child process
(window_probe.py) and the long-session memory check (soak.py).

Why here: they drive the real window with Qt, and Qt code lives in gui/; the bench above stays
Qt-free and starts `python -m fashion_desktop.gui.probe.window_probe`. Imports nothing, so the
empty-window floor costs what it did.
"""
