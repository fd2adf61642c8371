"""Exporting the network: each format reads back in the tool it is for and answers as the live model does."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from fashion_desktop.classes import CLASS_NAMES
from fashion_desktop.cli import main
from fashion_desktop.errors import ExportError
from fashion_desktop.network import export
from fashion_desktop.network.model import NeuralNetwork, save_weights


@pytest.fixture(scope="module")
def model():
    """Not the shipped weights: what is exported must be whatever model is passed in."""
    torch.manual_seed(17)
    return NeuralNetwork().eval()


@pytest.fixture(scope="module")
def images():
    rng = np.random.default_rng(5)
    return rng.random((5, 28, 28), dtype=np.float32)


def live(model, images):
    with torch.inference_mode():
        logits = model(torch.from_numpy(images))
    return logits.numpy(), torch.softmax(logits, 1).numpy()


def test_onnx_runs_in_onnx_runtime_with_names_dynamic_batch_and_class_names(model, images, tmp_path):
    onnxruntime = pytest.importorskip("onnxruntime")
    import onnx

    result = export.export_model(model, tmp_path / "net.onnx", source="a test network")
    assert result.format == "onnx" and result.max_difference <= export.TOLERANCE
    proto = onnx.load(str(result.path))
    assert proto.opset_import[0].version >= 18
    assert json.loads({p.key: p.value for p in proto.metadata_props}["class_names"]) == list(CLASS_NAMES)
    session = onnxruntime.InferenceSession(str(result.path), providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == ["image"]
    assert [o.name for o in session.get_outputs()] == ["logits", "probabilities"]
    want_logits, want_probs = live(model, images)
    for batch in (1, 5):  # the batch dimension is not fixed at the example's size
        logits, probs = session.run(None, {"image": images[:batch]})
        np.testing.assert_allclose(logits, want_logits[:batch], atol=1e-4)
        np.testing.assert_allclose(probs, want_probs[:batch], atol=1e-4)


def test_pt2_loads_with_torch_export_load(model, images, tmp_path):
    result = export.export_model(model, tmp_path / "net.pt2")
    extra = {"metadata.json": ""}
    program = torch.export.load(str(result.path), extra_files=extra)
    assert json.loads(json.loads(extra["metadata.json"])["class_names"]) == list(CLASS_NAMES)
    want, _ = live(model, images)
    for batch in (1, 3):
        got = program.module()(torch.from_numpy(images[:batch])).detach().numpy()
        np.testing.assert_allclose(got, want[:batch], atol=1e-4)


def test_safetensors_and_state_dict_load_into_the_tutorials_class(model, images, tmp_path):
    from safetensors import safe_open
    from safetensors.torch import load_file

    want, _ = live(model, images)
    st = export.export_model(model, tmp_path / "net.safetensors")
    pth = export.export_model(model, tmp_path / "model_weights.pth", "state_dict")
    with safe_open(str(st.path), "pt") as handle:
        assert json.loads(handle.metadata()["class_names"]) == list(CLASS_NAMES)
    for state in (load_file(str(st.path)), torch.load(pth.path, weights_only=True)):  # as the tutorial loads it
        again = NeuralNetwork()
        again.load_state_dict(state)
        with torch.inference_mode():
            np.testing.assert_allclose(again.eval()(torch.from_numpy(images)).numpy(), want, atol=1e-4)


@pytest.mark.parametrize("failure", ["disagrees", "unreadable"])
def test_a_file_that_does_not_reproduce_the_model_is_not_kept(model, tmp_path, monkeypatch, failure):
    out = tmp_path / "net.safetensors"
    out.write_bytes(b"the previous export")

    def reload(path, fmt):
        if failure == "unreadable":
            raise ValueError("simulated damage")
        real = export._READERS[fmt](path)
        return lambda x: {"logits": real(x)["logits"] + 1e-3}

    monkeypatch.setattr(export, "load_exported", reload)
    with pytest.raises(ExportError) as info:
        export.export_model(model, out)
    message = str(info.value)
    assert "not kept" in message
    assert ("differ by up to 0.001" in message) if failure == "disagrees" else ("simulated damage" in message)
    assert out.read_bytes() == b"the previous export"  # the old file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["net.safetensors"]  # and no temporary file is left


def test_unknown_format_and_cancel(model, tmp_path):
    with pytest.raises(ExportError, match="Unknown export format"):
        export.export_model(model, tmp_path / "net.bin")
    with pytest.raises(export.ExportCancelled):
        export.export_model(model, tmp_path / "net.pth", cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_cli_exports_the_weights_it_is_given(model, images, tmp_path, capsys):
    weights = tmp_path / "mine.pth"
    save_weights(model, weights)
    out = tmp_path / "out.bin"
    assert main(["export", "--format", "safetensors", "--weights", str(weights), "--json", str(out)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "safetensors" and report["bytes"] == out.stat().st_size
    from safetensors.torch import load_file

    again = NeuralNetwork()
    again.load_state_dict(load_file(str(out)))
    np.testing.assert_array_equal(again.linear_relu_stack[4].bias.detach().numpy(),
                                  model.linear_relu_stack[4].bias.detach().numpy())
    assert main(["export", str(tmp_path / "out.bin")]) == 2  # no format, no telling suffix
    assert "--format" in capsys.readouterr().err


def test_onnx_without_onnxscript_says_what_to_install(model, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "onnxscript", None)  # as if it were not installed
    with pytest.raises(ExportError, match="onnxscript"):
        export.export_model(model, tmp_path / "net.onnx")
    assert list(tmp_path.iterdir()) == []
