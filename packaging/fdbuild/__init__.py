"""Helpers for `packaging/build.py` and `packaging/fashion_desktop.spec`.

Why a package of its own (and not `packaging/__init__.py`): a `packaging` package at the repository
root would shadow PyPI's `packaging`, which pip, setuptools and pytest import. These modules run in
three interpreters (the one that starts build.py, the build venv that runs PyInstaller, and the
tests), so they import nothing outside the standard library at module level.
"""
