"""Atomic writes: a failure at any point leaves the previous file whole and no temporary behind."""

from __future__ import annotations

import os

import numpy as np
import pytest
import torch
from PIL import Image

from fashion_desktop import atomic
from fashion_desktop.atomic import atomic_save, atomic_write_bytes, atomic_write_text
from fashion_desktop.images.samples import export_samples, list_samples
from fashion_desktop.network.model import NeuralNetwork, read_weights, save_weights
from fashion_desktop.training.model_card import write_card


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_writer_that_fails_midway_leaves_the_old_file(tmp_path):
    target = tmp_path / "weights.pth"
    target.write_bytes(b"old and good")

    def half_then_fail(handle) -> None:
        handle.write(b"half of the new")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        atomic_save(target, half_then_fail)
    assert target.read_bytes() == b"old and good"
    assert _leftovers(tmp_path) == []


def test_a_failed_rename_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "card.json"
    target.write_text("{}")
    monkeypatch.setattr(atomic.os, "replace", lambda *_a: (_ for _ in ()).throw(OSError(28, "No space left")))
    with pytest.raises(OSError):
        atomic_write_text(target, '{"new": true}')
    assert target.read_text() == "{}"
    assert _leftovers(tmp_path) == []


def test_writes_create_the_folder_and_replace_whole_files(tmp_path):
    target = tmp_path / "a" / "b" / "file.bin"
    atomic_write_bytes(target, b"1" * 100)
    atomic_write_bytes(target, b"2")
    assert target.read_bytes() == b"2"


def test_save_weights_interrupted_keeps_the_previous_weights(tmp_path, monkeypatch):
    path = tmp_path / "model_weights.pth"
    torch.manual_seed(0)
    save_weights(NeuralNetwork(), path)
    before = path.read_bytes()

    def dies(*_args, **_kwargs):
        raise KeyboardInterrupt  # Ctrl+C while writing

    monkeypatch.setattr(torch, "save", dies)
    with pytest.raises(KeyboardInterrupt):
        save_weights(NeuralNetwork(), path)
    assert path.read_bytes() == before
    read_weights(path)  # still loads
    assert _leftovers(tmp_path) == []


def test_model_card_interrupted_keeps_the_previous_card(tmp_path, monkeypatch):
    json_path, md_path = tmp_path / "model_card.json", tmp_path / "MODEL_CARD.md"
    json_path.write_text('{"old": 1}')
    md_path.write_text("# old")
    monkeypatch.setattr(atomic.os, "fsync", lambda _fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OSError):
        write_card({"weights": {}}, json_path, md_path)
    assert json_path.read_text() == '{"old": 1}' and md_path.read_text() == "# old"
    assert _leftovers(tmp_path) == []


def test_exported_samples_are_written_atomically(tmp_path, monkeypatch):
    images = np.zeros((20, 28, 28), np.uint8)
    images[:, 5:20, 8:20] = 200
    labels = np.arange(20) % 10
    written = export_samples(images, labels, labels, tmp_path, per_class=1)
    assert len(written) == 10 and [s.path for s in list_samples(tmp_path)] == sorted(written)
    for path in written:
        assert Image.open(path).size == (28, 28)
    first = written[0].read_bytes()
    real_replace = os.replace
    calls = []

    def fail_second(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", fail_second)
    with pytest.raises(OSError):
        export_samples(255 - images, labels, labels, tmp_path, per_class=1)
    assert written[1].read_bytes() != b"" and Image.open(written[1]).size == (28, 28)
    assert written[0].read_bytes() != first  # the first was replaced whole, the second left whole
    assert _leftovers(tmp_path) == []
