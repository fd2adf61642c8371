"""Shared fixtures. Tests that need Fashion-MNIST skip without it, except where CI demands it."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read the English messages: pin the language whatever the developer's locale (the app and the
# CLI follow LANGUAGE/LC_ALL/LANG; tests/test_translations.py sets zh_CN where it means to).
os.environ.pop("LANGUAGE", None)
os.environ["LC_ALL"] = "C.UTF-8"


def _split(name: str):
    """A real split; CI sets FASHION_DESKTOP_REQUIRE_DATA=1 so absence fails there instead of skipping."""
    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.errors import DataError

    try:
        return load_split(name)
    except DataError as exc:
        if os.environ.get("FASHION_DESKTOP_REQUIRE_DATA") == "1":
            pytest.fail(str(exc))
        pytest.skip(f"Fashion-MNIST not installed: {exc}")


@pytest.fixture(scope="session")
def test_split():
    return _split("test")


@pytest.fixture(scope="session")
def train_split():
    return _split("train")
