"""On CUDA: inference, saliency and training give what the CPU gives (the README: "running offline on CUDA").

Runs whenever `torch.cuda.is_available()`; skipped with the reason otherwise (marked `hardware`, so
CI's no-skip rule does not apply to a machine without a GPU). Runnable on its own on a GPU
machine: `python -m pytest tests/test_gpu.py` (about a minute; the data-set test needs
Fashion-MNIST and is marked slow like every test that reads it).
"""

from __future__ import annotations

import contextlib
import io
import json

import numpy as np
import pytest
import torch
from PIL import Image

from fashion_desktop.network.inference import STAGES, Predictor
from fashion_desktop.network.model import NeuralNetwork, load_model

pytestmark = [
    pytest.mark.hardware,
    pytest.mark.skipif(not torch.cuda.is_available(),
                       reason="no CUDA GPU here (torch.cuda.is_available() is False); run on a machine with one"),
]


@pytest.fixture(scope="module")
def inputs() -> np.ndarray:
    """The shipped samples (real test images) and some noise, as the network's 28×28 inputs."""
    from fashion_desktop.images.samples import list_samples

    samples = [np.asarray(Image.open(s.path).convert("L"), np.float32) / 255 for s in list_samples()]
    noise = np.random.default_rng(0).random((12, 28, 28), dtype=np.float32)
    return np.concatenate([np.stack(samples), noise])


def _pair() -> tuple[Predictor, Predictor]:
    return Predictor(load_model()[0], "cpu"), Predictor(load_model()[0], "cuda")


def test_the_tutorials_rule_picks_cuda():
    from fashion_desktop.network.device import auto_device

    assert auto_device().type == "cuda"


def test_inference_on_cuda_gives_the_cpus_answers(inputs):
    cpu, gpu = _pair()
    assert next(gpu.model.parameters()).is_cuda
    on_cpu, on_gpu = cpu.predict_batch(inputs), gpu.predict_batch(inputs)
    assert on_gpu.device.startswith("cuda")
    assert np.allclose(on_gpu.probabilities, on_cpu.probabilities, atol=1e-4)
    assert (on_gpu.indices == on_cpu.indices).all()


def test_every_stage_on_cuda_matches_the_cpu(inputs):
    cpu, gpu = _pair()
    for image in inputs[:5]:
        a, b = cpu.predict(image), gpu.predict(image)
        assert list(b.activations) == [name for name, _ in STAGES]
        for name in a.activations:
            assert isinstance(b.activations[name], np.ndarray)  # back on the host, as the window needs
            assert np.allclose(b.activations[name], a.activations[name], atol=1e-4), name


def test_saliency_on_cuda_matches_the_cpu(inputs):
    from fashion_desktop.explain.saliency import gradient_x_input

    cpu, gpu = _pair()
    for image in inputs[:5]:
        top = cpu.predict(image).index
        on_cpu = gradient_x_input(cpu.model, image, top)
        on_gpu = gradient_x_input(gpu.model, image, top)
        assert on_gpu.shape == (28, 28) and np.abs(on_cpu).max() > 0
        assert np.allclose(on_gpu, on_cpu, atol=1e-4)
    assert all(p.grad is None for p in gpu.model.parameters())  # the parameters' gradients are untouched


@pytest.mark.slow  # trains a network
def test_a_training_run_on_cuda_takes_the_cpus_steps():
    """Same seed, same data, tutorial recipe: the weights after the same steps agree across devices."""
    from fashion_desktop.training.loop import train
    from fashion_desktop.training.recipe import TrainConfig

    rng = np.random.default_rng(1)
    images = rng.integers(0, 256, (448, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, 448)
    config = TrainConfig.tutorial(epochs=2, val_size=64, lr=0.05, seed=2)
    devices: set[str] = set()
    on_gpu = train(images, labels, config, device="cuda",
                   on_model=lambda m: devices.add(next(m.parameters()).device.type))
    on_cpu = train(images, labels, config, device="cpu")
    assert devices == {"cuda"}  # the steps really ran on the GPU
    assert on_gpu.best_epoch == on_cpu.best_epoch
    for key, value in on_cpu.state_dict.items():
        assert on_gpu.state_dict[key].device.type == "cpu"  # the result is plain CPU weights, savable anywhere
        assert torch.allclose(on_gpu.state_dict[key], value, atol=1e-4), key
    start = NeuralNetwork().state_dict()
    assert not torch.allclose(on_gpu.state_dict["linear_relu_stack.4.weight"], start["linear_relu_stack.4.weight"])


@pytest.mark.slow  # trains a network
def test_training_on_cuda_learns():
    from fashion_desktop.training.loop import evaluate, train
    from fashion_desktop.training.recipe import TrainConfig

    rng = np.random.default_rng(3)
    labels = rng.integers(0, 10, 1280)
    images = np.zeros((1280, 28, 28), np.uint8)
    for i, label in enumerate(labels):  # a bar per class, in noise: learnable in a few epochs
        images[i, 2 + 2 * label : 5 + 2 * label, 4:24] = 255
    images = np.clip(images + rng.integers(0, 60, images.shape), 0, 255).astype(np.uint8)
    result = train(images, labels, TrainConfig.shipped(epochs=3, val_size=128, drawn_per_class=20), device="cuda")
    model = NeuralNetwork()
    model.load_state_dict(result.state_dict)
    assert evaluate(model.cuda(), images[:256], labels[:256], torch.device("cuda")).accuracy > 0.9


def test_the_command_line_runs_on_cuda(tmp_path):
    from fashion_desktop.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["summary", "--json", "--device", "cuda"]) == 0
    assert json.loads(out.getvalue())["device"].startswith("cuda")


def test_the_test_set_on_cuda_gives_the_cpus_predictions(test_split):
    cpu, gpu = _pair()
    pixels = test_split.images.astype(np.float32) / 255
    on_cpu, on_gpu = cpu.predict_batch(pixels).indices, gpu.predict_batch(pixels).indices
    assert (on_cpu == on_gpu).mean() >= 0.999
    assert abs((on_gpu == test_split.labels).mean() - (on_cpu == test_split.labels).mean()) <= 0.001
