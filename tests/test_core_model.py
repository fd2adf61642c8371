"""The tutorial's network and the safety of loading weights."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys

import pytest
import torch
from torch import nn

from fashion_desktop.errors import WeightsError
from fashion_desktop.network.model import (
    EXPECTED_SHAPES,
    NeuralNetwork,
    default_weights_path,
    load_model,
    read_weights,
    save_weights,
    sha256_of,
)


def test_state_dict_keys_are_the_tutorials():
    assert list(NeuralNetwork().state_dict()) == list(EXPECTED_SHAPES)


def test_the_tutorials_shape_walk():
    """As the tutorial: 3 images of 28×28 → Flatten 3×784 → Linear(784, 20) 3×20 → ReLU keeps the shape."""
    input_image = torch.rand(3, 28, 28)
    flat_image = nn.Flatten()(input_image)
    assert flat_image.shape == (3, 784)
    hidden1 = nn.Linear(in_features=28 * 28, out_features=20)(flat_image)
    assert hidden1.shape == (3, 20)
    after = nn.ReLU()(hidden1)
    assert after.shape == (3, 20) and (after >= 0).all() and (after[hidden1 > 0] == hidden1[hidden1 > 0]).all()
    model = NeuralNetwork()
    logits = model(input_image)
    assert logits.shape == (3, 10)
    pred_probab = nn.Softmax(dim=1)(logits)
    assert torch.allclose(pred_probab.sum(1), torch.ones(3))
    assert model.flatten(input_image).shape == (3, 784)


def test_tutorial_saved_state_dict_loads(tmp_path):
    """A `model_weights.pth` saved exactly as the tutorial series does loads and gives the same outputs."""
    original = NeuralNetwork()
    path = tmp_path / "model_weights.pth"
    torch.save(original.state_dict(), path)
    model, loaded = load_model(path)
    x = torch.rand(4, 28, 28)
    assert torch.allclose(model(x), original(x))
    assert loaded.path == path and len(loaded.sha256) == 64


def test_save_weights_is_loadable_by_plain_torch(tmp_path):
    path = tmp_path / "w.pth"
    save_weights(NeuralNetwork(), path)
    NeuralNetwork().load_state_dict(torch.load(path, weights_only=True))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("setup, message", [
    (lambda p: p.write_bytes(os.urandom(4096)), "not a PyTorch weights file"),
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: torch.save({"fc.weight": torch.zeros(2, 2)}, p), "does not fit"),
    (lambda p: torch.save({**NeuralNetwork().state_dict(), "linear_relu_stack.4.weight": torch.zeros(20, 512)}, p),
     r"shape \(20, 512\)"),
    (lambda p: torch.save({k: v.fill_(float("nan")) for k, v in NeuralNetwork().state_dict().items()}, p), "NaN"),
    (lambda p: torch.save([1, 2, 3], p), "not a state_dict"),
])
def test_bad_weights_give_clear_errors(tmp_path, setup, message):
    path = tmp_path / "bad.pth"
    setup(path)
    with pytest.raises(WeightsError, match=message):
        read_weights(path)


def test_truncated_weights_file(tmp_path):
    good = tmp_path / "good.pth"
    torch.save(NeuralNetwork().state_dict(), good)
    bad = tmp_path / "truncated.pth"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(WeightsError, match=r"truncated\.pth is damaged or truncated"):
        read_weights(bad)


def test_missing_and_directory(tmp_path):
    with pytest.raises(WeightsError, match="not found"):
        read_weights(tmp_path / "nope.pth")
    with pytest.raises(WeightsError, match="folder"):
        read_weights(tmp_path)


class _Exploit:
    """Unpickling this would create a marker file."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_pickle_that_runs_code_is_refused(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pth"
    torch.save({"linear_relu_stack.0.weight": _Exploit(str(marker))}, path)
    with pytest.raises(WeightsError, match="could run code"):
        read_weights(path)
    assert not marker.exists()


def test_raw_pickle_named_pth_is_refused(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.pth"
    path.write_bytes(pickle.dumps(_Exploit(str(marker))))
    with pytest.raises(WeightsError):
        read_weights(path)
    assert not marker.exists()


def test_half_precision_weights_are_converted(tmp_path):
    original = NeuralNetwork()
    path = tmp_path / "half.pth"
    torch.save({k: v.to(torch.bfloat16) for k, v in original.state_dict().items()}, path)
    loaded = read_weights(path)
    assert all(t.dtype == torch.float32 for t in loaded.state_dict.values())
    assert any("bfloat16" in note for note in loaded.notes)


def test_checkpoint_dict_and_dataparallel_prefix(tmp_path):
    original = NeuralNetwork()
    path = tmp_path / "ckpt.pt"
    torch.save({"epoch": 3, "model_state_dict": {f"module.{k}": v for k, v in original.state_dict().items()}}, path)
    model, _ = load_model(path)
    x = torch.rand(1, 28, 28)
    assert torch.allclose(model(x), original(x))


def test_safetensors_weights(tmp_path):
    from safetensors.torch import save_file

    original = NeuralNetwork()
    path = tmp_path / "model.safetensors"
    save_file(original.state_dict(), str(path))
    model, _ = load_model(path)
    x = torch.rand(2, 28, 28)
    assert torch.allclose(model(x), original(x))


def test_corrupt_safetensors(tmp_path):
    path = tmp_path / "model.safetensors"
    path.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json at all}")
    with pytest.raises(WeightsError, match="safetensors"):
        read_weights(path)


def test_checksum_mismatch_is_reported(tmp_path):
    path = tmp_path / "w.pth"
    save_weights(NeuralNetwork(), path)
    with pytest.raises(WeightsError, match="checksum"):
        read_weights(path, expected_sha256="0" * 64)


def test_shipped_weights_load_and_match_the_card():
    """The file loaded is the one the card describes, checked by SHA-256 against the card's figure."""
    from fashion_desktop.training.model_card import read_card

    card = read_card()
    assert card is not None, "resources/model_card.json is missing"
    model, loaded = load_model()
    assert loaded.path == default_weights_path() and loaded.path.name == card["weights"]["file"]
    assert loaded.sha256 == sha256_of(loaded.path) == card["weights"]["sha256"]
    assert sum(p.numel() for p in model.parameters()) == 669_706 and not model.training


def _bundle(tmp_path, monkeypatch, card: dict | None) -> None:
    """A resources/ folder found the way a frozen app finds it (sys._MEIPASS), with the shipped weights."""
    resources = tmp_path / "resources"
    resources.mkdir()
    shutil.copy(default_weights_path(), resources / "model_weights.pth")
    if card is not None:
        (resources / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert default_weights_path() == resources / "model_weights.pth"


def test_shipped_weights_without_their_card_are_refused(tmp_path, monkeypatch):
    _bundle(tmp_path, monkeypatch, card=None)
    with pytest.raises(WeightsError, match="model_card.json is missing"):
        load_model()


def test_shipped_weights_with_a_card_without_a_checksum_are_refused(tmp_path, monkeypatch):
    _bundle(tmp_path, monkeypatch, card={"weights": {"file": "model_weights.pth"}})
    with pytest.raises(WeightsError, match="no weights checksum"):
        load_model()


def test_shipped_weights_that_differ_from_their_card_are_refused(tmp_path, monkeypatch):
    _bundle(tmp_path, monkeypatch, card={"weights": {"file": "model_weights.pth", "sha256": "ab" * 32}})
    with pytest.raises(WeightsError, match="checksum"):
        load_model()


def test_a_persons_own_weights_need_no_card(tmp_path):
    """The same bytes under another name, with no card beside them, load: the card is for the shipped file."""
    own = tmp_path / "my_weights.pth"
    shutil.copy(default_weights_path(), own)
    _model, loaded = load_model(own)
    assert loaded.path == own and not list(tmp_path.glob("*.json"))
    assert loaded.sha256 == sha256_of(default_weights_path())
