"""Weights files of issue 6 that test_core_model.py does not already cover: each loads or says why.

Covered there: random bytes, empty, wrong keys, wrong shape, NaN, not a dict, truncated at half,
code-running pickle inside torch.save's zip and as a raw pickle (marker never appears), fp16.
"""

from __future__ import annotations

import pickle
import random
import zipfile
from unittest import mock

import pytest
import torch
import torch.serialization

from fashion_desktop.errors import WeightsError
from fashion_desktop.network.model import NeuralNetwork, load_model, read_weights


@pytest.fixture
def state():
    torch.manual_seed(5)
    return NeuralNetwork().state_dict()


def _reference_logits(state: dict) -> torch.Tensor:
    model = NeuralNetwork()
    model.load_state_dict({k: v.float() for k, v in state.items()})
    return model.eval()(torch.linspace(0, 1, 784).reshape(1, 28, 28))


@pytest.mark.parametrize("value", [float("inf"), float("-inf")])
def test_infinite_values_are_refused(tmp_path, state, value):
    state["linear_relu_stack.2.weight"][3, 7] = value
    path = tmp_path / "inf.pth"
    torch.save(state, path)
    with pytest.raises(WeightsError, match="NaN or infinite"):
        read_weights(path)


def test_bfloat16_weights_load_as_float32_with_a_note(tmp_path, state):
    path = tmp_path / "bf16.pth"
    torch.save({k: v.to(torch.bfloat16) for k, v in state.items()}, path)
    model, loaded = load_model(path)
    assert all(p.dtype == torch.float32 for p in model.parameters())
    assert any("bfloat16" in note for note in loaded.notes)
    expected = _reference_logits({k: v.to(torch.bfloat16) for k, v in state.items()})
    assert torch.allclose(model(torch.linspace(0, 1, 784).reshape(1, 28, 28)), expected, atol=1e-5)


def test_integer_weights_are_refused(tmp_path, state):
    path = tmp_path / "int.pth"
    torch.save({k: v.to(torch.int32) for k, v in state.items()}, path)
    with pytest.raises(WeightsError, match="floating-point"):
        read_weights(path)


def test_checkpoint_saved_on_cuda_loads_on_a_cpu_only_machine(tmp_path, state):
    """torch.save records each storage's device; this file says cuda:0, as one saved on a GPU does.

    The tag is written by torch.save itself (its location_tag is told the storages are on cuda:0),
    and the test first proves the file really is CUDA-tagged: plain torch.load refuses it on this
    CPU-only machine. The app maps it to the CPU.
    """
    path = tmp_path / "from_gpu.pth"
    with mock.patch.object(torch.serialization, "location_tag", lambda _storage: "cuda:0"):
        torch.save(state, path)
    with zipfile.ZipFile(path) as archive:
        pickled = archive.read(next(n for n in archive.namelist() if n.endswith("data.pkl")))
    assert b"cuda:0" in pickled
    if not torch.cuda.is_available():
        with pytest.raises(RuntimeError, match="CUDA"):
            torch.load(path, weights_only=True)
    model, loaded = load_model(path)
    assert all(p.device.type == "cpu" for p in model.parameters())
    for key, value in loaded.state_dict.items():
        assert torch.equal(value, state[key])


@pytest.mark.parametrize("fraction", [0.01, 0.3, 0.9, 0.999])
def test_truncated_anywhere_gives_a_clear_message(tmp_path, state, fraction):
    good = tmp_path / "good.pth"
    torch.save(state, good)
    data = good.read_bytes()
    bad = tmp_path / "cut.pth"
    bad.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(WeightsError) as caught:
        read_weights(bad)
    assert "cut.pth" in str(caught.value) and "truncated" in str(caught.value)


def _rewrite_tensor_bytes(path, edit) -> None:
    """Apply `edit(name, bytearray)` to one large tensor blob inside torch.save's zip, keeping the zip valid."""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        blobs = {n: archive.read(n) for n in names}
    tensors = sorted(n for n in names if "/data/" in n and len(blobs[n]) > 4096)
    blob = bytearray(blobs[tensors[0]])
    edit(tensors, blob)
    blobs[tensors[0]] = bytes(blob)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in names:
            archive.writestr(name, blobs[name])


def test_a_nan_written_into_the_tensor_data_is_caught(tmp_path, state):
    path = tmp_path / "nan.pth"
    torch.save(state, path)

    def put_nan(_names, blob: bytearray) -> None:
        blob[100:104] = b"\xff\xff\xff\x7f"  # a float32 NaN

    _rewrite_tensor_bytes(path, put_nan)
    with pytest.raises(WeightsError, match="NaN or infinite"):
        read_weights(path)


@pytest.mark.parametrize("seed", range(12))
def test_random_bit_flips_in_the_tensor_data_are_caught_or_load_as_written(tmp_path, state, seed):
    """Damage inside a tensor's bytes cannot be told from other weights unless it makes NaN/Inf.

    So a flipped bit must give exactly one of two answers: the NaN/Inf refusal, or the weights with
    that one value changed (what the file now says; nothing else altered, nothing silently fixed).
    Half the flips hit an exponent's top bits, where NaN/Inf are likely, so both answers occur.
    """
    rng = random.Random(seed)
    path = tmp_path / "flipped.pth"
    torch.save(state, path)

    def flip(_names, blob: bytearray) -> None:
        at = rng.randrange(len(blob) // 4) * 4 + (3 if seed % 2 else rng.randrange(4))
        blob[at] ^= 1 << (rng.choice((6, 5, 4)) if seed % 2 else rng.randrange(8))
        if seed % 4 == 1:  # every fourth: the whole exponent set, which is NaN or Inf whatever the mantissa
            blob[at] |= 0x7F
            blob[at - 1] |= 0x80

    _rewrite_tensor_bytes(path, flip)
    as_written = torch.load(path, weights_only=True)  # plain torch does not look at the values
    changed = {k: int((as_written[k] != state[k]).sum()) for k in state}
    assert sum(changed.values()) == 1, changed  # the damage is real: exactly one value differs
    if all(torch.isfinite(v).all() for v in as_written.values()):
        loaded = read_weights(path)
        assert all(torch.equal(loaded.state_dict[k], as_written[k]) for k in state)
    else:
        with pytest.raises(WeightsError, match="NaN or infinite"):
            read_weights(path)


class _Marker:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        import pathlib

        return (pathlib.Path.touch, (pathlib.Path(self.path),))


@pytest.mark.parametrize("layout", ["inside state_dict", "whole file", "protocol 0 text pickle"])
def test_pickles_that_would_create_a_marker_are_refused_and_nothing_runs(tmp_path, state, layout):
    marker = tmp_path / "marker_created_by_unpickling"
    path = tmp_path / "evil.pth"
    if layout == "inside state_dict":
        torch.save({**state, "linear_relu_stack.0.bias": _Marker(str(marker))}, path)
    elif layout == "whole file":
        torch.save(_Marker(str(marker)), path)
    else:
        path.write_bytes(pickle.dumps(_Marker(str(marker)), protocol=0))
    with pytest.raises(WeightsError) as caught:
        read_weights(path)
    assert not marker.exists()
    assert "could run code" in str(caught.value) or "not a PyTorch weights file" in str(caught.value)
    # The proof that the file is armed: unpickling it without the safeguard does create the marker.
    if layout != "protocol 0 text pickle":
        torch.load(path, weights_only=False)
    else:
        pickle.loads(path.read_bytes())
    assert marker.exists()
