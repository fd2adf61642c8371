"""The numpy evaluator answers as the torch model does, from weights read without torch or unpickling."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys
import zipfile
from collections import OrderedDict

import numpy as np
import pytest
import torch

from fashion_desktop.errors import WeightsError
from fashion_desktop.images.preprocess import prepare_file
from fashion_desktop.images.samples import list_samples
from fashion_desktop.network.inference import STAGES, Predictor
from fashion_desktop.network.model import NeuralNetwork, load_model, save_weights, state_to_numpy
from fashion_desktop.network.numpy_net import NumpyNetwork, read_numpy_weights
from fashion_desktop.network.torch_zip import UnsupportedWeights, read_state_dict


@pytest.fixture(scope="module")
def shipped():
    model, _loaded = load_model(None)
    return Predictor(model, "cpu"), NumpyNetwork(read_numpy_weights().arrays)


def test_the_shipped_weights_read_without_torch_are_the_same_numbers():
    _model, loaded = load_model(None)
    numpy_weights = read_numpy_weights()
    assert numpy_weights.sha256 == loaded.sha256
    for key, tensor in loaded.state_dict.items():
        assert np.array_equal(numpy_weights.arrays[key], tensor.numpy())


def test_numpy_and_torch_agree_on_the_samples(shipped):
    predictor, network = shipped
    samples = list_samples()
    assert samples, "the shipped samples are missing"
    for sample in samples:
        pixels = prepare_file(sample.path).pixels
        ours, theirs = network.predict(pixels), predictor.predict(pixels)
        assert ours.index == theirs.index, sample.path.name
        assert np.allclose(ours.probabilities, theirs.probabilities, atol=1e-5), sample.path.name
        assert list(ours.activations) == [name for name, _ in STAGES]
        for name, array in theirs.activations.items():
            assert np.allclose(ours.activations[name], array, atol=1e-5), (sample.path.name, name)
        assert ours.engine == "numpy" and theirs.engine == "torch"


def test_numpy_and_torch_agree_on_random_inputs_and_networks():
    rng = np.random.default_rng(7)
    for seed in range(3):
        torch.manual_seed(seed)
        model = NeuralNetwork()
        predictor, network = Predictor(model, "cpu"), NumpyNetwork(state_to_numpy(model.state_dict()))
        batch = rng.random((64, 28, 28), dtype=np.float32)
        ours, _ = network.forward(batch)
        assert np.allclose(ours, predictor.predict_batch(batch).probabilities, atol=1e-5)


def test_a_tutorial_state_dict_with_metadata_and_strided_tensors_reads_without_torch(tmp_path):
    torch.manual_seed(3)
    model = NeuralNetwork()
    state = model.state_dict()  # an OrderedDict carrying _metadata, as the tutorial saves it
    transposed = state["linear_relu_stack.2.weight"].t().contiguous().t()  # same values, other strides
    state["linear_relu_stack.2.weight"] = transposed
    path = tmp_path / "model_weights.pth"
    torch.save(state, path)
    arrays = read_numpy_weights(path).arrays
    for key, tensor in state.items():
        assert np.array_equal(arrays[key], tensor.numpy())
    wrapped = tmp_path / "checkpoint.pt"
    torch.save({"epoch": 3, "model_state_dict": model.state_dict()}, wrapped)
    assert set(read_numpy_weights(wrapped).arrays) == set(state)


def test_safetensors_read_without_torch(tmp_path):
    from safetensors.torch import save_file

    torch.manual_seed(4)
    model = NeuralNetwork()
    path = tmp_path / "w.safetensors"
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(path))
    arrays = read_numpy_weights(path).arrays
    assert np.array_equal(arrays["linear_relu_stack.4.bias"], model.state_dict()["linear_relu_stack.4.bias"].numpy())


class _Trap:
    def __reduce__(self):
        return (exec, ("open(" + repr(str(_Trap.marker)) + ", 'w').close()",))


def test_a_pickle_that_would_run_code_is_refused_and_never_runs(tmp_path):
    _Trap.marker = tmp_path / "ran"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.pkl", pickle.dumps({"linear_relu_stack.0.weight": _Trap()}, protocol=2))
    with pytest.raises(UnsupportedWeights, match="refused"):
        read_state_dict(buffer.getvalue())
    path = tmp_path / "evil.pth"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(WeightsError):
        read_numpy_weights(path)
    assert not _Trap.marker.exists()


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 truncated", b"not a zip at all"])
def test_damaged_files_raise_weights_error(tmp_path, content):
    path = tmp_path / "bad.pth"
    path.write_bytes(content)
    with pytest.raises(WeightsError):
        read_numpy_weights(path)


def test_weights_that_do_not_fit_are_refused(tmp_path):
    path = tmp_path / "other.pth"
    torch.save(OrderedDict(weight=torch.zeros(3, 3)), path)
    with pytest.raises(WeightsError, match="does not fit"):
        read_numpy_weights(path)
    torch.manual_seed(0)
    save_weights(NeuralNetwork(), tmp_path / "fine.pth")
    state = torch.load(tmp_path / "fine.pth", weights_only=True)
    state["linear_relu_stack.4.bias"][0] = float("nan")
    torch.save(state, path)
    with pytest.raises(WeightsError, match="NaN"):
        read_numpy_weights(path)


def test_the_numpy_evaluator_does_not_import_torch():
    code = ("import sys\nimport numpy as np\n"
            "from fashion_desktop.network.numpy_net import NumpyNetwork, read_numpy_weights\n"
            "NumpyNetwork(read_numpy_weights().arrays).predict(np.zeros((28, 28), np.float32))\n"
            "assert 'torch' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_numpy_and_torch_agree_on_familiarity_where_one_is_shipped():
    from fashion_desktop.network.familiarity import familiarity_for

    model, loaded = load_model(None)
    familiarity = familiarity_for(None, loaded.sha256)
    if familiarity is None:
        pytest.skip("no familiarity is shipped with these weights")
    predictor = Predictor(model, "cpu", familiarity)
    network = NumpyNetwork(read_numpy_weights().arrays, familiarity)
    for sample in list_samples():
        pixels = prepare_file(sample.path).pixels
        ours, theirs = network.predict(pixels), predictor.predict(pixels)
        assert ours.familiarity == pytest.approx(theirs.familiarity, abs=1e-4), sample.path.name
        assert np.allclose(ours.calibrated, theirs.calibrated, atol=1e-5)
