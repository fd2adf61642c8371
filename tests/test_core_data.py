"""Finding and verifying Fashion-MNIST."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

from fashion_desktop.dataset import files as data
from fashion_desktop.errors import DataError


def test_missing_data_lists_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "debian")
    monkeypatch.setenv("FASHION_DESKTOP_APP_DATA", str(tmp_path / "user"))
    monkeypatch.delenv(data.DATA_ENV, raising=False)
    with pytest.raises(DataError) as info:
        data.find_dataset(tmp_path / "mine")
    message = str(info.value)
    assert str(tmp_path / "mine") in message and str(tmp_path / "debian") in message
    assert "apt-get install dataset-fashion-mnist" in message


def test_parse_idx_and_truncation():
    raw = b"\x00\x00\x08\x03" + (2).to_bytes(4, "big") + (28).to_bytes(4, "big") * 2 + bytes(2 * 784)
    assert data.parse_idx(raw).shape == (2, 28, 28)
    with pytest.raises(DataError, match="truncated"):
        data.parse_idx(raw[:-10])
    with pytest.raises(DataError, match="not an IDX"):
        data.parse_idx(b"hello world")


def test_checksum_mismatch(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DEBIAN_DIR", tmp_path / "none")
    monkeypatch.setenv("FASHION_DESKTOP_APP_DATA", str(tmp_path / "user"))
    images = b"\x00\x00\x08\x03" + (1).to_bytes(4, "big") + (28).to_bytes(4, "big") * 2 + bytes(784)
    labels = b"\x00\x00\x08\x01" + (1).to_bytes(4, "big") + bytes(1)
    with gzip.open(tmp_path / "t10k-images-idx3-ubyte.gz", "wb") as f:
        f.write(images)
    (tmp_path / "t10k-labels-idx1-ubyte").write_bytes(labels)
    with pytest.raises(DataError, match="checksum"):
        data.load_split("test", tmp_path)
    assert len(data.load_split("test", tmp_path, verify=False)) == 1


def test_real_test_split(test_split):
    assert test_split.images.shape == (10_000, 28, 28) and test_split.images.dtype == np.uint8
    assert np.bincount(test_split.labels).tolist() == [1000] * 10
