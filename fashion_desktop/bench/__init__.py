"""`fashion-desktop bench`: what users feel, each figure next to a floor measured in the same run.

The machines this runs on are noisy, so every figure comes with a floor taken in the same run
(often interleaved with it) and is reported as a ratio. Benchmarks print figures; they gate nothing.
Qt-free like the rest of the core: the window is measured in a child process
(`fashion_desktop.bench.window_probe`).
"""
