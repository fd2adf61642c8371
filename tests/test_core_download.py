"""Downloading Fashion-MNIST without torchvision: verified, atomic, cancellable, clear when it fails."""

from __future__ import annotations

import pytest

from fashion_desktop.dataset import files as data
from fashion_desktop.dataset.download import STEMS, DownloadCancelled, download_dataset
from fashion_desktop.errors import DataError


@pytest.fixture
def mirror(tmp_path, data_mirror):
    """A local 'mirror' holding the real .gz files (file:// URLs go through the same urllib code)."""
    return data_mirror(tmp_path / "mirror")


def test_download_verifies_and_lands_where_the_data_is_looked_for(tmp_path, mirror, monkeypatch, test_split):
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "none")
    monkeypatch.setenv("FASHION_DESKTOP_APP_DATA", str(tmp_path / "user"))
    monkeypatch.delenv(data.DATA_ENV, raising=False)
    progress = []
    folder = download_dataset(tmp_path / "user", mirrors=("file:///nowhere/", mirror), on_progress=progress.append)
    assert data.find_dataset() == folder
    assert len(data.load_split("test")) == 10000
    assert progress[-1].done_bytes == progress[-1].total_bytes and progress[-1].index == 3
    assert [p.done_bytes for p in progress] == sorted(p.done_bytes for p in progress)


def test_a_damaged_mirror_file_is_refused_and_nothing_is_published(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    for stem in STEMS:
        (bad / (stem + ".gz")).write_bytes(b"not gzip")
    with pytest.raises(DataError) as info:
        download_dataset(tmp_path / "user", mirrors=(bad.as_uri() + "/",))
    assert "not a valid .gz" in str(info.value) and "apt-get install dataset-fashion-mnist" in str(info.value)
    assert not list((tmp_path / "user").rglob("*.gz"))


def test_cancel_leaves_no_partial_file(tmp_path, mirror):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3  # part-way through the first (largest) file

    with pytest.raises(DownloadCancelled):
        download_dataset(tmp_path / "user", mirrors=(mirror,), cancelled=cancelled)
    leftovers = list((tmp_path / "user").rglob("*")) if (tmp_path / "user").exists() else []
    assert not [p for p in leftovers if p.is_file()]
