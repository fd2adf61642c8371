"""Shared fixtures and the rules that keep the suite honest.

- Tests that need Fashion-MNIST skip without it, except where CI demands it
  (FASHION_DESKTOP_REQUIRE_DATA=1): there every skip is a failure, unless the test is marked
  `hardware` (it depends on which accelerators the machine has, e.g. the GPU tests).
- Every test that reads the real data set (through `test_split`, `train_split` or `data_mirror`)
  is marked `slow` automatically, and a test that is not marked slow but reads the real data
  anyway fails, so `pytest -m "not slow"` stays a true quick loop.
"""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read the English messages: pin the language whatever the developer's locale (the app and the
# CLI follow LANGUAGE/LC_ALL/LANG; tests/test_translations.py sets zh_CN where it means to).
os.environ.pop("LANGUAGE", None)
os.environ["LC_ALL"] = "C.UTF-8"

REQUIRE_ENV = "FASHION_DESKTOP_REQUIRE_DATA"
DATA_FIXTURES = {"test_split", "train_split", "data_mirror"}
REAL_TEST_IMAGES = 10_000  # a split this large is the real data set, not a test's stand-in


def required() -> bool:
    """True in CI: what would be skipped for want of data or tools must fail instead."""
    return os.environ.get(REQUIRE_ENV) == "1"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if DATA_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under FASHION_DESKTOP_REQUIRE_DATA=1 a skip is a failure (except hardware-dependent tests)."""
    outcome = yield
    report = outcome.get_result()
    if (report.skipped and required() and not hasattr(report, "wasxfail")
            and item.get_closest_marker("hardware") is None):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped, but {REQUIRE_ENV}=1 says everything CI can run must run: {reason}"


@pytest.fixture(autouse=True)
def quick_tests_do_not_read_the_real_data(request, monkeypatch):
    """A test not marked slow that loads the real data set fails: it must be marked slow."""
    if request.node.get_closest_marker("slow") is not None:
        yield
        return
    from fashion_desktop.dataset import files

    original = files.load_split
    seen: list[int] = []

    def watched(*args, **kwargs):
        split = original(*args, **kwargs)
        if len(split) >= REAL_TEST_IMAGES:
            seen.append(len(split))
        return split

    monkeypatch.setattr(files, "load_split", watched)
    yield
    if seen:
        pytest.fail(f"{request.node.nodeid} reads the real Fashion-MNIST ({seen} images) but is not marked slow")


def _split(name: str):
    """A real split; CI sets FASHION_DESKTOP_REQUIRE_DATA=1 so absence fails there instead of skipping."""
    from fashion_desktop.dataset.files import load_split
    from fashion_desktop.errors import DataError

    try:
        return load_split(name)
    except DataError as exc:
        if required():
            pytest.fail(str(exc))
        pytest.skip(f"Fashion-MNIST not installed: {exc}")


@pytest.fixture(scope="session")
def test_split():
    return _split("test")


@pytest.fixture(scope="session")
def train_split():
    return _split("train")


@pytest.fixture
def data_mirror() -> Callable[[Path], str]:
    """Make a local 'mirror' of the four .gz files from the installed data (gzipping it if it is not).

    Returns a function: folder → its file:// URL. The data's place is looked up now, before a test
    hides the real locations; the files are copied only when the function is called.
    """
    from fashion_desktop.dataset import files as data
    from fashion_desktop.dataset.download import STEMS
    from fashion_desktop.errors import DataError

    try:
        source = data.find_dataset()
    except DataError as exc:
        if required():
            pytest.fail(str(exc))
        pytest.skip(f"Fashion-MNIST not installed: {exc}")

    def make(folder: Path) -> str:
        folder.mkdir(parents=True, exist_ok=True)
        for stem in STEMS:
            packed, plain = source / (stem + ".gz"), source / stem
            if packed.is_file():
                shutil.copy(packed, folder / packed.name)
            else:  # an uncompressed install: a mirror serves .gz, so pack it as one would
                (folder / packed.name).write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
        return folder.as_uri() + "/"

    return make
