"""Device choice: the tutorial's order, overrides, and a CPU fallback with a reason."""

from __future__ import annotations

import torch

from fashion_desktop.network import device as dev


def test_auto_follows_the_tutorial(monkeypatch):
    monkeypatch.delenv(dev.DEVICE_ENV, raising=False)
    expected = "cuda" if torch.cuda.is_available() else ("mps" if dev._mps_available() else "cpu")
    assert dev.choose_device().device.type == expected


def test_cpu_override_and_env(monkeypatch):
    assert dev.choose_device("cpu").device.type == "cpu"
    monkeypatch.setenv(dev.DEVICE_ENV, "cpu")
    assert dev.choose_device().device.type == "cpu"


def test_absent_device_falls_back_with_notice(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    choice = dev.choose_device("cuda")
    assert choice.device.type == "cpu"
    assert "not available" in choice.notice and "CPU" in choice.notice


def test_unknown_device_name():
    choice = dev.choose_device("tpu")
    assert choice.device.type == "cpu" and "Unknown device" in choice.notice


def test_available_devices_lists_every_kind_with_reasons(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    infos = {d.name: d for d in dev.available_devices()}
    assert set(infos) == {"cpu", "cuda", "mps"}
    assert infos["cpu"].available
    assert not infos["cuda"].available and infos["cuda"].reason
