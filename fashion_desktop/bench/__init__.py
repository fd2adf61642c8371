"""`fashion-desktop bench`: what users feel, each figure next to a floor measured in the same run.

The machines this runs on are noisy, so every figure comes with a floor taken in the same run
(often interleaved with it) and is reported as a ratio. Benchmarks print figures; they gate nothing.
Qt-free (an import-linter contract in pyproject.toml holds it): the window is measured in child
processes (`python -m fashion_desktop.gui.probe.window_probe`); the timing and memory tools both
sides use are in `fashion_desktop.measure`.
"""
