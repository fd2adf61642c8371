"""The command line on issue 6's bad inputs: it reports each one and goes on with the rest."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from PIL import Image

from fashion_desktop.cli import main
from fashion_desktop.network.device import available_devices


def test_predict_reports_blank_and_near_blank_pictures(tmp_path, capsys):
    files = {}
    for name, make in {
        "black.png": lambda: Image.new("L", (64, 64), 0),
        "white.jpg": lambda: Image.new("RGB", (64, 64), (255, 255, 255)),
        "transparent.png": lambda: Image.new("RGBA", (64, 64), (0, 0, 0, 0)),
        "speck.png": lambda: Image.fromarray(np.pad(np.full((1, 1), 255, np.uint8), 200)),
    }.items():
        files[name] = tmp_path / name
        make().save(files[name])
    good = tmp_path / "good.png"
    pixels = np.zeros((64, 64), np.uint8)
    pixels[8:56, 20:44] = 220
    Image.fromarray(pixels).save(good)
    code = main(["predict", "--json", "--device", "cpu", *map(str, files.values()), str(good)])
    rows = json.loads(capsys.readouterr().out)
    assert code == 1
    for row in rows[:-1]:
        assert "label" not in row and "nothing to classify" in row["error"], row
    assert "label" in rows[-1]


@pytest.mark.hardware  # skips where that device is present
@pytest.mark.parametrize("device", ["cuda", "cuda:5", "mps"])
def test_predict_on_an_absent_device_says_so_and_uses_the_cpu(tmp_path, capsys, device):
    if next(d for d in available_devices() if d.name == device.split(":")[0]).available:
        pytest.skip(f"{device} is present here")
    path = tmp_path / "good.png"
    pixels = np.zeros((64, 64), np.uint8)
    pixels[8:56, 20:44] = 220
    Image.fromarray(pixels).save(path)
    assert main(["predict", "--device", device, str(path)]) == 0
    captured = capsys.readouterr()
    assert "not available" in captured.err and "using the CPU" in captured.err
    assert str(path) in captured.out


def test_predict_with_weights_saved_on_cuda_works_on_the_cpu(tmp_path, capsys):
    from unittest import mock

    import torch.serialization

    from fashion_desktop.network.model import NeuralNetwork

    weights = tmp_path / "gpu.pth"
    with mock.patch.object(torch.serialization, "location_tag", lambda _storage: "cuda:0"):
        torch.save(NeuralNetwork().state_dict(), weights)
    path = tmp_path / "good.png"
    pixels = np.zeros((64, 64), np.uint8)
    pixels[8:56, 20:44] = 220
    Image.fromarray(pixels).save(path)
    assert main(["predict", "--json", "--device", "cpu", "--weights", str(weights), str(path)]) == 0
    assert "label" in json.loads(capsys.readouterr().out)[0]


def test_predict_refuses_an_armed_pickle_and_nothing_runs(tmp_path, capsys):
    marker = tmp_path / "marker"

    class Exploit:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    weights = tmp_path / "evil.pth"
    torch.save({"linear_relu_stack.0.weight": Exploit()}, weights)
    path = tmp_path / "good.png"
    pixels = np.zeros((64, 64), np.uint8)
    pixels[8:56, 20:44] = 220
    Image.fromarray(pixels).save(path)
    assert main(["predict", "--weights", str(weights), str(path)]) == 1
    assert "could run code" in capsys.readouterr().err
    assert not marker.exists()
