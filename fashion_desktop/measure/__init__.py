"""Measuring tools shared by `fashion-desktop bench` and the window it measures: percentiles and
interleaved timing (timing.py), this process's resident memory (memory.py).

Why a package of its own at the base: the bench (Qt-free, above the window) and the window probe
and soak (Qt, in gui/probe/) both use these, and the layers let both import only what lies below
the window. Plain Python, no torch, no Qt, nothing else of ours.
"""
